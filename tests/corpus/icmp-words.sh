#!/bin/sh
# ICMP's words as tcpdump 4.99 prints them: redirects ("redirect D to net
# G", "redirect-tos", "redirect-#4 D to G"), time stamp request ("time
# stamp query id I seq S") and reply (its three times as hh:mm:ss.mmm),
# information request and reply, address mask reply ("address mask is
# 0x..."), router advertisements (lifetime, addresses, "[size N]"), time
# exceeded and parameter problem codes; and under -v the quoted datagram
# of an error on its own line, " [|icmp]" alone on that line when its
# length was not captured.  tests/lib/craft.py builds icmp-words and
# icmp-quote (quoted datagrams cut at every length); both are compared
# whole under "", -v, -vv and -x, and cut by the snapshot length at every
# length from 34 to 90 bytes under "", -v and -x.
#
# Can fail: before this test zbtop said "redirect", "time stamp request,
# id 7, seq 1", "type-#15" and "time exceeded reassembly" for all these,
# and put a cut quoted datagram's marker at the end of the first line.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
for set in icmp-words icmp-quote; do
	zb_craft $set "$tmp/$set.pcap"
	for o in "" -v -vv -x; do
		# shellcheck disable=SC2086
		zb_vs_tcpdump "$set," "$tmp/$set.pcap" $o
	done
	zb_cuts_vs_tcpdump "$set" "$tmp/$set.pcap" 34 90 -v -x
done
exit $fail
