#!/bin/sh
# The capture interface disappears mid-capture, for each live mode: zbtop
# -b -w captures 2000 frames (seq 1..2000, 20000 pps), then 1 s later the
# veth pair is deleted (ip link del).  Expected: zbtop exits non-zero
# within 5 s, its stderr is one line "zbtop: ...interface..."; the -w
# file is a valid pcap that tcpdump reads, holding exactly the 2000 frames
# sent, equal byte for byte and in order to zbgen -w's (as in write.sh).
# Then, with the pair recreated: "ip link set down" mid-capture gives
# exit non-zero and the one line "zbtop: interface zbc0 went down"; a
# start on the down interface, "zbtop: interface zbc0 is down".
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
	ip -n "$ZB_NS_CAP" link show "$ZB_IF_CAP" >/dev/null 2>&1 || zb_veth_up
	zb_bg_cap "$ZBTOP" -b -d 1 -i "$ZB_IF_CAP" -m "$mode" -w "$pcap" \
	    <"$ZB_TMP/cmd" >"$out" 2>"$err"
	pid=$ZB_BG_PID
	zb_wait_bound "$pid" 10 || { cat "$err" >&2; zb_fail "$mode: not bound"; }
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 20000 -S 1 \
	    -T 30 >/dev/null || zb_fail "$mode: zbgen"
	sleep 1
	ip -n "$ZB_NS_CAP" link del "$ZB_IF_CAP" || zb_fail "ip link del"
	zb_wait_exit "$pid" 5
	rc=$?
	echo "$mode: exit $rc, stderr: $(cat "$err")"
	[ $rc -ne 124 ] || zb_fail "$mode: still running 5 s after ip link del"
	[ $rc -ne 0 ] || zb_fail "$mode: exit status 0 after losing the interface"
	[ "$(wc -l <"$err")" -eq 1 ] || zb_fail "$mode: stderr is not one line"
	grep -q '^zbtop: .*interface' "$err" ||
	    zb_fail "$mode: stderr does not say 'zbtop: ... interface'"
	tcpdump -nn -t -e -xx -r "$pcap" >"$ZB_TMP/$mode.txt" 2>"$ZB_TMP/td.err" ||
	    { cat "$ZB_TMP/td.err" >&2; zb_fail "$mode: tcpdump -r failed"; }
	if ! cmp "$ZB_TMP/ref.txt" "$ZB_TMP/$mode.txt"; then
		diff "$ZB_TMP/ref.txt" "$ZB_TMP/$mode.txt" | head -n 20 >&2
		zb_fail "$mode: -w file is not the $N frames sent"
	fi
done

# zb_one_line WHAT TEXT: $err is exactly the line TEXT.
zb_one_line() {
	[ "$(cat "$err")" = "$2" ] || zb_fail "$1: stderr is not '$2'"
}

zb_veth_up
for mode in zbuf copy; do
	err="$ZB_TMP/$mode.err2"
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	zb_bg_cap "$ZBTOP" -b -d 1 -i "$ZB_IF_CAP" -m "$mode" \
	    <"$ZB_TMP/cmd" >/dev/null 2>"$err"
	pid=$ZB_BG_PID
	zb_wait_bound "$pid" 10 || { cat "$err" >&2; zb_fail "$mode: not bound"; }
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || zb_fail "link down"
	zb_wait_exit "$pid" 5
	rc=$?
	echo "$mode: link down: exit $rc, stderr: $(cat "$err")"
	[ $rc -ne 124 ] && [ $rc -ne 0 ] || zb_fail "$mode: exit status $rc"
	zb_one_line "$mode: link down" "zbtop: interface $ZB_IF_CAP went down"
	zb_bg_cap "$ZBTOP" -b -d 1 -i "$ZB_IF_CAP" -m "$mode" \
	    <"$ZB_TMP/cmd" >/dev/null 2>"$err"
	zb_wait_exit "$ZB_BG_PID" 5
	rc=$?
	echo "$mode: start while down: exit $rc, stderr: $(cat "$err")"
	[ $rc -ne 124 ] && [ $rc -ne 0 ] || zb_fail "$mode: exit status $rc"
	zb_one_line "$mode: start while down" \
	    "zbtop: interface $ZB_IF_CAP is down"
done
exit 0
