#!/usr/bin/env python3
# craft.py SET FILE: a pcap (microseconds, Ethernet) of packets built here
# field by field for the print tests that compare zbtop with tcpdump 4.99
# (nothing is sent).  Addresses from 198.18.0.0/15 and 2001:db8::/32;
# fixed stamps, so a set is the same file on every run.  SET is one of:
#
#   icmp-words   every ICMP type tcpdump names: redirects (codes 0 to 4,
#                quoting UDP and TCP), time stamp request and reply,
#                information, address mask, router advertisement and
#                solicitation, source quench, time exceeded, parameter
#                problem, types without a name.
#   icmp-quote   ICMP errors whose quoted datagram is cut: the quoted IP
#                header whole or not, its transport header cut at each
#                length, and quoted datagrams longer than what follows.
#   icmp6-words  ICMPv6 destination unreachable codes 0 to 8, packet too
#                big, time exceeded, parameter problem, and every other
#                type from 0 to 255 but RPL, node information queries and
#                replies of each kind.
#   udp-short    UDP lengths shorter, longer and equal to the IP payload,
#                below 8, over DNS and an unknown port.
#   ip6-plen0    IPv6 payload length 0 over UDP, TCP, ICMPv6, no next
#                header, after destination options, and hop-by-hop headers
#                with and without a valid jumbo option or with a malformed
#                option; first and later fragments (length not 0).
#   bigtcp       an IPv6 payload length 0 over TCP, no hop-by-hop header,
#                on a 70054-byte frame of which 94 bytes were kept (BIG
#                TCP, where zbtop departs from tcpdump 4.99).
#   tcp-sack     SACK blocks in the first packet seen of a connection and
#                in later ones, edges above and below the sequence numbers
#                and the acknowledgment, for -S or not.
#   mptcp        MPTCP options (RFC 8684): every subtype, every length
#                tcpdump's print-mptcp.c tells apart, and bad lengths.
import os
import struct
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "data"))
from mkapp import cksum  # noqa: E402  (RFC 1071, shared with app.pcap's)

A4, B4 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
G4 = bytes([198, 18, 0, 254])
A6 = bytes.fromhex("20010db8000000000000000000000001")
B6 = bytes.fromhex("20010db8000000000000000000000002")
T0 = 1767225600                 # 2026-01-01 00:00:00 UTC


def setsum(b, at, s):
    return b[:at] + struct.pack("!H", s) + b[at + 2:]


def ip4(proto, l4, src=A4, dst=B4, tlen=None):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tlen or 20 + len(l4), 1, 0,
                    64, proto, 0, src, dst)
    return setsum(h, 10, cksum(h)) + l4


def ip6(nh, l4, src=A6, dst=B6, plen=None):
    return struct.pack("!IHBB16s16s", 6 << 28, len(l4) if plen is None
                       else plen, nh, 64, src, dst) + l4


def pseudo(src, dst, proto, n):
    if len(src) == 4:
        return src + dst + struct.pack("!BBH", 0, proto, n)
    return src + dst + struct.pack("!IxxxB", n, proto)


def l4sum(l4, at, proto, src, dst):
    return setsum(l4, at, cksum(pseudo(src, dst, proto, len(l4)) + l4))


def icmp(t, code, body):
    m = struct.pack("!BBH", t, code, 0) + body
    return ip4(1, setsum(m, 2, cksum(m)))


def icmp6(t, code, body, src=A6, dst=B6):
    m = struct.pack("!BBH", t, code, 0) + body
    return ip6(58, l4sum(m, 2, 58, src, dst), src, dst)


def udp(sp, dp, pl, ulen=None, src=A4, dst=B4):
    u = struct.pack("!HHHH", sp, dp, 8 + len(pl) if ulen is None else ulen,
                    0) + pl
    return u


