#!/bin/sh
# -b -r -: standard input is the capture, so batch mode reads no commands
# from it (opts-check.c, parse_front_end).  The first 5000 bytes of
# tests/data/sample.pcap come down a pipe: -b and -b -J must count the
# same 32 packets print mode does, end with print mode's one line about
# the record cut after packet 32, exit 1 as print mode does, and say
# nothing else on standard error.  The whole file down a pipe counts as
# many packets as -r of the file.
#
# Can fail: before, the command reader took lines of the pcap stream as
# commands ("zbtop: unknown command: \x02", some 60 lines), the replay
# lost those bytes (captured=5) and exited 0 without the cut's line.
. tests/lib/corpus.sh
zb_corpus zbtop
pcap=tests/data/sample.pcap
head -c 5000 "$pcap" >"$tmp/cut.pcap"
fail=0
cut="zbtop: -: truncated packet record after packet 32[ :]"
cat "$tmp/cut.pcap" | "$ZBTOP" -r - >/dev/null 2>"$tmp/perr"
grep -q "^$cut" "$tmp/perr" || { echo "FAIL: print mode:"; cat "$tmp/perr"
    exit 1; }
# -b ends with the counters on standard output, -b -J on standard error.
for j in "" -J; do
	# shellcheck disable=SC2086
	cat "$tmp/cut.pcap" | "$ZBTOP" -b $j --iterations 2 --delay 0.2 \
	    -r - >"$tmp/out" 2>&1
	rc=$?
	grep '^zbtop:' "$tmp/out" | grep -v "^$cut" >"$tmp/other"
	if [ $rc -ne 1 ] || ! grep -q "^$cut" "$tmp/out" ||
	    ! grep -q '^captured=32 ' "$tmp/out" || [ -s "$tmp/other" ]; then
		echo "FAIL: -b $j -r - of a cut pipe: exit $rc, messages:"
		grep -e '^zbtop:' -e '^captured=' "$tmp/out" | head -n 5
		fail=1
	fi
done
want=$("$ZBTOP" -b --iterations 2 --delay 0.2 -r "$pcap" 2>&1 |
    grep '^captured=')
got=$(cat "$pcap" | "$ZBTOP" -b --iterations 2 --delay 0.2 -r - 2>&1 |
    grep '^captured=')
if [ -z "$want" ] || [ "$want" != "$got" ]; then
	echo "FAIL: -b -r - of the whole file: '$got', -r file: '$want'"
	fail=1
fi
[ $fail -eq 0 ] && echo "-b -r -: no commands read from the capture"
exit $fail
