#!/bin/sh
# A --command line runs through the same table as the prompt, and a
# failing one ends the run: one "zbtop: ..." line on stderr, exit 1,
# nothing on stdout, exactly as a bad filter given as an argument.  A good
# one runs and the capture goes on (the count proves the filter applied).

. tests/lib/corpus.sh
sample=tests/data/sample.pcap
zb_corpus
fail=0

expect_fail() {
	want=$1; shift
	"$ZBTOP" -b --iterations 1 -r "$sample" "$@" </dev/null \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 1 ] || [ -s "$tmp/out" ] ||
	    [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
	    ! grep -q "^zbtop: $want" "$tmp/err"; then
		echo "FAIL $*: rc=$rc, want 1 and 'zbtop: $want'"
		sed 's/^/  err: /' "$tmp/err"
		sed 's/^/  out: /' "$tmp/out" | head -3
		fail=1
	fi
}

expect_fail "bad filter" --command 'filter tcp port'
expect_fail "bad filter" 'tcp port'
expect_fail "unknown command: nosuch" --command nosuch
expect_fail "usage: snaplen" --command 'snaplen'
expect_fail "missing '" --command "filter 'tcp"

# A good command runs: the filter is in force (the replay may have
# passed a few packets before it, so the count is only bounded here).
"$ZBTOP" -b --iterations 1 -r "$sample" --command 'filter tcp' </dev/null \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
all=$("$ZBTOP" -b --iterations 1 -r "$sample" </dev/null | tail -n 1)
got=$(tail -n 1 "$tmp/out")
if [ $rc -ne 0 ] || ! grep -Eq "filter: tcp \(epoch 1[,)]" "$tmp/out" ||
    [ "${got%% *}" = "${all%% *}" ]; then
	echo "FAIL --command 'filter tcp': rc=$rc, '$got' vs unfiltered '$all'"
	fail=1
fi
exit $fail