def tcp(sp, dp, seq, ack, flags, opts=b"", pl=b""):
    opts += b"\0" * (-len(opts) % 4)
    return struct.pack("!HHIIBBHHH", sp, dp, seq, ack,
                       (5 + len(opts) // 4) << 4, flags, 502, 0, 0) + \
        opts + pl


def quoted(proto=17, l4=None, tlen=None):
    """An IPv4 header and 8 bytes of what it carried, as RFC 792 quotes."""
    if l4 is None:
        l4 = struct.pack("!HHHH", 1234, 53, 40, 0) if proto == 17 else \
            struct.pack("!HHI", 1234, 80, 7)
    return ip4(proto, l4, B4, bytes([198, 18, 0, 9]), tlen or 60)


def eth(l3, v6=False):
    return bytes.fromhex("020000000002020000000001") + \
        (b"\x86\xdd" if v6 else b"\x08\x00") + l3


def icmp_words():
    f = []
    for code in range(5):
        for p in (17, 6):
            f.append(icmp(5, code, G4 + quoted(p)))
    f.append(icmp(5, 1, G4 + quoted(17)[:20]))
    for t in (13, 14):
        f.append(icmp(t, 0, struct.pack("!HHIII", 7, 1, 1000, 2000, 3000)))
        f.append(icmp(t, 0, struct.pack("!HHIII", 7, 2, 0x80000001,
                                         86399999, 86400000)))
        f.append(icmp(t, 1, struct.pack("!HHIII", 7, 3, 0, 0, 0)))
    for t in (15, 16, 17, 18):
        f.append(icmp(t, 0, struct.pack("!HH", 9, 4) +
                      bytes([255, 255, 255, 0])))
    f.append(icmp(9, 0, struct.pack("!BBH", 2, 2, 1800) + A4 +
                  struct.pack("!I", 10) + G4 + struct.pack("!i", -1)))
    f.append(icmp(9, 16, struct.pack("!BBH", 1, 2, 60) + A4 +
                  struct.pack("!I", 0)))
    f.append(icmp(9, 0, struct.pack("!BBH", 1, 3, 60) + A4 +
                  struct.pack("!I", 0)))
    f.append(icmp(10, 0, bytes(4)))
    f.append(icmp(4, 0, bytes(4) + quoted(17)))
    for code in range(3):
        f.append(icmp(11, code, bytes(4) + quoted(6)))
    for code in range(4):
        f.append(icmp(12, code, bytes([20, 0, 0, 0]) + quoted(17)))
    for t in (1, 2, 6, 7, 19, 30, 31, 37, 40, 41, 42, 43, 44, 200, 255):
        f.append(icmp(t, 0, bytes(8)))
    return [eth(x) for x in f]


def icmp_quote():
    f = []
    u = struct.pack("!HHHH", 1234, 53, 40, 0)
    t = struct.pack("!HHIIBBHHH", 1234, 80, 7, 9, 0x50, 0x12, 100, 0, 0)
    for p, l4 in ((17, u), (6, t), (1, bytes([8, 0, 0, 0, 0, 1, 0, 2]))):
        q = quoted(p, l4)
        for n in range(0, len(q) + 1):
            for t3, c in ((3, 1), (11, 0), (5, 1)):
                f.append(icmp(t3, c, (G4 if t3 == 5 else bytes(4)) +
                              q[:n]))
    f.append(icmp(3, 3, bytes(4) + quoted(17, u + b"x" * 30, 58)))
    f.append(icmp(3, 3, bytes(4) + quoted(17, u, 20)))
    return [eth(x) for x in f]


def icmp6_words():
    q = ip6(17, struct.pack("!HHHH", 1234, 53, 8, 0), B6, A6)
    f = []
    for code in range(9):
        f.append(icmp6(1, code, bytes(4) + q))
    f.append(icmp6(2, 0, struct.pack("!I", 1280) + q))
    for code in range(3):
        f.append(icmp6(3, code, bytes(4) + q))
    for code in range(6):
        f.append(icmp6(4, code, struct.pack("!I", 6) + q))
    # Not here: RPL (155), whose contents zbtop does not decode.
    skip = (1, 2, 3, 4, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137,
            138, 143, 155)
    for t in range(256):
        if t not in skip:
            f.append(icmp6(t, 0, bytes(12)))
    return [eth(x, True) for x in f + node_info()]


def node_info():
    """RFC 4620 queries and replies: each qtype, subject and code."""
    def ni(t, code, qtype, flags, data=b""):
        return icmp6(t, code, struct.pack("!HH", qtype, flags) +
                     bytes(range(8)) + data)
    name = b"\x04host\x07example\x00"
    f = [icmp6(139, 0, bytes(4)), ni(139, 0, 0, 0), ni(139, 0, 1, 1),
         ni(139, 0, 0, 0, b"x"), ni(139, 0, 2, 0), ni(139, 0, 3, 0x7f, A6),
         ni(139, 0, 2, 0, A6 + b"x"), ni(139, 2, 4, 0, A4),
         ni(139, 1, 2, 0, name), ni(139, 1, 2, 0, b"\x05ab\x01cd"),
         ni(139, 1, 2, 0, b"\x04ho\x01t\x00\x00"), ni(139, 5, 2, 0, b"z"),
         ni(139, 1, 2, 0, b"\x09ho\x80t"), ni(139, 0, 9, 0, A6)]
    for code in range(4):
        f.append(ni(140, code, 0, 0))
        f.append(ni(140, code, 0, 0, b"zz"))
    f += [ni(140, 0, 1, 1), ni(140, 0, 2, 1, struct.pack("!I", 300) + name),
          ni(140, 0, 2, 0, struct.pack("!I", 0) + b"\x03a.b"),
          ni(140, 0, 2, 0), ni(140, 0, 3, 0x7f, struct.pack("!I", 60) + A6 +
                                struct.pack("!I", 7) + B6 + b"x"),
          ni(140, 0, 7, 0)]
    return f


def udp_short():
    f = []
    dns = bytes.fromhex("123401000001000000000000") + \
        b"\x07example\x03com\x00\x00\x01\x00\x01"
    for dp, pl in ((53, dns), (9999, b"A" * 40)):
        for d in (-16, -8, -1, 0, 1, 8):
            f.append(ip4(17, udp(1234, dp, pl, len(pl) + 8 + d)))
        for ulen in (0, 4, 7):
            f.append(ip4(17, udp(1234, dp, pl, ulen)))
    for d in (-8, -1, 0, 4):
        f.append(ip6(17, udp(1234, 53, dns, len(dns) + 8 + d, A6, B6)))
    return [eth(x, x[0] >> 4 == 6) for x in f]


def ip6_plen0():
    u = udp(1234, 53, b"A" * 12)
    m = struct.pack("!BBHHH", 128, 0, 0, 7, 1)
    hbh = [bytes([17, 0, 1, 4, 0, 0, 0, 0]),              # padn only
           bytes([17, 0, 0xc2, 4, 0, 1, 0, 0]),           # jumbo 65536
           bytes([17, 0, 0xc2, 4, 0, 0, 0xff, 0xff]),     # jumbo < 65536
           bytes([17, 0, 5, 2, 0, 0, 1, 0]),              # router alert
           bytes([17, 0, 5, 3, 0, 0, 0, 0]),              # bad alert
           bytes([60, 0, 0xc2, 4, 0, 1, 0, 0])]           # then dstopt
    f = [ip6(17, u, plen=0), ip6(6, tcp(1234, 80, 1, 0, 0x02), plen=0),
         ip6(58, l4sum(m, 2, 58, A6, B6), plen=0), ip6(59, b"", plen=0),
         ip6(17, b"", plen=0), ip6(60, bytes([17, 0, 1, 4, 0, 0, 0, 0]) +
                                   u, plen=0),
         ip6(44, bytes([17, 0, 0, 0, 0, 0, 0, 1]) + u),
         ip6(44, bytes([17, 0, 0, 0x11, 0, 0, 0, 1]) + u),
         ip6(44, bytes([17, 0, 0, 1, 0, 0, 0, 2]) +
             udp(1234, 9999, b"A" * 12, 400)),
         ip6(44, bytes([6, 0, 0, 1, 0, 0, 0, 3]) +
             tcp(1234, 80, 1, 0, 0x02))]
    for h in hbh:
        rest = bytes([17, 0, 1, 4, 0, 0, 0, 0]) if h[0] == 60 else b""
        f.append(ip6(0, h + rest + u, plen=0))
    return [eth(x, True) for x in f]


def sack(*edges):
    b = b"".join(struct.pack("!I", e) for e in edges)
    return b"\x01\x01\x05" + bytes([2 + len(b)]) + b


def tcp4(src, dst, *args, **kw):
    t = tcp(*args, **kw)
    return eth(ip4(6, l4sum(t, 16, 6, src, dst), src, dst))


def tcp_sack():
    S, K = 1000000, 5000000
    return [
        # Connection 1: first seen with a SACK (no SYN), then more.
        tcp4(A4, B4, 1111, 80, S, K, 0x10, sack(K + 100, K + 200)),
        tcp4(B4, A4, 80, 1111, K, S + 10, 0x10, sack(S + 20, S + 30)),
        tcp4(A4, B4, 1111, 80, S + 5, K + 1, 0x10,
             sack(K + 300, K + 400, K - 50, K - 10)),
        tcp4(B4, A4, 80, 1111, K + 1, S + 11, 0x10, sack(S - 5, S + 2)),
        # Connection 2: a SYN, SYN-ACK, then SACKs.
        tcp4(A4, B4, 2222, 443, S, 0, 0x02),
        tcp4(B4, A4, 443, 2222, K, S + 1, 0x12),
        tcp4(A4, B4, 2222, 443, S + 1, K + 1, 0x10, sack(K + 101, K + 201)),
        tcp4(B4, A4, 443, 2222, K + 1, S + 1, 0x10, sack(S + 50, S + 60)),
        tcp4(A4, B4, 2222, 443, S + 1, K + 1, 0x10, sack(0, 4294967295)),
        # Connection 3: first seen on a SYN-ACK with a SACK, edges that
        # wrap.
        tcp4(A4, B4, 3333, 22, 4294967290, 10, 0x12, sack(20, 4294967200)),
        tcp4(B4, A4, 22, 3333, 10, 4294967291, 0x10, sack(4294967295, 5)),
    ]


def mp(sub, rest, flags=0):
    b = bytes([(sub << 4) | flags]) + rest
    return bytes([30, 2 + len(b)]) + b


def mptcp():
    k1, k2 = bytes(range(1, 9)), bytes(range(9, 17))
    o = [
        mp(0, bytes([0x81]) + k1),                      # capable SYN v0
        mp(0, bytes([0x81]) + k1 + k2),                 # third ACK
        mp(0, bytes([0x01]) + k1, 1),                   # v1 SYN
        mp(0, bytes([0x81]) + k1 + k2 + b"\0\x04" + b"data", 1),
        mp(0, bytes([0x81]) + k1 + k2 + b"\0\x04", 1),
        mp(0, bytes([0x81]) + k1[:5]),                  # bad length
        mp(1, bytes([5]) + bytes([1, 2, 3, 4]) + bytes([5, 6, 7, 8]), 1),
        mp(1, bytes([5]) + k1 + bytes([1, 2, 3, 4])),
        mp(1, bytes([0]) + bytes(20)),
        mp(1, bytes([5]))[:4],
        mp(2, bytes([0x01]) + struct.pack("!I", 7)),    # DSS ack 4
        mp(2, bytes([0x03]) + struct.pack("!Q", 7)),    # ack 8
        mp(2, bytes([0x04]) + struct.pack("!IIHH", 100, 200, 30, 0x1234)),
        mp(2, bytes([0x0c]) + struct.pack("!QIHH", 100, 200, 30, 0x1234)),
        mp(2, bytes([0x05]) + struct.pack("!IIIHH", 5, 100, 200, 30,
                                          0x1234)),
        mp(2, bytes([0x15]) + struct.pack("!IIIH", 5, 100, 200, 0)),
        mp(2, bytes([0x14]) + struct.pack("!IIH", 100, 200, 30)),
        mp(2, bytes([0x10])),
        mp(2, bytes([0x1f]) + struct.pack("!QQIHH", 1, 2, 3, 4, 5)),
        mp(2, bytes([0x05]) + bytes(3)),
        mp(3, bytes([4]) + A4, 0),                      # add addr v0
        mp(3, bytes([4]) + A4 + b"\x1f\x90", 0),
        mp(3, bytes([4]) + A6, 0),
        mp(3, bytes([5]) + A4 + bytes(8)),              # v1 with hmac
        mp(3, bytes([5]) + A4 + b"\x1f\x90" + bytes(8)),
        mp(3, bytes([6]) + A6 + bytes(8)),
        mp(3, bytes([6]) + A6 + b"\x1f\x90" + bytes(8)),
        mp(3, bytes([7]) + A4, 1),                      # echo
        mp(3, bytes([4]) + A4[:2]),
        mp(4, bytes([1])),                              # remove addr
        mp(4, bytes([1, 2, 3])),
        mp(5, bytes([1])),                              # prio
        mp(5, bytes([1, 9])),
        mp(5, b"", 0),
        mp(6, bytes([0]) + struct.pack("!Q", 77)),      # fail
        mp(7, bytes([0]) + bytes(8)),                   # fastclose
        mp(7, bytes([0]) + bytes(4)),
        mp(8, bytes([2])),                              # tcprst
        mp(8, bytes([0x0f]) + b"", 1),
        mp(15, bytes([1, 2, 3])),
        mp(9, bytes([0])),
        bytes([30, 2]),
        bytes([30, 3, 0x00]),
    ]
    f = []
    for i, x in enumerate(o):
        f.append(tcp4(A4, B4, 4000 + i, 80, 100 + i, 200,
                      0x10 if i else 0x02, x))
    return f


def bigtcp():
    t = tcp(1234, 80, 1, 0, 0x10, pl=b"A" * 20)
    return [(eth(ip6(6, t, plen=0), True), 14 + 40 + 70000)]


SETS = {"icmp-words": icmp_words, "icmp-quote": icmp_quote,
        "icmp6-words": icmp6_words, "udp-short": udp_short,
        "ip6-plen0": ip6_plen0, "bigtcp": bigtcp, "tcp-sack": tcp_sack,
        "mptcp": mptcp}


def main(name, path):
    out = [struct.pack("=IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)]
    for i, fr in enumerate(SETS[name]()):
        fr, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
        out.append(struct.pack("=IIII", T0 + i, 0, len(fr), wire) + fr)
    with open(path, "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SETS:
        sys.exit("usage: craft.py %s FILE" % "|".join(SETS))
    main(sys.argv[1], sys.argv[2])
