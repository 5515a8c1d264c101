#!/bin/sh
# A UDP length shorter than the IP payload: tcpdump 4.99 hands the
# protocol above the UDP length ("(13)" after a DNS question) but lets it
# read the captured bytes up to the IP payload's end, so a DNS question
# past the UDP length is printed, not "[|domain]".  tests/lib/craft.py
# builds udp-short (UDP lengths 16 and 8 bytes short, 1 short, equal, 1
# and 8 long, 0, 4 and 7, over IPv4 and IPv6, to DNS and an unknown
# port); compared under "", -v, -vv and -x.
#
# Can fail: before this test zbtop cut the DNS message at the UDP length
# ("4660+ [|domain]").
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
zb_craft udp-short "$tmp/u.pcap"
for o in "" -v -vv -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "udp-short," "$tmp/u.pcap" $o
done
exit $fail
