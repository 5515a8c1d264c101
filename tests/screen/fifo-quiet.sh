#!/bin/sh
# Protection checked: the screen replaying a FIFO whose writer has sent
# the whole sample and then stays open and quiet (as "ssh host tcpdump
# -U -w -" does between packets) shows every packet without more input,
# and q ends it at once: within 5 s, exit 0, the exit line counting
# every packet.  The producer then waits in cap_file_read(), and close
# cancels that wait.
#
# Can fail: a wait that close cannot end holds q until the writer goes
# (600 s here); a hand-over that needs another record keeps the last
# packets off the screen.
. tests/screen/lib.sh
t_fifo
want=$T_WANT
(cat "$T_PCAP"; exec sleep 600) >"$T_DIR/fifo" &
wpid=$!
T_HOOK="kill $wpid 2>/dev/null"
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/fifo' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait "  packets $want  drops 0" 20 ||
    t_fail "the FIFO's $want packets not all shown while it is quiet"
t_keys q
t_wait '^zbtop exited 0' 5 || t_fail "q on a quiet FIFO: no exit in 5 s"
t_cap | grep -qx "$want packets captured" || t_fail "exit line not $want"
exit 0
