#!/bin/sh
# ICMP cut by the snapshot length (zbtop -r sample.pcap -s N -w cut.pcap,
# N from 34 to 48, around the ICMP header and echo fields): the records of
# cut.pcap that tcpdump 4.99 -n prints with a "[|icmp]" marker, zbtop
# prints alike, "IP a > b:  [|icmp]" with nothing of ICMP's own before the
# marker (tcpdump prints ICMP's text only once it has read it all).
# The detail tree (-V) of an ICMP header cut before its checksum ends
# with the code and the marker: no checksum field.  Unreachables made
# here (net, port; quoted UDP and TCP, with and without IP options), cut
# at every length, print as tcpdump's under "" and -x: a port
# unreachable whose quoted protocol is missing stops (-x from the IP
# header), one whose quoted port is missing gives up on the packet (-x
# from byte 0).  Unreachables of every code 0 to 16 (need to frag with
# and without a next-hop MTU; port unreachable quoting TCP, UDP, SCTP and
# ICMP), whole, print as tcpdump's under "" and -x.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
seen=0
n=34
while [ $n -le 48 ]; do
	"$ZBTOP" -r tests/data/sample.pcap -s $n -w "$tmp/cut.pcap" \
	    >/dev/null 2>&1 </dev/null
	tcpdump -n -r "$tmp/cut.pcap" 2>/dev/null | grep -n 'icmp\]' \
	    >"$tmp/want"
	"$ZBTOP" -r "$tmp/cut.pcap" 2>/dev/null </dev/null |
	    grep -n 'icmp\]' >"$tmp/got"
	[ -s "$tmp/want" ] && seen=$((seen + 1))
	if [ $n -eq 36 ] || [ $n -eq 37 ]; then
		"$ZBTOP" -V -r "$tmp/cut.pcap" >"$tmp/tree" 2>/dev/null \
		    </dev/null
		if ! grep -q '^  \[|icmp\]' "$tmp/tree" ||
		    grep -A3 '^Internet Control' "$tmp/tree" |
		    grep -q 'checksum'; then
			echo "FAIL: -s $n -V: a checksum not captured, or no" \
			    "[|icmp]"
			grep -m 3 'checksum' "$tmp/tree"
			fail=1
		fi
	fi
	zb_same "$tmp/want" "$tmp/got" \
	    "-s $n: cut ICMP records differ from tcpdump -n" empty
	n=$((n + 1))
done
python3 - "$tmp/unreach.pcap" <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys
out = [struct.pack('=IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
t = 0
for code in (0, 3):
    for ihl in (5, 6):
        for proto in (6, 17):
            q = struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, 0, 60, 1, 0, 64,
                proto, 0, bytes([198, 18, 0, 2]), bytes([198, 18, 0, 9]))
            q += bytes(4 * (ihl - 5)) + struct.pack('!HHI', 1234, 53, 0)
            m = bytes([3, code]) + bytes(6) + q
            ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(m), 1, 0,
                64, 1, 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
            f = bytes(12) + b'\x08\x00' + ip + m
            for n in range(34, len(f) + 1):
                t += 1
                out.append(struct.pack('=IIII', 1, t, n, len(f)) + f[:n])
open(sys.argv[1], 'wb').write(b''.join(out))
PY
for o in "" -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "unreachables cut," "$tmp/unreach.pcap" $o
done
python3 - "$tmp/codes.pcap" <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys
out = [struct.pack('=IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
t = 0
for code in range(17):
    for proto in (6, 17, 132, 1):
        for mtu in (0, 1400):
            if (code != 4 and mtu) or (code != 3 and proto != 6):
                continue
            q = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 60, 1, 0, 64,
                proto, 0, bytes([198, 18, 0, 2]), bytes([198, 18, 0, 9]))
            q += struct.pack('!HHI', 1234, 53, 0)
            m = bytes([3, code]) + bytes(4) + struct.pack('!H', mtu) + q
            ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(m), 1, 0,
                64, 1, 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
            f = bytes(12) + b'\x08\x00' + ip + m
            t += 1
            out.append(struct.pack('=IIII', 1, t, len(f), len(f)) + f)
open(sys.argv[1], 'wb').write(b''.join(out))
PY
for o in "" -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "unreachable codes," "$tmp/codes.pcap" $o
done
if [ $seen -eq 0 ]; then
	echo "FAIL: no cut ICMP record in any of the cuts"
	fail=1
fi
exit $fail
