#!/bin/sh
# -r - asks whether reading the pipe would block where stdio refills
# its buffer, not before every record: the whole records of
# tests/data/sample.pcap that fit in 60000 bytes (under a pipe's 64 KiB,
# so all are in the FIFO before zbtop starts), the writer then holding
# the FIFO open and quiet until every line is printed, then closing it.
# (1) The closing line's timeout= count equals the one for the same
# bytes read as a file, within 1: both hand over once at the end, the
# file at its end, the pipe when it goes quiet.  (2) Under strace,
# zbtop polls the pipe fewer than once per 8 records (a refill takes up
# to 8 KiB, about 70 of these records); skipped without a working
# strace.  Not timing-based: the only moment the pipe has no byte ready
# is after the last record.  Under the ASan+UBSan build too when there
# is one.
#
# Can fail: with a poll() before every record (the old code), each
# record left in stdio's buffer once the pipe was empty was handed over
# alone (285 hand-overs against the file's 280), and the pipe was
# polled 488 times for 487 records.
. tests/lib/corpus.sh
zb_corpus zbtop python3
fail=0
python3 - tests/data/sample.pcap "$tmp/part.pcap" <<'EOP' ||
import struct, sys
d = open(sys.argv[1], "rb").read()
off = 24
while off + 16 <= len(d):
    n = 16 + struct.unpack("<I", d[off + 8:off + 12])[0]
    if off + n > 60000:
        break
    off += n
open(sys.argv[2], "wb").write(d[:off])
EOP
    { echo "FAIL: python3"; exit 1; }
mkfifo "$tmp/fifo" || exit 1

# handovers ERR: the timeout= count on the closing line in ERR.
handovers() {
	sed -n 's/^captured=.* timeout=\([0-9]*\).*/\1/p' "$1"
}

# piped N CMD...: CMD -l -r - reading part.pcap from the FIFO, whose
# writer stays open until N lines are out (30 s at most), into
# $tmp/lines and $tmp/err.  Opened read-write the FIFO waits for no
# reader, and the bytes fit in the pipe: cat returns at once.
piped() {
	p_n=$1
	shift
	exec 3<>"$tmp/fifo"
	cat "$tmp/part.pcap" >&3
	"$@" -l -r - <"$tmp/fifo" >"$tmp/lines" 2>"$tmp/err" 3>&- &
	p_pid=$!
	i=0
	while [ "$(wc -l <"$tmp/lines")" -lt "$p_n" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	exec 3>&-
	if ! zb_ends "$p_pid" 300; then
		echo "FAIL: $*: alive 30 s after the pipe closed"
		fail=1
	fi
	wait "$p_pid"
}

for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	"$z" -l -r "$tmp/part.pcap" >"$tmp/flines" 2>"$tmp/ferr"
	want=$(wc -l <"$tmp/flines")
	file=$(handovers "$tmp/ferr")
	recs=$(sed -n 's/^captured=\([0-9]*\) .*/\1/p' "$tmp/ferr")
	if [ "${recs:-0}" -lt 400 ] || [ -z "$file" ]; then
		echo "FAIL: $z: the file: $recs records, timeout=$file"
		fail=1
		continue
	fi

	piped "$want" "$z"
	got=$(wc -l <"$tmp/lines")
	pipe=$(handovers "$tmp/err")
	if [ "$got" -ne "$want" ] || [ -z "$pipe" ] ||
	    [ "$pipe" -lt "$file" ] || [ "$pipe" -gt $((file + 1)) ] ||
	    grep -q Sanitizer "$tmp/err"; then
		echo "FAIL: $z: pipe $got lines timeout=$pipe," \
		    "file $want lines timeout=$file"
		grep Sanitizer "$tmp/err"
		fail=1
	fi

	# A container may forbid ptrace: then strace cannot run anything.
	if ! strace -f -qq -o /dev/null true 2>/dev/null; then
		echo "the polls not counted: needs a working strace" >&2
		polls=
		continue
	fi
	piped "$want" strace -f -qq -e trace=poll,ppoll -o "$tmp/trace" "$z"
	polls=$(grep -c 'poll(\[{fd=0,' "$tmp/trace")
	if [ "$(wc -l <"$tmp/lines")" -ne "$want" ] ||
	    [ "$polls" -ge $((recs / 8)) ]; then
		echo "FAIL: $z: $polls polls of the pipe for $recs records"
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "a pipe hands over as a file does ($file)," \
    "polled ${polls:-(not counted)} times for $recs records"
exit $fail
