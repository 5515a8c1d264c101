#!/bin/sh
# The buffer rows name their columns in one order on the screen and in
# batch text: SEQ, LAST, AGE.  The sample capture: zbtop -b prints its
# buffer table header; the screen at 100x30 with the rows view (b) shows
# its own.  Expected: the words SEQ, LAST and AGE come in the same order
# in both, and a screen row has its "last" word (timeout, full, forced
# or -) before its age (N.Ns).
. tests/screen/lib.sh
t_sample

order() { tr -s ' ' '\n' | grep -Ex 'SEQ|LAST|AGE' | tr '\n' ' '; }
bh=$("$ZBTOP" -b -r "$T_PCAP" --iterations 1 --delay 0.2 2>/dev/null |
    grep -m1 '^RING BUF OWNER' | order)
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 1; echo zbtop exited \$?; sleep 600"
t_wait '^ Buffers ' 10 || t_fail "screen did not start"
t_keys b
t_wait '^ RING BUF OWNER' 5 || t_fail "no rows view"
sleep 1
sh=$(t_cap | grep -m1 '^ RING BUF OWNER' | order)
echo "batch: $bh; screen: $sh"
[ -n "$bh" ] && [ "$bh" = "$sh" ] || t_fail "column orders differ"
t_cap | grep -Eq ' (timeout|full|forced|-) +[0-9.]+s *$' ||
    t_fail "no row with LAST before AGE"
t_keys q
exit 0
