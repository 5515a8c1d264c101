#!/bin/sh
# Protection checked: SIGTERM, SIGHUP and SIGINT end batch and print mode
# cleanly (src/zbtop.c installs handlers; the front end drains, prints
# the final counters line and exits 0) instead of killing zbtop with the
# line unprinted.  For each signal, zbtop -b and zbtop -P replay a file
# that lasts 20 s at recorded speed; after 1 s the signal is sent; zbtop
# must exit 0 within 5 s, -b's last stdout line (-P: stderr's) must be
# "captured=N ..." with N > 0, and nothing else on stderr (but -P's
# first line, tcpdump's "reading from file ...").  Under the
# ASan+UBSan build too (no leak or error report at exit).
#
# Can fail: checked with a build whose main() has no SIGHUP handler: the
# SIGHUP case exited 129 without the line.
. tests/lib/corpus.sh
zb_corpus python3
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 200 0.1 ||
    { echo "FAIL: mkpcap.py"; exit 1; }

fail() {
	echo "FAIL: $*"
	sed 's/^/    stderr: /' "$tmp/err" | head -n 20
	exit 1
}

# one Z SIG MODE: zbtop Z in MODE (-b or -P) ended by SIG.
one() {
	"$1" "$3" $([ "$3" = -b ] && echo --delay 0.2) -r "$tmp/slow.pcap" --speed 1 </dev/null \
	    >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	sleep 1
	kill -"$2" $pid
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -0 $pid 2>/dev/null && { kill -9 $pid; wait $pid; \
	    fail "$1 $3: still running 5 s after SIG$2"; }
	wait $pid
	rc=$?
	if [ "$3" = -b ]; then
		last=$(tail -n 1 "$tmp/out")
		other=$(cat "$tmp/err")
	else
		last=$(tail -n 1 "$tmp/err")
		other=$(sed '$d' "$tmp/err" | grep -v '^reading from file ')
	fi
	echo "$1 $3 SIG$2: exit $rc: $last"
	[ $rc -eq 0 ] || fail "$1 $3 SIG$2: exit status $rc"
	case $last in
	captured=[1-9]*) ;;
	*)	fail "$1 $3 SIG$2: no final line" ;;
	esac
	[ -z "$other" ] || fail "$1 $3 SIG$2: stderr: $other"
}

for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for sig in TERM HUP INT; do
		one "$z" $sig -b
		one "$z" $sig -P
	done
done
exit 0
