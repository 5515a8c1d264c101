#!/bin/sh
# A file whose link type libpcap cannot filter (999), with no filter
# given: one line, the same words as tcpdump's after the program's name,
# exit 1, nothing on standard output; never "bad filter", as no filter
# was given.  In print mode, tcpdump's "reading from file" line before
# it, as tcpdump: its whole stderr, the program's name aside.
# Can fail: before, zbtop said "bad filter: unknown data link type 999".
. tests/lib/corpus.sh
zb_corpus tcpdump python3
python3 - "$tmp/d.pcap" <<'EOP' || { echo "FAIL: python3"; exit 1; }
import struct, sys
f = open(sys.argv[1], "wb")
f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 999))
f.write(struct.pack("<IIII", 1, 0, 4, 4) + b"abcd")
EOP
for m in -P -b; do
	"$ZBTOP" $m -n -r "$tmp/d.pcap" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want=$(tcpdump -n -r "$tmp/d.pcap" 2>&1 | sed 's/^tcpdump: /zbtop: /')
	[ "$m" = -b ] && want=$(printf '%s\n' "$want" | grep '^zbtop: ')
	echo "zbtop $m: exit $rc: $(cat "$tmp/err") (tcpdump: $want)"
	[ $rc -eq 1 ] || { echo "FAIL: exit $rc"; exit 1; }
	[ "$(cat "$tmp/err")" = "$want" ] ||
	    { echo "FAIL: not tcpdump's lines"; exit 1; }
	[ ! -s "$tmp/out" ] || { echo "FAIL: output on stdout"; exit 1; }
done
exit 0
