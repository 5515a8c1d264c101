#!/bin/sh
# IGMP and IPv4 options print as tcpdump 4.99 -n prints them, whole and
# cut at every length, under "", -v, -vv, -q, -e, -x and -A: v1 and v2
# queries, reports and leaves; v3 queries (maximum response time from
# its code, in seconds or, from 60 s, as "1m4s"; the group and its
# sources: a count, the addresses under -vv, or "[invalid number of
# sources]"); v3 reports, "[invalid len N]" under 16 bytes or not in
# words; a v1 report's length when not 8.  A cut IGMP message gives up
# after what tcpdump printed ("igmp query v2 [|igmp]", -x from byte 0);
# a cut in the Router Alert option is "[remaining caplen(22) < header
# length(24)]" (under -v "options (RA [|ip]" or " [truncated-option]").
# The capture is made here (IPv4 with Router Alert, as hosts send IGMP).
#
# Can fail: before, zbtop printed v3 queries as " [max resp code N]"
# without sources, "igmp [|igmp]" for any cut, and " [|ip]" alone for
# cut options; "0 group record(s)" for a v3 report of 8 bytes and no
# "[len 12]" after a v1 report of 12.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
python3 - "$tmp/igmp.pcap" <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ip(payload, dst):
    opt = bytes([148, 4, 0, 0])            # Router Alert
    h = struct.pack('!BBHHHBBH4s4s', 0x46, 0, 24 + len(payload), 7, 0x4000,
        1, 2, 0, bytes([198, 18, 0, 1]), bytes(dst)) + opt
    h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    return (b'\x01\x00\x5e\x00\x00\x01' + b'\x02\x00\x00\x00\x00\x01' +
        b'\x08\x00' + h + payload)

def igmp(t, code, group, rest=b''):
    m = struct.pack('!BBH4s', t, code, 0, bytes(group)) + rest
    return m[:2] + struct.pack('!H', csum(m)) + m[4:]

g = [239, 1, 2, 3]
z = [0, 0, 0, 0]
srcs = bytes([198, 18, 0, 7, 198, 18, 0, 8])
msgs = [
    igmp(0x11, 0, z), igmp(0x11, 100, z), igmp(0x11, 10, g),
    igmp(0x16, 0, g), igmp(0x12, 0, g), igmp(0x17, 0, g),
    igmp(0x11, 100, z, struct.pack('!BBH', 2, 125, 0)),
    igmp(0x11, 10, g, struct.pack('!BBH', 2, 125, 0)),
    igmp(0x11, 200, g, struct.pack('!BBH', 2, 125, 2) + srcs),
    igmp(0x11, 255, g, struct.pack('!BBH', 2, 125, 9) + srcs),
    igmp(0x22, 0, z[:2] + [0, 1], bytes([1, 0, 0, 0]) + bytes(g)),
    igmp(0x22, 0, z[:2] + [0, 3], bytes([4, 0, 0, 2]) + bytes(g) + srcs +
        bytes([7, 0, 0, 0]) + bytes(g) + bytes([6, 0, 0, 1]) + bytes(g) +
        srcs[:4]),
    igmp(0x22, 0, z[:2] + [0, 2], bytes([2, 0, 0, 5]) + bytes(g) + srcs),
    igmp(0x42, 0, z),
    igmp(0x12, 0, g, bytes(4)), igmp(0x22, 0, z[:2] + [0, 1]),
    igmp(0x22, 0, z[:2] + [0, 1], bytes(4)),
    igmp(0x22, 0, z[:2] + [0, 1], bytes([1, 0, 0, 0]) + bytes(g) + bytes(2)),
]
out = [struct.pack('=IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
t = 0
for m in msgs:
    f = ip(m, [224, 0, 0, 1])
    for n in [len(f)] + list(range(34, len(f))):
        t += 1
        out.append(struct.pack('=IIII', t, 0, n, len(f)) + f[:n])
open(sys.argv[1], 'wb').write(b''.join(out))
PY
fail=0
for o in "" -v -vv -q -e -x -A; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump IGMP "$tmp/igmp.pcap" $o
done
[ $fail -eq 0 ] &&
    echo "IGMP: $(wc -l <"$tmp/want") lines under -A as tcpdump's"
exit $fail
