#!/bin/sh
# Protection checked: a closed standard output never hangs or kills
# zbtop, and a failing one is reported.  The rule (src/batch.c,
# batch_outerr): a reader that went away (EPIPE, "| head") got what it
# wanted: zbtop stops writing and exits 0, quietly; SIGPIPE is ignored.
# Any other write error (a full disk) is one line "zbtop: cannot write
# standard output: ..." and exit 1.  Checked, for ./zbtop and the
# ASan+UBSan build: -P and -P -V -x on a 300000-frame file piped into
# head exit 0 within 10 s with no sanitizer report; -b on a replay that
# would last 20 s, piped into head -1, exits 0 within 5 s (at the next
# snapshot); -P and -b into /dev/full give the line and exit 1.
#
# Can fail: checked with a build whose main() leaves SIGPIPE at its
# default (-b into head exited 141), and with the batch.c before this
# test, whose batch_run() ignored the fflush result (-b into head ran on
# for the whole 20 s replay): both failed here.
. tests/lib/corpus.sh
ZB_GENDIR=${ZB_GENDIR:-obj/gen}
[ -x "$ZB_GENDIR/zbgen" ] || { echo "needs $ZB_GENDIR/zbgen" >&2; exit 77; }
zb_corpus python3
"$ZB_GENDIR/zbgen" -w "$tmp/big.pcap" -n 300000 -S 1 >/dev/null ||
    { echo "FAIL: zbgen"; exit 1; }
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 200 0.1 ||
    { echo "FAIL: mkpcap.py"; exit 1; }

fail() {
	echo "FAIL: $*"
	sed 's/^/    stderr: /' "$tmp/err" | head -n 20
	exit 1
}

# piped WHAT SECS HEADARGS ZBTOPARGS...: zbtop into head; its exit status
# in $rc, seconds taken in $t.
piped() {
	what=$1 lim=$2 hargs=$3
	shift 3
	t0=$(date +%s.%N)
	{ timeout -k 2 "$lim" "$@" 2>"$tmp/err"; echo $? >"$tmp/rc"; } |
	    head $hargs >"$tmp/head"
	rc=$(cat "$tmp/rc")
	t=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
	echo "$what: exit $rc in ${t}s"
	[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] || fail "$what: still running after ${lim}s"
	[ "$rc" -eq 0 ] || fail "$what: exit status $rc"
	[ -s "$tmp/head" ] || fail "$what: head read nothing"
	! grep -q 'cannot write\|ERROR\|runtime error' "$tmp/err" ||
	    fail "$what: error on stderr"
}

# full WHAT ZBTOPARGS...: into /dev/full: one line, exit 1.
full() {
	what=$1
	shift
	timeout -k 2 20 "$@" >/dev/full 2>"$tmp/err"
	rc=$?
	echo "$what: exit $rc: $(grep '^zbtop:' "$tmp/err")"
	[ $rc -eq 1 ] || fail "$what: exit status $rc, not 1"
	[ "$(grep -c '^zbtop:' "$tmp/err")" -eq 1 ] && grep -qx \
	    'zbtop: cannot write standard output: No space left on device' \
	    "$tmp/err" || fail "$what: not the one expected line"
}

for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	piped "$z -P | head -1" 10 "-n 1" "$z" -P -r "$tmp/big.pcap"
	piped "$z -P -V -x | head -c 100" 10 "-c 100" "$z" -P -V -x \
	    -r "$tmp/big.pcap"
	piped "$z -b | head -1" 5 "-n 1" "$z" -b --delay 0.2 -r "$tmp/slow.pcap" \
	    --speed 1
	full "$z -P >/dev/full" "$z" -P -r "$tmp/big.pcap"
	full "$z -b >/dev/full" "$z" -b --delay 0.2 -r "$tmp/slow.pcap" --speed 1
done
exit 0
