#!/bin/sh
# A capture filter with a backslash ("ip proto \udp", libpcap's escape for
# a protocol name that is also a keyword) shows as typed in the header
# and in the filter command's answer, not "\\udp"; and the replayed
# file's index keeps working with it (the list's title says how far the
# replay is, "100%" at the end, not "filter changed": the index is given
# the filter as typed, not its escaped form, which does not compile).
# Then a filter written with a tab: the header shows "\x09", and the
# index still works.
. tests/screen/lib.sh
t_sample

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0 'ip proto \\udp'; sleep 600"
t_wait '^ Packets [0-9]+-[0-9]+ of [0-9]+ ' 10 || t_fail "no packet list"
t_cap | grep -q '^zbtop .*  filter: ip proto \\udp  ' ||
    t_fail "the header does not show the filter as typed"
t_wait '^ Packets .*  100%  ' 10 ||
    t_fail "the replay's progress is not shown (the index gave up)"
t_keys : 'filter' Enter
t_wait 'filter ip proto \\udp \(epoch' 5 ||
    t_fail "the filter command does not show it as typed"
t_keys q

tab=$(printf 'ip or\tnot ip')
tmux -L "$T_SOCK" respawn-pane -k "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' \
    --speed 0 '$tab'; sleep 600" || t_fail "cannot start zbtop again"
t_wait '^ Packets [0-9]+-[0-9]+ of [0-9]+ ' 10 || t_fail "no packet list"
t_cap | grep -q '^zbtop .*  filter: ip or\\x09not ip  ' ||
    t_fail "the header does not show the tab as \\x09"
t_wait '^ Packets .*  100%  ' 10 ||
    t_fail "with a tab in the filter the index gave up"
t_keys q
exit 0
