#!/bin/sh
# tcpdump 4.99's -v checksum verdicts on ICMP and IGMP, which carry their
# checksum without a pseudo header (RFC 792, RFC 2236 2.3), with and
# without -K (which leaves them alone): " (wrong icmp cksum X (->Y)!)"
# after the ICMP length, before a quoted datagram; " bad igmp cksum X!"
# at the end of the IGMP line.  Right and wrong sums, odd lengths, echo,
# unreachables, time exceeded, IGMP v1/v2/v3 and unknown types; none for
# a message not all captured, nor (ICMP only) for a first fragment.
# The capture is made here.
#
# Can fail: before, zbtop printed neither verdict.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
python3 - "$tmp/sum.pcap" tests/data <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[2])
from mkapp import cksum as ck
out = [struct.pack('=IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
t = 0


def put(proto, m, good, frag=0, cut=0):
    global t
    s = ck(m[:2] + b'\0\0' + m[4:])
    m = m[:2] + struct.pack('!H', s if good else s ^ 0x1234) + m[4:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(m), 1, frag,
        1, proto, 0, bytes([198, 18, 0, 1]), bytes([224, 0, 0, 22]))
    ip = ip[:10] + struct.pack('!H', ck(ip)) + ip[12:]
    f = bytes(12) + b'\x08\x00' + ip + m
    t += 1
    n = len(f) - cut
    out.append(struct.pack('=IIII', 1, t, n, len(f)) + f[:n])


q = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 28, 1, 0, 64, 17, 0,
    bytes([198, 18, 0, 2]), bytes([198, 18, 0, 9]))
q += struct.pack('!HHHH', 1234, 53, 8, 0)
echo = bytes([8, 0, 0, 0, 0, 1, 0, 2])
for good in (1, 0):
    for m in (echo + b'abc', bytes([0, 0, 0, 0, 0, 1, 0, 2]) + b'abcd',
            bytes([3, 3, 0, 0, 0, 0, 0, 0]) + q,
            bytes([3, 4, 0, 0, 0, 0, 5, 0]) + q,
            bytes([11, 0, 0, 0, 0, 0, 0, 0]) + q):
        put(1, m, good)
    put(1, echo + b'abc', good, frag=0x2000)
    put(1, echo + b'abcdef', good, cut=2)
    grp = bytes([239, 1, 2, 3])
    for m in (bytes([0x16, 0, 0, 0]) + grp, bytes([0x12, 0, 0, 0]) + grp,
            bytes([0x17, 0, 0, 0]) + grp, bytes([0x11, 100, 0, 0]) + bytes(4),
            bytes([0x11, 100, 0, 0]) + grp + bytes([2, 125, 0, 1, 10, 0, 0, 1]),
            bytes([0x22, 0, 0, 0, 0, 0, 0, 1, 4, 0, 0, 1]) + grp +
            bytes([10, 0, 0, 1]),
            bytes([0x99, 0, 0, 0, 1, 2, 3, 4, 5])):
        put(2, m, good)
    put(2, bytes([0x16, 0, 0, 0]) + grp, good, frag=0x2000)
    put(2, bytes([0x16, 0, 0, 0]) + grp + bytes([1, 2]), good, cut=2)
open(sys.argv[1], 'wb').write(b''.join(out))
PY
fail=0
for o in "" -v "-v -K" -vv; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "ICMP and IGMP checksums," "$tmp/sum.pcap" $o
done
exit $fail
