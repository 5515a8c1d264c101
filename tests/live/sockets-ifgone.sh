#!/bin/sh
# A packet socket bound to an interface that is then deleted: the kernel
# unbinds it (ifindex -1 in /proc/net/packet, not running); --sockets
# says "(gone)" and JSON ifindex -1, as /proc/net/packet does (it said
# "if4294967295" and 4294967295).  tests/gen/pring holds the socket on a
# second veth pair of the capture namespace; no frame is sent.
. tests/lib/netns.sh
zb_need_pring
zb_testbed python3
zb_veth_cap zbx0 zbx1
zb_pring "$ZB_NS_CAP" "$ZB_TMP/p" '^ready' 1 -i zbx0
INO=$(zb_pring_ready "$ZB_TMP/p" 2)
ip -n "$ZB_NS_CAP" link del zbx0 || zb_fail "link del"
zb_in_cap cat /proc/net/packet >"$ZB_TMP/proc.txt"
"$ZBTOP" --sockets -J --iterations 1 >"$ZB_TMP/l.json" || zb_fail "--sockets -J"
"$ZBTOP" --sockets --iterations 1 >"$ZB_TMP/l.txt" || zb_fail "--sockets"
python3 - "$ZB_TMP/l.json" "$ZB_TMP/proc.txt" "$INO" <<'EOP' ||
import json, sys
ino = int(sys.argv[3])
want = [int(l.split()[4]) for l in open(sys.argv[2]).read().splitlines()[1:]
    if int(l.split()[8]) == ino]
s = [s for s in json.loads(open(sys.argv[1]).readline())["sockets"]
    if s["inode"] == ino]
print("/proc/net/packet ifindex %s; zbtop %s" % (want,
    [(x["iface"], x["ifindex"], x["running"]) for x in s]))
sys.exit(not (want == [-1] and len(s) == 1 and s[0]["ifindex"] == -1 and
    s[0]["iface"] == "(gone)" and not s[0]["running"]))
EOP
    zb_fail "the deleted interface is not shown as the kernel has it"
grep -q " (gone) .* $INO\$" "$ZB_TMP/l.txt" || zb_fail "text: not (gone)"
exit 0
