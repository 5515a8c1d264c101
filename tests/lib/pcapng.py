#!/usr/bin/env python3
# pcapng.py FILE: what a pcapng file holds, for the live tests, read by
# the format's rules (draft-ietf-opsawg-pcapng) and not by libpcap, which
# refuses interfaces of different link types.  One line per Interface
# Description Block ("idb ID NAME LINKTYPE") and per Enhanced Packet Block
# ("pkt NAME CAPLEN ORIGLEN"); exit 1 on a malformed file.
import struct
import sys

def main(path):
    data = open(path, "rb").read()
    off, end, ifs = 0, len(data), []
    if data[:4] != b"\x0a\x0d\x0d\x0a":
        sys.exit("not pcapng")
    bo = "<" if data[8:12] == b"\x4d\x3c\x2b\x1a" else ">"
    while off + 12 <= end:
        btype, blen = struct.unpack_from(bo + "II", data, off)
        if blen < 12 or blen % 4 or off + blen > end or \
                struct.unpack_from(bo + "I", data, off + blen - 4)[0] != blen:
            sys.exit("bad block at %d" % off)
        body = data[off + 8:off + blen - 4]
        if btype == 1:
            lt, _, _snap = struct.unpack_from(bo + "HHI", body, 0)
            name, o = "?", 8
            while o + 4 <= len(body):
                code, olen = struct.unpack_from(bo + "HH", body, o)
                if code == 0:
                    break
                if code == 2:
                    name = body[o + 4:o + 4 + olen].decode("ascii", "replace")
                o += 4 + (olen + 3) // 4 * 4
            print("idb %d %s %d" % (len(ifs), name, lt))
            ifs.append(name)
        elif btype == 6:
            iid, _th, _tl, cap, orig = struct.unpack_from(bo + "IIIII", body, 0)
            if iid >= len(ifs) or 20 + cap > len(body):
                sys.exit("bad packet at %d" % off)
            print("pkt %s %d %d" % (ifs[iid], cap, orig))
        off += blen
    if off != end:
        sys.exit("trailing bytes")

main(sys.argv[1])
