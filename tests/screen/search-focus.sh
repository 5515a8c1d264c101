#!/bin/sh
# n and N move through the packet list's matches whichever pane has the
# focus (they are not scrolling keys): with the talkers pane focused
# (t, Tab), / ICMP6 selects the newest match, n the one before it (a
# search from a following list goes back); Tab back to the list and
# Enter opens that second match.
. tests/screen/lib.sh
t_replay
# The two newest ICMP6 rows, as the list shows them.
m=$(t_cap | grep -E '^ +[0-9]+ [0-9:.]+ IP6 .*ICMP6' | awk '{ print $1 }' |
    tail -n 2)
first=$(echo "$m" | tail -n 1) second=$(echo "$m" | head -n 1)
[ -n "$first" ] && [ "$second" != "$first" ] ||
    t_fail "fewer than two ICMP6 rows on the page"
t_keys t
t_wait 'Top talkers' 5 || t_fail "t shows no talkers"
t_keys Tab
t_keys / ICMP6 Enter
t_wait '^ Packets .* scrolled' 5 || t_fail "the search selected nothing"
t_keys n
sleep 0.5
# Tab on: buffers, then the packet list.
t_keys Tab Tab Enter
t_wait '^ Packet [0-9]+  ' 5 || t_fail "no packet detail"
t_cap | grep -q "^ Packet $second  " ||
    t_fail "n with the talkers focused did not move to $second"
t_keys q q
exit 0
