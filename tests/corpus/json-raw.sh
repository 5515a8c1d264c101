#!/bin/sh
# -b -J carries text from outside escaped once, JSON's way.  A copy of
# tests/data/sample.pcap named  we"ird\name<0xe9><0x01>.pcap  is read with
# -b -J and a filter written with a tab; every JSON line is parsed with
# python3.  Expected: "source" is the true name (bytes from 0x80 up come
# as \u00NN, so the string encoded as Latin-1 gives the name's bytes) and
# "filter" the filter as given, tab included; not the terminal escapes
# (\\ doubled, \xe9 as four characters) the screen and text show.
. tests/lib/corpus.sh
zb_corpus python3
name=$(printf '%s/we"ird\\name\351\001.pcap' "$tmp")
cp tests/data/sample.pcap "$name" || exit 1
filter=$(printf 'ip or\tnot ip')
"$ZBTOP" -b -J --iterations 2 --delay 0.1 -r "$name" "$filter" \
    >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; echo "FAIL: zbtop"; exit 1; }
python3 - "$tmp/out" "$name" "$filter" <<'EOP'
import json, os, sys
out, name, filt = sys.argv[1], os.fsencode(sys.argv[2]), os.fsencode(sys.argv[3])
lines = open(out, "rb").read().splitlines()
if not lines:
    sys.exit("FAIL: no JSON line")
for l in lines:
    o = json.loads(l)
    src = o["source"].encode("latin-1")
    if src != name:
        sys.exit("FAIL: source %r, not %r" % (src, name))
    f = o["filter"].encode("latin-1")
    if f != filt:
        sys.exit("FAIL: filter %r, not %r" % (f, filt))
print("%d JSON lines, source and filter as given" % len(lines))
EOP
