#!/bin/sh
# An idle capture sleeps, also after a forced rotation.  zbtop -b -m zbuf
# -T 2000 gets 1000 frames (10000 pps), then "rotate": the block in
# progress is handed over early, and ~2 s later the kernel's retire
# timer closes it in the now idle ring.  (A shorter retire timeout raced
# the rotate command on a loaded machine: the timer fired first.)  From 1 s to 3 s after the
# rotation nothing arrives; zbtop must use under 15% of a CPU then
# (utime + stime from /proc; a poll() that keeps waking up spins at
# 100%).  Also expected: captured=1000 forced=1.
. tests/lib/netns.sh
zb_testbed
zb_zbtop_bound zbuf -T 2000
pid=$ZB_PID out=$ZB_OUT err=$ZB_ERR
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 1000 -r 10000 -T 30 \
    >/dev/null || zb_fail "zbgen"
echo rotate >&9
sleep 1
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
t0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
sleep 2
t1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
zb_stop "$pid" 10
rc=$?
last=$(tail -n 1 "$out")
echo "$last; $((t1 - t0)) ticks of $((2 * hz)) while idle"
[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "exit status $rc"; }
[ $(( (t1 - t0) * 100 )) -lt $((2 * hz * 15)) ] || zb_fail "busy while idle"
[ "$(zb_field captured "$last")" = 1000 ] || zb_fail "captured is not 1000"
[ "$(zb_field forced "$last")" = 1 ] || zb_fail "forced is not 1"
exit 0
