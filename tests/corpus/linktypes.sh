#!/bin/sh
# Link types of issue 10 that the shared corpus lacks: PPP (9), Cisco
# HDLC (104), and LINKTYPE_IPV4 (228) / LINKTYPE_IPV6 (229) files that
# carry the other IP version (dispatched on the version nibble).  Small
# files are made here, one ICMP echo and one UDP datagram each; zbtop
# must print what the installed tcpdump prints, without -e and (PPP,
# C-HDLC) with -e.
. tests/lib/corpus.sh
zb_corpus python3 tcpdump zbtop
python3 - "$tmp" <<'EOP' || { echo "FAIL: cannot write the captures"; exit 1; }
import struct, sys
d = sys.argv[1]
icmp = bytes.fromhex("4500001c00010000400100000a0000010a000002") + \
    bytes.fromhex("0800f7ff00010002")
udp = bytes.fromhex("4500002000020000401100000a0000010a000002") + \
    struct.pack("!HHHH", 4000, 5000, 12, 0) + b"abcd"
ip6 = bytes.fromhex("6000000000083a40") + bytes(15) + b"\x01" + \
    bytes(15) + b"\x02" + bytes.fromhex("8000000000010002")
def w(name, dlt, frames):
    with open("%s/%s.pcap" % (d, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, dlt))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000, i, len(fr), len(fr)))
            f.write(fr)
w("ppp", 9, [b"\xff\x03\x00\x21" + icmp, b"\x00\x21" + udp,
    b"\xff\x03\x00\x57" + ip6])
w("chdlc", 104, [b"\x0f\x00\x08\x00" + icmp, b"\x8f\x00\x86\xdd" + ip6])
w("ipv4", 228, [icmp, ip6])
w("ipv6", 229, [ip6, udp])
EOP
fail=0
for f in ppp chdlc ipv4 ipv6; do
	for o in -n -e; do
		case $f$o in ipv4-e|ipv6-e) continue ;; esac
		tcpdump -n $o -r "$tmp/$f.pcap" >"$tmp/want" 2>/dev/null
		"$ZBTOP" $o -r "$tmp/$f.pcap" >"$tmp/got" 2>/dev/null </dev/null
		zb_same "$tmp/want" "$tmp/got" "$f $o differs from tcpdump" &&
		    echo "$f $o: $(wc -l <"$tmp/got") lines as tcpdump"
	done
done
exit $fail
