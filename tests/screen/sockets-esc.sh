#!/bin/sh
# Esc closes the sockets view as it closes every other view (README,
# Keys: "Esc  cancel a prompt, close a view"): S over a replayed file
# opens the list, Esc goes back to the capture panes, S opens it again
# and S closes it.
. tests/screen/lib.sh
t_sample
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP'; echo zbtop exited \$?; sleep 600"
t_wait 'Packets [0-9]' 10 || t_fail "no packet list"
t_keys S
t_wait '^ Sockets [0-9]+ in' 5 || t_fail "S did not open the sockets view"
t_keys Escape
t_wait '^ Packets [0-9]' 5 || t_fail "Esc did not close the sockets view"
t_keys S
t_wait '^ Sockets [0-9]+ in' 5 || t_fail "S did not open it again"
t_keys S
t_wait '^ Packets [0-9]' 5 || t_fail "S did not close it"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
