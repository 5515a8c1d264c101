#!/bin/sh
# The buffers pane's SHARE column adds up to 100%, and the packets to the
# header's count.  By construction: --threads 3 and zbgen's 3 flows put
# two flows in lane 0 and one in lane 1; with a retire timeout of 10 s,
# 300 frames, r, 150 frames, r leave 200, 100, 100 and 50 packets on
# four rings (of 450), each handed over by r: 44.4, 22.2, 22.2,
# 11.1%.  Each share rounded alone showed 44, 22, 22, 11 (99%); the
# expected is 45, 22, 22, 11 (largest remainder), and "packets 450".
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "--threads 3 -T 10000"
zb_wait_bound "$(ip netns pids "$ZB_NS_CAP")" 10 || t_fail "not bound"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 300 -r 3000 -F 3 \
    >/dev/null 2>&1 || t_fail "zbgen failed"
t_keys r
t_wait 'packets 300  drops 0' 5 || t_fail "r: no 300 packets"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 150 -r 3000 -F 3 \
    >/dev/null 2>&1 || t_fail "zbgen failed"
t_keys r
t_wait 'packets 450  drops 0' 5 || t_fail "r: no 450 packets"
# The list of ring rows: packets and share of each.
t_cap | sed -n 's/^ ring *[0-9]*[* ] L[0-9] .* \([0-9][0-9]*\) ( *\([0-9]*\)%).*/\1 \2/p' \
    >"$T_DIR/rings"
cat "$T_DIR/rings"
[ "$(awk '{ n += $1 } END { print n }' "$T_DIR/rings")" = 450 ] ||
    t_fail "the rings' packets do not add up to 450"
[ "$(awk '{ n += $2 } END { print n }' "$T_DIR/rings")" = 100 ] ||
    t_fail "the rings' shares do not add up to 100%"
[ "$(awk '$2 > 0 { print $2 }' "$T_DIR/rings" | sort -n | tr '\n' ' ')" = \
    "11 22 22 45 " ] || t_fail "the shares are not 45, 22, 22 and 11%"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
