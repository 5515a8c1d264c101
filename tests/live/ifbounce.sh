#!/bin/sh
# Protection checked: the capture interface going down and coming back
# is reported, never silently missed, and the -w file stays valid.  What
# the code does (cap-linux: ENETDOWN on the packet socket): it ends with
# the one line "zbtop: interface zbc0 went down" and a non-zero status,
# even when the link is up again 0.3 s later.  For each live mode:
# zbtop -b -w captures 2000 frames (seq 1..2000), then "ip link set
# down", 0.3 s, "ip link set up", then 1000 more frames are sent.
# Expected: exit non-zero within 5 s, exactly that line on stderr, the
# last stdout line is the final counters line with captured=2000, and
# the -w file is a valid pcap holding the 2000 frames sent before the
# bounce, equal to zbgen -w's byte for byte (tcpdump -e -xx, as in
# write.sh).  (tests/live/ifdown.sh covers ip link del and a start on a
# down interface.)
#
# Can fail: checked with a build (a copy in /tmp) whose engine_main()
# goes on after a backend error: it did not exit and the test failed.
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump
zb_netns_up
zb_tmpdir
zb_cmdpipe
N=2000
zb_ref $N

for mode in zbuf copy; do
	pcap="$ZB_TMP/$mode.pcap"
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	ip -n "$ZB_NS_GEN" link set "$ZB_IF_GEN" up || zb_fail "link up"
	zb_zbtop_bound "$mode" -w "$pcap"
	zb_send "$mode" $N 20000
	sleep 1
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || zb_fail "link down"
	sleep 0.3
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	i=0
	while ! ip -n "$ZB_NS_GEN" link show "$ZB_IF_GEN" | grep -q 'LOWER_UP' &&
	    [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 1000 -r 20000 \
	    -S $((N + 1)) -T 30 >/dev/null 2>&1
	zb_zbtop_fails "$mode: after the bounce"
	last=$(tail -n 1 "$ZB_OUT")
	echo "$mode: $last"
	zb_stderr_is "$mode" "zbtop: interface $ZB_IF_CAP went down"
	[ "$(zb_field captured "$last")" = $N ] ||
	    zb_fail "$mode: final line is not captured=$N"
	zb_same_frames "$mode" "$pcap"
done
exit 0
