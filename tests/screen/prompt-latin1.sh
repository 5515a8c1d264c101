#!/bin/sh
# Protection checked: a letter from U+00A0 to U+00FF typed at a prompt
# is inserted, as any other letter; Alt (Esc and a key) keeps its
# editing meaning.  libedit's emacs map reads those code points as Meta
# keys: ä (0xe4) is M-d, é (0xe9) is M-i.
#
# Can fail: without src/prompt.c's prompt_bind_latin1, "ab cd", Home,
# "äé" left "/ cd" (ä deleted the word "ab", é vanished).
. tests/screen/lib.sh
t_slow 3000 0.01

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
t_keys / 'ab cd' Home 'äéñß' End 'ü'
t_wait '^/äéñßab cdü$' 5 || t_fail "Latin-1 letters not inserted as typed"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel"
# Alt still edits: M-b back a word, then M-d deletes one.
t_keys : 'ab cd' M-b X C-a M-d
t_wait '^: Xcd$' 5 || t_fail "Alt keys no longer edit"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel the command prompt"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
exit 0
