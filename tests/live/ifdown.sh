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
zb_need tcpdump
zb_netns_up
zb_tmpdir
zb_cmdpipe
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

zb_veth_up
for mode in zbuf copy; do
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || zb_fail "link up"
	zb_zbtop_bound "$mode"
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || zb_fail "link down"
	zb_zbtop_fails "$mode: link down"
	zb_stderr_is "$mode: link down" "zbtop: interface $ZB_IF_CAP went down"
	zb_zbtop "$mode"
	zb_zbtop_fails "$mode: start while down"
	zb_stderr_is "$mode: start while down" \
	    "zbtop: interface $ZB_IF_CAP is down"
done
exit 0
