#!/bin/sh
# Protection checked: -ttt and -ttttt print what tcpdump 4.99 prints
# (print.c, ts_print) when stamps go backwards, as they do in captures
# merged from several queues: "-" and the distance to the reference
# ("-00:00:01.500000"), where a forward step has a space; and a
# reference stamped 0.000000 counts as none yet, so after a packet
# stamped 0 the next one becomes the first.  A hand-made nanosecond pcap
# (stamps 0, 0, 100.5, 99, 0, 101.000000250, 101.000000900), whole lines
# compared with tcpdump -n, with and without --nano.
#
# Can fail: print_ts() showed a step backwards as " 00:00:00.000000" and
# took the first packet as -ttttt's reference even when stamped 0.
ZBTOP=${ZBTOP:-./zbtop}
command -v tcpdump >/dev/null 2>&1 || { echo "needs tcpdump" >&2; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-tsback.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 - "$tmp/back.pcap" <<'EOP' || { echo "FAIL: python3"; exit 1; }
import struct, sys
pkt = (bytes.fromhex("ffffffffffff0200000000010800") +
    bytes.fromhex("450000200001000040110000c6120001c6120002") +
    struct.pack(">HHHH", 1234, 9, 12, 0) + b"abcd")
out = struct.pack("<IHHiIII", 0xa1b23c4d, 2, 4, 0, 0, 65535, 1)
for s, ns in [(0, 0), (0, 0), (100, 500000000), (99, 0), (0, 0),
    (101, 250), (101, 900)]:
    out += struct.pack("<IIII", s, ns, len(pkt), len(pkt)) + pkt
open(sys.argv[1], "wb").write(out)
EOP
TZ=GMT0
export TZ
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for t in -ttt -ttttt "-ttt --nano" "-ttttt --nano"; do
		# shellcheck disable=SC2086
		"$z" -n -r "$tmp/back.pcap" $t >"$tmp/z" 2>/dev/null </dev/null
		# shellcheck disable=SC2086
		tcpdump -n -r "$tmp/back.pcap" $t >"$tmp/t" 2>/dev/null
		if ! cmp -s "$tmp/z" "$tmp/t" || [ ! -s "$tmp/z" ]; then
			echo "FAIL: $t differs from tcpdump:"
			diff "$tmp/t" "$tmp/z"
			exit 1
		fi
		grep -q '^-' "$tmp/z" ||
		    { echo "FAIL: $t: no step backwards printed"; exit 1; }
		echo "$z $t: $(wc -l <"$tmp/z") lines as tcpdump's," \
		    "$(grep -c '^-' "$tmp/z") backwards"
	done
done
exit 0
