#!/bin/sh
# Each packet once on loopback, and -Q, in both live modes, compared with
# tcpdump on the same traffic.
#  lo: zbgen sends N frames of the test format on lo inside the capture
#      namespace; the kernel hands taps each one twice (leaving, then
#      arriving).  Expected: zbtop -i lo captured=N, kernel=N, and
#      tcpdump -i lo counts N.
#  veth: zbgen sends N frames from the generator end (received on the
#      capture end) and M frames from the capture end (sent).  Expected:
#      -Q in captures N, -Q out M, -Q inout N + M, each what tcpdump -Q
#      says on the same traffic.
. tests/lib/netns.sh
zb_testbed tcpdump
N=300
M=200
IF=$ZB_IF_CAP

# run WHAT MODE IFACE WANT SENDERS [ARG...]: zbtop and tcpdump on IFACE
# while SENDERS ("lo", "in", "out" or "in out") send; both must count WANT.
run() {
	what=$1 mode=$2 iface=$3 want=$4 senders=$5
	shift 5
	ZB_IF_CAP=$iface
	zb_tcpdump "$what" "$iface" "$@"
	zb_zbtop_bound "$mode" "$@"
	for s in $senders; do
		case $s in
		lo)	zb_in_cap "$ZB_GENDIR/zbgen" -i lo -n $N -r 5000 \
			    -T 30 >/dev/null ;;
		in)	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N \
			    -r 5000 -T 30 >/dev/null ;;
		out)	zb_in_cap "$ZB_GENDIR/zbgen" -i "$IF" -n $M -r 5000 \
			    -T 30 >/dev/null ;;
		esac || zb_fail "$what: zbgen"
	done
	sleep 1
	zb_zbtop_stop "$what" 0
	zb_tcpdump_count "$what"
	td=$ZB_TD_COUNT
	echo "$what: tcpdump $td, want $want"
	[ "$td" = "$want" ] || zb_fail "$what: tcpdump saw $td, not $want"
	[ "$(zb_field captured "$ZB_LAST")" = "$want" ] ||
	    zb_fail "$what: captured is not $want"
	[ "$(zb_field kernel "$ZB_LAST")" = "$want" ] ||
	    zb_fail "$what: kernel count is not $want"
	ZB_IF_CAP=$IF
}

for mode in ${ZB_MODES:-zbuf copy}; do
	run "$mode lo" "$mode" lo $N lo
	run "$mode -Q in" "$mode" "$IF" $N "in out" -Q in
	run "$mode -Q out" "$mode" "$IF" $M "in out" -Q out
	run "$mode -Q inout" "$mode" "$IF" $((N + M)) "in out" -Q inout
done
exit 0
