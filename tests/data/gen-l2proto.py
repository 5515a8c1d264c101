#!/usr/bin/env python3
# Writes the captures tests/corpus/l2proto.sh compares with tcpdump -n:
#   l2proto.pcap      whole frames: STP, RSTP, MSTP, PVST+, CDP, DTP,
#                     Loopback, LLDP, LACP,
#                     marker, PPPoE discovery and sessions, SCTP chunk
#                     lists, MS NLB, ARP with odd hardware, a DHCP request
#                     captured with a 96-byte snap length
#   l2proto-cut.pcap  the same frames cut short at every few bytes, for
#                     tcpdump's "[|proto]" markers
#   l2proto-ppp.pcap  link type 9 (PPP): LCP, PAP, IPCP, an unknown protocol
# Run from the repository root: python3 tests/data/gen-l2proto.py
# (standard library only; the output is committed, so the test needs no
# Python).  Addresses are from 198.18.0.0/15 and locally administered MACs.
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000


def pcap(path, frames, snap=65535, linktype=1):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, snap,
                            linktype))
        for i, fr in enumerate(frames):
            data, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
            f.write(struct.pack('<IIII', T0 + i, i * 1000, len(data), wire))
            f.write(data)


def mac(s):
    return bytes(int(x, 16) for x in s.split(':'))


A = '02:11:22:33:44:55'
B = '02:aa:bb:cc:dd:ee'
STPM = '01:80:c2:00:00:00'


def eth(dst, src, typ, payload):
    return mac(dst) + mac(src) + struct.pack('>H', typ) + payload


def e8023(dst, src, payload):
    return mac(dst) + mac(src) + struct.pack('>H', len(payload)) + payload


