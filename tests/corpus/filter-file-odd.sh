#!/bin/sh
# -F files that are no expression end with one line and exit 1, at once:
# /dev/zero (NUL bytes without end), a file with a NUL byte inside, and
# one over the 1 MiB limit (blank lines).  A file with comments and CRLF
# line ends still selects what tcpdump -F selects, and so does one where
# a carriage return alone follows a comment: tcpdump's comment runs to
# the newline ("udp # x\rand port 9" is "udp").
#
# Can fail: before, -F /dev/zero read forever without a word (fgets'
# lines of NUL bytes added nothing to the text the limit was checked
# on), and a NUL byte cut its line silently.  A carriage return ended
# the comment: the CR file selected 900 packets of the sample, tcpdump
# 1304.
. tests/lib/corpus.sh
zb_corpus zbtop tcpdump
pcap=tests/data/sample.pcap
fail=0
printf 'udp\000 or tcp\n' >"$tmp/nul.flt"
awk 'BEGIN { for (i = 0; i < 1100000; i++) print "" }' >"$tmp/big.flt"
for f in /dev/zero "$tmp/nul.flt" "$tmp/big.flt"; do
	timeout 20 "$ZBTOP" -r "$pcap" -F "$f" >/dev/null 2>"$tmp/err" \
	    </dev/null
	rc=$?
	n=$(wc -l <"$tmp/err")
	if [ $rc -ne 1 ] || [ "$n" -ne 1 ] ||
	    ! grep -q "^zbtop: cannot read $f: " "$tmp/err"; then
		echo "FAIL: -F $f: exit $rc, $n lines:"
		head -n 3 "$tmp/err"
		fail=1
	else
		echo "-F $f: $(cat "$tmp/err")"
	fi
done
printf 'udp # not tcp\r\nand # nor icmp\r\nport 9\r\n' >"$tmp/crlf.flt"
printf 'udp # x\rand port 9\n' >"$tmp/cr.flt"
for f in crlf cr; do
	want=$(tcpdump -n -r "$pcap" -F "$tmp/$f.flt" 2>/dev/null | wc -l)
	got=$("$ZBTOP" -n -r "$pcap" -F "$tmp/$f.flt" 2>/dev/null \
	    </dev/null | wc -l)
	if [ "$want" -eq 0 ] || [ "$want" -ne "$got" ]; then
		echo "FAIL: -F with comments, $f: $got packets, tcpdump $want"
		fail=1
	fi
done
exit $fail
