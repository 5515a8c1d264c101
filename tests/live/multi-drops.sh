#!/bin/sh
# Kernel drops with several -i, each interface with its own rings: zbtop
# -b -i ZB_IF_CAP -i zbx0 with the smallest buffers (zbuf: -B 64
# --block-size 4 -s 128, copy: -B 64) is stopped (SIGSTOP) while zbgen
# sends N frames at full rate to the veth end and M out of zbx1 (received
# on zbx0), so both interfaces' rings overflow whatever the machine's
# speed; then SIGCONT, 1 s, SIGINT.
# Expected: each interface's line in the last snapshot counts exactly the
# frames sent to it ("kernel"), with drops on both; the final dropped= is
# their sum, kernel= the sum of theirs, and captured + dropped = N + M.
. tests/lib/netns.sh
zb_testbed
N=100000
M=60000
zb_veth_cap zbx0 zbx1

for mode in zbuf copy; do
	case $mode in
	zbuf)	opts="-B 64 --block-size 4 -s 128" ;;
	copy)	opts="-B 64" ;;
	esac
	out="$ZB_TMP/$mode.out" err="$ZB_TMP/$mode.err"
	# $opts is split on purpose.
	zb_bg_cap "$ZBTOP" -b --delay 1 -i "$ZB_IF_CAP" -i zbx0 -m "$mode" \
	    $opts <"$ZB_TMP/cmd" >"$out" 2>"$err"
	pid=$ZB_BG_PID
	zb_started "$out" "$err"
	kill -STOP "$pid"
	sent=$(zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -T 60)
	[ "$sent" = "sent=$N" ] || { kill -CONT "$pid"
		zb_fail "$mode: zbgen said '$sent'"; }
	sent=$(zb_in_cap "$ZB_GENDIR/zbgen" -i zbx1 -n $M -T 60)
	kill -CONT "$pid"
	[ "$sent" = "sent=$M" ] || zb_fail "$mode: zbgen on zbx1 said '$sent'"
	sleep 2
	zb_stop "$pid" 10
	rc=$?
	last=$(tail -n 1 "$out")
	ifs=$(grep '^interfaces:' "$out" | tail -n 1)
	echo "$mode: $last"
	echo "$mode: $ifs"
	[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "$mode: exit status $rc"; }
	c=$(zb_field captured "$last")
	d=$(zb_field dropped "$last")
	k=$(zb_field kernel "$last")
	set -- $(echo "$ifs" | sed 's/,//g')
	[ "$2 $3 $5" = "$ZB_IF_CAP kernel dropped" ] &&
	    [ "$7 $8 ${10}" = "zbx0 kernel dropped" ] ||
	    zb_fail "$mode: no interfaces line"
	k1=$4 d1=$6 k2=$9 d2=${11}
	[ "$k1" -eq $N ] && [ "$k2" -eq $M ] ||
	    zb_fail "$mode: kernel counts $k1 and $k2, not $N and $M"
	[ "$d1" -gt 0 ] && [ "$d2" -gt 0 ] ||
	    zb_fail "$mode: drops $d1 and $d2: not on both"
	[ "$d" -eq $((d1 + d2)) ] || zb_fail "$mode: dropped $d != $d1 + $d2"
	[ "$k" -eq $((k1 + k2)) ] || zb_fail "$mode: kernel $k != $k1 + $k2"
	[ $((c + d)) -eq $((N + M)) ] ||
	    zb_fail "$mode: captured $c + dropped $d != $((N + M))"
done
exit 0
