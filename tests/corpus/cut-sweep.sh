#!/bin/sh
# Every cut of the sample (zbtop -r sample.pcap -s N -w cut.pcap, N from
# 14 to 80, through the link, IP, transport and application headers):
# zbtop prints each record of cut.pcap as tcpdump 4.99 -n does, line by
# line, truncation markers ("[|proto]") and what precedes them included.
# Lines that still differ are allowed only when they match one of the
# known differences below (an ERE matched against "tcpdump<TAB>zbtop",
# timestamps included); each is a gap still to close, not a wanted one.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop

# Known differences, one ERE a line.
cat >"$tmp/known" <<'EOF'
wscale \[\|tcp\]>	
EOF
# 1: a cut TCP window scale option: tcpdump 4.99 prints a stray ">"
#    after the marker ("wscale [|tcp]>"), a bug of its option printer;
#    zbtop does not copy it.  DNS and HTTP, once
#    listed here, now agree at every cut.

fail=0
n=14
while [ $n -le 80 ]; do
	"$ZBTOP" -r tests/data/sample.pcap -s $n -w "$tmp/cut.pcap" \
	    >/dev/null 2>&1 </dev/null
	tcpdump -n -r "$tmp/cut.pcap" >"$tmp/want" 2>/dev/null
	"$ZBTOP" -r "$tmp/cut.pcap" >"$tmp/got" 2>/dev/null </dev/null
	if [ "$(wc -l <"$tmp/want")" -ne "$(wc -l <"$tmp/got")" ]; then
		echo "FAIL: -s $n: $(wc -l <"$tmp/want") lines from" \
		    "tcpdump, $(wc -l <"$tmp/got") from zbtop"
		fail=1
	fi
	paste "$tmp/want" "$tmp/got" | awk -F'\t' '$1 != $2' |
	    grep -Ev -f "$tmp/known" >"$tmp/diff"
	if [ -s "$tmp/diff" ]; then
		echo "FAIL: -s $n: $(wc -l <"$tmp/diff") lines differ" \
		    "from tcpdump -n (tcpdump<TAB>zbtop):"
		head -n 4 "$tmp/diff"
		fail=1
	fi
	n=$((n + 1))
done
exit $fail