def cksum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('>%dH' % (len(b) // 2), b))
    s = (s & 0xffff) + (s >> 16)
    s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ip4(proto, payload, src=(198, 18, 0, 1), dst=(198, 18, 0, 2)):
    h = struct.pack('>BBHHHBBH4B4B', 0x45, 0, 20 + len(payload), 1, 0x4000,
                    64, proto, 0, *src, *dst)
    return h[:10] + struct.pack('>H', cksum(h)) + h[12:] + payload


def ip6(nh, payload):
    a = bytes.fromhex('20010db8000000000000000000000001')
    b = bytes.fromhex('20010db8000000000000000000000002')
    return struct.pack('>IHBB', 0x60000000, len(payload), nh, 64) + a + b + \
        payload


# Spanning tree (IEEE 802.1D 9.3, 802.1Q 14.6)
def bpdu(ver=0, typ=0, flags=0):
    return struct.pack('>HBBB', 0, ver, typ, flags) + \
        struct.pack('>H', 0x8000) + mac(A) + struct.pack('>I', 4) + \
        struct.pack('>H', 0x8001) + mac(B) + \
        struct.pack('>HHHHH', 0x8002, 256, 20 * 256, 2 * 256, 15 * 256)


def mstp(nmsti):
    mcid = b'\0' + b'region1'.ljust(32, b'\0') + struct.pack('>H', 1) + \
        bytes(range(16))
    v3 = mcid + struct.pack('>I', 0) + struct.pack('>H', 0x8000) + mac(A) + \
        bytes([20])
    for i in range(1, nmsti + 1):
        v3 += bytes([0x7c]) + struct.pack('>H', 0x8000 | i) + mac(A) + \
            struct.pack('>I', 10 * i) + bytes([0x80, 0x90, 20])
    return bpdu(3, 2, 0x7c) + b'\0' + struct.pack('>H', len(v3)) + v3


LLC_STP = b'\x42\x42\x03'
frames = [
    e8023(STPM, A, LLC_STP + bpdu()),
    e8023(STPM, A, LLC_STP + bpdu(0, 0, 0x81)),
    e8023(STPM, A, LLC_STP + struct.pack('>HBB', 0, 0, 0x80) + b'\0' * 39),
    e8023(STPM, A, LLC_STP + bpdu(2, 2, 0x3c) + b'\0'),
    e8023(STPM, A, LLC_STP + bpdu(2, 2, 0x4e) + b'\0'),
    e8023(STPM, A, LLC_STP + mstp(2)),
    e8023('01:00:0c:cc:cc:cd', A, b'\xaa\xaa\x03\x00\x00\x0c\x01\x0b' +
          bpdu() + b'\0\0\0\x02\0\x01'),
]


# Cisco SNAP: CDP and DTP; the Loopback protocol (ethertype 0x9000)
def ctlv(t, v):
    return struct.pack('>HH', t, len(v) + 4) + v


cdp = bytes([2, 180, 0x12, 0x34]) + ctlv(1, b'sw1') + \
    ctlv(5, b'Some OS\nline two') + ctlv(6, b'box') + \
    ctlv(2, struct.pack('>IBBBH', 1, 1, 1, 0xcc, 4) +
         bytes([198, 18, 0, 1])) + \
    ctlv(3, b'Gi0/1') + ctlv(4, struct.pack('>I', 0x29)) + ctlv(9, b'') + \
    ctlv(10, b'\0\x01') + ctlv(11, b'\x01') + ctlv(0x1a, b'\0\1\2')
frames.append(e8023('01:00:0c:cc:cc:cc', A,
                    b'\xaa\xaa\x03\x00\x00\x0c\x20\x00' + cdp))
dtp = b'\x01' + ctlv(1, b'\0') + ctlv(2, b'\x81') + ctlv(3, b'\xa5') + \
    ctlv(4, mac(A))
frames.append(e8023('01:00:0c:cc:cc:cc', A,
                    b'\xaa\xaa\x03\x00\x00\x0c\x20\x04' + dtp))
frames.append(eth(A, A, 0x9000, b'\0\0\x01\0\x07\0' + b'\0' * 40))
frames.append(eth(A, A, 0x9000, b'\0\0\x02\0' + mac(B) + b'\x01\0\0\0' +
                  b'\0' * 36))

# LLDP (IEEE 802.1AB 8.5)
def tlv(t, v):
    return struct.pack('>H', (t << 9) | len(v)) + v


lldp = tlv(1, b'\x04' + mac(A)) + tlv(2, b'\x05eth0') + \
    tlv(3, struct.pack('>H', 120)) + tlv(4, b'uplink') + tlv(5, b'sw1') + \
    tlv(6, b'Linux sw1\n6.1') + tlv(7, struct.pack('>HH', 0x14, 0x04)) + \
    tlv(8, bytes([5, 1, 198, 18, 0, 1, 2, 0, 0, 0, 3, 0])) + \
    tlv(127, b'\x00\x80\xc2\x01\x00\x01') + \
    tlv(127, b'\x00\x12\x0f\x04\x05\xdc') + tlv(0, b'')
frames.append(eth('01:80:c2:00:00:0e', A, 0x88cc, lldp))
lldp = tlv(1, b'\x05\x01' + bytes([198, 18, 0, 9])) + \
    tlv(2, b'\x03' + mac(B)) + \
    tlv(3, b'\x00\x10') + tlv(7, struct.pack('>HH', 0xff, 0x01)) + \
    tlv(9, b'zz') + tlv(1, b'\x00ab') + tlv(0, b'')
frames.append(eth('01:80:c2:00:00:0e', A, 0x88cc, lldp))


# LACP and marker (IEEE 802.1AX 6.4.2, 6.5.3)
def actor(t, sysmac, port, state):
    return struct.pack('>BBH', t, 20, 0x8000) + mac(sysmac) + \
        struct.pack('>HHHB', 13, 0x8000, port, state) + b'\0' * 3


lacp = b'\x01\x01' + actor(1, A, 22, 0x3d) + actor(2, B, 7, 0x47) + \
    struct.pack('>BBH', 3, 16, 50) + b'\0' * 12 + b'\0\0' + b'\0' * 50
frames.append(eth('01:80:c2:00:00:02', A, 0x8809, lacp))
marker = b'\x02\x01' + struct.pack('>BBH', 2, 16, 5) + mac(A) + \
    struct.pack('>I', 0x1234) + b'\0\0' + b'\0\0' + b'\0' * 90
frames.append(eth('01:80:c2:00:00:02', A, 0x8809, marker))
frames.append(eth('01:80:c2:00:00:02', A, 0x8809, b'\x03\x00\x50\x00' +
                  bytes([1, 16, 1, 0, 0, 0x15, 5, 0xee, 0, 0x10, 0x18]) +
                  b'\0' * 31))
frames.append(eth('01:80:c2:00:00:02', A, 0x8809, b'\x0a\x01' + b'\0' * 20))


# PPPoE (RFC 2516) and PPP inside it
def ptag(t, v):
    return struct.pack('>HH', t, len(v)) + v


def pppoe(code, sid, payload):
    return struct.pack('>BBHH', 0x11, code, sid, len(payload)) + payload


frames += [
    eth('ff:ff:ff:ff:ff:ff', A, 0x8863,
        pppoe(0x09, 0, ptag(0x0101, b'') + ptag(0x0103, b'\1\2\3\4'))),
    eth(A, B, 0x8863, pppoe(0x07, 0, ptag(0x0101, b'isp') +
                            ptag(0x0102, b'ac one') +
                            ptag(0x0104, b'\xaa\xbb') +
                            ptag(0x0103, b'\1\2\3\4'))),
    eth(B, A, 0x8863, pppoe(0x19, 0, ptag(0x0101, b'isp') +
                            ptag(0x0120, b'\x05\xdc') + ptag(0x0999, b'q') +
                            ptag(0, b''))),
    eth(A, B, 0x8863, pppoe(0x65, 0x1234, ptag(0x0101, b'isp'))),
    eth(A, B, 0x8863, pppoe(0xa7, 0x1234, b'')),
]
udp = struct.pack('>HHHH', 40000, 9999, 12, 0) + b'abcd'
frames.append(eth(A, B, 0x8864, pppoe(0, 0x1234, b'\x00\x21' +
                                      ip4(17, udp))))
udp6 = struct.pack('>HHHH', 40000, 9999, 12, 0x1234) + b'abcd'
frames.append(eth(A, B, 0x8864, pppoe(0, 0x1234, b'\x00\x57' +
                                      ip6(17, udp6))))
frames.append(eth(A, B, 0x8864, pppoe(0, 0x1234, b'\xc0\x21' +
                                      struct.pack('>BBH', 9, 1, 8) +
                                      b'\0\0\0\1')))


def ppp(proto, code, ident, data):
    return pppoe(0, 0x1234, struct.pack('>HBBH', proto, code, ident,
                                        4 + len(data)) + data)


lcpopts = bytes([1, 4, 0x05, 0xd4, 2, 6, 0, 0, 0, 0, 3, 4, 0xc0, 0x23,
                 3, 5, 0xc2, 0x23, 5, 5, 6, 0x12, 0x34, 0x56, 0x78, 7, 2,
                 8, 2, 17, 4, 5, 0xdc, 99, 3, 1])
for pl in [ppp(0xc021, 1, 1, lcpopts), ppp(0xc021, 4, 2, lcpopts[:4]),
           ppp(0xc021, 10, 3, b'\x12\x34\x56\x78xy'),
           ppp(0xc021, 8, 4, b'\x80\x21rest'), ppp(0xc021, 5, 5, b''),
           ppp(0x8021, 1, 1, bytes([3, 6, 198, 18, 0, 1, 129, 6, 198, 18, 0,
                                    53, 2, 6, 0, 0x2d, 0x0f, 0x01])),
           ppp(0x8057, 1, 1, bytes([1, 10, 2, 0, 0, 0, 0, 0, 0, 1])),
           ppp(0xc023, 1, 1, b'\x05alice\x03pwd'),
           ppp(0xc023, 3, 1, b'\x02no'),
           ppp(0xc223, 1, 1, b'\x04\1\2\3\4srv'),
           ppp(0xc223, 4, 1, b'denied')]:
    frames.append(eth(A, B, 0x8864, pl))


# SCTP (RFC 9260)
def chunk(t, fl, v):
    c = struct.pack('>BBH', t, fl, 4 + len(v)) + v
    return c + b'\0' * (-len(c) % 4)


def sctp(chs, tag=0x11223344):
    return struct.pack('>HHII', 5000, 2905, tag, 0) + b''.join(chs)


def data(fl, tsn, ppid, payload):
    return chunk(0, fl, struct.pack('>IHHI', tsn, 1, 2, ppid) + payload)


init = struct.pack('>IIHHI', 0xdeadbeef, 65536, 10, 10, 100)
sctps = [
    [chunk(1, 0, init)],
    [chunk(2, 0, init + struct.pack('>HH', 7, 8) + b'cook')],
    [chunk(10, 0, b'cook'), data(3, 7, 3, b'hello')],
    [chunk(11, 0, b'')],
    [chunk(3, 0, struct.pack('>IIHH', 100, 4096, 2, 1) +
           struct.pack('>HHHHI', 2, 3, 5, 5, 99))],
    [chunk(4, 0, struct.pack('>HH', 1, 8) + b'hbhb'),
     chunk(5, 0, struct.pack('>HH', 1, 8) + b'hbhb')],
    [chunk(6, 0, b''), chunk(7, 0, struct.pack('>I', 5)), chunk(8, 0, b''),
     chunk(14, 0, b''), chunk(9, 0, struct.pack('>HH', 1, 4)),
     chunk(12, 0, b''), chunk(13, 0, b''), chunk(0xc0, 0, b'\0\0\0\1'),
     chunk(200, 0, b'xx')],
    [data(4, 8, 46, b'x'), data(1, 9, 0, b'y'), data(2, 10, 18, b'z')],
]
for chs in sctps:
    frames.append(eth(A, B, 0x0800, ip4(132, sctp(chs))))
frames.append(eth(A, B, 0x86dd, ip6(132, sctp([data(3, 11, 60, b'six')]))))

# MS NLB heartbeat, ARP with odd hardware, BOOTP cut by the snap length
frames.append(eth('ff:ff:ff:ff:ff:ff', '02:02:c6:12:00:01', 0x886f,
                  bytes.fromhex('bf01dec0060200000500000'
                                '0c6120001c6120005') + b'\0' * 30))


def arp(ht, hl, op, sha, tha):
    return struct.pack('>HHBBH', ht, 0x800, hl, 4, op) + sha + \
        bytes([198, 18, 0, 1]) + tha + bytes([198, 18, 0, 2])


frames += [
    eth('ff:ff:ff:ff:ff:ff', A, 0x0806, arp(6, 6, 1, mac(A), b'\0' * 6)),
    eth('ff:ff:ff:ff:ff:ff', A, 0x0806,
        arp(0x3030, 14, 1, b'0' * 14, b'1' * 14)),
    eth('ff:ff:ff:ff:ff:ff', A, 0x0806, arp(1, 6, 8, mac(A), mac(B))),
    eth('ff:ff:ff:ff:ff:ff', A, 0x0806, arp(1, 6, 9, mac(A), mac(B))),
]
bootp = struct.pack('>BBBBIHH', 1, 1, 6, 0, 0x3d1d, 0, 0) + b'\0' * 16 + \
    mac(A) + b'\0' * 202 + bytes([99, 130, 83, 99, 53, 1, 3, 255])
dhcp = struct.pack('>HHHH', 68, 67, 8 + len(bootp), 0) + bootp
d = eth('ff:ff:ff:ff:ff:ff', A, 0x0800,
        ip4(17, dhcp, (0, 0, 0, 0), (255, 255, 255, 255)))
frames.append((d[:96], len(d)))

pcap(os.path.join(HERE, 'l2proto.pcap'), frames)

cuts = []
for fr in frames:
    data_, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
    for n in range(15, len(data_), 3):
        cuts.append((data_[:n], wire))
pcap(os.path.join(HERE, 'l2proto-cut.pcap'), cuts)

# Link type 9: the control protocols without PPPoE (address and control
# bytes first).
pcap(os.path.join(HERE, 'l2proto-ppp.pcap'), [
    b'\xff\x03' + struct.pack('>HBBH', 0xc021, 9, 1, 8) + b'\x12\x34\x56\x78',
    b'\xff\x03' + struct.pack('>HBBH', 0xc023, 1, 1, 14) + b'\x05alice\x03pwd',
    b'\xff\x03' + struct.pack('>HBBH', 0x8021, 1, 1, 10) + bytes([3, 6, 198, 18,
                                                                0, 1]),
    b'\xff\x03\x12\x34abcd'], linktype=9)
