#!/bin/sh
# Protection checked: -ttt (since the previous packet) and -ttttt (since
# the first) are differences of the stamps as printed, as tcpdump's:
# with microseconds (no --nano), two stamps 6 ns apart across a
# microsecond boundary print .999999 and .000000, and the step between
# them is 0.000001, not 0.000000; steps of 25 h and 100 h print the
# hours of the day, as tcpdump's.  A hand-made nanosecond pcap, compared
# with tcpdump -n line by line (time stamp column).
#
# Can fail: with print_ts() subtracting nanoseconds and cutting the
# result, -ttt printed 00:00:00.000000 where tcpdump prints
# 00:00:00.000001, and -ttttt drifted the same way; 25 h printed as
# 25:01:01 where tcpdump prints 01:01:01.
. tests/lib/corpus.sh
zb_corpus tcpdump python3
python3 tests/lib/stamps.py "$tmp/nano.pcap" 1000:999999999 1001:5 1001:1999 \
    1001:2000 1002:999 1003:0 1003:999 1003:1000 91064:1000 451064:1000 ||
    { echo "FAIL: stamps.py"; exit 1; }
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for t in -ttt -ttttt "-ttt --nano" "-ttttt --nano"; do
		"$z" -r "$tmp/nano.pcap" -P $t 2>/dev/null |
		    awk '{ print $1 }' >"$tmp/z"
		tcpdump -n -r "$tmp/nano.pcap" $t 2>/dev/null |
		    awk '{ print $1 }' >"$tmp/t"
		if ! cmp -s "$tmp/z" "$tmp/t" || [ ! -s "$tmp/z" ]; then
			echo "FAIL: $t differs from tcpdump (zbtop | tcpdump):"
			paste "$tmp/z" "$tmp/t"
			exit 1
		fi
		echo "$z $t: $(wc -l <"$tmp/z") stamps as tcpdump's"
	done
done
exit 0
