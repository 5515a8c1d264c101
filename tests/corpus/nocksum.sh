#!/bin/sh
# tcpdump's -K: with -v and -vv no verdict on checksums, neither the IPv4
# header's ("bad cksum 3ff (->b4bd)!"), TCP's (", cksum 0x060d
# (correct)") nor UDP's ("[udp sum ok] ", "[bad udp cksum ...]", "[no
# cksum] "); ICMPv6's stays, as in tcpdump.  zbtop -P -n -v[v] -K and
# tcpdump -n -v[v] -K must print the same lines on captures that hold
# each kind: tests/data's sample.pcap and sll-lo.pcap, and from the
# shared corpus dhcp.pcap (bad IPv4 header sums) and vxlan.pcap (UDP sum 0).
# Each file must also differ between -vv and -vv -K in tcpdump, or it
# tests nothing.
#
# Can fail: before this test -K was accepted and ignored, and every
# verdict was printed.
. tests/lib/corpus.sh
zb_corpus tcpdump
fail=0
files="tests/data/sample.pcap tests/data/sll-lo.pcap"
for f in packetnet/pcap/dhcp.pcap tcpdump/pcap/vxlan.pcap; do
	[ -f "$SHARED/corpus/$f" ] && files="$files $SHARED/corpus/$f"
done
for f in $files; do
	tcpdump -n -vv -r "$f" >"$tmp/sums" 2>/dev/null
	for v in -v -vv; do
		tcpdump -n $v -K -r "$f" >"$tmp/want" 2>/dev/null
		"$ZBTOP" -P -n $v -K -r "$f" 2>/dev/null </dev/null |
		    sed -E 's/ \{(TLS|QUIC|NBNS|LLMNR) .*\}$//' >"$tmp/got"
		zb_same "$tmp/want" "$tmp/got" "$v -K -r $f differs from tcpdump"
	done
	cmp -s "$tmp/sums" "$tmp/want" &&
	    { echo "FAIL: $f: no checksum verdict to leave out"; fail=1; }
done
[ $fail -eq 0 ] && echo "-K: as tcpdump on $(echo $files | wc -w) files"
exit $fail
