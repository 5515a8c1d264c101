#!/bin/sh
# Cut lines are marked and scroll sideways; the detail view moves to the
# next and previous packet.  The sample replayed to its end at 100x30:
# a summary too long for the row ends in '>' and does not show its tail
# ("length 40"); Right Right shows '<' where the summary starts and the
# tail, with no '>' on that row; Left Left goes back.  Then Enter on a
# packet opens "Packet N", ] shows "Packet N+1", [ [ "Packet N-1".
. tests/screen/lib.sh
t_sample
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0"
t_wait 'end of file' 15 || t_fail "the replay did not end"
sleep 1.2
row=$(t_cap | grep -E '^ +[0-9]+ [0-9:.]+ IP6 .*ICMP6, echo reply' | tail -n 1)
no=$(echo "$row" | awk '{ print $1 }')
[ -n "$no" ] || t_fail "no ICMP6 echo reply row"
echo "$row" | grep -q '>$' || t_fail "cut row not marked '>': $row"
echo "$row" | grep -q 'length 40' && t_fail "row $no not cut at 100 columns"
t_keys Right Right
t_wait "^ +$no [0-9:.]+ < .*ICMP6, echo reply.*length 40\$" 5 ||
    t_fail "Right: row $no does not show '<' and its tail"
t_keys Left Left
t_wait "^ +$no [0-9:.]+ IP6 .*>\$" 5 || t_fail "Left: row $no not back"
t_keys k Enter
t_wait '^ Packet [0-9]+ ' 5 || t_fail "Enter: no detail view"
n=$(t_cap | sed -n 's/^ Packet \([0-9][0-9]*\) .*/\1/p' | head -n 1)
t_keys ']'
t_wait "^ Packet $((n + 1)) " 5 || t_fail "]: not packet $((n + 1))"
t_keys '[' '['
t_wait "^ Packet $((n - 1)) " 5 || t_fail "[ [: not packet $((n - 1))"
t_keys Escape
t_wait '^ Buffers ' 5 || t_fail "Esc: the detail did not close"
t_keys q
exit 0
