#!/bin/sh
# Forced rotation under load (issue 2): zbtop -b -m zbuf -B 32768 (16
# MiB a ring: slack for a busy shared machine, where the consumer may
# not run for a while) rotates every 1 ms (the fanout steering flip)
# while zbgen sends exactly 100000 64-byte frames at 50000 pps from one
# pinned CPU.  Expected, exactly:
# every sequence number 0..99999 logged once as seen, none rejected, in
# sending order per ring and over the whole log; captured=100000,
# dropped=0, kernel=100000; and forced > 0 (rotations really happened).
. tests/lib/netns.sh
zb_testbed
N=100000
log="$ZB_TMP/seq"

zb_zbtop_bound zbuf -B 32768 --rotate-every 1 --seq-log "$log"
pid=$ZB_PID out=$ZB_OUT err=$ZB_ERR
# One CPU: frames reach the veth backlog in sending order.
zb_in_gen taskset -c 0 "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N \
    -r 50000 -T 30 || zb_fail "zbgen"
sleep 1
zb_stop "$pid" 10
rc=$?
last=$(tail -n 1 "$out")
echo "$last"
[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "exit status $rc"; }
res=$(awk -v n=$N -v s0=0 -v global=1 -f tests/lib/seqcheck.awk "$log")
ok=$?
echo "$res"
[ $ok -eq 0 ] || zb_fail "sequence log: $res"
[ "$(zb_field seen "$res")" = $N ] || zb_fail "not every frame seen once"
[ "$(zb_field rejected "$res")" = 0 ] || zb_fail "rejections without a filter"
[ "$(zb_field captured "$last")" = $N ] || zb_fail "captured is not $N"
[ "$(zb_field dropped "$last")" = 0 ] || zb_fail "drops"
[ "$(zb_field kernel "$last")" = $N ] || zb_fail "kernel is not $N"
[ "$(zb_field forced "$last")" -gt 0 ] 2>/dev/null || zb_fail "no forced rotation"
exit 0
