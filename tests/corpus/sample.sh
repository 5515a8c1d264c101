#!/bin/sh
# The sample capture for first-time users, tests/data/sample.pcap, is what
# tests/gen/mksample writes (byte for byte: the generator is
# deterministic), holds the expected 1987 packets as tcpdump reads them
# (when tcpdump is installed) and as zbtop -P prints them (when built),
# and stays under 300 KB.

ZB_GENDIR=${ZB_GENDIR:-obj/gen}
. tests/lib/corpus.sh
sample=tests/data/sample.pcap
want=1987

if [ ! -x "$ZB_GENDIR/mksample" ]; then
	echo "needs $ZB_GENDIR/mksample (make test-build)" >&2
	exit 77
fi
zb_corpus
fail=0

"$ZB_GENDIR/mksample" "$tmp/a.pcap" || exit 1
"$ZB_GENDIR/mksample" "$tmp/b.pcap" || exit 1
if ! cmp "$tmp/a.pcap" "$tmp/b.pcap"; then
	echo "mksample is not deterministic"
	fail=1
fi
if ! cmp "$tmp/a.pcap" "$sample"; then
	echo "$sample differs from mksample output: regenerate and commit it"
	fail=1
fi
size=$(wc -c <"$sample")
if [ "$size" -ge 300000 ]; then
	echo "$sample is $size bytes, limit 300000"
	fail=1
fi
if command -v tcpdump >/dev/null 2>&1; then
	n=$(tcpdump -n -r "$sample" 2>/dev/null | grep -c '^[0-9]')
	if [ "$n" -ne "$want" ]; then
		echo "tcpdump reads $n packets, want $want"
		fail=1
	fi
	if tcpdump -n -vv -r "$sample" 2>/dev/null |
	    grep -q 'incorrect\|bad cksum'; then
		echo "tcpdump finds bad checksums in $sample"
		fail=1
	fi
fi
if [ -x "$ZBTOP" ]; then
	n=$("$ZBTOP" -P -r "$sample" 2>/dev/null | grep -c '^[0-9]')
	if [ "$n" -ne "$want" ]; then
		echo "zbtop -P prints $n packets, want $want"
		fail=1
	fi
fi
exit $fail
