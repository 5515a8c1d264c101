#!/bin/sh
# Too small, the screen says "q quits" and hides the prompt: with a
# prompt open, keys typed then do not edit the hidden line (it comes back
# as it was when the terminal grows), and q quits, as it says, rather
# than being typed into the filter.
. tests/screen/lib.sh
t_sample
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets ' 10 || t_fail "no packet list"
t_keys f 'udp'
t_wait '^filter: udp$' 5 || t_fail "no filter prompt"
tmux -L "$T_SOCK" resize-window -x 30 -y 8
t_wait 'q quits' 5 || t_fail "30x8: no 'q quits'"
t_keys ' or tcp' BSpace BSpace
sleep 0.5
tmux -L "$T_SOCK" resize-window -x 100 -y 30
t_wait '^ Packets ' 5 || t_fail "no recovery at 100x30"
t_cap | grep -q '^filter: udp$' ||
    t_fail "keys typed while too small edited the hidden prompt"
tmux -L "$T_SOCK" resize-window -x 30 -y 8
t_wait 'q quits' 5 || t_fail "30x8 again: no 'q quits'"
t_keys q
t_wait '^zbtop exited 0' 5 || t_fail "q with a prompt open does not quit when too small"
exit 0
