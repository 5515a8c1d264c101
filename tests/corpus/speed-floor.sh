#!/bin/sh
# speed - (and the - key) halves a replay's speed down to 1/64 and no
# further: halving had no end, to "2.98023e-05x" after 25 presses (a
# second of the file then lasting nine hours).  25 "speed -" commands on
# batch mode's standard input, from 1x: the last says 0.015625x.
: "${ZBTOP:=./zbtop}"
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-speed.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
python3 tests/screen/mkpcap.py "$dir/slow.pcap" 50 0.5 || exit 1
i=0
while [ $i -lt 25 ]; do echo "speed -"; i=$((i + 1)); done >"$dir/cmds"
"$ZBTOP" -b -r "$dir/slow.pcap" --speed 1 --delay 1 --iterations 2 \
    <"$dir/cmds" >"$dir/out" 2>&1
last=$(grep 'speed: ' "$dir/out" | tail -n 1)
[ "$(grep -c 'speed: ' "$dir/out")" -eq 25 ] ||
    { echo "FAIL: not 25 answers: $(cat "$dir/out")"; exit 1; }
case $last in
*"speed: 0.015625x recorded") echo "25 halvings end at $last" ;;
*) echo "FAIL: 25 halvings from 1x end at '$last'"; exit 1 ;;
esac
exit 0
