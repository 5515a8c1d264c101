#!/bin/sh
# A character typed outside a prompt is never taken for a function key:
# curses numbers keys from 0401 up, where characters from U+0101 on also
# fall (U+0112 is KEY_F(10), U+0103 KEY_UP, U+0153 KEY_PPAGE).  Typed on
# the packet list, they neither quit nor move it; typed at a prompt,
# they are inserted.
. tests/screen/lib.sh
t_replay
t_keys 'Ē' 'ă' 'œ' 'ĉ'
sleep 1
t_cap | grep -q '^zbtop exited' && t_fail "U+0112 quit zbtop (taken for F10)"
t_cap | grep -q '^ Packets .* following' ||
    t_fail "U+0103 or U+0153 moved the list (taken for Up or PgUp)"
t_cap | grep -q '^ Help: ' && t_fail "U+0109 opened the help (taken for F1)"
t_keys /
t_wait '^/' 5 || t_fail "no search prompt"
t_keys 'Ēă'
t_wait '^/Ēă' 5 || t_fail "the characters were not inserted at the prompt"
t_keys Escape
t_wait '^ Packets ' 5 || t_fail "Esc does not close the prompt"
sleep 0.3
t_keys q
t_wait '^zbtop exited 0' 5 || t_fail "q does not quit"
exit 0
