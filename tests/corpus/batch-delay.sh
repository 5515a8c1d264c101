#!/bin/sh
# "delay" on batch mode's standard input takes effect at once: zbtop -b
# --delay 8 --iterations 4 replays a 10-second file at recorded speed and
# is told "delay 0.5" half a second in.  Expected: its four snapshots
# within 5 s (about 2 s), each ending a half-second refresh but the first.
#
# Can fail: the new interval counted only from the next snapshot, so the
# first came 8 s in and the run took 9.5 s.
. tests/lib/corpus.sh
zb_corpus zbtop python3
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 200 0.05 ||
    { echo "FAIL: mkpcap.py"; exit 1; }
t0=$(date +%s.%N)
# zbtop's own end (the end of its standard input does not stop it).
(sleep 0.5; echo "delay 0.5") | {
	"$ZBTOP" -b -r "$tmp/slow.pcap" --speed 1 --delay 8 --iterations 4 \
	    >"$tmp/out" 2>"$tmp/err"
	date +%s.%N >"$tmp/end"
}
t=$(awk -v a="$t0" -v b="$(cat "$tmp/end")" 'BEGIN { printf "%.1f", b - a }')
n=$(grep -c '^zbtop file' "$tmp/out")
echo "4 snapshots wanted: $n in ${t} s"
if [ "$n" -ne 4 ]; then
	echo "FAIL: $n snapshots, not 4"
	cat "$tmp/out" "$tmp/err"
	exit 1
fi
if awk -v t="$t" 'BEGIN { exit !(t >= 5) }'; then
	echo "FAIL: the run took $t s: the new delay waited for the old one"
	exit 1
fi
exit 0
