#!/usr/bin/env python3
# Writes the captures of tests/corpus/app-lines.sh, packet bytes built
# here field by field (no capture was taken, nothing is sent):
#
#   app.pcap      well-formed: TLS 1.3 and 1.2 handshakes on 443, 853 and
#                 an odd port, TLS alerts and application data, QUIC v1
#                 and v2 long headers (Initial, Handshake, Retry, Version
#                 Negotiation, coalesced) and a short header on UDP 443,
#                 SNMP v1, v2c and v3 requests, responses, GetBulk, traps,
#                 errors and exceptions, NBNS queries and registrations,
#                 LLMNR query and answer, DNS queries with unusual
#                 flags and a response with EDNS BADCOOKIE (RFC 7873).
#   app-bad.pcap  the same kinds cut short by the snap length, and
#                 lying: lengths past the record, a QUIC v1 connection id
#                 of 200 bytes, an SNI full of terminal controls, SNMP
#                 with wrong types, DNS shorter than its header.
#
# Addresses from 198.18.0.0/15 only; fixed time stamps, so the files are
# the same on every run (the test regenerates them and compares).
#
#	python3 tests/data/mkapp.py DIR
import struct
import sys

A, B = bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1])
T0 = 1767225600                 # 2026-01-01 00:00:00 UTC


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ip(proto, l4, src, dst):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64,
                    proto, 0, src, dst)
    return h[:10] + struct.pack("!H", cksum(h)) + h[12:] + l4


def udp(sp, dp, pl, src=A, dst=B):
    u = struct.pack("!HHHH", sp, dp, 8 + len(pl), 0) + pl
    c = cksum(src + dst + struct.pack("!BBH", 0, 17, len(u)) + u) or 0xffff
    return ip(17, u[:6] + struct.pack("!H", c) + u[8:], src, dst)


def tcp(sp, dp, pl, seq=1000, ack=2000, src=A, dst=B):
    t = struct.pack("!HHIIBBHHH", sp, dp, seq, ack, 5 << 4, 0x18, 502, 0,
                    0) + pl
    c = cksum(src + dst + struct.pack("!BBH", 0, 6, len(t)) + t)
    return ip(6, t[:16] + struct.pack("!H", c) + t[18:], src, dst)


def eth(l3):
    return bytes([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 8, 0]) + l3


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            fr, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
            f.write(struct.pack("<IIII", T0 + i, 0, len(fr), wire))
            f.write(fr)


def cut(frame, n):
    """The frame as a capture with snap length n keeps it."""
    return (frame[:n], len(frame))


# TLS (RFC 8446 4.1.2, 4.1.3, 4.2; RFC 6066 3).
def ext(t, b):
    return struct.pack("!HH", t, len(b)) + b


def sni(name):
    n = struct.pack("!BH", 0, len(name)) + name
    return ext(0, struct.pack("!H", len(n)) + n)


def hs(t, body):
    return bytes([t]) + struct.pack("!I", len(body))[1:] + body


def rec(ct, ver, body):
    return struct.pack("!BHH", ct, ver, len(body)) + body


def client_hello(name=b"www.example.com", vers=(0x2a2a, 0x0304, 0x0303),
                 pad=0):
    sv = bytes([2 * len(vers)]) + b"".join(struct.pack("!H", v)
                                            for v in vers)
    exts = sni(name) + (ext(0x2b, sv) if vers else b"") + \
        ext(10, bytes.fromhex("0004001d0017")) + \
        (ext(21, bytes(pad)) if pad else b"")
    body = (struct.pack("!H", 0x0303) + bytes(range(32)) + b"\x20" +
            bytes(32) + struct.pack("!H", 6) + bytes.fromhex("130113021303") +
            b"\x01\x00" + struct.pack("!H", len(exts)) + exts)
    return rec(22, 0x0301, hs(1, body))


def server_hello(v13=True):
    exts = ext(0x2b, b"\x03\x04") if v13 else ext(0xff01, b"\x00")
    body = (struct.pack("!H", 0x0303) + bytes(32) + b"\x20" + bytes(32) +
            b"\x13\x01" + b"\x00" + struct.pack("!H", len(exts)) + exts)
    return hs(2, body)


# QUIC (RFC 9000 17.2, RFC 9369 3.2).
def qlong(first, ver, dcid, scid, rest):
    return (bytes([first]) + struct.pack("!I", ver) + bytes([len(dcid)]) +
            dcid + bytes([len(scid)]) + scid + rest)


