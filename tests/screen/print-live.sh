#!/bin/sh
# Print mode streams on a terminal (issue 10): zbtop -P -i on one end of
# a veth pair of our own, inside tmux; zbgen sends one frame from the
# other end (198.18.0.2.9 > 198.18.0.1.9).  The first frame shows that
# capture runs (up to 10 s for start-up); then a second frame must be on
# the screen within 1 s of being sent (the retire timeout is 100 ms).
# Before issue 10 stdout was fully buffered and nothing showed until
# Ctrl-C.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
[ -x "$ZB_GENDIR/zbgen" ] || { echo "needs $ZB_GENDIR/zbgen (make test-build)" >&2; exit 77; }
zb_netns_up
trap 't_rc=$?; t_cleanup; (exit $t_rc); zb_netns_down' EXIT

t_start "ip netns exec '$ZB_NS_CAP' '$ZBTOP' -P -i '$ZB_IF_CAP'; echo zbtop exited \$?; sleep 600"
sleep 1
i=0
while ! t_cap | grep -q 'UDP, length'; do
	[ $i -lt 20 ] || t_fail "no line for the first frame in 10 s"
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 1 >/dev/null ||
	    t_fail "zbgen failed"
	sleep 0.5
	i=$((i + 1))
done
n=$(t_cap | grep -c 'UDP, length')
t0=$(date +%s.%N)
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 1 >/dev/null ||
    t_fail "zbgen failed"
i=0
while [ "$(t_cap | grep -c 'UDP, length')" -le "$n" ]; do
	[ $i -lt 20 ] || t_fail "the second frame's line took over 1 s"
	sleep 0.05
	i=$((i + 1))
done
echo "line on the screen $(awk -v a="$t0" -v b="$(date +%s.%N)" \
    'BEGIN { printf "%.2f", b - a }') s after the frame was sent"
t_cap | grep -q '^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]\{6\} IP 198\.18\.0\.2\.9 > 198\.18\.0\.1\.9: UDP, length' ||
    t_fail "the line is not tcpdump's"
t_keys C-c
t_wait '^zbtop exited 0' 10 || t_fail "Ctrl-C: no exit with status 0"
exit 0
