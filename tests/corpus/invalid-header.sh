#!/bin/sh
# Record headers that lie, as tcpdump 4.99 prints them: in place of the
# whole line (no time, no decode, no dump) "[Invalid header: len(10) <
# caplen(42)]", "[Invalid header: caplen==0, len==0]", "[Invalid header:
# caplen==0]", "[Invalid header: len(300000) > 262144]", and the honest
# records around them as usual.  A capture made here (python3) must print
# as tcpdump prints it under no option, -x, -e, -v and -#; zbtop -w of it
# must read back in tcpdump as the capture itself does (the records keep
# their bytes).
#
# Can fail: before this test the record with len 10 < caplen 42 lost 32
# of its bytes in the replay model and printed "00:16:41.000000
# [|ether]"; caplen 0 printed a time and " [|ether]"; len 300000 printed
# its time, the marker, then the decode.
. tests/lib/corpus.sh
zb_corpus tcpdump python3
python3 - "$tmp/hdr.pcap" <<'PY' || { echo "FAIL: python3"; exit 1; }
import struct, sys
ip = bytearray(28)
ip[0], ip[8], ip[9] = 0x45, 64, 17
struct.pack_into('>H', ip, 2, 28)
ip[12:20] = bytes([198, 18, 0, 1, 198, 18, 0, 2])
struct.pack_into('>HHH', ip, 20, 9, 9, 8)
d = bytes.fromhex('020000000001020000000002') + b'\x08\x00' + bytes(ip)
recs = [(d, len(d)), (d, 10), (b'', 0), (b'', 60), (d, 300000), (d, len(d))]
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i, (data, wire) in enumerate(recs):
        f.write(struct.pack('<IIII', 1000 + i, 0, len(data), wire) + data)
PY
fail=0
for o in - -x -e -v -#; do
	[ "$o" = - ] && o=
	tcpdump -n $o -r "$tmp/hdr.pcap" >"$tmp/want" 2>/dev/null
	"$ZBTOP" -P -n $o -r "$tmp/hdr.pcap" >"$tmp/got" 2>/dev/null </dev/null
	[ "$(grep -c 'Invalid header' "$tmp/want")" -eq 4 ] ||
	    { echo "FAIL: tcpdump $o: not 4 invalid headers"; fail=1; }
	zb_same "$tmp/want" "$tmp/got" "zbtop -P -n $o differs from tcpdump"
done
"$ZBTOP" -Z root -r "$tmp/hdr.pcap" -w "$tmp/out.pcap" </dev/null \
    >/dev/null 2>&1 || { echo "FAIL: -w exit status $?"; fail=1; }
tcpdump -n -x -r "$tmp/hdr.pcap" >"$tmp/want" 2>/dev/null
tcpdump -n -x -r "$tmp/out.pcap" >"$tmp/got" 2>/dev/null
zb_same "$tmp/want" "$tmp/got" "zbtop -w's copy reads differently in tcpdump"
[ $fail -eq 0 ] && echo "invalid record headers: as tcpdump, and kept by -w"
exit $fail
