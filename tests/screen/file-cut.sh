#!/bin/sh
# A replayed file cut inside a record, on the screen: the status line
# says why capture stopped, the packets before the cut stay listed, and
# once q closes the screen the same reason is the last line on standard
# error, after the summary, and zbtop exits 1, as -b and print mode do
# (and tcpdump -r).  The file is the first 5000 bytes of the sample: 32
# whole packets.
#
# Can fail: before, the reason went with the screen: standard error held
# the summary alone and zbtop exited 0 (linkdown.sh checks the same for
# a deleted interface).
. tests/screen/lib.sh
t_sample
head -c 5000 "$T_PCAP" >"$T_DIR/cut.pcap"
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/cut.pcap' --speed 0 2>'$T_DIR/err'; echo zbtop exited \$?; sleep 600"
t_wait 'capture stopped: .*cut.pcap: truncated packet record' 15 ||
    t_fail "no reason on the status line"
t_wait ' packets 32 ' 10 || t_fail "not 32 packets in the header"
t_keys q
t_wait '^zbtop exited' 10 || t_fail "q: no exit"
t_cap | grep -q '^zbtop exited 1$' || t_fail "exit status not 1"
grep -q '^32 packets captured$' "$T_DIR/err" ||
    t_fail "no summary: $(cat "$T_DIR/err")"
why="capture stopped: $T_DIR/cut.pcap: truncated packet record"
tail -n 1 "$T_DIR/err" | grep -q "^zbtop: $why after packet 32" ||
    t_fail "the reason is not the last line: $(cat "$T_DIR/err")"
exit 0
