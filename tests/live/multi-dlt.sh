#!/bin/sh
# Several -i of different link types: the test veth end (Ethernet) and a
# tun device (ARPHRD_NONE: raw IP, LINKTYPE_RAW) made in the capture
# namespace, held open by a reader that throws away what it gets (a tun
# without one has no carrier).  zbgen sends N frames from the generator
# end (received on the veth end) and K out of the tun device (a packet
# tap sees them leave: dev_queue_xmit_nit).
# Expected: captured=N+K, each interface's count equal to tcpdump -i on
# it, and a pcapng -w file with two IDBs, link types 1 and 101, N packets
# under the veth end and K under the tunnel.  libpcap 1.10 refuses a
# pcapng whose interfaces differ in link type ("an interface has a type
# 101 different from the type of the first interface"): tcpdump -r must
# either read all N+K packets or say exactly that.
# Then the same traffic with the filter "udp", compiled for each link
# type: the veth end keeps its N UDP frames; on the tun device zbgen's
# frames do not start with an IP header (tcpdump -i zbt0 udp counts 0),
# though the Ethernet program would pass them (bytes 12-13 0x0800, byte
# 23 17): captured=N only if each interface got its own program.
. tests/lib/netns.sh
zb_testbed tcpdump python3
N=300
K=100
[ -c /dev/net/tun ] || { echo "needs /dev/net/tun" >&2; exit 77; }
# TUNSETIFF with IFF_TUN | IFF_NO_PI (linux/if_tun.h).
zb_bg_cap python3 -c '
import fcntl, os, struct, sys
fd = os.open("/dev/net/tun", os.O_RDWR)
fcntl.ioctl(fd, 0x400454ca, struct.pack("16sH", b"zbt0", 0x0001 | 0x1000))
print("ready", flush=True)
while True:
    os.read(fd, 65536)
' </dev/null >"$ZB_TMP/tun.out" 2>&1
i=0
until grep -q ready "$ZB_TMP/tun.out"; do
	[ $i -lt 200 ] || { cat "$ZB_TMP/tun.out" >&2; zb_fail "no tun"; }
	sleep 0.05
	i=$((i + 1))
done
ip -n "$ZB_NS_CAP" link set zbt0 up || exit 1

# run WHAT FILTER [ZBTOP ARG...]: tcpdump on each interface and zbtop on
# both with FILTER ("" for none), N frames on the veth and K on the tun;
# tcpdump's counts in nveth and ntun, zbtop's last line in ZB_LAST.
run() {
	what=$1 filt=$2
	shift 2
	zb_tcpdump veth "$ZB_IF_CAP" $filt
	tdveth=$ZB_TD_PID
	zb_tcpdump tun zbt0 $filt
	tdtun=$ZB_TD_PID
	zb_zbtop zbuf -i zbt0 "$@" $filt
	zb_started "$ZB_OUT" "$ZB_ERR"
	zb_send "$what" $N 5000
	zb_in_cap "$ZB_GENDIR/zbgen" -i zbt0 -n $K -r 5000 -T 30 >/dev/null ||
	    zb_fail "zbgen on zbt0"
	sleep 1
	zb_zbtop_stop "$what" 0
	ZB_TD_PID=$tdveth zb_tcpdump_count veth
	nveth=$ZB_TD_COUNT
	ZB_TD_PID=$tdtun zb_tcpdump_count tun
	ntun=$ZB_TD_COUNT
}

run "veth and tun" "" -w "$ZB_TMP/zb.pcapng"
echo "tcpdump: $ZB_IF_CAP $nveth, zbt0 $ntun"
[ "$nveth" = $N ] && [ "$ntun" = $K ] || zb_fail "tcpdump counts differ"
grep -q 'link-type RAW' "$ZB_TMP/tun.tderr" ||
    zb_fail "tcpdump does not see zbt0 as raw IP"
[ "$(zb_field captured "$ZB_LAST")" = $((N + K)) ] ||
    zb_fail "captured is not $((N + K))"
python3 tests/lib/pcapng.py "$ZB_TMP/zb.pcapng" >"$ZB_TMP/ng.txt" ||
    zb_fail "the -w file is not pcapng"
got=$(grep '^idb' "$ZB_TMP/ng.txt" | tr '\n' ' ')
echo "-w file: $got"
[ "$got" = "idb 0 $ZB_IF_CAP 1 idb 1 zbt0 101 " ] ||
    zb_fail "interfaces in the -w file: $got"
got=$(awk '$1 == "pkt" { n[$2]++ } END { for (k in n) print k, n[k] }' \
    "$ZB_TMP/ng.txt" | sort | tr '\n' ' ')
echo "-w file: $got"
[ "$got" = "$ZB_IF_CAP $N zbt0 $K " ] || zb_fail "packets in the -w file"
if n=$(tcpdump -nn -r "$ZB_TMP/zb.pcapng" 2>"$ZB_TMP/r.err" | wc -l) &&
    [ "$n" -eq $((N + K)) ]; then
	echo "tcpdump -r: $n packets"
else
	grep -q 'an interface has a type 101 different from the type of the first interface' \
	    "$ZB_TMP/r.err" || { cat "$ZB_TMP/r.err" >&2
		zb_fail "tcpdump -r: $n packets"; }
	echo "tcpdump -r: $(cat "$ZB_TMP/r.err")"
fi

run "veth and tun, udp" udp
echo "tcpdump udp: $ZB_IF_CAP $nveth, zbt0 $ntun"
[ "$nveth" = $N ] && [ "$ntun" = 0 ] || zb_fail "tcpdump udp counts differ"
[ "$(zb_field captured "$ZB_LAST")" = $N ] ||
    zb_fail "udp: captured is not $N: not one program per link type"
exit 0
