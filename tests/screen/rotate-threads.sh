#!/bin/sh
# With --threads, the screen drawn right after r counts the packets of
# the block the rotation handed over: the refresh waits until every
# consumer has walked what was handed over when it was asked (the
# engine's ticket), not only the control thread's tick.  By
# construction: 8 MiB blocks and a retire timeout of 20 s, so the 60000
# frames zbgen sends (64 flows, both lanes) stay in the blocks being
# filled until r; --delay 20, so no timed refresh comes before the
# check.  Expected within 2 s of r: "packets 60000", no "filling".  (Before
# the fix the screen said "packets 0" and "forced 0": the consumers were
# still walking the 30000 packets of their lane.)
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
N=60000
t_live "--threads 2 -B 131072 --block-size 8192 -T 20000 --delay 20"
zb_wait_bound "$(ip netns pids "$ZB_NS_CAP")" 10 || t_fail "not bound"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 40000 -F 64 \
    >/dev/null 2>&1 || t_fail "zbgen failed"
t_keys r
t_wait "packets $N  drops 0" 2 ||
    t_fail "after r: the header does not count the $N frames handed over"
t_cap | sed -n 2p | grep -q 'filling' &&
    t_fail "after r: packets still counted as filling"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
