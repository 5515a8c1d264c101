#!/bin/sh
# Link headers of types zbtop has no decoder for, compared with tcpdump
# 4.99 line by line (hex lines included): Ethernet II with an unknown
# type, behind one and two VLAN tags, a type tcpdump names but does not
# decode (Lanbridge), SLL and SLL2 with every packet type and both kinds, and
# one known type for contrast.  tcpdump prints the link header, -e or not
# ("ethertype Unknown (0x88b5)", -q "Unknown Ethertype (0x88b5)"), then
# the payload in hex and ASCII unless -q, -x or -X; zbtop must print the
# same, for each option set below.
#
# Can fail: against zbtop before this test (lower-case "unknown" under
# -e, "ethertype 0x88b5, length 60" without it, no hex) every option set
# differed.
. tests/lib/corpus.sh
zb_corpus tcpdump python3 zbtop

python3 - "$tmp" <<'EOP' || { echo "FAIL: cannot write the captures"; exit 1; }
import struct, sys
def pcap(fn, dlt, frames):
    with open(sys.argv[1] + "/" + fn, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, dlt))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000, i, len(fr), len(fr)) + fr)
mac = bytes([2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2])
arp = bytes.fromhex("0001080006040001020000000002c6120002"
                    "000000000000c6120001") + bytes(18)
text = b"zbtop\x00\x01\xff" * 6
pcap("eth.pcap", 1, [
    mac + b"\x88\xb5" + bytes(46),
    mac + b"\x80\x38" + text,
    mac + b"\x81\x00\x00\x05\x88\xb6" + bytes(42),
    mac + b"\x81\x00\x20\x05\x08\x06" + arp,
    mac + b"\x88\xa8\x00\x05\x81\x00\x00\x06\x88\xb7" + text,
    mac + b"\x08\x06" + arp])
def sll(pt, et):
    return struct.pack("!HHH8sH", pt, 1, 6, bytes([2, 0, 0, 0, 0, 9, 0, 0]),
                       et) + text
pcap("sll.pcap", 113, [sll(pt, 0x88b5) for pt in range(8)] +
     [sll(0, 0x8038), sll(4, 0x0806)[:16] + arp])
def sll2(pt, et):
    return struct.pack("!HHIHBB8s", et, 0, 1, 1, pt, 6,
                       bytes([2, 0, 0, 0, 0, 9, 0, 0])) + text
pcap("sll2.pcap", 276, [sll2(pt, 0x88b5) for pt in range(8)] +
     [sll2(0, 0x8038)])
EOP

fail=0
for f in eth sll sll2; do
	for o in "" "-e" "-q" "-q -e" "-x" "-e -x" "-X" "-v"; do
		# shellcheck disable=SC2086
		tcpdump -n $o -r "$tmp/$f.pcap" >"$tmp/want" 2>/dev/null
		# shellcheck disable=SC2086
		"$ZBTOP" -P -n $o -r "$tmp/$f.pcap" >"$tmp/got" \
		    2>/dev/null </dev/null
		if ! [ -s "$tmp/want" ] || ! cmp -s "$tmp/want" "$tmp/got"; then
			echo "FAIL: $f.pcap -n $o differs from tcpdump:"
			diff "$tmp/want" "$tmp/got" | head -n 8
			fail=1
		fi
	done
done
[ $fail -eq 0 ] && echo "link-unknown: 3 captures x 8 option sets as tcpdump"
exit $fail
