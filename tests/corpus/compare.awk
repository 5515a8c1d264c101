# Whole-line comparison of tcpdump -n (first file) with zbtop -P (second
# file), packet by packet.  A packet record is a line starting with a time
# stamp (HH:MM:SS.ffffff) plus the lines that follow it without one (a
# VXLAN payload, -v output), joined with "\n"; records are compared
# whole, text and order.
# One exception, for what tcpdump 4.99 does not decode: a zbtop record
# agrees when it is tcpdump's record with one zbtop addition inserted at
# the end of a line (with -x the hex lines follow it), " {KIND ...}",
# KIND one of
#   TLS    TLS records of a TCP segment (src/dec-tls.c)
#   QUIC   QUIC long headers of a UDP 443 datagram (src/dec-tls.c)
#   NBNS   NetBIOS name service, UDP 137 (src/dec-dns.c)
#   LLMNR  LLMNR, UDP 5355, as a DNS summary (src/dec-dns.c)
# tcpdump prints "UDP, length N" or a TCP line's "length N" there and
# nothing after it on that line.
# Output: "FILE total agree added" (added: agreeing records that carry an
# addition), then one "DIFF" line per disagreement (the first three of a
# file, with both texts).  A tcpdump record matching the regular
# expression skip (if set) counts as agreeing.

function addition(e, o,    p, q, end) {
	if (!match(o, / \{(TLS|QUIC|NBNS|LLMNR) /))
		return 0
	p = RSTART
	q = index(substr(o, p), "\\n")
	end = q ? p + q - 2 : length(o)
	if (substr(o, end, 1) != "}")
		return 0
	return substr(o, 1, p - 1) substr(o, end + 1) == e
}

function rec(line, arr, n) {
	if (line ~ /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]/ || n == 0)
		arr[++n] = line
	else
		arr[n] = arr[n] "\\n" line
	return n
}

FNR == NR { ne = rec($0, ex, ne); next }
{ no = rec($0, ou, no) }

END {
	n = ne > no ? ne : no
	agree = 0
	added = 0
	shown = 0
	for (i = 1; i <= n; i++) {
		e = i <= ne ? ex[i] : "(missing)"
		o = i <= no ? ou[i] : "(missing)"
		if (e == o || (skip != "" && e ~ skip)) {
			agree++
			continue
		}
		if (addition(e, o)) {
			agree++
			added++
			continue
		}
		if (shown++ < 3)
			diffs = diffs sprintf("DIFF %s #%d\n  tcpdump: %s\n  zbtop:   %s\n",
			    name, i, e, o)
	}
	printf "%s %d %d %d\n", name, n, agree, added
	printf "%s", diffs
}
