#!/bin/sh
# UDP lengths that lie, as tcpdump 4.99's udp_print takes them: an IP
# payload too short for the header ("truncated-udp 6"), a UDP length
# under the header ("truncated-udplength 4", also 0), one past the IP
# payload ("UDP, bad length 92 > 5", the two lengths less the header;
# DNS, BOOTP, SIP and syslog still decoded over the IP payload), a
# first fragment (no "bad length", no checksum).  The lines must be
# tcpdump's under no option, -v, -vv and -q.
#
# Can fail: before, each of these but the fragment printed zbtop's own
# "[bad udp length 100 > 13]" (or " [|udp]") and decoded nothing after
# it, and -vv printed "[no cksum]" for the first fragment.
. tests/lib/corpus.sh
zb_corpus tcpdump python3 zbtop
python3 - "$tmp/u.pcap" <<'EOP' || { echo "FAIL: python3"; exit 1; }
import struct, sys
def ip(l4, tl=None, frag=0):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, tl or 20 + len(l4), 1,
                       frag, 64, 17, 0, bytes([198, 18, 0, 2]),
                       bytes([198, 18, 0, 1])) + l4
def udp(sp, dp, pl, ul=None):
    return struct.pack("!HHHH", sp, dp, 8 + len(pl) if ul is None else ul,
                       0) + pl
dns = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + \
    b"\x03www\x07example\x03com\x00" + struct.pack("!HH", 1, 1)
pk = [ip(udp(9, 9, b"hello", 100)), ip(udp(9, 9, b"hello", 4)),
      ip(udp(9, 9, b"hello", 0)), ip(udp(1000, 53, dns, 200)),
      ip(udp(9, 9, b"hello"), 26), ip(udp(9, 9, b"hello"), 28),
      ip(udp(9, 9, b"hello", 100), frag=0x2000),
      ip(udp(68, 67, b"\x01" * 10, 300)),
      ip(udp(5060, 5060, b"INVITE sip:x SIP/2.0\r\n\r\n", 300)),
      ip(udp(9, 514, b"<13>hello", 300))]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, p in enumerate(pk):
        fr = bytes(12) + b"\x08\x00" + p
        f.write(struct.pack("<IIII", 1, i, len(fr), len(fr)) + fr)
EOP
fail=0
for o in - -v -vv -q; do
	[ "$o" = - ] && o=
	tcpdump -n $o -r "$tmp/u.pcap" >"$tmp/want" 2>/dev/null
	"$ZBTOP" -n $o -r "$tmp/u.pcap" >"$tmp/got" 2>/dev/null </dev/null
	if ! grep -q 'bad length 92 > 5' "$tmp/want"; then
		echo "FAIL: tcpdump $o does not print the bad length"
		fail=1
	else
		zb_same "$tmp/want" "$tmp/got" "zbtop $o differs from tcpdump"
	fi
done
[ $fail -eq 0 ] && echo "UDP lengths that lie: as tcpdump"
exit $fail
