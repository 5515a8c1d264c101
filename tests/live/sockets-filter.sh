#!/bin/sh
# --sockets' filter column agrees with ss -0 -b: tcpdump's socket has a
# filter of the length ss prints ("bpf filter (N)"), a plain packet
# socket with no filter (python3, bound to the veth) has none (0, "-";
# it showed "?", not reported, as netsniff-ng's did, because the kernel
# leaves the attribute out when no filter is attached); and without
# CAP_NET_ADMIN, when the kernel sends the attribute empty, both are
# "not reported" (-1, "?").
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump ss python3 setpriv
zb_netns_up
zb_tmpdir

zb_bg_cap tcpdump -i "$ZB_IF_CAP" -w /dev/null -nn udp </dev/null \
    2>"$ZB_TMP/td.err"
TD=$ZB_BG_PID
zb_bg_cap python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
s.bind((sys.argv[1], 0))
time.sleep(60)' "$ZB_IF_CAP" </dev/null
PY=$ZB_BG_PID
zb_wait_bound "$TD" 10 || { cat "$ZB_TMP/td.err" >&2; zb_fail "tcpdump: not bound"; }
zb_wait_bound "$PY" 10 || zb_fail "python3: not bound"

# filters FILE: "PID INSNS" per socket of the test's namespace.
filters() {
	python3 - "$1" "$ZB_NS_CAP" <<'EOP'
import json, sys
snap = json.loads(open(sys.argv[1]).readline())
for s in snap["sockets"]:
	if s["netns"] == sys.argv[2]:
		print(s["pid"], s["filter_insns"])
EOP
}

# ss_filter PID: the instruction count ss -0 -b shows for PID's socket.
ss_filter() {
	zb_in_cap ss -0 -b -p | awk -v pid="pid=$1," '
	    /^p_/ { want = index($0, pid) > 0; next }
	    want && /bpf filter \(/ { sub(/.*bpf filter \(/, ""); sub(/\).*/, "")
		print; found = 1; exit }
	    END { if (!found) print 0 }'
}

"$ZBTOP" --sockets -J --iterations 1 >"$ZB_TMP/a.json" ||
    zb_fail "--sockets failed"
filters "$ZB_TMP/a.json" >"$ZB_TMP/a.txt"
cat "$ZB_TMP/a.txt"
for p in "$TD" "$PY"; do
	got=$(awk -v p="$p" '$1 == p { print $2 }' "$ZB_TMP/a.txt")
	want=$(ss_filter "$p")
	echo "pid $p: zbtop $got, ss $want"
	[ -n "$got" ] && [ "$got" = "$want" ] || zb_fail "pid $p: filter differs from ss"
done
[ "$(ss_filter "$TD")" -gt 0 ] || zb_fail "tcpdump's filter not seen by ss"
"$ZBTOP" --sockets --iterations 1 | awk -v p="$PY" '$1 == p' |
    grep -q ' -  *0  *0  *[0-9]*$' || zb_fail "no filter is not shown as -"

setpriv --bounding-set=-net_admin --inh-caps=-net_admin \
    "$ZBTOP" --sockets -J --iterations 1 >"$ZB_TMP/b.json" ||
    zb_fail "--sockets without CAP_NET_ADMIN failed"
filters "$ZB_TMP/b.json" >"$ZB_TMP/b.txt"
cat "$ZB_TMP/b.txt"
for p in "$TD" "$PY"; do
	[ "$(awk -v p="$p" '$1 == p { print $2 }' "$ZB_TMP/b.txt")" = -1 ] ||
	    zb_fail "pid $p: without CAP_NET_ADMIN not 'not reported'"
done
exit 0
