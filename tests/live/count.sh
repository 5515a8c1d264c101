#!/bin/sh
# Exact counts on the veth test bed, for each live mode: zbtop -b captures
# on the capture end while zbgen sends exactly 100000 frames of the test
# format (64 bytes) at 50000 pps; 1 s after the last frame, SIGINT.
# Expected, exactly: captured=100000 dropped=0.  The capture end's
# rx_packets delta must also be 100000 (nothing else on the wire).
. tests/lib/netns.sh
zb_testbed
N=100000

for mode in zbuf copy; do
	out="$ZB_TMP/$mode.out" err="$ZB_TMP/$mode.err"
	rx0=$(zb_ifstat "$ZB_NS_CAP" "$ZB_IF_CAP" rx_packets)
	zb_zbtop_bound "$mode"
	pid=$ZB_PID
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 50000 -T 30 ||
	    zb_fail "$mode: zbgen"
	sleep 1
	zb_stop "$pid" 10
	rc=$?
	rx1=$(zb_ifstat "$ZB_NS_CAP" "$ZB_IF_CAP" rx_packets)
	last=$(tail -n 1 "$out")
	echo "$mode: $last"
	[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "$mode: exit status $rc"; }
	[ $((rx1 - rx0)) -eq $N ] ||
	    zb_fail "$mode: rx_packets delta $((rx1 - rx0)), not $N"
	[ "$(zb_field captured "$last")" = $N ] ||
	    zb_fail "$mode: captured is not $N"
	[ "$(zb_field dropped "$last")" = 0 ] || zb_fail "$mode: drops"
done
exit 0
