#!/bin/sh
# -r - from a pipe whose writer goes quiet without closing it, as
# "ssh host tcpdump -U -w - | zbtop -r -" does between packets (a FIFO
# on standard input here, so the writer can be ended by its id).  (1) The
# packets already read are printed at once, not when more bytes or the
# end come: three records, then 10 s of silence; all three lines within
# 3 s.  (2) SIGINT or SIGTERM ends zbtop while the pipe stays open and
# quiet: the whole of tests/data/sample.pcap, then silence; -P -w and -b
# exit 0 within 5 s of the signal, counting all 1987 packets, and the -w
# file holds all 1987.  Under the ASan+UBSan build too when there is one.
#
# Can fail: before, the three lines came only when the pipe closed (the
# store buffer waited for a later record to pass the read timeout), and
# after the signal zbtop waited for the pipe too (the producer thread
# sat in read(), the drain and the join waited for it).
. tests/lib/corpus.sh
zb_corpus zbtop python3 tcpdump
pcap=tests/data/sample.pcap
fail=0
python3 - "$pcap" "$tmp/three.pcap" <<'EOP' || { echo "FAIL: python3"; exit 1; }
import struct, sys
d = open(sys.argv[1], "rb").read()
off = 24
for i in range(3):
    off += 16 + struct.unpack("<I", d[off + 8:off + 12])[0]
open(sys.argv[2], "wb").write(d[:off])
EOP

mkfifo "$tmp/fifo" || exit 1
# quiet FILE SECS: FILE into the FIFO, then SECS of silence; $wpid ends it.
quiet() {
	(cat "$1"; exec sleep "$2") >"$tmp/fifo" &
	wpid=$!
}
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	quiet "$tmp/three.pcap" 10
	"$z" -l -r - <"$tmp/fifo" >"$tmp/lines" 2>/dev/null &
	sleep 3
	n=$(wc -l <"$tmp/lines")
	[ "$n" -eq 3 ] || { echo "FAIL: $z: $n of 3 lines after 3 s"; fail=1; }
	kill "$wpid"
	wait

	for m in -P -b; do
		for sig in INT TERM; do
			rm -f "$tmp/w.pcap"
			quiet "$pcap" 20
			"$z" $m -r - -w "$tmp/w.pcap" <"$tmp/fifo" >"$tmp/out" \
			    2>"$tmp/err" &
			pid=$!
			sleep 2
			kill -"$sig" "$pid"
			if ! zb_ends "$pid" 50; then
				echo "FAIL: $z $m: alive 5 s after SIG$sig"
				fail=1
			fi
			kill "$wpid"
			wait
			got=$(tcpdump -r "$tmp/w.pcap" 2>/dev/null | wc -l)
			want=$(tcpdump -r "$pcap" 2>/dev/null | wc -l)
			if ! grep -q '^captured=1987 ' "$tmp/out" "$tmp/err" ||
			    [ "$got" -ne "$want" ] ||
			    grep -q 'Sanitizer' "$tmp/err"; then
				echo "FAIL: $z $m SIG$sig: -w $got of $want lines"
				grep -h -e '^captured=' -e Sanitizer \
				    "$tmp/out" "$tmp/err"
				fail=1
			fi
		done
	done
done
[ $fail -eq 0 ] && echo "a quiet pipe: packets at once, signals end the run"
exit $fail
