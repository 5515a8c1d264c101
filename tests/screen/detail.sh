#!/bin/sh
# The packet list: P pauses it (counters keep running), k selects the row
# above the newest, Enter opens that packet's detail tree and hex (the
# payload "ZBSQ" shows in the ASCII column), Esc and q close it, End
# follows new packets again.
. tests/screen/lib.sh
t_slow 1500 0.02

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'"
# Two rows at least, so there is a row above the newest to select.
t_wait 'Packets [0-9]+-([2-9]|[1-9][0-9]+) of [0-9]+  following' 15 ||
    t_fail "packet list does not follow"
t_keys P
t_wait 'PAUSED' 5 || t_fail "P does not pause"
last=$(t_cap | sed -n 's/^ Packets [0-9]*-\([0-9]*\) of [0-9]* .*/\1/p')
[ -n "$last" ] || t_fail "no packet range in the title"
p1=$(t_cap | sed -n 's/.*  packets \([0-9]*\) .*/\1/p')
sleep 1.5
p2=$(t_cap | sed -n 's/.*  packets \([0-9]*\) .*/\1/p')
[ "$p2" -gt "$p1" ] || t_fail "counters stopped while paused ($p1, $p2)"
t_cap | grep -q "^ Packets [0-9]*-$last of [0-9]*  PAUSED: [1-9]" ||
    t_fail "the list moved while paused"

t_keys k Enter
want=$((last - 1))
t_wait "^ Packet $want  " 5 || t_fail "Enter does not open packet $want"
t_cap | grep -q 'Ethernet' || t_fail "no detail tree"
t_cap | grep -q 'destination port: 100[01]' || t_fail "no UDP fields"
t_keys End
t_wait 'ZBSQ' 5 || t_fail "no hex dump with the payload"
t_keys Escape
t_wait '^ Packets ' 5 || t_fail "Esc does not close the detail"
t_keys Enter
t_wait "^ Packet $want  " 5 || t_fail "Enter does not reopen the detail"
t_keys q
t_wait '^ Packets ' 5 || t_fail "q does not close the detail"
t_cap | grep -q '^ Buffers ' || t_fail "q quit instead of closing the detail"
t_keys End
t_wait 'following' 5 || t_fail "End does not follow again"
t_cap | grep -q PAUSED && t_fail "End does not resume the list"
t_keys q
exit 0
