#!/usr/bin/env python3
# Usage: pcaplens.py FILE.  The records of a pcap file (little-endian, as
# zbtop, tcpdump and zbgen write it on this machine) summed up in one
# line: "N packets, caplen C, len L", each list the distinct lengths
# seen, ascending, comma-separated.
import struct, sys

d = open(sys.argv[1], "rb").read()
off, n, cl, wl = 24, 0, set(), set()
while off + 16 <= len(d):
    incl, orig = struct.unpack("<IIII", d[off:off + 16])[2:]
    n, off = n + 1, off + 16 + incl
    cl.add(incl)
    wl.add(orig)
print("%d packets, caplen %s, len %s" % (n, ",".join(map(str, sorted(cl))),
    ",".join(map(str, sorted(wl)))))
