#!/bin/sh
# A link that bounces does not end the capture.  For each live mode:
# zbtop -b -w captures 2000 frames (seq 1..2000), then "ip link set
# down"; while down, a snapshot says "link: down since HH:MM:SS"; 0.3 s
# later "ip link set up", and 1000 more frames (seq 2001..3000) are sent.
# Expected: zbtop still runs, the snapshot after the bounce has no "link:
# down" line; stopped with SIGINT it exits 0, its stderr empty, the final
# line has captured=3000 dropped=0, and the -w file holds all 3000 frames
# sent, before and after the bounce, equal to zbgen -w's byte for byte
# (tcpdump -e -xx, as in write.sh).  (tests/live/ifdown.sh: a deleted
# interface still ends the capture.)
#
# Can fail: with the old behaviour (exit at "interface went down") the
# capture ends at the bounce and captured=2000.
. tests/lib/netns.sh
zb_testbed tcpdump
N=2000
M=1000
zb_ref $((N + M))

for mode in zbuf copy; do
	pcap="$ZB_TMP/$mode.pcap"
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	ip -n "$ZB_NS_GEN" link set "$ZB_IF_GEN" up || zb_fail "link up"
	zb_zbtop_bound "$mode" -w "$pcap"
	zb_send "$mode" $N 20000
	sleep 1
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || zb_fail "link down"
	sleep 1.5
	grep -q '^link: down since [0-9][0-9]:[0-9][0-9]:[0-9][0-9]$' "$ZB_OUT" ||
	    zb_fail "$mode: no 'link: down since' while the link was down"
	kill -0 "$ZB_PID" 2>/dev/null ||
	    { cat "$ZB_ERR" >&2; zb_fail "$mode: zbtop ended at link down"; }
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	i=0
	while ! ip -n "$ZB_NS_GEN" link show "$ZB_IF_GEN" | grep -q 'LOWER_UP' &&
	    [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $M -r 20000 \
	    -S $((N + 1)) -T 30 >/dev/null 2>&1 || zb_fail "$mode: zbgen after"
	sleep 1.5
	tail -n 12 "$ZB_OUT" | grep -q '^link: down' &&
	    zb_fail "$mode: still 'link: down' after the link came back"
	zb_stop "$ZB_PID" 10 ||
	    { cat "$ZB_ERR" >&2; zb_fail "$mode: exit status not 0"; }
	last=$(tail -n 1 "$ZB_OUT")
	echo "$mode: $last"
	[ ! -s "$ZB_ERR" ] || { cat "$ZB_ERR" >&2; zb_fail "$mode: stderr"; }
	[ "$(zb_field captured "$last")" = $((N + M)) ] ||
	    zb_fail "$mode: final line is not captured=$((N + M))"
	[ "$(zb_field dropped "$last")" = 0 ] || zb_fail "$mode: drops"
	zb_same_frames "$mode" "$pcap"
done
exit 0
