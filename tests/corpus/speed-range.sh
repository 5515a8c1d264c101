#!/bin/sh
# A replay's speed has one range wherever it is set: 0 (as fast as
# possible) or 1/64 to 1000 times recorded.  --speed refuses 1e-9 and
# 1001 with one line and exit 1, and takes 0.015625; the speed command
# on batch mode's standard input refuses 1e-9 (a replay that never
# moves), 0.01, 1001 and inf, each with one error naming the range,
# and takes 0, 1000 and 2 (answering each).
# Can fail: before, "speed 1e-9" froze the replay, "speed 1001" and
# "speed inf" became 1000 silently, and --speed 1e-9 was taken.
: "${ZBTOP:=./zbtop}"
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-speedr.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
python3 tests/screen/mkpcap.py "$dir/slow.pcap" 50 0.5 || exit 1
for x in 1e-9 1001; do
	err=$("$ZBTOP" -b -r "$dir/slow.pcap" --speed "$x" --iterations 1 \
	    2>&1 >/dev/null)
	rc=$?
	echo "--speed $x: exit $rc: $err"
	[ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
	    { echo "FAIL: --speed $x not refused in one line"; exit 1; }
done
"$ZBTOP" -b -r "$dir/slow.pcap" --speed 0.015625 --iterations 1 \
    >/dev/null 2>&1 || { echo "FAIL: --speed 0.015625 refused"; exit 1; }
printf 'speed 1e-9\nspeed 0.01\nspeed 1001\nspeed inf\nspeed 0\nspeed 1000\nspeed 2\n' \
    >"$dir/cmds"
"$ZBTOP" -b -r "$dir/slow.pcap" --speed 1 --delay 1 --iterations 2 \
    <"$dir/cmds" >"$dir/out" 2>&1
grep 'speed' "$dir/out"
[ "$(grep -c 'speed: expected 0, a number from 0.015625 to 1000' \
    "$dir/out")" -eq 4 ] || { echo "FAIL: not 4 refusals"; exit 1; }
grep -q 'speed: as fast as possible' "$dir/out" &&
    grep -q 'speed: 1000x recorded' "$dir/out" &&
    grep -q 'speed: 2x recorded' "$dir/out" ||
    { echo "FAIL: 0, 1000 or 2 not taken"; exit 1; }
exit 0
