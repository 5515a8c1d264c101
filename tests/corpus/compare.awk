# Whole-line comparison of tcpdump -n (first file) with zbtop -P (second
# file), packet by packet.  A packet record is a line starting with a time
# stamp (HH:MM:SS.ffffff) plus the lines that follow it without one (a
# VXLAN payload, -v output), joined with "\n"; records are compared
# whole, text and order.
# Output: "FILE total agree", then one "DIFF" line per disagreement (the
# first three of a file, with both texts).  A tcpdump record matching the
# regular expression skip (if set) counts as agreeing.

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
	shown = 0
	for (i = 1; i <= n; i++) {
		e = i <= ne ? ex[i] : "(missing)"
		o = i <= no ? ou[i] : "(missing)"
		if (e == o || (skip != "" && e ~ skip)) {
			agree++
			continue
		}
		if (shown++ < 3)
			diffs = diffs sprintf("DIFF %s #%d\n  tcpdump: %s\n  zbtop:   %s\n",
			    name, i, e, o)
	}
	printf "%s %d %d\n", name, n, agree
	printf "%s", diffs
}
