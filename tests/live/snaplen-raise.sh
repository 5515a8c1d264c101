#!/bin/sh
# The snaplen command raises the snap length in both live modes.  zbtop -b
# -s 40 while zbgen sends 100 frames of 200 bytes; then "snaplen 100",
# "write FILE", 100 more, "write stop"; then "snaplen 0" (262144),
# "write FILE2", 100 frames of 1500 bytes.  Expected: FILE holds 100
# records of 100 bytes captured of 200, FILE2 100 of 1500 of 1500, as
# tcpdump -s 100 and -s 0 would write them; no snapshot counts a packet
# cut for want of room ("cut N (block too small)").  (Copy mode sized its
# receive slots by -s at start: it went on keeping 40 bytes, whatever
# the snaplen command said, and counted every longer packet as cut.)
. tests/lib/netns.sh
zb_testbed python3
# The -Z user writes the files.
chmod 0777 "$ZB_TMP"
send() {
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 100 -r 2000 -s "$1" \
	    -T 30 >/dev/null || zb_fail "$mode: zbgen"
	sleep 0.5
}
cmd() {
	echo "$1" >&9
	sleep 0.3
}
for mode in zbuf copy; do
	zb_zbtop_bound "$mode" -s 40
	send 200
	cmd "snaplen 100"
	cmd "write $ZB_TMP/$mode-100.pcap"
	send 200
	cmd "write stop"
	cmd "snaplen 0"
	cmd "write $ZB_TMP/$mode-0.pcap"
	send 1500
	zb_zbtop_stop "$mode" 0
	for f in 100:200 0:1500; do
		s=${f%:*} len=${f#*:}
		c=$s
		[ "$s" != 0 ] || c=$len
		got=$(python3 tests/lib/pcaplens.py "$ZB_TMP/$mode-$s.pcap")
		echo "$mode, snaplen $s: $got"
		[ "$got" = "100 packets, caplen $c, len $len" ] ||
		    zb_fail "$mode: snaplen $s: not 100 packets, caplen $c"
	done
	! grep -q 'cut [0-9]* (block too small)' "$ZB_OUT" ||
	    zb_fail "$mode: packets counted as cut for want of room"
done
exit 0
