#!/bin/sh
# Interfaces as libpcap names them, in the capture namespace (lo and the
# veth end, both up).  Expected: -D lists exactly any, lo and the veth
# end (what -i accepts); -i with the veth end's -D number, and no -i at all
# (the first up, non-loopback interface, as tcpdump picks it), each
# capture exactly the N frames zbgen sends, what tcpdump without -i counts
# on the same traffic; a number -D does not list is refused in one line.
. tests/lib/netns.sh
zb_testbed tcpdump
N=500

list=$(zb_in_cap "$ZBTOP" -D) || zb_fail "-D failed"
echo "$list"
[ "$(echo "$list" | sed 's/^[0-9]*\.\([^ ]*\).*/\1/' | sort | tr '\n' ' ')" \
    = "any lo $ZB_IF_CAP " ] ||
    zb_fail "-D lists more or less than any, lo, $ZB_IF_CAP"
num=$(echo "$list" | sed -n "s/^\([0-9]*\)\.$ZB_IF_CAP .*/\1/p")

# run WHAT [ARG...]: zbtop -b [ARG...] next to tcpdump without -i.
run() {
	what=$1
	shift
	zb_tcpdump td ""
	grep -q "listening on $ZB_IF_CAP" "$ZB_TMP/td.tderr" || {
		cat "$ZB_TMP/td.tderr" >&2
		zb_fail "tcpdump did not start on $ZB_IF_CAP"; }
	zb_zbtop_as "$what" "$@"
	zb_wait_bound "$ZB_PID" 10 ||
	    { cat "$ZB_ERR" >&2; zb_fail "$what: not bound on $ZB_IF_CAP"; }
	zb_send "$what" $N 5000
	sleep 1
	zb_zbtop_stop "$what" 0
	zb_tcpdump_count td
	echo "$what: tcpdump $ZB_TD_COUNT"
	[ "$ZB_TD_COUNT" = $N ] || zb_fail "$what: tcpdump counts $ZB_TD_COUNT"
	[ "$(zb_field captured "$ZB_LAST")" = $N ] ||
	    zb_fail "$what: captured is not $N"
}
run "-i $num" -i "$num"
run "no -i"

zb_zbtop_as bad -i 9
zb_zbtop_fails "-i 9"
zb_stderr_is "-i 9" "zbtop: -i 9: no such interface number (-D lists them)"
exit 0
