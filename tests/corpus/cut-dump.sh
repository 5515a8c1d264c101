#!/bin/sh
# -x, -X, -A on records cut by the snapshot length (zbtop -r sample.pcap
# -s N -w cut.pcap, N from 20 to 80): the dump of each record starts
# where tcpdump 4.99 -n starts it: at the network header, or at byte 0
# of the link header when tcpdump's printer gave up on the whole packet
# (cut ARP, ICMP, ICMPv6, BOOTP, VXLAN, TCP options).  Only records
# whose summary lines agree are compared (cut-marker differences are
# another test's concern).
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
fail=0
whole=0

# first FILE: per record, its summary line and its first dump line.
first() {
	awk '/^\t/ { if (!d) { print s "\037" $0; d = 1 } ; next }
	    { s = $0; d = 0 }' "$1"
}

for n in 20 30 36 40 44 54 60 70 80; do
	"$ZBTOP" -r tests/data/sample.pcap -s $n -w "$tmp/cut.pcap" \
	    >/dev/null 2>&1 </dev/null
	for o in -x -X; do
		tcpdump -n $o -r "$tmp/cut.pcap" >"$tmp/w" 2>/dev/null
		"$ZBTOP" $o -r "$tmp/cut.pcap" >"$tmp/g" 2>/dev/null </dev/null
		first "$tmp/w" >"$tmp/wf"
		first "$tmp/g" >"$tmp/gf"
		# Records whose summaries agree, dumps compared.
		bad=$(awk -F'\037' 'NR == FNR { w[FNR] = $0; next }
		    { split(w[FNR], a, "\037") }
		    a[1] == $1 && a[2] != $2 { n++ }
		    END { print n + 0 }' "$tmp/wf" "$tmp/gf")
		w0=$(grep -c '	0x0000:  0200 0000 \|	0x0000:  ffff ffff' \
		    "$tmp/wf")
		whole=$((whole + w0))
		if [ "$bad" -ne 0 ]; then
			echo "FAIL: -s $n $o: $bad records dumped from" \
			    "another byte than tcpdump's"
			fail=1
		fi
	done
done
if [ $whole -eq 0 ]; then
	echo "FAIL: tcpdump dumped no record from byte 0"
	fail=1
fi
exit $fail
