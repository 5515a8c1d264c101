#!/bin/sh
# -w on a live capture, for each live mode: zbtop -b -w writes what it
# captures while zbgen sends 5000 frames (seq 1..5000, 64 bytes, 50000
# pps); zbgen -w writes the same 5000 frames to a reference file.  Every
# frame must be equal, byte for byte and in order: tcpdump -e -xx of both
# files, timestamps left out (-t), must be identical (cmp).
. tests/lib/netns.sh
zb_testbed tcpdump
N=5000
zb_ref $N

for mode in zbuf copy; do
	pcap="$ZB_TMP/$mode.pcap"
	zb_zbtop_bound "$mode" -w "$pcap"
	zb_send "$mode" $N 50000
	sleep 1
	zb_zbtop_stop "$mode" 0
	zb_same_frames "$mode" "$pcap"
done
exit 0
