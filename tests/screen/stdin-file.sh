#!/bin/sh
# -r - on a terminal, as tcpdump -r -: the capture comes on standard
# input, so the screen (which reads its keys there) cannot run; the
# packets are printed on the terminal instead, to the last, and zbtop
# exits 0.  It failed with "cannot index -" and "the screen needs a
# terminal".
. tests/screen/lib.sh
t_sample
t_start "cat '$T_PCAP' | LANG=C.UTF-8 '$ZBTOP' -r - 2>'$T_DIR/err'; echo zbtop exited \$?; sleep 600"
t_wait '^zbtop exited' 20 || t_fail "-r -: no exit"
t_cap | grep -q '^zbtop exited 0' ||
    t_fail "-r -: exit status not 0: $(cat "$T_DIR/err")"
last=$("$ZBTOP" -r "$T_PCAP" 2>/dev/null | tail -n 1)
[ -n "$last" ] || t_fail "zbtop -r prints nothing"
t_cap | grep -qxF -- "$last" || t_fail "-r -: the last packet is not on the terminal"
exit 0
