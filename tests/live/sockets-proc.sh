#!/bin/sh
# --sockets against /proc/net/packet and ss -0 -e -p, socket by socket,
# in the test's capture namespace holding: tcpdump on the veth, a zbtop
# capturing (two ring sockets in a fanout group, and the filter
# compiler's socket that it keeps only through its ring's mapping, with
# /dev/null on its descriptor), an unbound SOCK_DGRAM socket for one
# ethertype (python3).
#  - every socket /proc/net/packet lists is in zbtop's list, with the
#    same type, protocol, interface index, running flag, receive memory
#    and owner uid;
#  - the process: as ss -p names it; the socket ss shows with no
#    process (the compiler's) is zbtop's, "held_by": "mapping", and the
#    text list says "zbtop (map)" (it was "-", no process);
#  - --attach socket:INODE on it works and gives its retire timeout as
#    ss does (tmo:-1: "none (-1)" and retire_ms -1, not 4294967295).
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump ss python3
zb_netns_up
zb_tmpdir
zb_cmdpipe

zb_bg_cap tcpdump -i "$ZB_IF_CAP" -w /dev/null -nn </dev/null 2>"$ZB_TMP/td.err"
TD=$ZB_BG_PID
zb_bg_cap python3 -c '
import socket, time
s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x88cc))
time.sleep(60)' </dev/null
PY=$ZB_BG_PID
zb_wait_bound "$TD" 10 || { cat "$ZB_TMP/td.err" >&2; zb_fail "tcpdump: not bound"; }
zb_zbtop_bound zbuf
i=0
until ls -l /proc/$PY/fd 2>/dev/null | grep -q 'socket:'; do
	i=$((i + 1))
	[ $i -lt 100 ] || zb_fail "python3: no socket"
	sleep 0.1
done

"$ZBTOP" --sockets -J --iterations 1 >"$ZB_TMP/l.json" || zb_fail "--sockets"
"$ZBTOP" --sockets --iterations 1 >"$ZB_TMP/l.txt" || zb_fail "--sockets text"
zb_in_cap cat /proc/net/packet >"$ZB_TMP/proc.txt"
zb_in_cap ss -0 -e -p >"$ZB_TMP/ss.txt"
cat "$ZB_TMP/proc.txt"
python3 - "$ZB_TMP/l.json" "$ZB_TMP/proc.txt" "$ZB_TMP/ss.txt" "$ZB_NS_CAP" \
    "$ZB_PID" <<'EOP' || zb_fail "zbtop and /proc/net/packet or ss differ"
import json, re, sys
snap = json.loads(open(sys.argv[1]).readline())
ns, zpid = sys.argv[4], int(sys.argv[5])
zb = {s["inode"]: s for s in snap["sockets"] if s["netns"] == ns}
bad = 0
proc = {}
for l in open(sys.argv[2]).read().splitlines()[1:]:
    f = l.split()
    proc[int(f[8])] = dict(type=int(f[2]), protocol=int(f[3], 16),
        ifindex=int(f[4]), running=f[5] == "1", rmem=int(f[6]),
        uid=int(f[7]))
ss = {}
for blk in re.split(r"\n(?=p_)", open(sys.argv[3]).read()):
    m = re.search(r"ino:(\d+)", blk)
    if m:
        p = re.search(r"pid=(\d+)", blk)
        ss[int(m.group(1))] = int(p.group(1)) if p else 0
if len(proc) < 5:
    print("only %d sockets in /proc/net/packet" % len(proc)); bad = 1
for ino, want in proc.items():
    s = zb.get(ino)
    if s is None:
        print(ino, "not listed by zbtop"); bad = 1; continue
    got = dict(type={"raw": 3, "dgram": 2}.get(s["type"]),
        protocol=s["protocol"], ifindex=s["ifindex"],
        running=s["running"], rmem=s["rmem"], uid=s.get("uid"))
    diff = {k: (got[k], want[k]) for k in want if got[k] != want[k]}
    if ss.get(ino, 0) == 0:
        # ss names no process: zbtop's compiler, held by its mapping.
        if s["pid"] != zpid or s["held_by"] != "mapping":
            diff["holder"] = (s["pid"], s["held_by"], zpid)
    elif ss[ino] != s["pid"] or s["held_by"] != "descriptor":
        diff["holder"] = (s["pid"], s["held_by"], ss[ino])
    print(ino, s["pid"], s["command"], "ok" if not diff else diff)
    bad |= bool(diff)
sys.exit(bad)
EOP
grep -q "^ *$ZB_PID zbtop (map) " "$ZB_TMP/l.txt" ||
    zb_fail "the text list does not say 'zbtop (map)'"

# The mapped socket: attach by inode, retire timeout as ss shows it.
ino=$(python3 -c 'import json, sys
for s in json.loads(open(sys.argv[1]).readline())["sockets"]:
	if s["held_by"] == "mapping" and s["pid"] == int(sys.argv[2]):
		print(s["inode"]); break' "$ZB_TMP/l.json" "$ZB_PID")
[ -n "$ino" ] || zb_fail "no mapped socket"
tmo=$(grep -A3 "ino:$ino " "$ZB_TMP/ss.txt" | sed -n 's/.*tmo:\(-*[0-9]*\).*/\1/p')
"$ZBTOP" --attach "socket:$ino" --iterations 1 >"$ZB_TMP/a.txt" 2>&1 ||
    { cat "$ZB_TMP/a.txt" >&2; zb_fail "--attach socket:$ino"; }
"$ZBTOP" --attach "socket:$ino" -J --iterations 1 >"$ZB_TMP/a.json" ||
    zb_fail "--attach -J"
head -n 1 "$ZB_TMP/a.txt"
got=$(python3 -c 'import json, sys
print(json.loads(open(sys.argv[1]).readline())["retire_ms"])' "$ZB_TMP/a.json")
echo "retire: ss $tmo, zbtop $got"
[ -n "$tmo" ] && [ "$got" = "$tmo" ] || zb_fail "retire_ms $got is not ss's $tmo"
if [ "$tmo" = -1 ]; then
	head -n 1 "$ZB_TMP/a.txt" | grep -q 'retire none (-1)$' ||
	    zb_fail "text header does not say 'retire none (-1)'"
fi
zb_zbtop_stop zbtop 0
exit 0
