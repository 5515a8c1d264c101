#!/bin/sh
# ICMPv6's words as tcpdump 4.99 prints them: destination unreachable by
# code ("unreachable route A", " unreachable prohibited A", "beyond scope
# A, source address S", "unreachable port, A udp port P" past extension
# headers, "unknown unreach code (N)" and the message in hex unless -vv),
# time exceeded ("for A", "(reassembly)"), inverse ND, home agent
# discovery and mobile prefix messages, mtrace, and "unknown icmp6 type
# (N), length L" with the message in hex unless -vv; node information
# queries and replies (RFC 4620: qtypes, flags, subjects, DNS names,
# addresses).  tests/lib/craft.py builds icmp6-words (RPL left out: not
# decoded); compared whole under "", -v, -vv, -x and -vv -x, and cut by the
# snapshot length at every length from 54 to 120 bytes under "", -v and
# -x (packet too big and parameter problem cut before their fields too).
#
# Can fail: before this test zbtop printed "destination unreachable, code
# 0", "type 5, code 0" and no hex for all of these.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
zb_craft icmp6-words "$tmp/w.pcap"
for o in "" -v -vv -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "icmp6-words," "$tmp/w.pcap" $o
done
zb_vs_tcpdump "icmp6-words," "$tmp/w.pcap" -vv -x
zb_cuts_vs_tcpdump icmp6-words "$tmp/w.pcap" 54 120 -v -x
exit $fail
