#!/bin/sh
# The prompts: Tab completes command names and filter keywords, lists the
# candidates when there are several, line editing works (Home, Ctrl-W),
# Esc cancels, and history survives a restart: the history file (mode
# 0600) is read back and Up recalls the last command and filter.  The
# screen keeps updating while the prompt is open.
. tests/screen/lib.sh
t_slow 3000 0.01
hist="$XDG_STATE_HOME/zbtop/history"

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
t_keys : ro Tab
t_wait '^:rotate$' 5 || t_fail "ro<Tab> does not complete to rotate"
t_keys C-u r Tab
t_wait '^ resume  rotate$' 5 || t_fail "r<Tab>: candidates not listed"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel"
# The screen is not frozen while a prompt is open.
t_keys f 'ud' Tab 'port 1001 an' Tab
t_wait '^filter: udp port 1001 and$' 5 || t_fail "filter keywords do not complete"
a=$(t_cap | sed -n 's/.*  packets \([0-9]*\) .*/\1/p')
sleep 1.5
b=$(t_cap | sed -n 's/.*  packets \([0-9]*\) .*/\1/p')
[ "$b" -gt "$a" ] || t_fail "the screen stopped updating under the prompt"
t_keys C-w C-w
t_wait '^filter: udp port$' 5 || t_fail "Ctrl-W does not delete words"
t_keys '1000x' BSpace Left Left Right Right Home 'not ' End Enter
t_wait 'filter: not udp port 1000 ' 5 || t_fail "edited filter not applied"
t_keys : 'delay 2' Enter
t_wait '^delay 2' 5 || t_fail "delay command not run"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"

[ -f "$hist" ] || t_fail "no history file at $hist"
[ "$(stat -c %a "$hist")" = 600 ] || t_fail "history file mode is not 0600"
grep -qx ':delay 2' "$hist" && grep -qx '/not udp port 1000' "$hist" ||
    t_fail "history file lacks the entries: $(cat "$hist")"

tmux -L "$T_SOCK" kill-server
sleep 0.3
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "second run did not start"
t_keys : Up
t_wait '^:delay 2$' 5 || t_fail "Up does not recall the last command"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel"
t_keys f
t_keys Up
t_wait '^filter: not udp port 1000$' 5 || t_fail "Up does not recall the last filter"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
exit 0
