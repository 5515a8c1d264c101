#!/bin/sh
# NFLOG records (link type 239) print as tcpdump 4.99 -n prints them,
# under -e, -q, -e -q, -v, -x, -e -x, -X and -A: a header of a family
# tcpdump does not know is printed even without -e ("version 0, resource
# ID 20, family Unknown (7), length 48: ") and the payload dumped in hex;
# -q names the family alone ("IPv4", "Unknown NFLOG (0x07)"); a version
# other than 0 is only named ("version 1 (unknown)"); a record cut
# anywhere before the payload TLV's end (its padding included) is
# " [|nflog]", -x dumping from where tcpdump's walk of the TLVs stopped.
# The capture is made here: a record of each family (IPv4 UDP, 7) and of
# version 1, then the IPv4, family 7 and version 1 records cut at every
# length (version 1 with its header cut, under 4 bytes, is " [|nflog]").
#
# Can fail: before, zbtop printed "family IPv4 (2)" under -e -q, "NFLOG
# family 7" without the header or dump, decoded version 1 as version 0,
# and "NFLOG [|nflog]" or a decode of the cut payload for cut records;
# "version 1 (unknown)" and a dump for a version 1 header of 2 bytes.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
python3 - "$tmp/nflog.pcap" <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys

def tlv(t, v):
    # Length and type in the capturing host's order; padded to 4 bytes.
    b = struct.pack('=HH', 4 + len(v), t) + v
    return b + b'\0' * (-len(b) % 4)

udp = struct.pack('!HHHH', 5353, 9, 8 + 5, 0) + b'hello'
ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 1, 0, 64, 17, 0,
    bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])) + udp

def rec(family, version):
    return (struct.pack('!BBH', family, version, 20) +
        tlv(1, struct.pack('!HBB', 0x0800, 3, 0)) + tlv(10, b'abc\0') +
        tlv(9, ip))

out = [struct.pack('=IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 239)]
recs = [rec(2, 0), rec(7, 0), rec(2, 1)]
recs += [rec(2, 0)[:n] for n in range(1, len(rec(2, 0)))]
recs += [rec(7, 0)[:n] for n in range(1, len(rec(7, 0)))]
recs += [rec(2, 1)[:n] for n in range(1, 9)]
for i, r in enumerate(recs):
    full = len(rec(2, 0))
    out.append(struct.pack('=IIII', 1000 + i, 0, len(r), full) + r)
open(sys.argv[1], 'wb').write(b''.join(out))
PY
fail=0
for o in "" -e -q "-e -q" -v -x "-e -x" -X -A; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump NFLOG "$tmp/nflog.pcap" $o
done
[ $fail -eq 0 ] &&
    echo "NFLOG: $(wc -l <"$tmp/want") lines under -A as tcpdump's"
exit $fail
