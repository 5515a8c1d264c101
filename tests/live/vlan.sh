#!/bin/sh
# VLAN tags come back, in both live modes.  The 1000 frames of zbgen -w
# (test format, 64 bytes, seq 1..1000) are sent on the generator end with
# an 802.1Q tag (81 00 00 64, VLAN 100) spliced in after the MAC
# addresses (python3, AF_PACKET: this kernel may have no vlan devices).
# The receiving kernel moves the tag into skb metadata before any tap
# sees the frame (__netif_receive_skb_core, skb_vlan_untag), and each
# backend must put it back.  Expected, per mode: the -w file holds
# exactly 1000 frames, byte for byte the tagged frames sent (68 bytes,
# "vlan 100"), in order: tcpdump -t -e -xx prints it as it prints a pcap
# of the tagged frames written by the sender.
. tests/lib/netns.sh
zb_testbed tcpdump python3
N=1000
"$ZB_GENDIR/zbgen" -w "$ZB_TMP/ref.pcap" -n $N -S 1 >/dev/null ||
    zb_fail "zbgen -w"
python3 tests/lib/vlansend.py "$ZB_TMP/ref.pcap" "$ZB_TMP/tagged.pcap" ||
    zb_fail "vlansend"
tcpdump -nn -t -e -xx -r "$ZB_TMP/tagged.pcap" >"$ZB_TMP/want.txt" \
    2>/dev/null || zb_fail "tcpdump cannot read the tagged reference"
[ "$(grep -c 'length 68: vlan 100,' "$ZB_TMP/want.txt")" -eq $N ] ||
    zb_fail "the tagged reference is not what this test expects"
for mode in zbuf copy; do
	zb_zbtop_bound "$mode" -w "$ZB_TMP/$mode.pcap"
	pid=$ZB_PID
	zb_in_gen python3 tests/lib/vlansend.py "$ZB_TMP/ref.pcap" \
	    "$ZB_TMP/sent.pcap" "$ZB_IF_GEN" || zb_fail "$mode: vlansend"
	sleep 1
	zb_stop "$pid" 10 ||
	    { cat "$ZB_TMP/$mode.err" >&2; zb_fail "$mode: exit status"; }
	echo "$mode: $(tail -n 1 "$ZB_TMP/$mode.out")"
	tcpdump -nn -t -e -xx -r "$ZB_TMP/$mode.pcap" >"$ZB_TMP/$mode.txt" \
	    2>/dev/null || zb_fail "$mode: tcpdump cannot read the -w file"
	cmp -s "$ZB_TMP/want.txt" "$ZB_TMP/$mode.txt" ||
	    zb_fail "$mode: frames differ from the tagged frames sent"
done
exit 0
