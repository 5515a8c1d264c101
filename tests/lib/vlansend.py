#!/usr/bin/env python3
# Usage: vlansend.py IN OUT [IF].  Every frame of pcap IN with an 802.1Q
# tag (81 00 00 64, VLAN 100) spliced in after the MAC addresses, written
# to pcap OUT and, given IF, sent on it 1 ms apart (AF_PACKET: the
# kernel may have no vlan devices).  The live tests' VLAN sender.
import socket, struct, sys, time
data = open(sys.argv[1], "rb").read()
out = open(sys.argv[2], "wb")
out.write(data[:24])
frames, off = [], 24
while off + 16 <= len(data):
    sec, usec, incl, orig = struct.unpack("<IIII", data[off:off + 16])
    f = data[off + 16:off + 16 + incl]
    f = f[:12] + b"\x81\x00\x00\x64" + f[12:]
    out.write(struct.pack("<IIII", sec, usec, len(f), orig + 4) + f)
    frames.append(f)
    off += 16 + incl
out.close()
if len(sys.argv) > 3:
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((sys.argv[3], 0))
    for f in frames:
        s.send(f)
        time.sleep(0.001)
