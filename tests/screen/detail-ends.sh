#!/bin/sh
# ] on the newest packet's detail: there is no next one yet, which is not
# the same as one no longer kept.  A replayed file, read to its end;
# End, Enter opens the last frame N, ] keeps it open and says "packet N
# is the newest", never "packet N+1 is no longer kept"; [ on frame 1
# keeps frame 1 open.
. tests/screen/lib.sh
t_sample
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait 'end of file' 15 || t_fail "the file was not read to its end"
n=$(t_cap | sed -n 's/.* packets \([0-9][0-9]*\)  drops .*/\1/p')
[ -n "$n" ] && [ "$n" -gt 1 ] || t_fail "no packet count in the header"
t_keys End Enter
t_wait "^ Packet $n " 5 || t_fail "Enter on the last row: no packet $n"
t_keys ']'
sleep 0.5
t_cap | grep -q 'no longer kept' && t_fail "]: a frame past the newest called not kept"
t_wait "packet $n is the newest" 5 || t_fail "]: no 'packet $n is the newest'"
t_cap | grep -q "^ Packet $n " || t_fail "]: packet $n's detail closed"
t_keys Escape Home Enter
t_wait '^ Packet 1 ' 5 || t_fail "Home, Enter: no packet 1"
t_keys '['
sleep 0.5
t_cap | grep -q '^ Packet 1 ' || t_fail "[: packet 1's detail closed"
t_keys Escape q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
