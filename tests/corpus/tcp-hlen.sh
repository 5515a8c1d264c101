#!/bin/sh
# TCP data offsets that lie, as tcpdump 4.99's tcp_print takes them: one
# under 5 words (" tcp 12 [bad hdr length 8 - too short, < 20]", right
# after the ports), ones past the IP payload ("Flags [P.] [bad hdr
# length 60 - too long, > 30]", before the checksum and numbers; with -q
# "tcp N" where N is tcpdump's unsigned difference), a good segment for
# contrast; and option lengths that lie: under 2 (SACK 0, MD5 1) or past
# the header (timestamps), "options [[bad opt]" with no length after it,
# "options [mss 1460,[bad opt]]" after a good one.  The lines must be
# tcpdump's under no option, -v, -vv, -q, -S and -e.
#
# Can fail: before, zbtop printed "[bad tcp hlen 8]", and for the long
# ones the numbers, then "options [ [|tcp]" or "options [mss [|tcp]"
# (-q: "tcp 0"); and "options [[bad opt 5 len 0]], length 0",
# "options [TS [|tcp]".
. tests/lib/corpus.sh
zb_corpus tcpdump python3 zbtop
python3 - "$tmp/t.pcap" <<'EOP' || { echo "FAIL: python3"; exit 1; }
import struct, sys
def ip(l4):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64, 6,
                       0, bytes([198, 18, 0, 2]), bytes([198, 18, 0, 1])) + l4
def tcp(off, pl=b"", opts=b""):
    return struct.pack("!HHIIBBHHH", 1000, 80, 1, 2, off << 4, 0x18, 512,
                       0, 0) + opts + pl
pk = [ip(tcp(15, b"x" * 10)), ip(tcp(2)), ip(tcp(6, opts=b"\x02\x04\x05")),
      ip(tcp(5, b"hello")), ip(tcp(6, opts=b"\x05\x00\x00\x00")),
      ip(tcp(6, opts=b"\x13\x01\x00\x00")),
      ip(tcp(7, opts=b"\x08\x0a\x00\x00\x00\x01\x00\x00")),
      ip(tcp(7, opts=b"\x02\x04\x05\xb4\x05\x00\x00\x00"))]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, p in enumerate(pk):
        fr = bytes(12) + b"\x08\x00" + p
        f.write(struct.pack("<IIII", 1, i, len(fr), len(fr)) + fr)
EOP
fail=0
for o in - -v -vv -q -S -e; do
	[ "$o" = - ] && o=
	tcpdump -n $o -r "$tmp/t.pcap" >"$tmp/want" 2>/dev/null
	"$ZBTOP" -n $o -r "$tmp/t.pcap" >"$tmp/got" 2>/dev/null </dev/null
	if [ "$(grep -c 'bad hdr length' "$tmp/want")" -ne 3 ]; then
		echo "FAIL: tcpdump $o: not 3 bad header lengths"
		fail=1
	else
		zb_same "$tmp/want" "$tmp/got" "zbtop $o differs from tcpdump"
	fi
done
[ $fail -eq 0 ] && echo "TCP header lengths that lie: as tcpdump"
exit $fail