def v2len(n):
    return struct.pack("!H", 0x4000 | n)


DC, SC = bytes(range(1, 9)), bytes(range(9, 17))


# SNMP (RFC 1157, RFC 3416): BER.
def tlv(t, b):
    n = len(b)
    ln = bytes([n]) if n < 128 else bytes([0x81, n]) if n < 256 else \
        bytes([0x82]) + struct.pack("!H", n)
    return bytes([t]) + ln + b


def integer(v):
    return tlv(2, v.to_bytes((v.bit_length() + 8) // 8 or 1, "big",
                             signed=True))


def oid(s):
    p = [int(x) for x in s.strip(".").split(".")]
    out = b""
    for x in [40 * p[0] + p[1]] + p[2:]:
        enc = [x & 0x7f]
        x >>= 7
        while x:
            enc.insert(0, 0x80 | (x & 0x7f))
            x >>= 7
        out += bytes(enc)
    return tlv(6, out)


def seq(*a):
    return tlv(0x30, b"".join(a))


def vb(o, v=None):
    return seq(oid(o), v if v is not None else tlv(5, b""))


def pdu(t, rid, vbs, err=0, ei=0):
    return tlv(t, integer(rid) + integer(err) + integer(ei) + seq(*vbs))


def snmp(ver, comm, p):
    return seq(integer(ver), tlv(4, comm), p)


SYS = ".1.3.6.1.2.1.1"


def snmp3(flags, eng, boots, time, user, scoped, auth=b"", priv=b""):
    usm = seq(tlv(4, eng), integer(boots), integer(time), tlv(4, user),
              tlv(4, auth), tlv(4, priv))
    return seq(integer(3), seq(integer(4711), integer(65507),
                               tlv(4, bytes([flags])), integer(3)),
               tlv(4, usm), scoped)


# NetBIOS names (RFC 1001 14.1) and NBNS (RFC 1002 4.2).
def nbname(n, suf):
    n = n.ljust(15)[:15].encode() + bytes([suf])
    return b"\x20" + b"".join(bytes([0x41 + (c >> 4), 0x41 + (c & 15)])
                              for c in n) + b"\x00"


def dnshdr(i, fl, qd, an, ns, ar):
    return struct.pack("!HHHHHH", i, fl, qd, an, ns, ar)


