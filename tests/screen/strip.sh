#!/bin/sh
# The buffers pane's strips on a live capture at the default geometry:
# zbtop -i on a veth end of our own (2 rings x 16 buffers, retire timer
# 10 s so the block being filled stays put), 30 frames from zbgen.  The
# pane has a column header, a strip per ring with 16 cells each (32 in
# all, owner letter and fill glyph), the active ring marked '*'; a forced
# rotation (:rotate) moves the mark to the other ring and counts forced 1;
# b shows the detailed rows (a header and a row per buffer), b again the
# strips.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "-T 10000"
t_wait '^ RING LANE +BUFFERS' 5 || t_fail "no column header over the strips"
sleep 1
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 30 -r 100 >/dev/null ||
    t_fail "zbgen failed"
t_wait ' k[▁▂▃▄▅▆▇█]' 5 || t_fail "the block being filled shows no fill"
# Cells: an owner letter and a fill glyph, on the rows of the two rings.
cells() {
	t_cap | grep -E '^ ring +[0-9]+\*? +L[0-9]+ ' |
	    grep -oE '(^| )[kuf][·▁▂▃▄▅▆▇█]' | wc -l
}
active() {
	t_cap | awk '$1 == "ring" && $2 ~ /\*$/ { sub(/\*$/, "", $2); print $2 }'
}
n=$(cells)
[ "$n" -eq 32 ] || t_fail "$n strip cells, not 32 (2 rings x 16)"
t_cap | grep -q '^ verdict no drops' || t_fail "no verdict line"
[ "$(t_cap | grep -Ec '^ ring +[01]\*? +L0 ')" -eq 2 ] ||
    t_fail "not one strip per ring"
a=$(active)
[ "$a" = 0 ] || [ "$a" = 1 ] || t_fail "no active ring marked: '$a'"
t_keys : rotate Enter
t_wait 'forced 1 ' 5 || t_fail "no forced rotation counted"
t_wait '^rotated' 5 || t_fail "rotate: no answer on the status line"
# The marker comes from buffer states read every 100 ms and the screen
# refreshes every second: give it 3 s.
i=0
while b=$(active); [ "$b" = "$a" ] && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -n "$b" ] && [ "$b" != "$a" ] ||
    t_fail "the active ring did not move: was $a, now '$b'"
[ "$(cells)" -eq 32 ] || t_fail "cells after the rotation: $(cells)"
t_keys b
t_wait '^ RING BUF OWNER ' 5 || t_fail "b: no header over the buffer rows"
rows=$(t_cap | grep -Ec '^ +[0-9]+\*? +[0-9]+ (kernel|user|free) ')
[ "$rows" -ge 1 ] || t_fail "b: no buffer rows"
t_keys b
t_wait '^ RING LANE +BUFFERS' 5 || t_fail "b again: no strips"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
