#!/bin/sh
# The filter prompt (f) and the display prompt (\) take the command
# table's path: Enter runs `filter` or `display` with the whole line as
# its one argument.  The f prompt's change is the filter command's epoch
# 1 (the next :filter is epoch 2), a bad filter keeps its "filter not
# changed" wording and changes nothing, and the display prompt answers
# with the display command's words.
. tests/screen/lib.sh
t_slow 3000 0.01

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
t_keys f 'udp port 1001' Enter
t_wait '^filter: udp port 1001 ' 5 || t_fail "the f prompt: no confirmation"
t_keys : 'filter udp' Enter
t_wait '^filter udp \(epoch 2\)' 5 || t_fail ":filter answers otherwise"
t_keys f C-u 'udp port nonsense' Enter
t_wait '^filter not changed: .*nonsense' 5 || t_fail "no error for a bad filter"
t_cap | grep -q 'filter: udp ' || t_fail "a bad filter changed the filter"
t_keys '\' 'udp port 1001' Enter
t_wait '^display udp port 1001' 5 ||
    t_fail "the display prompt does not answer as the display command"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "no clean exit"
exit 0
