#!/bin/sh
# SACK blocks in the first segment seen of a connection: tcpdump 4.99
# prints that segment's sequence and acknowledgment numbers absolute but
# sets the connection's bases from it, and its SACK edges are already
# relative to them ({101:201} for edges 100 and 200 past the ack); later
# segments, SYN-ACKs and wrapping edges as well; -S leaves all absolute.
# tests/lib/craft.py builds tcp-sack; compared under "", -S, -v and -vS.
#
# Can fail: before this test zbtop printed the first segment's SACK
# edges absolute ({5000100:5000200}).
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
zb_craft tcp-sack "$tmp/s.pcap"
for o in "" -S -v -vS; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "tcp-sack," "$tmp/s.pcap" $o
done
exit $fail
