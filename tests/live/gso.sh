#!/bin/sh
# Large packets are never cut silently, in both live modes.  A TCP
# transfer of 8 MiB (python3) from the generator end (198.18.0.2) to the
# capture end (198.18.0.1) with GSO on (veth's default): the capture end
# receives GSO super-packets of up to 64 KiB.  zbtop runs with
# --block-size 16 and -w, next to tcpdump.  Expected: zbtop says on
# stderr that the blocks were raised (zbuf), captures exactly what
# tcpdump counts, no record of its -w file is shorter than the packet
# (the snap length is the default 262144), some are longer than 16 KiB,
# and cut=0.
# Then BIG TCP: the generator end may build 256 KiB packets (gso_max_size
# and gso_ipv4_max_size over netlink, python3), the capture end still says
# 64 KiB, so some packets do not fit zbtop's 128 KiB blocks.  Expected in
# zbuf mode: cut counts exactly the records of the -w file shorter than
# their packet, and there are some.  Skipped where the kernel refuses.
. tests/lib/netns.sh
zb_testbed tcpdump python3
ip -n "$ZB_NS_CAP" addr add 198.18.0.1/24 dev "$ZB_IF_CAP" || exit 1
ip -n "$ZB_NS_GEN" addr add 198.18.0.2/24 dev "$ZB_IF_GEN" || exit 1

cat >"$ZB_TMP/tcp.py" <<'PY'
import socket, sys
if sys.argv[1] == "sink":
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("198.18.0.1", 5001))
    s.listen(1)
    s.settimeout(20)
    c, _ = s.accept()
    c.settimeout(20)
    n = 0
    while True:
        b = c.recv(1 << 20)
        if not b:
            break
        n += len(b)
    print(n)
else:
    s = socket.create_connection(("198.18.0.1", 5001), timeout=20)
    buf = b"z" * (1 << 20)
    for i in range(8):
        s.sendall(buf)
    s.close()
PY
# records FILE: "N SHORT BIG": records, records shorter than the packet,
# records longer than 16 KiB (pcap-savefile(5), little-endian).
cat >"$ZB_TMP/records.py" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
off, n, short, big = 24, 0, 0, 0
while off + 16 <= len(d):
    incl, orig = struct.unpack("<II", d[off + 8:off + 16])
    n += 1
    short += incl < orig
    big += orig > 16384
    off += 16 + incl
print(n, short, big)
PY

# transfer MODE [ARG...]: the 8 MiB transfer under zbtop MODE [ARG...] and
# tcpdump; sets ZB_LAST, ZB_TD_COUNT and "$@" to the records.py answer.
transfer() {
	mode=$1
	shift
	zb_tcpdump "td-$mode" "$ZB_IF_CAP" tcp
	zb_zbtop_bound "$mode" -w "$ZB_TMP/$mode.pcap" "$@" tcp
	zb_bg_cap python3 "$ZB_TMP/tcp.py" sink >"$ZB_TMP/sink.out"
	sink=$ZB_BG_PID
	sleep 0.3
	zb_in_gen python3 "$ZB_TMP/tcp.py" source || zb_fail "$mode: source"
	zb_wait_exit "$sink" 20 || zb_fail "$mode: sink"
	[ "$(cat "$ZB_TMP/sink.out")" = 8388608 ] ||
	    zb_fail "$mode: the sink got $(cat "$ZB_TMP/sink.out") bytes"
	sleep 1
	zb_zbtop_stop "$mode" 0
	zb_tcpdump_count "td-$mode"
	REC=$(python3 "$ZB_TMP/records.py" "$ZB_TMP/$mode.pcap")
	echo "$mode: tcpdump $ZB_TD_COUNT; -w: records, short, over 16 KiB:" \
	    "$REC; stderr: $(cat "$ZB_ERR")"
	[ "$(zb_field captured "$ZB_LAST")" = "$ZB_TD_COUNT" ] ||
	    zb_fail "$mode: captured is not tcpdump's $ZB_TD_COUNT"
}

for mode in ${ZB_MODES:-zbuf copy}; do
	transfer "$mode" --block-size 16
	set -- $REC
	[ "$1" = "$ZB_TD_COUNT" ] || zb_fail "$mode: -w holds $1 records"
	[ "$2" = 0 ] || zb_fail "$mode: $2 packets cut"
	[ "$3" -gt 0 ] || zb_fail "$mode: no packet over 16 KiB (GSO off?)"
	[ "$(zb_field cut "$ZB_LAST")" = 0 ] || zb_fail "$mode: cut is not 0"
	[ "$mode" != zbuf ] || grep -q "x 128 KiB (.*(GSO/GRO)" "$ZB_ERR" ||
	    zb_fail "$mode: the raise is not said"
done

cat >"$ZB_TMP/bigtcp.py" <<'PY'
import socket, struct, sys
idx, size = socket.if_nametoindex(sys.argv[1]), int(sys.argv[2])
attrs = b"".join(struct.pack("=HHI", 8, t, size) for t in (41, 63))
body = struct.pack("=BxHiII", 0, 0, idx, 0, 0) + attrs
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
s.send(struct.pack("=IHHII", 16 + len(body), 16, 5, 1, 0) + body)
sys.exit(struct.unpack("=i", s.recv(4096)[16:20])[0] != 0)
PY
if ! zb_in_gen python3 "$ZB_TMP/bigtcp.py" "$ZB_IF_GEN" 262144; then
	echo "BIG TCP refused: the cut counter is not tested"
	exit 0
fi
transfer zbuf --block-size 16
set -- $REC
[ "$2" -gt 0 ] || zb_fail "BIG TCP: no packet was cut (none over 128 KiB?)"
[ "$(zb_field cut "$ZB_LAST")" = "$2" ] ||
    zb_fail "BIG TCP: cut is not the $2 short records"
exit 0
