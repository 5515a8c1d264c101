#!/bin/sh
# Protection checked: -ttt and -ttttt print what tcpdump 4.99 prints
# (print.c, ts_print) when stamps go backwards, as they do in captures
# merged from several queues: "-" and the distance to the reference
# ("-00:00:01.500000"), where a forward step has a space; and a
# reference stamped 0.000000 counts as none yet, so after a packet
# stamped 0 the next one becomes the first.  A hand-made nanosecond pcap
# (stamps 0, 0, 100.5, 99, 0, 101.000000250, 101.000000900), whole lines
# compared with tcpdump -n, with and without --nano.
#
# Can fail: print_ts() showed a step backwards as " 00:00:00.000000" and
# took the first packet as -ttttt's reference even when stamped 0.
. tests/lib/corpus.sh
zb_corpus tcpdump python3
python3 tests/lib/stamps.py "$tmp/back.pcap" 0:0 0:0 100:500000000 99:0 0:0 \
    101:250 101:900 || { echo "FAIL: stamps.py"; exit 1; }
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for t in -ttt -ttttt "-ttt --nano" "-ttttt --nano"; do
		# shellcheck disable=SC2086
		"$z" -n -r "$tmp/back.pcap" $t >"$tmp/z" 2>/dev/null </dev/null
		# shellcheck disable=SC2086
		tcpdump -n -r "$tmp/back.pcap" $t >"$tmp/t" 2>/dev/null
		if ! cmp -s "$tmp/z" "$tmp/t" || [ ! -s "$tmp/z" ]; then
			echo "FAIL: $t differs from tcpdump:"
			diff "$tmp/t" "$tmp/z"
			exit 1
		fi
		grep -q '^-' "$tmp/z" ||
		    { echo "FAIL: $t: no step backwards printed"; exit 1; }
		echo "$z $t: $(wc -l <"$tmp/z") lines as tcpdump's," \
		    "$(grep -c '^-' "$tmp/z") backwards"
	done
done
exit 0
