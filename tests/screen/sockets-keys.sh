#!/bin/sh
# While the sockets view (S) covers the capture panes, the keys that act
# only on those panes do nothing: / and \ open no prompt over the
# sockets, t m b Tab P change nothing unseen, Left and Right do not
# scroll the hidden packet list sideways.  S closes the view: the panes
# are as they were (no talkers, no mix, strips, following, no '<').
# Keys of the whole program still work there: ? opens the help.  The
# hint on the last row names only those ("? help  q quit").
. tests/screen/lib.sh
t_replay
t_keys S
t_wait '^ Sockets [0-9]+ in' 5 || t_fail "S did not open the sockets view"
t_cap | tail -n 1 | grep -q '? help  q quit$' ||
    t_fail "the hint names keys of the hidden panes"
t_keys t m b Tab P Right Right
sleep 0.3
t_keys /
sleep 0.5
t_cap | tail -n 1 | grep -q '^/' && t_fail "/ opened a search over the sockets"
t_keys '\'
sleep 0.5
t_cap | tail -n 1 | grep -q '^display:' &&
    t_fail "\\ opened the display filter prompt over the sockets"
t_cap | grep -Eq '^ Sockets [0-9]+ in' || t_fail "the sockets view is gone"
t_keys '?'
t_wait '^ Help: ' 5 || t_fail "? does not open the help in the sockets view"
t_keys Escape
t_wait '^ Sockets [0-9]+ in' 5 || t_fail "Esc does not go back to the sockets"
t_keys S
t_wait '^ Packets ' 5 || t_fail "S did not close the view"
t_cap | grep -q 'Top talkers' && t_fail "t acted under the sockets view"
t_cap | grep -q 'Protocol mix' && t_fail "m acted under the sockets view"
t_cap | grep -q 'b rows$' || t_fail "b acted under the sockets view"
t_cap | grep -q '^ Packets .* following' ||
    t_fail "P or a move acted under the sockets view"
t_cap | grep -Eq '^ +[0-9]+ [0-9:.]+ <' &&
    t_fail "Right scrolled the hidden list sideways"
t_keys q
exit 0
