#!/bin/sh
# --attach on TPACKET_V1, V2 and V3 rings that are never read
# (tests/gen/pring on the veth, 4 blocks of 64 KiB; V1 and V2 in 1024-byte
# frames, 256 of them), against the kernel's numbers:
#  - ss -0 -e's version (ver:N is TPACKET_V(N+1)) is zbtop's;
#  - after 200 frames of 64 bytes, every ring holds 200 ("in ring");
#  - after 400 more, V1 and V2 hold their 256 frames, V3 all 600, every
#    frame ring full is "consumer stopped"; with 200 of 256 frames held
#    V1 and V2 were called "ring full" (every block had a frame held);
#  - each ring's count is the socket's PACKET_STATISTICS packets minus
#    drops, which pring prints when it ends.
# V1 was refused ("unknown version").
. tests/lib/netns.sh
zb_testbed python3 ss
zb_need_pring

for v in 1 2 3; do
	zb_pring "$ZB_NS_CAP" "$ZB_TMP/p$v" '^ready' 1 -i "$ZB_IF_CAP" -v $v \
	    -f 1024
	eval "P$v=\$(zb_pring_ready \"\$ZB_TMP/p$v\" 1)"
	eval "I$v=\$(zb_pring_ready \"\$ZB_TMP/p$v\" 2)"
	eval "zb_wait_bound \$P$v 10" || zb_fail "pring -v $v: not bound"
done
zb_in_cap ss -0 -e >"$ZB_TMP/ss.txt"

# ring V WANT VERDICT: the ring of pring -v V holds WANT frames (and,
# given VERDICT, the second of two reads says it).
ring() {
	eval "rp=\$P$1 ri=\$I$1"
	"$ZBTOP" --attach "$rp" -J --iterations 2 --delay 0.3 \
	    >"$ZB_TMP/a$1.json" 2>"$ZB_TMP/a$1.err" ||
	    { cat "$ZB_TMP/a$1.err" >&2; zb_fail "--attach V$1"; }
	python3 - "$ZB_TMP/a$1.json" "$1" "$2" "$3" "$ZB_TMP/ss.txt" "$ri" <<'EOP' ||
import json, re, sys
r = json.loads(open(sys.argv[1]).read().splitlines()[-1])
v, want, verdict = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ss = open(sys.argv[5]).read()
m = re.search(r"ino:%s .*?\n\s*ver:(\d+)" % sys.argv[6], ss)
print("V%d: version %d (ss ver:%s), in ring %d of %d, verdict %s (%s)" %
    (v, r["version"], m.group(1) if m else "?", r["ring_packets"], want,
    r["verdict"], r["why"]))
bad = r["version"] != v or m is None or int(m.group(1)) + 1 != v
bad |= r["ring_packets"] != want
# A frame ring with free frames is not full, whatever blocks they are in.
bad |= v != 3 and want < 256 and "ring full" in r["why"]
bad |= verdict != "-" and r["verdict"] != verdict
sys.exit(bad)
EOP
	    zb_fail "V$1: not what the kernel says"
	eval "N$1=\$want"
}

zb_send "first frames" 200 20000
sleep 0.5
for v in 1 2 3; do ring $v 200 -; done
# A frame ring has no retire timer and no sequence numbers (it said
# "retire 0 ms" and "rotations 0.0/s").
"$ZBTOP" --attach "$P2" --iterations 1 >"$ZB_TMP/v2.txt" ||
    zb_fail "--attach V2, text"
head -n 2 "$ZB_TMP/v2.txt"
head -n 1 "$ZB_TMP/v2.txt" | grep -q ' retire -$' ||
    zb_fail "V2: the header gives a retire timeout"
sed -n 2p "$ZB_TMP/v2.txt" | grep -q ' rotations -  drops ' ||
    zb_fail "V2: rotations given a rate"
zb_send "more frames" 400 20000
sleep 0.5
ring 1 256 "consumer stopped"
ring 2 256 "consumer stopped"
ring 3 600 -
for v in 1 2 3; do
	eval "kill -TERM \$P$v"
done
for v in 1 2 3; do
	i=0
	until grep -q '^stats' "$ZB_TMP/p$v"; do
		i=$((i + 1))
		[ $i -lt 200 ] || zb_fail "pring -v $v: no statistics"
		sleep 0.05
	done
	set -- $(grep '^stats' "$ZB_TMP/p$v")
	want=$([ $v = 3 ] && echo 600 || echo 256)
	echo "V$v: PACKET_STATISTICS packets $3 drops $4"
	[ $(($3 - $4)) -eq "$want" ] ||
	    zb_fail "V$v: kernel kept $(($3 - $4)), zbtop saw $want"
done
exit 0
