#!/bin/sh
# UDP and TCP lengths that lie, printed as tcpdump 4.99 prints them; the
# lines must be tcpdump's under no option, -v, -vv, -q, -S and -e.
#
# UDP (udp_print): an IP payload too short for the header ("truncated-udp
# 6"), a UDP length under the header ("truncated-udplength 4", also 0),
# one past the IP payload ("UDP, bad length 92 > 5", the two lengths
# less the header; DNS, BOOTP, SIP and syslog still decoded over the IP
# payload), a first fragment (no "bad length", no checksum).
# TCP (tcp_print): a data offset under 5 words (" tcp 12 [bad hdr length
# 8 - too short, < 20]", right after the ports), ones past the IP payload
# ("Flags [P.] [bad hdr length 60 - too long, > 30]", before the checksum
# and numbers; with -q "tcp N", tcpdump's unsigned difference), option
# lengths under 2 (SACK 0, MD5 1) or past the header (timestamps):
# "options [[bad opt]" with no length after it, "options [mss
# 1460,[bad opt]]" after a good one, also when the capture ends inside
# the options (tcpdump tests the length against the header, not the
# capture); a good segment for contrast.
#
# Can fail: before, zbtop printed "[bad udp length 100 > 13]" (or
# " [|udp]") and decoded nothing after it, and -vv "[no cksum]" for the
# first fragment; "[bad tcp hlen 8]", for the long TCP headers the
# numbers then "options [ [|tcp]" or "options [mss [|tcp]" (-q: "tcp
# 0"), "options [[bad opt 5 len 0]], length 0", "options [TS [|tcp]",
# and "options [TS [|tcp]" too for a cut capture of those timestamps.
. tests/lib/corpus.sh
zb_corpus tcpdump python3 zbtop
python3 - "$tmp/l4.pcap" <<'EOP' || { echo "FAIL: python3"; exit 1; }
import struct, sys
def ip(proto, l4, tl=None, frag=0):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, tl or 20 + len(l4), 1,
                       frag, 64, proto, 0, bytes([198, 18, 0, 2]),
                       bytes([198, 18, 0, 1])) + l4
def udp(sp, dp, pl, ul=None, tl=None, frag=0):
    return ip(17, struct.pack("!HHHH", sp, dp, 8 + len(pl) if ul is None
                              else ul, 0) + pl, tl, frag)
def tcp(off, pl=b"", opts=b""):
    return ip(6, struct.pack("!HHIIBBHHH", 1000, 80, 1, 2, off << 4, 0x18,
                             512, 0, 0) + opts + pl)
dns = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + \
    b"\x03www\x07example\x03com\x00" + struct.pack("!HH", 1, 1)
pk = [udp(9, 9, b"hello", 100), udp(9, 9, b"hello", 4),
      udp(9, 9, b"hello", 0), udp(1000, 53, dns, 200),
      udp(9, 9, b"hello", tl=26), udp(9, 9, b"hello", tl=28),
      udp(9, 9, b"hello", 100, frag=0x2000),
      udp(68, 67, b"\x01" * 10, 300),
      udp(5060, 5060, b"INVITE sip:x SIP/2.0\r\n\r\n", 300),
      udp(9, 514, b"<13>hello", 300),
      tcp(15, b"x" * 10), tcp(2), tcp(6, opts=b"\x02\x04\x05"),
      tcp(5, b"hello"), tcp(6, opts=b"\x05\x00\x00\x00"),
      tcp(6, opts=b"\x13\x01\x00\x00"),
      tcp(7, opts=b"\x08\x0a\x00\x00\x00\x01\x00\x00"),
      tcp(7, opts=b"\x02\x04\x05\xb4\x05\x00\x00\x00")]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, p in enumerate(pk):
        fr = bytes(12) + b"\x08\x00" + p
        f.write(struct.pack("<IIII", 1, i, len(fr), len(fr)) + fr)
    # Options whose length passes the header, the capture cut in them.
    for i, p in enumerate(pk[-2:]):
        fr = bytes(12) + b"\x08\x00" + p
        n = 14 + 20 + 20 + 3 + 3 * i
        f.write(struct.pack("<IIII", 2, i, n, len(fr)) + fr[:n])
EOP
fail=0
for o in - -v -vv -q -S -e -x; do
	[ "$o" = - ] && o=
	tcpdump -n $o -r "$tmp/l4.pcap" >"$tmp/want" 2>/dev/null
	"$ZBTOP" -n $o -r "$tmp/l4.pcap" >"$tmp/got" 2>/dev/null </dev/null
	if ! grep -q 'bad length 92 > 5' "$tmp/want" ||
	    [ "$(grep -c 'bad hdr length' "$tmp/want")" -ne 3 ] ||
	    { [ "$o" != -q ] &&
	    [ "$(grep -c 'bad opt' "$tmp/want")" -ne 6 ]; }; then
		echo "FAIL: tcpdump $o: not the bad lengths this test is about"
		fail=1
	else
		zb_same "$tmp/want" "$tmp/got" "zbtop $o differs from tcpdump"
	fi
done
[ $fail -eq 0 ] && echo "UDP and TCP lengths that lie: as tcpdump"
exit $fail
