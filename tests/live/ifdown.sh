#!/bin/sh
# The capture interface disappears mid-capture, for each live mode: zbtop
# -b -w captures 2000 frames (seq 1..2000, 20000 pps), then 1 s later the
# veth pair is deleted (ip link del).  Expected: zbtop exits non-zero
# within 5 s, its stderr is one line "zbtop: ...interface..."; the -w
# file is a valid pcap that tcpdump reads, holding exactly the 2000 frames
# sent, equal byte for byte and in order to zbgen -w's (as in write.sh).
# Then, with the pair recreated: "ip link set down" mid-capture does not
# end it (a snapshot says "link: down since"), but deleting the interface
# while it is down does, with the one line "zbtop: interface zbc0
# disappeared" (no socket error comes then: the check is zbtop's own); a
# start on the down interface ends with "zbtop: interface zbc0 is down".
. tests/lib/netns.sh
zb_testbed tcpdump
N=2000
zb_ref $N

for mode in zbuf copy; do
	pcap="$ZB_TMP/$mode.pcap"
	ip -n "$ZB_NS_CAP" link show "$ZB_IF_CAP" >/dev/null 2>&1 || zb_veth_up
	zb_zbtop_bound "$mode" -w "$pcap"
	zb_send "$mode" $N 20000
	sleep 1
	ip -n "$ZB_NS_CAP" link del "$ZB_IF_CAP" || zb_fail "ip link del"
	zb_zbtop_fails "$mode: ip link del"
	[ "$(wc -l <"$ZB_ERR")" -eq 1 ] || zb_fail "$mode: stderr is not one line"
	grep -q '^zbtop: .*interface' "$ZB_ERR" ||
	    zb_fail "$mode: stderr does not say 'zbtop: ... interface'"
	zb_same_frames "$mode" "$pcap"
done

for mode in zbuf copy; do
	zb_veth_up
	zb_zbtop_bound "$mode"
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || zb_fail "link down"
	sleep 1.5
	kill -0 "$ZB_PID" 2>/dev/null || zb_fail "$mode: ended at link down"
	grep -q '^link: down since ' "$ZB_OUT" ||
	    zb_fail "$mode: no 'link: down since' line"
	ip -n "$ZB_NS_CAP" link del "$ZB_IF_CAP" || zb_fail "ip link del"
	zb_zbtop_fails "$mode: ip link del while down"
	zb_stderr_is "$mode: del while down" \
	    "zbtop: interface $ZB_IF_CAP disappeared"
	zb_veth_up
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || zb_fail "link down"
	zb_zbtop "$mode"
	zb_zbtop_fails "$mode: start while down"
	zb_stderr_is "$mode: start while down" \
	    "zbtop: interface $ZB_IF_CAP is down"
	ip -n "$ZB_NS_CAP" link del "$ZB_IF_CAP" || zb_fail "ip link del"
done
exit 0
