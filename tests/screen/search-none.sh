#!/bin/sh
# n and N before any search say so on the status line, as less does
# ("no search yet: / starts one"), instead of doing nothing in silence;
# after a search, n finds the next match and says nothing of the kind.
. tests/screen/lib.sh
t_replay
t_keys n
t_wait '^no search yet: / starts one' 5 || t_fail "n: nothing said"
t_keys C-l
t_keys N
t_wait '^no search yet: / starts one' 5 || t_fail "N: nothing said"
t_keys +
t_wait '^speed: ' 5 || t_fail "+ said nothing"
t_keys / 'ICMP6' Enter
t_wait '^ Packets .* scrolled' 5 || t_fail "the search selected nothing"
t_keys n
sleep 0.5
t_cap | grep -q '^no search yet' && t_fail "n after a search: 'no search yet'"
t_keys q
exit 0
