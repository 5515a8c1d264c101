#!/bin/sh
# --bench-work over tests/data/sample.pcap under ASan+UBSan: none, touch
# and scan capture the same number of packets as libpcap reads (tcpdump
# --count); touch and scan print work=SUM on the closing line and none
# does not; the sums equal what awk adds up from tcpdump -xx's hex dump
# (touch: the first 32-bit word of each packet, big-endian; scan: every
# byte as little-endian 64-bit words).  An unknown workload is refused.
# The runs go to the end of the file (no --iterations: one snapshot could
# end a slow ASan run before the replay is done).

. tests/lib/corpus.sh
zb_corpus tcpdump san
zbtop=$ZBTOP_SAN
f=tests/data/sample.pcap
fail=0
say() { echo "$*" >&2; fail=1; }

want=$(tcpdump --count -r "$f" 2>/dev/null | awk '/packets/ { print $1 }')
[ -n "$want" ] && [ "$want" -gt 0 ] || { echo "tcpdump read nothing" >&2; exit 1; }

# Sums modulo 2^64 in two 32-bit halves (awk has doubles, exact to 2^53).
sums=$(tcpdump -r "$f" -xx -n 2>/dev/null | awk '
	/^[^\t]/ { i = 0; next }
	{
		for (k = 2; k <= NF; k++)
			for (j = 1; j < length($k); j += 2) {
				b = hexv(substr($k, j, 2))
				w = i % 8
				if (w < 4)
					slo += b * 256 ^ w
				else
					shi += b * 256 ^ (w - 4)
				if (i < 4)
					t += b * 256 ^ (3 - i)
				i++
			}
	}
	function hexv(s,    v, x, d) {
		v = 0
		for (x = 1; x <= 2; x++) {
			d = index("0123456789abcdef", substr(s, x, 1)) - 1
			v = v * 16 + d
		}
		return v
	}
	function fmt(lo, hi,    c) {
		c = int(lo / 4294967296)
		lo -= c * 4294967296
		hi = (hi + c) % 4294967296
		return sprintf("%08x%08x", hi, lo)
	}
	END { print fmt(t, 0), fmt(slo, shi) }')
want_touch=${sums% *}
want_scan=${sums#* }

for w in none touch scan; do
	line=$("$zbtop" -b --delay 0.1 --bench-work $w -r "$f" \
	    2>&1 | grep '^captured=' | tail -n 1)
	n=$(echo "$line" | sed -n 's/^captured=\([0-9]*\) .*/\1/p')
	sum=$(echo "$line" | sed -n 's/.* work=\([0-9a-f]*\).*/\1/p')
	[ "$n" = "$want" ] || say "$w: captured=$n, libpcap read $want"
	case $w in
	none)	[ -z "$sum" ] || say "none: printed work=$sum" ;;
	touch)	[ "$sum" = "$want_touch" ] ||
		    say "touch: work=$sum, expected $want_touch" ;;
	scan)	[ "$sum" = "$want_scan" ] ||
		    say "scan: work=$sum, expected $want_scan" ;;
	esac
done
if "$zbtop" -b --bench-work all -r "$f" >/dev/null 2>&1; then
	say "--bench-work all was accepted"
fi
exit $fail
