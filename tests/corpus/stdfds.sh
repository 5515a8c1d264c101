#!/bin/sh
# zbtop started with a standard descriptor closed (">&-", "2>&-", "<&-")
# holds it on /dev/null: nothing it opens later (the -w file, a socket,
# an engine pipe) takes the number.  Expected, on tests/data/sample.pcap:
# batch text to a closed stdout fails in one line naming EBADF ("Bad file
# descriptor", as coreutils' do), exit 1 (it was "Invalid argument": the
# text went into a descriptor of zbtop's own); -w with stdout and stderr
# closed writes the same packets as tcpdump reads from the sample; batch
# with stdin closed reads the file to its end, as with </dev/null (one
# frame: the replay ends before the second).
. tests/lib/corpus.sh
zb_corpus zbtop tcpdump
fail=0
s=tests/data/sample.pcap

"$ZBTOP" -b -r "$s" --iterations 2 --delay 0.1 >&- 2>"$tmp/err"
rc=$?
echo 'zbtop: cannot write standard output: Bad file descriptor' >"$tmp/want"
[ "$rc" -eq 1 ] || { echo "FAIL: closed stdout: exit $rc, not 1"; fail=1; }
zb_same "$tmp/want" "$tmp/err" "closed stdout: stderr"

"$ZBTOP" -r "$s" -w "$tmp/o.pcap" >&- 2>&-
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: -w, 1 and 2 closed: exit $rc"; fail=1; }
tcpdump -n -r "$s" >"$tmp/a" 2>/dev/null
tcpdump -n -r "$tmp/o.pcap" >"$tmp/b" 2>/dev/null
[ -s "$tmp/a" ] || { echo "FAIL: tcpdump read nothing"; fail=1; }
zb_same "$tmp/a" "$tmp/b" "-w with stdout and stderr closed: the file"

"$ZBTOP" -b -r "$s" --iterations 2 --delay 0.1 <&- >"$tmp/out" 2>"$tmp/err"
rc=$?
grep -q '^packets 1987 ' "$tmp/out" && grep -q 'end of file$' "$tmp/out" &&
    [ "$rc" -eq 0 ] || {
	echo "FAIL: closed stdin: exit $rc"; cat "$tmp/out" "$tmp/err"
	fail=1; }
exit $fail
