# Compares tcpdump's expected output (first file) with zbtop -P output
# (second file) packet by packet, on what both print the same way: the
# address family, the addresses and ports of the outermost "a > b:" pair,
# the transport when tcpdump names TCP or ICMP, and for ARP the addresses
# asked for.  A packet record is a numbered line of tcpdump -# plus its
# continuation lines (-v, -x); for zbtop, one line.
# Output: "FILE total agree", then one "DIFF" line per disagreement.

function strip(t) {
	sub(/^ *[0-9]+  /, "", t)
	sub(/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] /, "", t)
	sub(/^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ /, "", t)
	return t
}

function key(t,    pair, rest, a, fam, cls, k) {
	t = strip(t)
	if (match(t, /(^| )[0-9a-fA-F:.]+ > [0-9a-fA-F:.]+: /)) {
		pair = substr(t, RSTART, RLENGTH - 2)
		rest = substr(t, RSTART + RLENGTH)
		sub(/^ /, "", pair)
		split(pair, a, " > ")
		fam = a[1] ~ /:/ ? "ip6" : "ip"
		cls = ""
		if (rest ~ /^ *(Flags \[|tcp )/)
			cls = " tcp"
		else if (rest ~ /^ *(\[icmp6 sum ok\] )?ICMP6/)
			cls = " icmp6"
		else if (rest ~ /^ *ICMP /)
			cls = " icmp"
		return fam " " a[1] " > " a[2] cls
	}
	if (t ~ /ARP|Request who-has|Reply [0-9.]+ is-at/) {
		k = "arp"
		if (match(t, /who-has [0-9.]+/))
			k = k " " substr(t, RSTART, RLENGTH)
		if (match(t, /tell [0-9.]+/))
			k = k " " substr(t, RSTART, RLENGTH)
		if (match(t, /[0-9.]+ is-at/))
			k = k " " substr(t, RSTART, RLENGTH)
		return k
	}
	return "other"
}

FNR == NR {
	if ($0 ~ /^ *[0-9]+  /)
		ex[++ne] = $0
	else if (ne > 0)
		ex[ne] = ex[ne] " " $0
	next
}
$0 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { ou[++no] = $0 }

END {
	n = ne > no ? ne : no
	agree = 0
	for (i = 1; i <= n; i++) {
		ke = i <= ne ? key(ex[i]) : "(missing)"
		ko = i <= no ? key(ou[i]) : "(missing)"
		if (ke == ko)
			agree++
		else
			diffs = diffs sprintf("DIFF %s #%d: tcpdump [%s] zbtop [%s]\n",
			    name, i, ke, ko)
	}
	printf "%s %d %d\n", name, n, agree
	printf "%s", diffs
}
