#!/bin/sh
# Drop accounting with a tiny buffer, for each live mode.  zbtop -b runs
# with the smallest buffers (zbuf: -B 64 --block-size 4, i.e. two rings of
# 8 x 4 KiB; copy: -B 64, a 64 KiB socket queue) and is stopped (SIGSTOP)
# while zbgen sends 300000 frames at full rate, so the kernel must drop
# whatever the machine's speed; then SIGCONT, 1 s, SIGINT.
# Expected: dropped > 0; captured + dropped = kernel = 300000 (no filter:
# every frame reaches exactly one socket of the group and tp_packets counts
# drops too); the capture end's rx_packets delta = 300000 = frames sent.
. tests/lib/netns.sh
zb_testbed
N=300000

for mode in zbuf copy; do
	case $mode in
	zbuf)	opts="-B 64 --block-size 4" ;;
	copy)	opts="-B 64" ;;
	esac
	out="$ZB_TMP/$mode.out" err="$ZB_TMP/$mode.err"
	rx0=$(zb_ifstat "$ZB_NS_CAP" "$ZB_IF_CAP" rx_packets)
	# $opts is split on purpose.
	zb_zbtop_bound "$mode" $opts
	pid=$ZB_PID
	zb_stopped_burst "$mode" $N
	sleep 1
	zb_stop "$pid" 10
	rc=$?
	rx1=$(zb_ifstat "$ZB_NS_CAP" "$ZB_IF_CAP" rx_packets)
	last=$(tail -n 1 "$out")
	echo "$mode: $last"
	[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "$mode: exit status $rc"; }
	c=$(zb_field captured "$last")
	d=$(zb_field dropped "$last")
	k=$(zb_field kernel "$last")
	[ -n "$c" ] && [ -n "$d" ] && [ -n "$k" ] ||
	    zb_fail "$mode: no captured/dropped/kernel in '$last'"
	[ "$d" -gt 0 ] || zb_fail "$mode: no drops reported"
	[ $((c + d)) -eq "$k" ] ||
	    zb_fail "$mode: captured $c + dropped $d != kernel $k"
	[ "$k" -eq $N ] || zb_fail "$mode: kernel $k != sent $N"
	[ $((rx1 - rx0)) -eq $N ] ||
	    zb_fail "$mode: rx_packets delta $((rx1 - rx0)) != sent $N"
done
exit 0
