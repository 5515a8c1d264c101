#!/bin/sh
# Several -i share -B: the line announcing rings that differ from what was
# asked states the split in the user's terms.  zbtop -b -m zbuf -i ZB_IF_CAP
# -i zbx0 (a second veth pair), once with zbx0's GSO/GRO limit raised to
# 200000 bytes (so its blocks must be larger), once as made:
#  -B 1000: one stderr line "ring: asked -B 1000 over 2 interfaces (-B 500
#    each), using" what each got, its KiB and the sum, then each reason;
#    each interface's rings in the -J snapshot add up to the KiB the line
#    gives it, and the text snapshot's geometry names each interface
#    (they differ) or says "each" (they do not);
#  -B 4096: honoured on both (each 2 rings x 4 x 256 KiB), no ring line;
#  copy mode -B 1000: each interface's socket queue is 500 KiB;
#  --blocks 512: 4 rings share the 1024 buffers zbtop reports, so each
#    ring gets 256 blocks (said in the ring line) and every ring keeps
#    its interface and its buffers in -J.
. tests/lib/netns.sh
zb_testbed python3
zb_veth_cap zbx0 zbx1

run() {	# args: name, zbtop options...
	zb_name=$1
	shift
	zb_in_cap "$ZBTOP" -b --iterations 1 --delay 0.3 -i "$ZB_IF_CAP" \
	    -i zbx0 "$@" </dev/null >"$ZB_TMP/$zb_name.out" \
	    2>"$ZB_TMP/$zb_name.err" || { cat "$ZB_TMP/$zb_name.err" >&2
		zb_fail "$zb_name: exit status $?"; }
	echo "$zb_name stderr: $(cat "$ZB_TMP/$zb_name.err")"
}
# kib NAME IF: the bytes of IF's rings in NAME's JSON snapshot, in KiB.
kib() {
	python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).readline())
print(sum(r["size"] for r in d["rings"] if r["iface"] == sys.argv[2]) // 1024)
' "$ZB_TMP/$1.out" "$2" || zb_fail "$1: -J is not JSON"
}
gso() {	# the reason zbtop gives for interface $1 and its limit $2
	echo "$1 passes packets of up to $2 bytes (GSO/GRO) and a block must \
hold one"
}
asked="zbtop: ring: asked -B 1000 over 2 interfaces (-B 500 each), using"

# Alike: the veth ends' limit is 64 KiB, a block 128 KiB.
run same -m zbuf -B 1000
want="$asked 2 rings x 2 x 128 KiB (512 KiB) on each, 1024 KiB in all: \
$(gso "$ZB_IF_CAP" 65536); $(gso zbx0 65536)"
[ "$(cat "$ZB_TMP/same.err")" = "$want" ] ||
    zb_fail "-B 1000, alike: stderr is not '$want'"
grep -q "^rotations: .*; 2 interfaces, each 2 rings x 2 x 128 KiB, " \
    "$ZB_TMP/same.out" || zb_fail "-B 1000, alike: text geometry"
run samej -m zbuf -B 1000 -J
[ "$(kib samej "$ZB_IF_CAP") $(kib samej zbx0)" = "512 512" ] ||
    zb_fail "-B 1000, alike: -J ring sizes $(kib samej "$ZB_IF_CAP") \
$(kib samej zbx0), not 512 512"

run enough -m zbuf -B 4096
[ ! -s "$ZB_TMP/enough.err" ] || zb_fail "-B 4096: a ring line"
grep -q "; 2 interfaces, each 2 rings x 4 x 256 KiB, " "$ZB_TMP/enough.out" ||
    zb_fail "-B 4096: not 2 rings x 4 x 256 KiB each"

run copy -m copy -B 1000
grep -q "; 2 interfaces, each recvmmsg .*, rcvbuf 500 KiB$" \
    "$ZB_TMP/copy.out" || zb_fail "copy -B 1000: not rcvbuf 500 KiB each"

# Many blocks: the 1024 buffers zbtop reports are shared by all the
# rings, so each ring keeps its buffers and its interface in -J.
run many -m zbuf --blocks 512 -J
got=$(python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).readline())
n = {}
for b in d["buffers"]:
    n[b["ring"]] = n.get(b["ring"], 0) + 1
print(" ".join("%s:%d:%d" % (r["iface"], r["size"] // 1024,
    n.get(r["ring"], 0)) for r in d["rings"]))' "$ZB_TMP/many.out") ||
    zb_fail "--blocks 512: -J is not JSON"
want="$ZB_IF_CAP:32768:256 $ZB_IF_CAP:32768:256 zbx0:32768:256 zbx0:32768:256"
echo "--blocks 512: $got"
[ "$got" = "$want" ] || zb_fail "--blocks 512: rings are not '$want'"
grep -q "^zbtop: ring: asked --blocks 512 of each of 2 interfaces, using 2 \
rings x 256 x 128 KiB (65536 KiB) on each, 131072 KiB in all: $ZB_IF_CAP: at \
most 256 blocks a ring over 4 rings; zbx0: at most 256 blocks a ring over 4 \
rings$" "$ZB_TMP/many.err" || zb_fail "--blocks 512: the ring line"

# Unlike: BIG TCP limits on zbx0 (veth has them since Linux 6.3).
if ! ip -n "$ZB_NS_CAP" link set zbx0 gso_max_size 200000 \
    gro_max_size 200000 2>/dev/null; then
	echo "zbx0 takes no 200000-byte GSO/GRO limit: unlike rings untested"
	exit 0
fi
run unlike -m zbuf -B 1000
want="$asked $ZB_IF_CAP 2 rings x 2 x 128 KiB (512 KiB), zbx0 2 rings x 2 \
x 256 KiB (1024 KiB), 1536 KiB in all: $(gso "$ZB_IF_CAP" 65536); \
$(gso zbx0 200000)"
[ "$(cat "$ZB_TMP/unlike.err")" = "$want" ] ||
    zb_fail "-B 1000, unlike: stderr is not '$want'"
grep -q "^rotations: .*; 2 interfaces: $ZB_IF_CAP 2 rings x 2 x 128 KiB, \
.*; zbx0 2 rings x 2 x 256 KiB, " "$ZB_TMP/unlike.out" ||
    zb_fail "-B 1000, unlike: text geometry"
run unlikej -m zbuf -B 1000 -J
[ "$(kib unlikej "$ZB_IF_CAP") $(kib unlikej zbx0)" = "512 1024" ] ||
    zb_fail "-B 1000, unlike: -J ring sizes $(kib unlikej "$ZB_IF_CAP") \
$(kib unlikej zbx0), not 512 1024"
exit 0
