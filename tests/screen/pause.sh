#!/bin/sh
# P pauses the packet list at once and counts what arrived since the rows
# froze (issue 11, item 2).  --delay 3, so a key that waits for the next
# refresh shows: zbgen sends about 2,000 frames per second on a veth pair;
# P must say PAUSED within a second, and a second P must follow again
# within a second (not send "pause" twice).  Paused, the title's
# "Packets A-B of C  PAUSED: N new" must count every frame after the last
# row: N = C - B (a few frames of slack; a count started a refresh late
# is short by thousands).  A resize while paused keeps the last row, and
# c while paused shows the frames that came after it.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "--delay 3 udp"
sleep 1
{ zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 200000 -r 2000 \
    -T 60 >/dev/null 2>&1 & }
t_wait 'Packets [0-9]+-[0-9]+ of [1-9]' 10 || t_fail "no traffic"
t_wait 'Packets [0-9]+-[0-9]+ of [0-9]{4}' 10 || t_fail "too little traffic"
# The packet list's title: "A B C N" (N empty while following).
title() {
	t_cap | sed -n 's/^ Packets \([0-9]*\)-\([0-9]*\) of \([0-9]*\)\(.*\)$/\1 \2 \3 \4/p' |
	    sed 's/ *PAUSED: \([0-9]*\) new.*/ \1/; s/ *following.*//'
}
lastrow() { t_cap | grep -E '^ +[0-9]+ [0-9:.]{15} ' | tail -n 1 | awk '{ print $1 }'; }

t_keys P
t_wait 'PAUSED: [0-9]+ new' 1 || t_fail "P: not paused within a second"
sleep 2
t_keys Space		# a refresh, so the count is fresh
sleep 0.5
set -- $(title)
[ $# -eq 4 ] || t_fail "paused title not understood: $*"
b=$2 c=$3 n=$4
miss=$((c - b - n))
[ "$miss" -ge -20 ] && [ "$miss" -le 20 ] ||
    t_fail "paused at frame $b, $c frames now, but the title says $n new"
echo "paused at $b: $c frames, $n new"

row=$(lastrow)
tmux -L "$T_SOCK" resize-window -x 100 -y 24 2>/dev/null ||
    tmux -L "$T_SOCK" resize-window -x 100 -y 24
sleep 1.5
[ "$(lastrow)" = "$row" ] ||
    t_fail "paused, a resize moved the last row from $row to $(lastrow)"
t_keys P
t_wait 'following' 1 || t_fail "a second P does not follow again within a second"
# c while paused empties the list; the frames after it must still show
# (the list stayed empty, "no kept packet passes the display filter").
t_keys P
t_wait 'PAUSED' 1 || t_fail "P: not paused again"
t_keys c
sleep 0.5
t_cap | grep -q 'display filter' && t_fail "c: an empty list blamed on a display filter"
t_wait '^ +[0-9]+ [0-9:.]{15} ' 4 || t_fail "paused, c: no packet after the clear"
t_keys q
exit 0
