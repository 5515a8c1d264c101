#!/bin/sh
# A metrics scrape does not take the peaks away from the next snapshot:
# they are the peaks since the last refresh (README, "Reading the buffers
# pane").  zbtop -b -J --delay 4 --threads 2 --metrics writes -w to a
# FIFO whose reader is stopped (SIGSTOP): the consumer blocks on the full
# pipe while zbgen sends 3000 frames of 200 bytes, so the kernel hands
# over block after block that zbtop holds; then the reader goes on, the
# blocks are given back, and one scrape of /metrics follows, all within
# one refresh.  Expected: that refresh's snapshot says "held" 2 or more.
# (Every reader's snapshot restarted the peaks: the scrape's took them,
# and the snapshot said held 0.)
. tests/lib/netns.sh
zb_testbed curl python3
# The -Z user opens the FIFO.
chmod 0777 "$ZB_TMP"
mkfifo -m 0666 "$ZB_TMP/w.fifo" || zb_fail "mkfifo"
cat "$ZB_TMP/w.fifo" >/dev/null &
reader=$!
port=$((20000 + $$ % 20000))
zb_zbtop_bound zbuf -J --delay 4 --threads 2 -B 1024 --blocks 8 \
    --metrics "127.0.0.1:$port" -w "$ZB_TMP/w.fifo"
snaps() {
	grep -c '^{"mode"' "$ZB_OUT"
}
i=0
until [ "$(snaps)" -ge 1 ] || [ $i -ge 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
n=$(snaps)
[ "$n" -ge 1 ] || { cat "$ZB_ERR" >&2; zb_fail "no snapshot"; }
kill -STOP $reader
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 3000 -s 200 -T 30 \
    >/dev/null || zb_fail "zbgen"
sleep 0.5
kill -CONT $reader
sleep 0.5
zb_in_cap curl -sf "http://127.0.0.1:$port/metrics" >/dev/null ||
    zb_fail "the scrape failed"
i=0
until [ "$(snaps)" -gt "$n" ] || [ $i -ge 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
zb_zbtop_stop zbuf 0 >/dev/null
kill $reader 2>/dev/null
grep '^{"mode"' "$ZB_OUT" | sed -n "$((n + 1))p" >"$ZB_TMP/snap"
held=$(python3 -c 'import json, sys
j = json.load(open(sys.argv[1]))
print(j["peaks"]["held"])' "$ZB_TMP/snap") || zb_fail "no snapshot after the burst"
echo "peak held $held in the snapshot after the burst and the scrape"
[ "$held" -ge 2 ] || zb_fail "the snapshot's peak held is $held, not 2 or more"
exit 0
