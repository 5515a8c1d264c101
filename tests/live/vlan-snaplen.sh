#!/bin/sh
# A VLAN tag put back keeps the snap length, as in libpcap.  200 frames
# of zbgen -w (64 bytes) are sent with an 802.1Q tag (68 bytes on the
# wire; the receiving kernel holds the tag in metadata, so the filter
# sees 64) while zbtop -s S -w and tcpdump -s S capture, for S 40 (the
# filter cuts at 40, the tag would make 44) and 66 (not cut, the tag
# would make 68), in both live modes.  Expected: zbtop's file holds 200
# frames, each S bytes captured of 68, as tcpdump's does, and the
# snapshot counts 200 packets of 68 bytes.  (zbuf mode put the tag back
# after the cut and wrote 44 and 68 bytes: longer than -s and than the
# file header's snap length.)
. tests/lib/netns.sh
zb_testbed tcpdump python3
N=200
"$ZB_GENDIR/zbgen" -w "$ZB_TMP/ref.pcap" -n $N -S 1 >/dev/null ||
    zb_fail "zbgen -w"
for snap in 40 66; do
	for mode in zbuf copy; do
		what="$mode -s $snap"
		zb_tcpdump "td$mode$snap" "$ZB_IF_CAP" -s $snap
		zb_zbtop_bound "$mode" -s $snap -w "$ZB_TMP/$mode$snap.pcap"
		zb_in_gen python3 tests/lib/vlansend.py "$ZB_TMP/ref.pcap" \
		    /dev/null "$ZB_IF_GEN" || zb_fail "$what: vlansend"
		sleep 1
		zb_zbtop_stop "$what" 0
		zb_tcpdump_count "td$mode$snap"
		want="$N packets, caplen $snap, len 68"
		td=$(python3 tests/lib/pcaplens.py "$ZB_TMP/td$mode$snap.pcap")
		zb=$(python3 tests/lib/pcaplens.py "$ZB_TMP/$mode$snap.pcap")
		echo "$what: tcpdump $td; zbtop $zb"
		[ "$td" = "$want" ] ||
		    zb_fail "$what: tcpdump's file is not '$want'"
		[ "$zb" = "$want" ] || zb_fail "$what: zbtop's file is not '$want'"
		grep -q "^packets $N ([0-9]*/s), $((N * 68)) bytes" "$ZB_OUT" ||
		    zb_fail "$what: no snapshot of $N packets, $((N * 68)) bytes"
	done
done
exit 0
