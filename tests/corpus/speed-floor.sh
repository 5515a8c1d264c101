#!/bin/sh
# speed - (and the - key) halves a replay's speed down to 1/64 and no
# further: halving had no end, to "2.98023e-05x" after 25 presses (a
# second of the file then lasting nine hours).  25 "speed -" commands on
# batch mode's standard input, from 1x: the last says 0.015625x.
. tests/lib/corpus.sh
zb_corpus python3
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 50 0.5 || exit 1
i=0
while [ $i -lt 25 ]; do echo "speed -"; i=$((i + 1)); done >"$tmp/cmds"
"$ZBTOP" -b -r "$tmp/slow.pcap" --speed 1 --delay 1 --iterations 2 \
    <"$tmp/cmds" >"$tmp/out" 2>&1
last=$(grep 'speed: ' "$tmp/out" | tail -n 1)
[ "$(grep -c 'speed: ' "$tmp/out")" -eq 25 ] ||
    { echo "FAIL: not 25 answers: $(cat "$tmp/out")"; exit 1; }
case $last in
*"speed: 0.015625x recorded") echo "25 halvings end at $last" ;;
*) echo "FAIL: 25 halvings from 1x end at '$last'"; exit 1 ;;
esac
exit 0
