#!/bin/sh
# Tab completes a command's sub-words from its argument spec in the
# command table: after "rotate" it offers "every", after "rotate every"
# the word "off"; a word not in the spec gets nothing; after "help" it
# offers command names.
. tests/screen/lib.sh
t_slow 3000 0.01

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
t_keys : 'rotate ' Tab
t_wait '^:rotate every ?$' 5 || t_fail "rotate <Tab> does not give every"
t_keys Tab
t_wait '^:rotate every off ?$' 5 || t_fail "rotate every <Tab> does not give off"
t_keys C-u 'rotate nosuch ' Tab
t_wait 'no completion' 5 || t_fail "a word outside the spec completed"
t_keys C-u 'help rot' Tab
t_wait '^:help rotate ?$' 5 || t_fail "help <Tab> does not give command names"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc does not cancel"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
exit 0
