#!/bin/sh
# VLAN filters mean on a live interface what they mean to tcpdump there
# (the kernel holds the outer tag in skb metadata), in the kernel and in
# the recheck after a filter change, in both live modes.  The generator
# end sends, 2 ms apart (python3, AF_PACKET), UDP frames of six kinds:
#   A  40 tagged 802.1Q VLAN 29, port 9      B  30 tagged VLAN 30, port 9
#   C  20 untagged, port 9                   D  25 QinQ: 802.1ad VLAN 29
#   E  35 tagged VLAN 29, port 53               outside, 802.1Q VLAN 30
#   F  15 untagged, port 53                     inside, port 9
# Expected counts, each also what tcpdump -i counts on the same traffic:
#   vlan 29: A+D+E = 100     vlan 29 and udp: A+E = 75    vlan 30: B = 30
#   vlan 29 and vlan 30: D = 25   udp port 53: E+F = 50   not vlan: C+F = 35
# The frames are sent twice, and each count is doubled.  Filter change:
# a zbtop per mode starts with "vlan 29" (-T 2000: blocks stay the
# kernel's, so the first pass is still in the ring) and is told "filter udp
# port 53" between the passes; the first pass is then rechecked.  Every E
# frame matches both filters: the -w file must hold all 70, and the 15 F
# frames of the second pass; no B or C frame (neither filter takes them).
# In zbuf mode the recheck must have rejected frames (the A and D ones).
. tests/lib/netns.sh
zb_testbed tcpdump python3

cat >"$ZB_TMP/mix.py" <<'PY'
import socket, struct, sys, time
def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    return (~(s + (s >> 16))) & 0xffff
def frame(tags, dport, seq):
    payload = b"ZBSQ" + struct.pack("!Q", seq)
    udp = struct.pack("!HHHH", 1024, dport, 8 + len(payload), 0) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), seq & 0xffff,
        0, 64, 17, 0, bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1]))
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    f = b"\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02"
    for tpid, vid in tags:
        f += struct.pack("!HH", tpid, vid)
    return f + b"\x08\x00" + ip + udp
Q, AD = 0x8100, 0x88a8
kinds = {"A": ([(Q, 29)], 9, 40), "B": ([(Q, 30)], 9, 30),
    "C": ([], 9, 20), "D": ([(AD, 29), (Q, 30)], 9, 25),
    "E": ([(Q, 29)], 53, 35), "F": ([], 53, 15)}
order = []
for k, (tags, port, n) in kinds.items():
    order += [(k, i) for i in range(n)]
# Interleave the kinds evenly, the same way on every run.
order.sort(key=lambda e: (e[1] / kinds[e[0]][2], e[0]))
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((sys.argv[1], 0))
for seq, (k, i) in enumerate(order):
    tags, port, n = kinds[k]
    s.send(frame(tags, port, seq))
    time.sleep(0.002)
PY

# zbtop per filter and mode, each next to a tcpdump with the same filter.
set -- "vlan 29" 100 "vlan 29 and udp" 75 "vlan 30" 30 \
    "vlan 29 and vlan 30" 25 "udp port 53" 50 "not vlan" 35
modes=${ZB_MODES:-zbuf copy}
i=0
while [ $# -gt 0 ]; do
	i=$((i + 1))
	eval "expr_$i=\$1 want_$i=\$((2 * \$2))"
	zb_tcpdump "td$i" "$ZB_IF_CAP" "$1"
	eval "tdpid_$i=\$ZB_TD_PID"
	for mode in $modes; do
		zb_bg_cap "$ZBTOP" -b --delay 1 -B 1024 -i "$ZB_IF_CAP" \
		    -m "$mode" "$1" <"$ZB_TMP/cmd" >"$ZB_TMP/$mode$i.out" \
		    2>"$ZB_TMP/$mode$i.err"
		eval "pid_${mode}_$i=\$ZB_BG_PID"
		zb_wait_bound "$ZB_BG_PID" 10 || { cat "$ZB_TMP/$mode$i.err" >&2
			zb_fail "$mode '$1': not bound"; }
	done
	shift 2
done
n=$i
fd=4
for mode in $modes; do
	mkfifo "$ZB_TMP/ch-$mode" || exit 1
	eval "exec $fd<>\"\$ZB_TMP/ch-$mode\""
	zb_bg_cap "$ZBTOP" -b --delay 1 -B 1024 -T 2000 -i "$ZB_IF_CAP" \
	    -m "$mode" -w "$ZB_TMP/ch-$mode.pcap" "vlan 29" \
	    <"$ZB_TMP/ch-$mode" >"$ZB_TMP/ch-$mode.out" \
	    2>"$ZB_TMP/ch-$mode.err"
	eval "chpid_$mode=\$ZB_BG_PID chfd_$mode=$fd"
	zb_wait_bound "$ZB_BG_PID" 10 ||
	    { cat "$ZB_TMP/ch-$mode.err" >&2; zb_fail "$mode: not bound"; }
	fd=$((fd + 1))
done

zb_in_gen python3 "$ZB_TMP/mix.py" "$ZB_IF_GEN" || zb_fail "mix.py"
sleep 0.2
for mode in $modes; do
	eval "echo 'filter udp port 53' >&\$chfd_$mode"
done
sleep 0.5
zb_in_gen python3 "$ZB_TMP/mix.py" "$ZB_IF_GEN" || zb_fail "mix.py"
sleep 2.5

for i in $(seq 1 $n); do
	eval "expr=\$expr_$i want=\$want_$i ZB_TD_PID=\$tdpid_$i"
	zb_tcpdump_count "td$i"
	echo "'$expr': tcpdump $ZB_TD_COUNT, want $want"
	[ "$ZB_TD_COUNT" = "$want" ] ||
	    zb_fail "'$expr': tcpdump counts $ZB_TD_COUNT, not $want"
	for mode in $modes; do
		eval "ZB_PID=\$pid_${mode}_$i"
		ZB_OUT="$ZB_TMP/$mode$i.out" ZB_ERR="$ZB_TMP/$mode$i.err"
		zb_zbtop_stop "$mode '$expr'" 0
		[ "$(zb_field captured "$ZB_LAST")" = "$want" ] ||
		    zb_fail "$mode '$expr': captured is not $want"
	done
done
# kinds FILE: the E, F, B and C frames of a -w file, by frame-form filters.
kinds() {
	# "vlan" moves the offsets of what follows it: it goes last.
	for f in "vlan 29 and udp port 53" "udp port 53 and not vlan" \
	    "vlan 30" "udp port 9 and not vlan"; do
		tcpdump -r "$1" "$f" 2>/dev/null | wc -l | tr -d ' '
	done | tr '\n' ' '
}
for mode in $modes; do
	eval "ZB_PID=\$chpid_$mode"
	ZB_OUT="$ZB_TMP/ch-$mode.out" ZB_ERR="$ZB_TMP/ch-$mode.err"
	zb_zbtop_stop "$mode filter change" 0
	got=$(kinds "$ZB_TMP/ch-$mode.pcap")
	echo "$mode filter change: E F B C in -w: $got"
	# zbuf holds the first pass in the ring: the change must recheck it.
	[ "$mode" != zbuf ] || [ "$(zb_field refiltered "$ZB_LAST")" -gt 0 ] ||
	    zb_fail "zbuf filter change: nothing was rechecked"
	[ "$got" = "70 15 0 0 " ] ||
	    zb_fail "$mode filter change: E F B C are $got, not 70 15 0 0"
done
exit 0
