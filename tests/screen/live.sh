#!/bin/sh
# The same view on a live capture: a veth pair between two namespaces of
# our own, zbtop -i on one end inside tmux, zbgen sending 300 frames at
# 100 per second from the other.  The header says zbuf and counts all
# 300, the buffers pane has a row for each of the 2 rings and lists their
# buffers, the packet list shows the generator's frames, the buffers pane
# scrolls in its detailed view (b, Tab, G, g), r rotates, q exits with
# status 0.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live "--blocks 16"
t_wait '^ Buffers [0-9]+ ' 5 || t_fail "no buffers pane"
sleep 1
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 300 -r 100 >/dev/null ||
    t_fail "zbgen failed"
t_wait '  packets 300  drops 0' 10 || t_fail "the header does not count 300 packets"
t_cap | grep -q '198\.18\.0\.2\.9 > 198\.18\.0\.1\.9: UDP' ||
    t_fail "the generator's frames are not listed"
t_keys b
t_wait '^ RING BUF OWNER ' 5 || t_fail "b: no detailed buffer rows"
n=$(t_cap | awk '/^ Buffers [0-9]+ / { n = $2 } END { print n + 0 }')
[ "$n" -ge 2 ] || t_fail "fewer than 2 buffers listed"
rows=$(t_cap | grep -Ec '^ +[0-9]+\*? +[0-9]+ (kernel|user|free) ')
[ "$rows" -ge 2 ] || t_fail "no buffer rows"
rings=$(t_cap | grep -Ec '^ ring +[01]\*? +L0 ')
[ "$rings" -eq 2 ] || t_fail "$rings ring rows, not 2 (one lane)"
# 2 rings x 16 blocks do not fit: Tab focuses the buffers pane, G and g
# scroll it to the last buffer and back.
[ "$n" -ge 32 ] || t_fail "expected 2 x 16 buffers, got $n"
t_keys Tab G
t_wait "^ Buffers .* [0-9]+-$n of $n\$" 5 ||
    t_fail "G does not scroll the buffers pane to the end"
t_keys g
t_wait '^ Buffers .* 1-[0-9]+ of [0-9]+$' 5 ||
    t_fail "g does not scroll the buffers pane back"
t_keys Tab
t_keys r
t_wait 'rotat|nothing to rotate' 5 || t_fail "r: no answer on the status line"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
