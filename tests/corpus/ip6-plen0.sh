#!/bin/sh
# IPv6 payload length 0 as tcpdump 4.99 takes it: with no extension
# header an empty payload ("a > b: [|tcp]", "ICMP6, length 0 (invalid)",
# " [|udp]"), after a hop-by-hop header without a valid Jumbo Payload
# option "[No valid Jumbo Payload Hop-by-Hop option found] (invalid)"
# (after "[|hbhopt]" when an option is malformed: "(rtalert: invalid len
# 3)"), after another extension header " [|ip6]", with a valid one its
# length ("truncated-ip6 - N bytes missing!" before the upper layer);
# fragments' "frag (off|len)" without -v, a later one without a protocol
# word, no checksum verdict in a first one.  tests/lib/craft.py builds
# ip6-plen0; compared under "", -v, -vv and -x, and cut by the snapshot
# length at every length from 54 to 120 under "", -v and -x.  Then the
# deliberate difference (README): TCP right after the header in a frame
# of 70054 bytes is BIG TCP, decoded by the frame's length, with later
# tcpdumps' "[real length 70040, presumed BIG TCP] " under -v.
#
# Can fail: before this test zbtop took a length of 0 as the frame's
# length always, and printed "frag (0x00000001:0|20)" without -v.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
zb_craft ip6-plen0 "$tmp/z.pcap"
zb_craft bigtcp "$tmp/big.pcap"
for o in "" -v -vv -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "ip6-plen0," "$tmp/z.pcap" $o
done
zb_cuts_vs_tcpdump ip6-plen0 "$tmp/z.pcap" 54 120 -v -x
"$ZBTOP" -n -v -r "$tmp/big.pcap" >"$tmp/big" 2>/dev/null </dev/null
want='payload length: 0) \[real length 70040, presumed BIG TCP\] '
want=$want'.*\.1234 > .*\.80: Flags \[\.\], seq 1:69981'
grep -q "$want" "$tmp/big" || { echo "FAIL: BIG TCP:"; cat "$tmp/big"; fail=1; }
exit $fail
