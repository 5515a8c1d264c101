#!/bin/sh
# The first batch snapshots come before the first one-second rate sample:
# they show the average since start, not a false "0/s".  A capture of
# 300 frames 10 ms apart (tests/screen/mkpcap.py) replayed at recorded
# speed, a snapshot every 0.4 s: the first two say between 50 and 200
# packets/s in text (-b) and in JSON (-b -J), for the whole capture and
# for its ring (the RING table's PPS, JSON's rings[].pps); and a rotation
# count above 0 has a rate above 0.
. tests/lib/corpus.sh
zb_corpus python3
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 300 0.01 || exit 1
"$ZBTOP" -b -r "$tmp/slow.pcap" --speed 1 --delay 0.4 --iterations 2 \
    >"$tmp/text" || { echo "zbtop -b failed"; exit 1; }
"$ZBTOP" -b -J -r "$tmp/slow.pcap" --speed 1 --delay 0.4 --iterations 2 \
    >"$tmp/json" || { echo "zbtop -b -J failed"; exit 1; }
sed -n 's/^packets [0-9]* (\([0-9.]*\)\/s).*/\1/p' "$tmp/text" >"$tmp/rates"
sed -n 's/.*"packets":[0-9]*,"bytes":[0-9]*,"pps":\([0-9.]*\),.*/\1/p' \
    "$tmp/json" >>"$tmp/rates"
awk '$1 == 0 && $3 == "*" && NF == 10 { print $9 }' "$tmp/text" >>"$tmp/rates"
sed -n 's/.*"rings":\[{[^]]*"pps":\([0-9.]*\),.*/\1/p' "$tmp/json" >>"$tmp/rates"
grep '^rotations' "$tmp/text" | tr ',' '\n' |
    awk '/ [1-9][0-9]* \(0\.0\/s\)/ { bad = 1 } END { exit bad }' ||
    { echo "a rotation count at 0/s: $(grep '^rotations' "$tmp/text")"; exit 1; }
[ "$(wc -l <"$tmp/rates")" -eq 8 ] || { echo "rates: $(cat "$tmp/rates")"; exit 1; }
awk '$1 < 50 || $1 > 200 { bad = 1 } END { exit bad }' "$tmp/rates" ||
    { echo "first rates not about 100/s: $(cat "$tmp/rates" | tr '\n' ' ')"; exit 1; }
exit 0
