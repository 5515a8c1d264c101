#!/bin/sh
# --metrics-file is written at every refresh, with the refresh's own
# numbers, and follows "delay".  zbtop -b -J --delay 1 --metrics-file
# while zbgen sends 40000 frames at 4000 pps from 4 flows (10 s); after
# the first snapshot, "delay 0.4".  Expected: for each later snapshot the
# file comes to hold that very moment (zbtop_uptime_seconds equal to the
# snapshot's "uptime"), and then its packets, bytes and kernel packets
# are the snapshot's and its rings' packets add up to them; at least 10
# snapshots are seen so within 8 s.  (The file was rewritten on a timer of
# its own, every --delay given at start whatever "delay" said, from a
# snapshot of its own: it never held a snapshot's moment, and went on at
# one write a second after "delay 0.4".)
. tests/lib/netns.sh
zb_testbed python3
N=40000
# The -Z user writes the file.
chmod 0777 "$ZB_TMP"
prom="$ZB_TMP/m.prom"
zb_zbtop_bound zbuf -J --metrics-file "$prom"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 4000 -F 4 -T 60 \
    >"$ZB_TMP/gen.out" 2>&1 &
gen=$!
i=0
until grep -q '^{"mode"' "$ZB_OUT" || [ $i -ge 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
grep -q '^{"mode"' "$ZB_OUT" || { cat "$ZB_ERR" >&2; zb_fail "no snapshot"; }
echo "delay 0.4" >&9
# Every 20 ms for 8 s at most, python3 reads the snapshots so far and the
# file: when the file's moment is a snapshot's (the first two left out:
# before the change), they must agree.
python3 - "$prom" "$ZB_OUT" <<'EOF' || zb_fail "the file is not the refresh's"
import json, re, sys, time
prom, out = sys.argv[1:3]
def metrics():
    m = {}
    try:
        text = open(prom).read()
    except OSError:
        return m
    for line in text.splitlines():
        if line.startswith('#'):
            continue
        name, value = line.rsplit(' ', 1)
        key = re.sub(r'\{.*', '', name)
        if key == 'zbtop_ring_packets_total':
            m[key] = m.get(key, 0) + int(value)
        else:
            m[key] = float(value)
    return m
seen = matched = 0
done = set()
deadline = time.time() + 8
while time.time() < deadline and matched < 12:
    lines = [json.loads(l) for l in open(out) if l.startswith('{"mode"')]
    m = metrics()
    up = m.get('zbtop_uptime_seconds')
    for j in lines[2:]:
        u = round(j['uptime'], 3)
        if u in done or up is None or abs(up - u) > 0.0005:
            continue
        done.add(u)
        matched += 1
        got = (m['zbtop_packets_total'], m['zbtop_bytes_total'],
               m['zbtop_kernel_packets_total'],
               m['zbtop_ring_packets_total'])
        want = (j['packets'], j['bytes'], j['kernel_packets'],
                j['packets'])
        print('uptime %.3f: file %s, snapshot %s' % (u, got, want))
        if got != want:
            print('FAIL: uptime %.3f: the file says %s, the snapshot %s'
                  % (u, got, want))
            sys.exit(1)
    time.sleep(0.02)
if matched < 10:
    print('FAIL: the file held %d snapshots\' moments, not 10 or more'
          % matched)
    sys.exit(1)
EOF
wait $gen || { cat "$ZB_TMP/gen.out" >&2; zb_fail "zbgen"; }
zb_zbtop_stop zbuf 0
exit 0
