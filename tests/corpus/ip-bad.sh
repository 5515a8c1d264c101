#!/bin/sh
# IPv4 and IPv6 headers that disagree with themselves are said in
# tcpdump 4.99's words: a wrong IPv4 version in place of the name ("IP5
# (invalid)", "IP6, wrong link-layer encapsulation (invalid)"), "IP
# bad-hlen 16", "IP bad-len 10", "IP6 version error: 4 != 6", an IPv6
# payload length past the frame ("truncated-ip6 - 487 bytes missing!",
# no space after it, then the datagram); with -e without the name.  A
# capture made here (python3) of one frame each must print as tcpdump
# prints it under no option, -v, -e, -q and -x.
#
# Can fail: before this test zbtop said "IP [bad ip version 5]", "IP
# [bad ip hlen 16]", "IP [bad ip len 10 < hlen 20]" and "IP6 [bad ip6
# version 4]" (parity.sh excused the corpus files that hold them);
# the IPv6 payload length went unsaid.
. tests/lib/corpus.sh
zb_corpus zbtop tcpdump python3
python3 - "$tmp/bad.pcap" <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys
eth = bytes.fromhex('020000000001020000000002')
def ip4(ver=4, ihl=5, tlen=28):
    h = bytearray(20)
    h[0] = ver << 4 | ihl
    struct.pack_into('>H', h, 2, tlen)
    h[8], h[9] = 64, 17
    h[12:20] = bytes([198, 18, 0, 1, 198, 18, 0, 2])
    return eth + b'\x08\x00' + bytes(h) + bytes(8)
frames = [ip4(ver=6), ip4(ver=5), ip4(ihl=4), ip4(tlen=10), ip4(tlen=19),
    eth + b'\x86\xdd\x40' + bytes(47), eth + b'\x86\xdd\x70' + bytes(39),
    eth + b'\x86\xdd' + struct.pack('>IHBB', 0x60000000, 500, 17, 64) +
    bytes.fromhex('20010db8' + '00' * 11 + '01' + '20010db8' + '00' * 11 +
    '02') + struct.pack('>HHHH', 9, 9, 13, 0) + b'hello']
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, d in enumerate(frames):
        f.write(struct.pack('<IIII', 1000 + i, 0, len(d), len(d)) + d)
PY
fail=0
for o in - -v -e -q -x; do
	[ "$o" = - ] && o=
	tcpdump -n $o -r "$tmp/bad.pcap" >"$tmp/want" 2>/dev/null
	"$ZBTOP" -P -n $o -r "$tmp/bad.pcap" >"$tmp/got" 2>/dev/null </dev/null
	[ "$(wc -l <"$tmp/want")" -ge 8 ] ||
	    { echo "FAIL: tcpdump $o printed $(wc -l <"$tmp/want") lines"; fail=1; }
	zb_same "$tmp/want" "$tmp/got" "zbtop -P -n $o differs from tcpdump"
done
[ $fail -eq 0 ] && echo "bad IP headers: as tcpdump under 5 option sets"
exit $fail
