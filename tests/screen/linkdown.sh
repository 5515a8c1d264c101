#!/bin/sh
# A link that bounces, on the screen: zbtop -i on a veth end of our own,
# 100 frames from zbgen, "ip link set down": the header says "link down
# since HH:MM:SS" and zbtop goes on; "ip link set up": the words go, 100
# more frames, and the header counts exactly 200 packets and 0 drops.
# Then "ip link del": the status line says the capture stopped and why;
# after q the reason is said again below the exit lines (the status line
# went with the screen) and zbtop exits 1, as -b and -P do.
# Can fail: the reason was lost with the screen and zbtop exited 0, so a
# script could not tell a capture cut short from a finished one.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live ""
sleep 1
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 100 -r 1000 >/dev/null ||
    t_fail "zbgen failed"
t_wait '  packets 100  drops 0' 10 || t_fail "the header does not count 100"
ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" down || t_fail "link down"
t_wait 'link down since [0-2][0-9]:[0-5][0-9]:[0-5][0-9]' 5 ||
    t_fail "no 'link down since' in the header"
t_cap | grep -q '^zbtop exited' && t_fail "zbtop ended at link down"
ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || t_fail "link up"
i=0
while ! ip -n "$ZB_NS_GEN" link show "$ZB_IF_GEN" | grep -q LOWER_UP &&
    [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
i=0
while t_cap | grep -q 'link down since' && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
t_cap | grep -q 'link down since' && t_fail "still 'link down' after up"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 100 -r 1000 -S 101 \
    >/dev/null || t_fail "zbgen failed"
t_wait '  packets 200  drops 0' 10 || t_fail "the header does not count 200"
ip -n "$ZB_NS_CAP" link del "$ZB_IF_CAP" || t_fail "link del"
t_wait "^capture stopped: interface $ZB_IF_CAP disappeared" 10 ||
    t_fail "no 'capture stopped' on the status line"
t_keys q
t_wait '^zbtop exited' 10 || t_fail "q did not end the screen"
t_cap | grep -q "^zbtop: capture stopped: interface $ZB_IF_CAP disappeared$" ||
    t_fail "the reason was not said again after the screen"
t_cap | grep -q '^200 packets captured$' || t_fail "no exit lines"
t_cap | grep -q '^zbtop exited 1$' || t_fail "exit status not 1"
exit 0