def good():
    f = []
    ch = client_hello()
    f.append(eth(tcp(40000, 443, ch)))
    sh = rec(22, 0x0303, server_hello()) + rec(20, 0x0303, b"\x01") + \
        rec(23, 0x0303, bytes(40))
    f.append(eth(tcp(443, 40000, sh, 2000, 1000 + len(ch), B, A)))
    f.append(eth(tcp(40000, 443, rec(20, 0x0303, b"\x01") +
                     rec(23, 0x0303, bytes(53)), 1000 + len(ch),
                     2000 + len(sh))))
    f.append(eth(tcp(443, 40000, rec(21, 0x0303, b"\x02\x28"), 2000 +
                     len(sh), 1000, B, A)))
    # TLS 1.2: hello, certificate (continued in a later segment), done.
    f.append(eth(tcp(40001, 8443, client_hello(b"a.example", ()))))
    s12 = rec(22, 0x0303, server_hello(False) + hs(14, b""))
    f.append(eth(tcp(8443, 40001, s12, 5000, 1, B, A)))
    cert = rec(22, 0x0303, hs(11, bytes(1500)))
    f.append(eth(tcp(8443, 40001, cert[:600], 6000, 1, B, A)))
    f.append(eth(tcp(8443, 40001, cert[600:1200], 6600, 1, B, A)))
    f.append(eth(tcp(40001, 8443, rec(22, 0x0303, hs(16, bytes(33))) +
                     rec(20, 0x0303, b"\x01") +
                     rec(22, 0x0303, bytes(40)), 2, 7000)))
    # DNS over TLS, a hello on an odd port, not TLS on 443.
    f.append(eth(tcp(40002, 853, client_hello(b"dns.example"))))
    f.append(eth(tcp(40003, 4433, client_hello(b"odd.example"))))
    f.append(eth(tcp(40004, 443, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")))
    # Off the TLS ports: records that tile a segment are TLS, a record
    # that does not fit is not taken for one.
    f.append(eth(tcp(40006, 4444, rec(23, 0x0303, bytes(30)) +
                     rec(23, 0x0303, bytes(10)))))
    f.append(eth(tcp(40006, 4444, rec(23, 0x0303, bytes(30))[:20], 1050)))
    # A ClientHello larger than a segment (a big key share, RFC 7685 pad).
    big = client_hello(b"big.example", pad=1600)
    f.append(eth(tcp(40005, 443, big[:1400])))
    f.append(eth(tcp(40005, 443, big[1400:], 1000 + 1400)))
    f.append(eth(tcp(443, 40000, rec(21, 0x0303, bytes(26)), 3000, 1,
                     B, A)))
    # QUIC on UDP 443.
    f.append(eth(udp(50000, 443, qlong(0xc3, 1, DC, SC, b"\x00" +
                                       v2len(1182) + bytes(1182)))))
    hsk = qlong(0xe3, 1, SC, DC, v2len(40) + bytes(40))
    f.append(eth(udp(443, 50000, qlong(0xc3, 1, SC, DC, b"\x00" +
                                       v2len(60) + bytes(60)) + hsk, B, A)))
    f.append(eth(udp(50000, 443, qlong(0xc3, 1, DC, SC, b"\x10" +
                                       bytes(16) + v2len(30) + bytes(30)))))
    f.append(eth(udp(443, 50000, qlong(0xf0, 1, SC, DC, b"tok" +
                                       bytes(16)), B, A)))
    f.append(eth(udp(443, 50000, qlong(0x80, 0, SC, DC,
                                       struct.pack("!II", 1, 0x6b3343cf)),
                     B, A)))
    f.append(eth(udp(50000, 443, qlong(0xd3, 0x6b3343cf, DC, SC, b"\x00" +
                                       v2len(30) + bytes(30)))))
    f.append(eth(udp(50000, 443, qlong(0xc3, 0xff00001d, DC, SC, b"\x00" +
                                       v2len(30) + bytes(30)))))
    f.append(eth(udp(50000, 443, bytes([0x43]) + DC + bytes(30))))
    # SNMP.
    f.append(eth(udp(40010, 161, snmp(0, b"public",
                                      pdu(0xa0, 1234, [vb(SYS + ".1.0")])))))
    f.append(eth(udp(161, 40010, snmp(0, b"public", pdu(0xa2, 1234, [
        vb(SYS + ".1.0", tlv(4, b"Linux box"))])), B, A)))
    f.append(eth(udp(40011, 161, snmp(1, b"private", pdu(0xa1, 7, [
        vb(SYS + ".1"), vb(".1.3.6.1.2.1.2.2.1.10.1")])))))
    f.append(eth(udp(161, 40011, snmp(1, b"private", pdu(0xa2, 7, [
        vb(SYS + ".3.0", tlv(0x43, b"\x01\x02\x03")),
        vb(".1.3.6.1.2.1.2.2.1.10.1", tlv(0x41, b"\x00\xff\x00")),
        vb(".1.3.6.1.2.1.4.20.1.1.10.0.0.1", tlv(0x40, bytes([10, 0, 0, 1]))),
        vb(".1.3.6.1.2.1.31.1.1.1.6.1", tlv(0x46, bytes([1] + [0] * 7)))])),
        B, A)))
    f.append(eth(udp(40012, 161, snmp(1, b"public", tlv(
        0xa5, integer(9) + integer(0) + integer(10) +
        seq(vb(".1.3.6.1.2.1.2.2")))))))
    f.append(eth(udp(40013, 161, snmp(1, b"public", pdu(0xa3, 8, [
        vb(SYS + ".5.0", tlv(4, b"newname")), vb(SYS + ".7.0",
                                                 integer(72))])))))
    f.append(eth(udp(161, 40013, snmp(1, b"public", pdu(0xa2, 8, [
        vb(SYS + ".5.0", tlv(0x80, b"")), vb(SYS + ".6.0", tlv(0x81, b"")),
        vb(SYS + ".7.0", tlv(0x82, b""))], err=2, ei=1)), B, A)))
    f.append(eth(udp(40014, 162, snmp(1, b"public", pdu(0xa7, 99, [
        vb(SYS + ".3.0", tlv(0x43, b"\x10")),
        vb(".1.3.6.1.6.3.1.1.4.1.0", oid(".1.3.6.1.6.3.1.1.5.3"))])))))
    f.append(eth(udp(40014, 162, snmp(0, b"public", tlv(
        0xa4, oid(".1.3.6.1.4.1.8072.3.2.10") + tlv(0x40, A) + integer(6) +
        integer(17) + tlv(0x43, b"\x55") +
        seq(vb(SYS + ".1.0", tlv(4, b"x"))))))))
    f.append(eth(udp(40014, 162, snmp(0, b"public", tlv(
        0xa4, oid(".1.3.6.1.4.1.8072") + tlv(0x40, A) + integer(3) +
        integer(0) + tlv(0x43, b"\x01\x00") + seq())))))
    f.append(eth(udp(40015, 161, snmp(1, b"pu\x1bblic", pdu(0xa6, 5, [
        vb(SYS + ".2.0", integer(-5)),
        vb(SYS + ".4.0", tlv(4, bytes([0, 1, 2, 255]))),
        vb(".2.999.3", tlv(0x44, b"\x01\x02"))])))))
    f.append(eth(udp(40016, 161, snmp(1, b"public", pdu(0xa8, 6, [
        vb(".1.3.6.1.6.3.15.1.1.4.0", tlv(0x41, b"\x07"))])))))
    # SNMPv3: discovery, its report, an encrypted request (RFC 3414).
    eng = bytes.fromhex("80001f888056c3a1b2c3d4e5f6")
    f.append(eth(udp(40017, 161, snmp3(4, b"", 0, 0, b"", seq(
        tlv(4, b""), tlv(4, b""), pdu(0xa0, 77, []))))))
    f.append(eth(udp(161, 40017, snmp3(0, eng, 3, 12345, b"", seq(
        tlv(4, eng), tlv(4, b""), pdu(0xa8, 77, [
            vb(".1.3.6.1.6.3.15.1.1.4.0", tlv(0x41, b"\x01"))]))), B, A)))
    f.append(eth(udp(40017, 161, snmp3(7, eng, 3, 12346, b"admin",
                                       tlv(4, bytes(range(24))),
                                       bytes(12), bytes(8)))))
    # NBNS: a query, its answer, a registration; LLMNR query and answer.
    f.append(eth(udp(137, 137, dnshdr(0x1234, 0x0110, 1, 0, 0, 0) +
                     nbname("WORKGROUP", 0x1b) + struct.pack("!HH", 0x20, 1),
                     A, bytes([198, 18, 255, 255]))))
    f.append(eth(udp(137, 137, dnshdr(0x1234, 0x8500, 0, 1, 0, 0) +
                     nbname("WORKGROUP", 0x1b) +
                     struct.pack("!HHIHH4s", 0x20, 1, 300000, 6, 0, B),
                     B, A)))
    f.append(eth(udp(137, 137, dnshdr(0x2222, 0x2910, 1, 0, 0, 1) +
                     nbname("HOST7", 0x20) + struct.pack("!HH", 0x20, 1) +
                     b"\xc0\x0c" +
                     struct.pack("!HHIHH4s", 0x20, 1, 300000, 6, 0, A),
                     A, bytes([198, 18, 255, 255]))))
    f.append(eth(udp(137, 137, dnshdr(0x3333, 0x0000, 1, 0, 0, 0) +
                     nbname("*\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 0) +
                     struct.pack("!HH", 0x21, 1))))
    ll = dnshdr(0x4321, 0, 1, 0, 0, 0) + b"\x04host\x00" + \
        struct.pack("!HH", 1, 1)
    f.append(eth(udp(50001, 5355, ll)))
    f.append(eth(udp(5355, 50001, dnshdr(0x4321, 0x8000, 1, 1, 0, 0) +
                     b"\x04host\x00" + struct.pack("!HH", 1, 1) +
                     b"\xc0\x0c" + struct.pack("!HHIH4s", 1, 1, 30, 4, A),
                     B, A)))
    # DNS queries with CD and AD, odd flags, an answer and no question.
    q = b"\x04host\x07example\x00" + struct.pack("!HH", 1, 1)
    f.append(eth(udp(40021, 53, dnshdr(0x6001, 0x0130, 1, 0, 0, 0) + q)))
    f.append(eth(udp(40021, 53, dnshdr(0x6002, 0x0483, 1, 0, 0, 0) + q)))
    f.append(eth(udp(40021, 53, dnshdr(0x6003, 0x2800, 0, 1, 0, 0) + q[:-4] +
                     struct.pack("!HHIH4s", 1, 1, 30, 4, A))))
    # DNS: BADCOOKIE is 7 in the header and 1 in OPT's extended rcode.
    opt = b"\x00" + struct.pack("!HHBBHH", 41, 1232, 1, 0, 0, 0)
    f.append(eth(udp(53, 40020, dnshdr(0x5555, 0x8187, 0, 0, 0, 1) + opt,
                     B, A)))
    return f


def bad():
    f = []
    ch = eth(tcp(40000, 443, client_hello()))
    f.append(cut(ch, 54 + 3))           # in the record header
    f.append(cut(ch, 54 + 60))          # in the random
    f.append(cut(ch, 54 + 130))         # in the SNI
    f.append(cut(ch, len(ch) - 3))      # in supported_versions
    sh = eth(tcp(443, 40000, rec(22, 0x0303, server_hello()) +
                 rec(20, 0x0303, b"\x01"), 2000, 1, B, A))
    f.append(cut(sh, len(sh) - 4))      # in the second record's header
    # Lengths that lie: extensions past the hello, SNI past its extension,
    # a handshake longer than its record, an SNI of terminal controls.
    h = bytearray(client_hello())
    h[5 + 4 + 2 + 32 + 1 + 32 + 2 + 6 + 2] = 0x7f
    f.append(eth(tcp(40000, 443, bytes(h))))
    h = bytearray(client_hello())
    h[5 + 4 + 2 + 32 + 1 + 32 + 2 + 6 + 2 + 2 + 2 + 2 + 2 + 1] = 0xf0
    f.append(eth(tcp(40000, 443, bytes(h))))
    f.append(eth(tcp(40000, 443, rec(22, 0x0303, hs(1, bytes(10))[:4] +
                                     bytes(6)))))
    f.append(eth(tcp(40000, 443,
                     client_hello(b"\x1b]0;owned\x07\x1b[2J\x9b1m}{x"))))
    f.append(eth(tcp(40000, 443, rec(23, 0x0303, bytes(20)) + b"\x17\x03")))
    # QUIC: cut in the header, a v1 cid of 200 bytes, Length past the end.
    q = eth(udp(50000, 443, qlong(0xc3, 1, DC, SC, b"\x00" + v2len(100) +
                                  bytes(100))))
    f.append(cut(q, 42 + 8))
    f.append(eth(udp(50000, 443, qlong(0xc3, 1, bytes(200), SC, b"\x00"))))
    f.append(eth(udp(50000, 443, qlong(0xc3, 1, DC, SC, b"\x00" +
                                       v2len(900) + bytes(20)))))
    # SNMP: cut, a length past the datagram, a v3 message, wrong types.
    s = eth(udp(40010, 161, snmp(1, b"public", pdu(0xa0, 1, [
        vb(SYS + ".1.0")]))))
    f.append(cut(s, 42 + 10))
    f.append(cut(s, 42 + 1))
    m = snmp(1, b"public", pdu(0xa0, 1, [vb(SYS + ".1.0")]))
    f.append(eth(udp(40010, 161, m[:20])))
    f.append(eth(udp(40010, 161, seq(integer(1), integer(5)))))
    f.append(eth(udp(40010, 161, seq(integer(7)))))
    f.append(eth(udp(40010, 161, seq(integer(3), integer(1)))))
    f.append(eth(udp(40010, 161, snmp3(2, b"", 0, 0, b"", seq()))))
    f.append(eth(udp(40010, 161, seq(integer(3), seq(
        integer(1), integer(2), tlv(4, b"\x04"), integer(1))))))
    f.append(eth(udp(40010, 161, snmp(0, b"public", pdu(0xa5, 1, [])))))
    f.append(eth(udp(40010, 161, snmp(1, b"public", pdu(0xa0, 1, [
        vb(SYS + ".1.0", integer(3))], err=5)))))
    f.append(eth(udp(40010, 161, snmp(1, b"public", pdu(0xa2, 1, [
        vb(SYS + ".1.0", tlv(0x9f, b"\x01"))], ei=2)))))
    # DNS shorter than its header on the wire, not cut by the capture.
    f.append(eth(udp(40021, 53, b"\x12\x34\x01")))
    # NBNS and LLMNR cut short.
    n = eth(udp(137, 137, dnshdr(0x1234, 0x0110, 1, 0, 0, 0) +
                nbname("WORKGROUP", 0x1b) + struct.pack("!HH", 0x20, 1)))
    f.append(cut(n, 42 + 20))
    f.append(cut(eth(udp(50001, 5355, dnshdr(1, 0, 1, 0, 0, 0) +
                         b"\x04host\x00\x00\x01\x00\x01")), 42 + 14))
    return f


if __name__ == "__main__":
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    write(d + "/app.pcap", good())
    write(d + "/app-bad.pcap", bad())
