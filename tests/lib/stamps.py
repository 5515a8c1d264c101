#!/usr/bin/env python3
# stamps.py FILE SEC:NSEC...: a nanosecond pcap (magic 0xa1b23c4d,
# little-endian, Ethernet, snaplen 65535) holding one frame per stamp
# given, in that order, for the tests of printed time stamps.  Every frame
# is the same 46-byte UDP datagram, 198.18.0.1:1234 to 198.18.0.2:9 with
# the payload "abcd" (checksums 0), so only the stamps differ.
import struct
import sys

def main(path, stamps):
    pkt = (bytes.fromhex("ffffffffffff0200000000010800") +
        bytes.fromhex("450000200001000040110000c6120001c6120002") +
        struct.pack(">HHHH", 1234, 9, 12, 0) + b"abcd")
    out = struct.pack("<IHHiIII", 0xa1b23c4d, 2, 4, 0, 0, 65535, 1)
    for st in stamps:
        s, ns = (int(x) for x in st.split(":"))
        out += struct.pack("<IIII", s, ns, len(pkt), len(pkt)) + pkt
    with open(path, "wb") as f:
        f.write(out)

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: stamps.py FILE SEC:NSEC...")
    main(sys.argv[1], sys.argv[2:])
