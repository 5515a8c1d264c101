#!/bin/sh
# Ctrl-R and Ctrl-S at a prompt search its history for a line starting
# with what is typed (as M-p and M-n), the habit of a shell user; M-x
# does nothing.  After ":delay 2", ":pause" and ":resume", typing "de"
# then Ctrl-R recalls "delay 2", and Enter runs it; an empty line and
# Ctrl-R recalls a line of the history, never other text; Alt-x leaves
# the typed line as it was.
# Can fail: libedit's own incremental search and ed-command (M-x) write
# their prompt into the line we draw: Ctrl-R showed ":?bck:?" and Enter
# ran "bck:de" as a command; M-x emptied the line.
. tests/screen/lib.sh
t_slow 3000 0.01

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
for c in 'delay 2' pause resume; do
	t_keys : "$c" Enter
	sleep 0.3
done
t_keys : de C-r
t_wait '^:delay 2$' 5 || t_fail "de, Ctrl-R did not recall 'delay 2'"
t_keys Enter
t_wait '^delay 2 s' 5 || t_fail "the recalled line did not run"
t_keys : C-r
t_wait '^:(delay 2|pause|resume)$' 5 ||
    t_fail "Ctrl-R on an empty line recalled no line of the history"
# A key after Alt-x: the line is "helpZ" once both are taken, whatever
# the load (a look after a sleep could see the line before Alt-x).
t_keys C-a C-k 'help' M-x Z
t_wait '^:helpZ$' 5 || t_fail "Alt-x changed the typed line"
t_cap | grep -q 'bck:\|fwd:' && t_fail "libedit's search prompt in the line"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
exit 0
