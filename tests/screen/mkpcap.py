#!/usr/bin/env python3
# Writes a pcap of N Ethernet/IPv4/UDP frames 198.18.0.2 -> 198.18.0.1,
# spaced GAP seconds apart, destination port 1000 for even sequence numbers
# and 1001 for odd ones, payload "ZBSQ" + 8-byte big-endian sequence.
# Usage: mkpcap.py FILE N GAP
import struct, sys

path, n, gap = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])

def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

with open(path, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    step = int(round(gap * 1e6))
    for i in range(1, n + 1):
        payload = b"ZBSQ" + struct.pack("!Q", i) + bytes(10)
        udp = struct.pack("!HHHH", 9, 1000 + (i & 1), 8 + len(payload), 0)
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp) +
                         len(payload), i & 0xffff, 0, 64, 17, 0,
                         bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1]))
        ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
        eth = bytes([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2]) + b"\x08\x00"
        frame = eth + ip + udp + payload
        us = (i - 1) * step
        f.write(struct.pack("<IIII", 1700000000 + us // 1000000, us % 1000000,
                            len(frame), len(frame)))
        f.write(frame)
