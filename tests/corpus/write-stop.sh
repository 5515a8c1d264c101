#!/bin/sh
# "write stop" says what it did: with nothing being written it answers
# "not writing", not "writing stopped"; after "write FILE" it answers
# "writing stopped".  zbtop -b -r tests/data/sample.pcap --speed 1 reads
# the three commands on standard input.
. tests/lib/corpus.sh
zb_corpus
# zbtop may drop to "nobody" before it opens the file: let it in.
chmod 0777 "$tmp"
printf 'write stop\nwrite %s/w.pcap\nwrite stop\n' "$tmp" |
    "$ZBTOP" -b -r tests/data/sample.pcap --speed 1 --iterations 2 \
    --delay 0.5 >"$tmp/out" 2>&1
grep -E '^(not writing|writing)' "$tmp/out"
# Answers may go to stdout or stderr: counted, not ordered.
[ "$(grep -c '^not writing: nothing to stop$' "$tmp/out")" = 1 ] ||
    { echo "FAIL: no one 'not writing: nothing to stop'"; exit 1; }
[ "$(grep -c '^writing stopped$' "$tmp/out")" = 1 ] ||
    { echo "FAIL: not one 'writing stopped'"; exit 1; }
[ "$(grep -c "^writing to $tmp/w.pcap\$" "$tmp/out")" = 1 ] ||
    { echo "FAIL: not one 'writing to'"; exit 1; }
exit 0
