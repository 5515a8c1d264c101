#!/bin/sh
# After -c the header counts nothing as filling: the capture has ended,
# and the packets the kernel stored past the count are never handed over
# (README: "+N filling", packets stored but not yet handed over).  By
# construction: zbtop -c 100 is stopped (SIGSTOP) while zbgen sends 300
# frames into 4 KiB blocks with a retire timeout of 10 s, so when it
# goes on the ring holds full blocks and one partly filled block that
# nothing will hand over before the count is reached.  Expected: packets
# 100, "capture ended", no "filling" in the header.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "-c 100 -s 128 -B 128 --block-size 4 -T 10000"
pid=$(ip netns pids "$ZB_NS_CAP")
[ -n "$pid" ] || t_fail "no zbtop in the namespace"
kill -STOP $pid
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 300 >/dev/null 2>&1 ||
    { kill -CONT $pid; t_fail "zbgen failed"; }
kill -CONT $pid
t_wait 'packets 100  drops 0' 10 || t_fail "no 100 packets"
t_wait 'capture ended' 3 || t_fail "the header does not say the capture ended"
# Two refreshes more: what stays on the screen.
sleep 2.5
t_cap | sed -n 2p | grep -q 'filling' &&
    t_fail "-c reached: the header still counts packets as filling"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
