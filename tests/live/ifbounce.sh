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
command -v tcpdump >/dev/null 2>&1 || { echo "needs tcpdump" >&2; exit 77; }
zb_netns_up
zb_tmpdir
zb_cmdpipe
N=2000

"$ZB_GENDIR/zbgen" -w "$ZB_TMP/ref.pcap" -n $N -S 1 >/dev/null ||
    zb_fail "zbgen -w"
tcpdump -nn -t -e -xx -r "$ZB_TMP/ref.pcap" >"$ZB_TMP/ref.txt" 2>/dev/null

for mode in zbuf copy; do
	out="$ZB_TMP/$mode.out" err="$ZB_TMP/$mode.err"
	pcap="$ZB_TMP/$mode.pcap"
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	ip -n "$ZB_NS_GEN" link set "$ZB_IF_GEN" up || zb_fail "link up"
	zb_bg_cap "$ZBTOP" -b -d 1 -i "$ZB_IF_CAP" -m "$mode" -w "$pcap" \
	    <"$ZB_TMP/cmd" >"$out" 2>"$err"
	pid=$ZB_BG_PID
	zb_wait_bound "$pid" 10 || { cat "$err" >&2; zb_fail "$mode: not bound"; }
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 20000 -S 1 \
	    -T 30 >/dev/null || zb_fail "$mode: zbgen"
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
	zb_wait_exit "$pid" 5
	rc=$?
	last=$(tail -n 1 "$out")
	echo "$mode: exit $rc, stderr: $(cat "$err"); $last"
	[ $rc -ne 124 ] || zb_fail "$mode: still running 5 s after the bounce"
	[ $rc -ne 0 ] || zb_fail "$mode: exit status 0 after the link went down"
	[ "$(cat "$err")" = "zbtop: interface $ZB_IF_CAP went down" ] ||
	    zb_fail "$mode: stderr is not the one line"
	[ "$(zb_field captured "$last")" = $N ] ||
	    zb_fail "$mode: final line is not captured=$N"
	tcpdump -nn -t -e -xx -r "$pcap" >"$ZB_TMP/$mode.txt" 2>"$ZB_TMP/td.err" ||
	    { cat "$ZB_TMP/td.err" >&2; zb_fail "$mode: tcpdump -r failed"; }
	if ! cmp "$ZB_TMP/ref.txt" "$ZB_TMP/$mode.txt"; then
		diff "$ZB_TMP/ref.txt" "$ZB_TMP/$mode.txt" | head -n 20 >&2
		zb_fail "$mode: -w file is not the $N frames sent"
	fi
done
exit 0
