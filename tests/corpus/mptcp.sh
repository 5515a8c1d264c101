#!/bin/sh
# MPTCP options (RFC 8684) as tcpdump 4.99's print-mptcp.c shows them:
# "mptcp L NAME" and the subtype's fields (capable's version, csum and
# keys; join's id, token, nonce and HMAC by SYN, SYN-ACK or ACK; dss's
# fin, ack, seq, subseq, len and csum; add-addr's version, id, address,
# port and HMAC; rem-addr's ids; prio; fail; fast-close; "unknown" past
# 7), "[bad opt]" after a length or segment flag the subtype does not
# allow, and "[|mptcp]" for a list cut after one.  tests/lib/craft.py
# builds mptcp; compared under "", -v and -x, and cut by the snapshot
# length at every length from 54 to 120 under "", -v and -x; the shared
# corpus's MPTCP captures too when present.
#
# Can fail: before this test zbtop printed "mptcp" alone.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop python3
fail=0
zb_craft mptcp "$tmp/m.pcap"
for o in "" -v -x; do
	# shellcheck disable=SC2086
	zb_vs_tcpdump "mptcp," "$tmp/m.pcap" $o
done
zb_cuts_vs_tcpdump mptcp "$tmp/m.pcap" 54 120 -v -x
for f in "$SHARED"/corpus/tcpdump/pcap/mptcp-*.pcap; do
	[ -f "$f" ] || continue
	for o in "" -v -vv -x; do
		# shellcheck disable=SC2086
		zb_vs_tcpdump "${f##*/}," "$f" $o
	done
done
exit $fail
