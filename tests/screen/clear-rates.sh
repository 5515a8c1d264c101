#!/bin/sh
# c clears the rates with the counters: a 20,000-frame file replayed as
# fast as possible (--speed 0) ends, its last second's rates stay on the
# screen; after c the header says "packets 0" and must not go on saying
# hundreds of thousands of packets a second, nor the ring's row, nor the
# rotations line (no sample comes after the end to replace them).
. tests/screen/lib.sh
[ -x "$ZB_GENDIR/zbgen" ] ||
    { echo "needs $ZB_GENDIR/zbgen (make test-build)" >&2; exit 77; }
"$ZB_GENDIR/zbgen" -w "$T_DIR/20k.pcap" -n 20000 >/dev/null ||
    t_fail "zbgen -w failed"
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_DIR/20k.pcap' --speed 0; echo zbtop exited \$?; sleep 600"
t_wait 'packets 20000  drops 0  end of file' 15 ||
    t_fail "no end of file with 20000 packets"
sleep 1.5
t_keys c
t_wait '  packets 0  drops 0' 5 || t_fail "c: packets not 0"
sleep 0.5
t_cap | grep -q '^0 pkt/s  0 bit/s  packets 0' ||
    t_fail "c: the header's rates were not cleared"
t_cap | grep -E '^ ring  0' | grep -Eq ' 0/s +0$' ||
    t_fail "c: the ring's rate was not cleared"
t_cap | grep -Eq '^ rotations  full 0 \(0/s\)  timeout 0 \(0/s\)' ||
    t_fail "c: the rotation rates were not cleared"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
