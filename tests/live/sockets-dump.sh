#!/bin/sh
# --sockets lists every packet socket /proc/net/packet shows, however
# long their filters and however many there are (tests/gen/pring opens
# them; none is sent a frame):
#  - the generator namespace, new, whose first socket has a filter of
#    1000 instructions and the second none: both listed on the first
#    refresh (the first dump of a netlink socket is answered in 4 KiB
#    buffers, the filter did not fit, and the namespace showed none);
#  - the capture namespace: a socket without a filter, one with 4096
#    instructions (more than sock_diag can put in one message: "big",
#    filter_insns -2), one more (its filter not reported: -3); the
#    third was missing;
#  - then 520 more in the capture namespace: all listed, none cut
#    (the list stopped at 512 and hid the rest of the host), and
#    --attach socket:INODE finds a ring opened after them.
# Each namespace's sockets are compared inode by inode with its
# /proc/net/packet.  Closing 520 packet sockets takes the kernel a few
# seconds (synchronize_net each).
. tests/lib/netns.sh
zb_need_pring
zb_testbed python3

# check JSON NS [INODE=INSNS...]: every socket of NS's /proc/net/packet
# is in the list, and each INODE given has that filter_insns.
check() {
	ck_json=$1 ck_ns=$2
	shift 2
	ip netns exec "$ck_ns" cat /proc/net/packet >"$ZB_TMP/proc-$ck_ns"
	python3 - "$ck_json" "$ck_ns" "$ZB_TMP/proc-$ck_ns" "$@" <<'EOP' ||
import json, sys
snap = json.loads(open(sys.argv[1]).readline())
ns = sys.argv[2]
got = {s["inode"]: s for s in snap["sockets"] if s["netns"] == ns}
want = [int(l.split()[8]) for l in open(sys.argv[3]).read().splitlines()[1:]]
bad = 0
missing = [i for i in want if i not in got]
print("%s: /proc/net/packet %d, zbtop %d, missing %d, truncated %s" %
    (ns, len(want), len(got), len(missing), snap["truncated"]))
if missing or snap["truncated"] or len(want) == 0:
    bad = 1
for a in sys.argv[4:]:
    ino, n = (int(x) for x in a.split("="))
    f = got.get(ino, {}).get("filter_insns")
    print("  socket %d: filter_insns %s, want %d" % (ino, f, n))
    bad |= f != n
sys.exit(bad)
EOP
	    zb_fail "$ck_ns: zbtop's list and /proc/net/packet differ"
}

zb_pring "$ZB_NS_GEN" "$ZB_TMP/g1" '^ready' 1 -L 1000
zb_pring "$ZB_NS_GEN" "$ZB_TMP/g2" '^ready' 1
zb_pring "$ZB_NS_CAP" "$ZB_TMP/c1" '^ready' 1
zb_pring "$ZB_NS_CAP" "$ZB_TMP/c2" '^ready' 1 -L 4096
zb_pring "$ZB_NS_CAP" "$ZB_TMP/c3" '^ready' 1
"$ZBTOP_SAN" --sockets -J --iterations 1 >"$ZB_TMP/l1.json" ||
    zb_fail "--sockets -J"
G1=$(zb_pring_ready "$ZB_TMP/g1" 2) G2=$(zb_pring_ready "$ZB_TMP/g2" 2)
C1=$(zb_pring_ready "$ZB_TMP/c1" 2) C2=$(zb_pring_ready "$ZB_TMP/c2" 2)
C3=$(zb_pring_ready "$ZB_TMP/c3" 2)
check "$ZB_TMP/l1.json" "$ZB_NS_GEN" "$G1=1000" "$G2=0"
check "$ZB_TMP/l1.json" "$ZB_NS_CAP" "$C1=0" "$C2=-2" "$C3=-3"
"$ZBTOP" --sockets --iterations 1 >"$ZB_TMP/l1.txt" || zb_fail "--sockets"
grep -q " big .* $C2\$" "$ZB_TMP/l1.txt" ||
    zb_fail "the text list does not say big for the 4096 instructions"
"$ZBTOP" --sockets --filters --iterations 1 >"$ZB_TMP/f1.txt" ||
    zb_fail "--sockets --filters"
grep -A1 " $C2\$" "$ZB_TMP/f1.txt" | grep -q "^  filter longer than" ||
    zb_fail "--filters says nothing of the 4096 instructions"

zb_pring "$ZB_NS_CAP" "$ZB_TMP/many" '^ready' 520 -r -N 520
zb_pring "$ZB_NS_CAP" "$ZB_TMP/last" '^ready' 1
"$ZBTOP" --sockets -J --iterations 1 >"$ZB_TMP/l2.json" ||
    zb_fail "--sockets -J, 520 more"
check "$ZB_TMP/l2.json" "$ZB_NS_CAP"
check "$ZB_TMP/l2.json" "$ZB_NS_GEN"
"$ZBTOP" --attach "socket:$(zb_pring_ready "$ZB_TMP/last" 2)" \
    --iterations 1 >"$ZB_TMP/a.txt" 2>&1 ||
    { cat "$ZB_TMP/a.txt" >&2; zb_fail "--attach"; }
head -n 1 "$ZB_TMP/a.txt"
exit 0
