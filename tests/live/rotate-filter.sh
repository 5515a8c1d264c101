#!/bin/sh
# Filter changes and forced rotations under load (issue 5): zbtop -b -m
# zbuf -B 32768 (16 MiB a ring: slack for a busy shared machine) with
# "rotate every 2" and, every ~50 ms while zbgen sends exactly
# 200000 64-byte frames at 50000 pps (one pinned CPU), alternately
# "filter udp[19] & 1 = 1" (odd sequence numbers) and "... = 0" (even).
# Epoch 0 has no filter, epoch 1 odd, 2 even, and so on.  From the
# --seq-log: no sequence number twice; every S passes its epoch's filter,
# every R passes the one before and fails its own; in order per ring and
# over the whole log; every missing number fails the filter its nearest
# logged neighbours were stored under (nothing lost).  From the last
# line: captured + refiltered + dropped = kernel, dropped = 0, captured and
# refiltered match the log, forced > 0, and more than 10 filter changes
# took effect.  With ZB_THREADS=N (live/threads.sh) zbtop runs --threads N
# and zbgen sends 64 flows: the log is then in order per ring, not as a
# whole, and every lane must have seen packets.
. tests/lib/netns.sh
zb_testbed
# make bench runs it with ZB_LOAD_N=5000000 and a higher ZB_LOAD_RATE.
N=${ZB_LOAD_N:-200000}
RATE=${ZB_LOAD_RATE:-50000}
T=$((N / RATE + 30))
THREADS=${ZB_THREADS:-1}
FLOWS=1 GLOBAL=1
[ "$THREADS" -eq 1 ] || FLOWS=64 GLOBAL=0
log="$ZB_TMP/seq"

zb_zbtop_bound zbuf -B 32768 --seq-log "$log" --threads "$THREADS"
pid=$ZB_PID out=$ZB_OUT err=$ZB_ERR
echo "rotate every 2" >&9
ip netns exec "$ZB_NS_GEN" taskset -c 0 "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" \
    -n $N -r $RATE -F $FLOWS -T $T >"$ZB_TMP/gen" 2>&1 &
gen=$!
sleep 0.2
# T s at most: zbgen's own -T bound.
changes=0 i=0
while kill -0 $gen 2>/dev/null && [ $i -lt $((T * 20)) ]; do
	if [ $((changes % 2)) -eq 0 ]; then
		echo "filter udp[19] & 1 = 1" >&9
	else
		echo "filter udp[19] & 1 = 0" >&9
	fi
	changes=$((changes + 1))
	sleep 0.05
	i=$((i + 1))
done
wait $gen || { cat "$ZB_TMP/gen" >&2; zb_fail "zbgen"; }
echo "rotate every off" >&9
sleep 1
zb_stop "$pid" 10
rc=$?
last=$(tail -n 1 "$out")
echo "$last"
[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "exit status $rc"; }
# Any failed command would shift the epochs against what was sent.
[ ! -s "$err" ] || { cat "$err" >&2; zb_fail "errors on stderr"; }
res=$(awk -v n=$N -v s0=0 -v global=$GLOBAL -f tests/lib/seqcheck.awk "$log")
ok=$?
echo "$res (filter commands sent: $changes)"
[ $ok -eq 0 ] || zb_fail "sequence log: $res"
# Ring 2l and 2l + 1 are lane l's.
lanes=$(awk '{ l[int($1 / 2)] = 1 } END { print length(l) }' "$log")
echo "lanes that saw packets: $lanes of $THREADS"
[ "$lanes" -eq "$THREADS" ] || zb_fail "only $lanes lanes of $THREADS"
epochs=$(awk 'END { print $3 + 0 }' "$log")
[ "$epochs" -gt 10 ] || zb_fail "only $epochs filter epochs in the log"
c=$(zb_field captured "$last") d=$(zb_field dropped "$last")
k=$(zb_field kernel "$last") r=$(zb_field refiltered "$last")
[ "$c" = "$(zb_field seen "$res")" ] || zb_fail "captured != S lines"
[ "$r" = "$(zb_field rejected "$res")" ] || zb_fail "refiltered != R lines"
[ $((c + r + d)) -eq "$k" ] || zb_fail "captured+refiltered+dropped != kernel"
# A drop next to a filter change could pass for a filtered packet.
[ "$d" = 0 ] || zb_fail "$d drops at 50000 pps"
[ "$(zb_field forced "$last")" -gt 0 ] 2>/dev/null || zb_fail "no forced rotation"
exit 0
