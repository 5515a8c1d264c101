#!/bin/sh
# A replayed file read again (a new capture filter after its end, README
# "Commands": counters and frame numbers from 1) is what the user sees
# from then on: the header's packets, the list's last frame and the exit
# lines ("N packets captured", "N packets received by filter") all count
# the second reading only, N being what zbtop --count gives for the file
# and that filter.
# Can fail: the exit lines counted both readings (the whole file plus
# the filtered one).
. tests/screen/lib.sh
t_replay
t_wait '  end of file' 10 || t_fail "the replay did not end"
n=$(t_udp_count) || exit 77
t_keys f
t_wait '^filter: ?$' 5 || t_fail "no filter prompt"
t_keys udp Enter
t_wait "  packets $n  drops 0  end of file" 20 ||
    t_fail "the header does not count $n packets after the reread"
t_wait "^ Packets [0-9]+-$n of $n  following" 5 ||
    t_fail "the list does not end at frame $n"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
t_cap | grep -qx "$n packets captured" ||
    t_fail "the exit lines do not say '$n packets captured'"
t_cap | grep -qx "$n packets received by filter" ||
    t_fail "the exit lines do not say '$n packets received by filter'"
exit 0
