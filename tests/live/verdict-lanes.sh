#!/bin/sh
# With --threads the drop verdict sizes a ring against the rate its lane
# got, not the whole capture's, and the rings' kernel counts add up.
# zbtop -b -J --threads 2 -B 256 --block-size 16 -s 128 (4 rings of 4 x
# 16 KiB) is stopped (SIGSTOP) while zbgen sends 100000 frames from 16
# flows at full rate (the address hash spreads them over both lanes),
# then SIGCONT.  Expected in the last snapshot: the rings'
# "kernel_packets" (each socket's PACKET_STATISTICS tp_packets, drops
# included) add up to its "kernel_packets", 100000; P, the larger lane's
# share of them; when P < 100% the verdict reads "the ring holds M ms at
# R pkt/s, the busiest lane's P% of T" with R = T * P / 100 (within 1),
# and with no such clause when one lane got everything.
#
# Can fail: the rings had no kernel count, and the verdict put the whole
# capture's 77151 pkt/s into one ring while each lane's got about half
# ("the ring holds 6 ms at 39839 pkt/s" beside rings at 3276 and 5328
# pkt/s).
. tests/lib/netns.sh
zb_testbed python3
N=100000

zb_zbtop_bound zbuf -J --threads 2 -B 256 --block-size 16 -s 128
zb_stopped_burst lanes $N -F 16
sleep 1.5
zb_zbtop_stop lanes 0
grep '"verdict"' "$ZB_OUT" | tail -n 1 >"$ZB_TMP/last.json"
python3 - "$ZB_TMP/last.json" $N <<'EOP' || zb_fail "lanes"
import json, re, sys
j = json.loads(open(sys.argv[1]).read())
n = int(sys.argv[2])
rings = j["rings"]
k = sum(r["kernel_packets"] for r in rings)
print("kernel_packets %d, the rings' %s" % (j["kernel_packets"],
    [(r["ring"], r["lane"], r["kernel_packets"]) for r in rings]))
print("verdict: " + j["verdict"])
if j["kernel_packets"] != n or k != n:
    sys.exit("kernel_packets %d, rings' sum %d, sent %d"
        % (j["kernel_packets"], k, n))
if j["drops"]["kernel"] <= 0:
    sys.exit("no drops")
lanes = {}
for r in rings:
    lanes[r["lane"]] = lanes.get(r["lane"], 0) + r["kernel_packets"]
p = 100.0 * max(lanes.values()) / k
m = re.search(r"the ring holds \d+ ms at (\d+) pkt/s"
    r"(, the busiest lane's (\d+)% of (\d+))? \(", j["verdict"])
if m is None:
    sys.exit("the verdict does not size the ring")
if p >= 99.5:
    if m.group(2) is not None:
        sys.exit("one lane got everything, yet: " + m.group(2))
    sys.exit(0)
if m.group(2) is None:
    sys.exit("lanes got %.0f%% at most, the verdict names no lane" % p)
if int(m.group(3)) != round(p):
    sys.exit("busiest lane %s%%, the rings say %.1f%%" % (m.group(3), p))
if abs(int(m.group(1)) - int(m.group(4)) * p / 100) > 1:
    sys.exit("%s pkt/s is not %.1f%% of %s" % (m.group(1), p, m.group(4)))
EOP
exit 0
