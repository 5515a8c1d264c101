#!/bin/sh
# The snaplen command takes 0 as -s 0 does (and tcpdump's -s 0): the
# default, 262144 bytes, not an error.  Run through --command on the
# bundled capture: "snaplen 0" answers "snaplen 262144", "snaplen 96"
# "snaplen 96", exit 0; a word or 262145 gets the command's own line
# naming the range and 0, and stops the run with exit 1.
# Can fail: "snaplen 0" was refused ("must be 1 to 262144 bytes").
. tests/lib/corpus.sh
zb_corpus zbtop
fail=0
s=tests/data/sample.pcap

"$ZBTOP" -b -r "$s" --iterations 1 --command 'snaplen 0' \
    --command 'snaplen 96' >/dev/null 2>"$tmp/err"
rc=$?
printf 'zbtop: snaplen 262144\nzbtop: snaplen 96\n' >"$tmp/want"
grep '^zbtop: snaplen' "$tmp/err" >"$tmp/got"
[ "$rc" -eq 0 ] || { echo "FAIL: snaplen 0 then 96: exit $rc"; fail=1; }
zb_same "$tmp/want" "$tmp/got" "snaplen 0 then 96"
for w in abc 262145; do
	"$ZBTOP" -b -r "$s" --iterations 1 --command "snaplen $w" \
	    >/dev/null 2>"$tmp/err"
	rc=$?
	echo 'zbtop: snaplen must be 1 to 262144 bytes, or 0 for 262144' \
	    >"$tmp/want"
	grep '^zbtop: snaplen' "$tmp/err" >"$tmp/got"
	[ "$rc" -eq 1 ] || { echo "FAIL: snaplen $w: exit $rc"; fail=1; }
	zb_same "$tmp/want" "$tmp/got" "snaplen $w"
done
exit $fail
