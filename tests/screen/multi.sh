#!/bin/sh
# Several -i on the screen: zbtop -i ZB_IF_CAP -i lo in tmux, zbgen
# sending 300 frames to the veth end and 100 on lo.  The header counts
# all 400; the packet list names each packet's interface and direction
# in front of its line, as tcpdump -i any does ("zbc0  P   IP ..."); the
# buffers pane gives each ring the interface it belongs to instead of
# its lane, in the strips and in the detailed view (b), two rings each,
# and the kernel drops of each interface beside their sum.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "-i lo"
t_wait '^ Buffers [0-9]+ ' 5 || t_fail "no buffers pane"
sleep 1
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 300 -r 300 >/dev/null ||
    t_fail "zbgen failed"
t_wait '  packets 300  drops 0' 10 || t_fail "the header does not count 300"
t_cap | grep -Eq "$ZB_IF_CAP +[A-Z][a-z]* +IP 198\.18\.0\.2\.9 > " ||
    t_fail "no packet line names $ZB_IF_CAP"
zb_in_cap "$ZB_GENDIR/zbgen" -i lo -n 100 -r 300 >/dev/null ||
    t_fail "zbgen on lo failed"
t_wait '  packets 400  drops 0' 10 || t_fail "the header does not count 400"
t_cap | grep -q "drops  kernel ring 0 ($ZB_IF_CAP 0, lo 0)" ||
    t_fail "no kernel drops per interface"
t_cap | grep -Eq "lo +[A-Z][a-z]* +IP 198\.18\.0\.2\.9 > " ||
    t_fail "no packet line names lo"
n=$(t_cap | grep -Ec "^ +[0-3][* ] ($ZB_IF_CAP|lo) ")
[ "$n" -eq 4 ] || t_fail "$n ring strips name their interface, not 4"
t_keys b
t_wait '^ +IFACE ' 5 || t_fail "b: no IFACE column"
n=$(t_cap | grep -Ec "^ +[0-3][* ] lo ")
[ "$n" -eq 2 ] || t_fail "b: $n ring rows of lo, not 2"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
