# Checks a --seq-log ("RING SEQ EPOCH S|R" per line, CLI.md) against the
# frames zbgen sent: sequence numbers s0 .. s0+n-1, and filters that
# alternate by epoch: epoch 0 none, odd epochs "udp[19] & 1 = 1", even
# epochs "udp[19] & 1 = 0" (udp[19] is the low byte of the sequence).
# A line marked R was stored under the previous epoch's filter and
# rejected by the recheck.  Prints one line of counts; exits 1 on any:
#   dup     a sequence number logged twice (S or R)
#   bads    an S line that fails its epoch's filter
#   badr    an R line that passes its epoch's filter or failed the last one
#   order   per ring, a sequence number not above the one before it
#   gorder  the log as a whole not in sending order (with -v global=1)
#   lost    a missing sequence number that passes the filter its nearest
#           logged neighbours (below and above) were stored under
#   stray   a sequence number that was never sent
# Usage: awk -v n=N -v s0=FIRST [-v global=1] -f seqcheck.awk LOG
function pass(e, q) {
	if (e == 0)
		return 1
	return e % 2 == 1 ? q % 2 == 1 : q % 2 == 0
}
{
	ring = $1; q = $2 + 0; ep = $3 + 0
	if (q < s0 || q >= s0 + n) {
		stray++
		next
	}
	if (q in st)
		dup++
	st[q] = $4 == "R" ? ep - 1 : ep
	if ($4 == "S") {
		S++
		if (!pass(ep, q))
			bads++
	} else {
		R++
		if (ep == 0 || pass(ep, q) || !pass(ep - 1, q))
			badr++
	}
	if ((ring in last) && q <= last[ring])
		order++
	last[ring] = q
	if (NR > 1 && q <= glast)
		gorder++
	glast = q
}
END {
	lo = -1
	for (q = s0; q < s0 + n; q++)
		if (q in st)
			lo = st[q]
		else
			low[q] = lo
	hi = -1
	for (q = s0 + n - 1; q >= s0; q--) {
		if (q in st) {
			hi = st[q]
			continue
		}
		miss++
		if (!((low[q] >= 0 && !pass(low[q], q)) ||
		    (hi >= 0 && !pass(hi, q))))
			lost++
	}
	printf "seen=%d rejected=%d missing=%d lost=%d dup=%d bads=%d " \
	    "badr=%d order=%d gorder=%d stray=%d\n", S, R, miss, lost, dup,
	    bads, badr, order, gorder, stray
	exit (lost || dup || bads || badr || order || stray ||
	    (global && gorder)) ? 1 : 0
}
