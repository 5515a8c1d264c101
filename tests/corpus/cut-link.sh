#!/bin/sh
# Records cut inside or right after the link header (zbtop -r sample.pcap
# -s N -w cut.pcap, N 5, 13, 14, 16 and 18: inside the Ethernet header,
# at its end, inside an 802.1Q tag, right after it) print as tcpdump 4.99
# -n prints them under "", -e, -x, -e -x, -X and -A: an Ethernet header
# cut short has no -x dump (tcpdump takes what there is as header); an
# IPv4 header without one byte captured is " [|ip]" with -x from byte 0
# (tcpdump's first read of it gives up on the whole packet); under -e a
# VLAN tag cut short comes right after the addresses ("a > b,  [|vlan]"),
# without the ethertype and length tcpdump prints only once it is there.
# cut-dump.sh compares cuts from 20 bytes on.
#
# Can fail: before, zbtop dumped cut Ethernet headers, dumped nothing
# after a link header followed by no IPv4 byte, and named the type before
# a cut tag under -e (1777 lines of -x and 40 of -e differed at -s 14).
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
fail=0
for n in 5 13 14 16 18; do
	"$ZBTOP" -r tests/data/sample.pcap -s $n -w "$tmp/cut.pcap" \
	    >/dev/null 2>&1 </dev/null
	for o in "" -e -x "-e -x" -X -A; do
		# shellcheck disable=SC2086
		zb_vs_tcpdump "-s $n," "$tmp/cut.pcap" $o
	done
done
[ $fail -eq 0 ] && echo "cut link headers: as tcpdump at -s 5, 13, 14, 16, 18"
exit $fail
