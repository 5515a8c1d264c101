#!/bin/sh
# Several -i, the summary printed when the screen closes: zbtop -i
# ZB_IF_CAP -i lo in tmux; zbgen sends 300 frames to the veth end and
# 100 on lo, c clears the screen's counters, then 200 and 50 more.
# Expected after q: "650 packets captured", "650 packets received by
# filter", and each interface's line counting since start as those
# totals do, not since the clear: "0 of them on ZB_IF_CAP (500 received
# by filter)" and "0 of them on lo (150 received by filter)".
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "-i lo"
t_wait '^ Buffers [0-9]+ ' 5 || t_fail "no buffers pane"
sleep 1
send() {	# veth frames, lo frames
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n "$1" -r 2000 \
	    >/dev/null || t_fail "zbgen failed"
	zb_in_cap "$ZB_GENDIR/zbgen" -i lo -n "$2" -r 2000 >/dev/null ||
	    t_fail "zbgen on lo failed"
}
send 300 100
t_wait '  packets 400  drops 0' 10 || t_fail "the header does not count 400"
t_keys c
t_wait '  packets 0  drops 0' 10 || t_fail "c: the header is not cleared"
send 200 50
t_wait '  packets 250  drops 0' 10 || t_fail "the header does not count 250"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
for want in "^650 packets captured$" "^650 packets received by filter$" \
    "^  0 of them on $ZB_IF_CAP \(500 received by filter\)$" \
    "^  0 of them on lo \(150 received by filter\)$"; do
	t_cap | grep -Eq "$want" || t_fail "no line '$want'"
done
exit 0
