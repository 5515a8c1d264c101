#!/bin/sh
# ICMP cut by the snapshot length (zbtop -r sample.pcap -s N -w cut.pcap,
# N from 34 to 48, around the ICMP header and echo fields): the records of
# cut.pcap that tcpdump 4.99 -n prints with a "[|icmp]" marker, zbtop
# prints alike, "IP a > b:  [|icmp]" with nothing of ICMP's own before the
# marker (tcpdump prints ICMP's text only once it has read it all).
# The detail tree (-V) of an ICMP header cut before its checksum ends
# with the code and the marker: no checksum field.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
fail=0
seen=0
n=34
while [ $n -le 48 ]; do
	"$ZBTOP" -r tests/data/sample.pcap -s $n -w "$tmp/cut.pcap" \
	    >/dev/null 2>&1 </dev/null
	tcpdump -n -r "$tmp/cut.pcap" 2>/dev/null | grep -n 'icmp\]' \
	    >"$tmp/want"
	"$ZBTOP" -r "$tmp/cut.pcap" 2>/dev/null </dev/null |
	    grep -n 'icmp\]' >"$tmp/got"
	[ -s "$tmp/want" ] && seen=$((seen + 1))
	if [ $n -eq 36 ] || [ $n -eq 37 ]; then
		"$ZBTOP" -V -r "$tmp/cut.pcap" >"$tmp/tree" 2>/dev/null \
		    </dev/null
		if ! grep -q '^  \[|icmp\]' "$tmp/tree" ||
		    grep -A3 '^Internet Control' "$tmp/tree" |
		    grep -q 'checksum'; then
			echo "FAIL: -s $n -V: a checksum not captured, or no" \
			    "[|icmp]"
			grep -m 3 'checksum' "$tmp/tree"
			fail=1
		fi
	fi
	zb_same "$tmp/want" "$tmp/got" \
	    "-s $n: cut ICMP records differ from tcpdump -n"
	n=$((n + 1))
done
if [ $seen -eq 0 ]; then
	echo "FAIL: no cut ICMP record in any of the cuts"
	fail=1
fi
exit $fail
