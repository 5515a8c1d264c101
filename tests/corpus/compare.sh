#!/bin/sh
# Decoder agreement with tcpdump: for every well-formed capture of the
# shared corpus (not category "malformed", tcpdump exit status 0, at least
# one packet), compare zbtop -P with the expected tcpdump output packet by
# packet on addresses, ports and protocol (tests/corpus/compare.awk says
# exactly what is compared).  Prints the disagreements and
# "agreement: A/N packets (P%)"; fails below 98%.
#
# Known exceptions, kept out of the count (file: why):
#   unsupported-link-type-160.pcap, ipoib.pcap, nflog.pcap, vsock-1.pcapng:
#     link types zbtop does not decode (160, IPOIB, NFLOG, VSOCK); zbtop
#     prints "unsupported link type N", tcpdump decodes them.
# Known differences that the comparison ignores by construction:
#   - TCP sequence numbers: tcpdump prints them relative to the first
#     packet of a connection, zbtop prints absolute numbers (it decodes each
#     packet alone), so compare.awk does not look at seq/ack.
#   - Application protocols zbtop does not decode (NTP, SIP, SMB, ...):
#     tcpdump names them, zbtop prints "UDP, length N"; only addresses,
#     ports and TCP/ICMP are compared.
#   - VLAN tags: tcpdump without -e prints nothing, zbtop "vlan N, p P, ".
# Files whose expected output came from -e, -v or -x are usable: the
# comparison takes the first "a > b: " pair of the joined packet record.

ZBTOP=${ZBTOP:-./zbtop}
SHARED=${SHARED:-../shared}
here=$(cd "$(dirname "$0")" && pwd)
min=98

if [ ! -x "$ZBTOP" ]; then
	echo "needs $ZBTOP (make)" >&2
	exit 77
fi
if [ ! -d "$SHARED/corpus/tcpdump" ]; then
	echo "needs the shared corpus in $SHARED/corpus" >&2
	exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
tab=$(printf '\t')
status=0

for set in tcpdump packetnet pcapng-test-generator; do
	dir=$SHARED/corpus/$set
	[ -f "$dir/MANIFEST.tsv" ] || continue
	tail -n +2 "$dir/MANIFEST.tsv" >"$tmp/rows"
	while IFS=$tab read -r file lt packets cat opts expected rc rest; do
		case $file in
		unsupported-link-type-160.pcap|ipoib.pcap|nflog.pcap|\
		vsock-1.pcapng)
			echo "EXCEPTION $set/$file: unsupported link type"
			continue ;;
		esac
		[ "$cat" != malformed ] && [ "$rc" = 0 ] || continue
		[ "$packets" -gt 0 ] 2>/dev/null || continue
		[ -f "$dir/out/$expected" ] || continue
		if ! "$ZBTOP" -P -tttt -S -r "$dir/pcap/$file" >"$tmp/our" \
		    2>"$tmp/err"; then
			echo "FAIL $set/$file: zbtop exit status $?"
			cat "$tmp/err"
			status=1
		fi
		awk -v name="$set/$file" -f "$here/compare.awk" \
		    "$dir/out/$expected" "$tmp/our" >>"$tmp/res"
	done <"$tmp/rows"
done

grep '^DIFF ' "$tmp/res"
awk -v min="$min" '
	!/^DIFF / { n += $2; a += $3 }
	END {
		if (n == 0) { print "no packets compared"; exit 1 }
		p = 100 * a / n
		printf "agreement: %d/%d packets (%.1f%%)\n", a, n, p
		exit p < min ? 1 : 0
	}' "$tmp/res" || status=1
exit $status
