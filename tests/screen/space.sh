#!/bin/sh
# Space refreshes the counters, the block being filled included: zbtop -i
# on a veth end of our own, refresh every 30 s (--delay 30), retire timer
# 10 s (-T 10000) so 30 frames from zbgen stay in the kernel's block.
# Before Space the header still shows the start (no "filling"); after it,
# "packets 0  drops 0  +30 filling" and the strip shows the block's fill;
# r hands it over: "packets 30  drops 0" and no "filling".
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "-T 10000 --delay 30"
sleep 0.5
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 30 -r 1000 >/dev/null ||
    t_fail "zbgen failed"
sleep 0.5
t_cap | grep -q '+30 filling' && t_fail "refreshed before Space"
t_keys Space
t_wait '  packets 0  drops 0  \+30 filling' 5 ||
    t_fail "Space: no 'packets 0  drops 0  +30 filling'"
t_cap | grep -q ' k[▁▂▃▄▅▆▇█]' || t_fail "Space: the strip shows no fill"
t_keys r
t_wait '  packets 30  drops 0' 5 || t_fail "r: the 30 were not handed over"
sleep 0.3
t_keys Space
sleep 0.5
t_cap | grep -q '+[0-9]* filling' && t_fail "still filling after r"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
