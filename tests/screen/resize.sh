#!/bin/sh
# Any size: too small says so (and q still quits), and the full view
# comes back when the terminal grows again.  Then a tiny width with a
# normal height, and a resize while a prompt is open.
. tests/screen/lib.sh
t_sample

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait '^ Buffers ' 10 || t_fail "screen did not start"
tmux -L "$T_SOCK" resize-window -x 40 -y 10
t_wait 'terminal too small' 5 || t_fail "40x10: no 'terminal too small'"
t_cap | grep -q 'Buffers' && t_fail "40x10: panes drawn anyway"
tmux -L "$T_SOCK" resize-window -x 100 -y 30
t_wait '^ Buffers ' 5 || t_fail "no recovery at 100x30"
t_cap | grep -q 'terminal too small' && t_fail "still too small at 100x30"
t_cap | grep -q '^ Packets ' || t_fail "no packet list at 100x30"
tmux -L "$T_SOCK" resize-window -x 30 -y 30
t_wait 'terminal too small' 5 || t_fail "30x30: no 'terminal too small'"
tmux -L "$T_SOCK" resize-window -x 80 -y 24
t_wait '^ Packets ' 5 || t_fail "no recovery at 80x24"
t_keys f
t_keys 'udp'
t_wait '^filter: udp' 5 || t_fail "no prompt"
tmux -L "$T_SOCK" resize-window -x 132 -y 40
t_wait '^filter: udp' 5 || t_fail "prompt lost on resize"
t_cap | grep -q '^ Packets ' || t_fail "no packet list at 132x40"
t_keys Escape
tmux -L "$T_SOCK" resize-window -x 40 -y 10
t_wait 'terminal too small' 5 || t_fail "no 'terminal too small' again"
t_keys q
t_wait '^zbtop exited 0' 5 || t_fail "q does not quit when too small"
exit 0
