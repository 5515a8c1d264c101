#!/bin/sh
# A replay's speed has one range wherever it is set: 0 (as fast as
# possible) or 1/64 to 1000 times recorded.  --speed refuses 1e-9 and
# 1001 with one line and exit 1, and takes 0.015625; the speed command
# on batch mode's standard input refuses 1e-9 (a replay that never
# moves), 0.01, 1001 and inf, each with one error naming the range,
# and takes 0, 1000 and 2 (answering each).
# Can fail: before, "speed 1e-9" froze the replay, "speed 1001" and
# "speed inf" became 1000 silently, and --speed 1e-9 was taken.
. tests/lib/corpus.sh
zb_corpus python3
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 50 0.5 || exit 1
for x in 1e-9 1001; do
	err=$("$ZBTOP" -b -r "$tmp/slow.pcap" --speed "$x" --iterations 1 \
	    2>&1 >/dev/null)
	rc=$?
	echo "--speed $x: exit $rc: $err"
	[ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
	    { echo "FAIL: --speed $x not refused in one line"; exit 1; }
done
"$ZBTOP" -b -r "$tmp/slow.pcap" --speed 0.015625 --iterations 1 \
    >/dev/null 2>&1 || { echo "FAIL: --speed 0.015625 refused"; exit 1; }
printf 'speed 1e-9\nspeed 0.01\nspeed 1001\nspeed inf\nspeed 0\nspeed 1000\nspeed 2\n' \
    >"$tmp/cmds"
"$ZBTOP" -b -r "$tmp/slow.pcap" --speed 1 --delay 1 --iterations 2 \
    <"$tmp/cmds" >"$tmp/out" 2>&1
grep 'speed' "$tmp/out"
[ "$(grep -c 'speed: expected 0, a number from 0.015625 to 1000' \
    "$tmp/out")" -eq 4 ] || { echo "FAIL: not 4 refusals"; exit 1; }
grep -q 'speed: as fast as possible' "$tmp/out" &&
    grep -q 'speed: 1000x recorded' "$tmp/out" &&
    grep -q 'speed: 2x recorded' "$tmp/out" ||
    { echo "FAIL: 0, 1000 or 2 not taken"; exit 1; }
exit 0
