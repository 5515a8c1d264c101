#!/bin/sh
# tcpdump reads -s and -G with strtol's base 0: 0x28 is 40, 050 is 40
# (octal), 0 and 0x0 the default snap length.  zbtop must take the same
# words with the same values: -s 0x28 and -s 050 cut as -s 40 does, -s
# 0x0 as -s 0, -G 0x3c as -G 60; and tcpdump must accept each word too.
# -c stays decimal in both (tcpdump -c 010 is 10).  zbtop -w under
# each word writes the file it writes under the decimal form.
#
# Can fail: before this test -s 0x28 and -G 0x3c were refused, and -s
# 050 was 50.
. tests/lib/corpus.sh
zb_corpus tcpdump
f=tests/data/sample.pcap
fail=0

# same A B: zbtop -x -c 3 with options A and with options B print alike
# (standard output: the closing line's counters vary from run to run).
same() {
	# shellcheck disable=SC2086
	"$ZBTOP" -n -x -c 3 -r "$f" $1 >"$tmp/a" 2>/dev/null </dev/null
	# shellcheck disable=SC2086
	"$ZBTOP" -n -x -c 3 -r "$f" $2 >"$tmp/b" 2>/dev/null </dev/null
	zb_same "$tmp/a" "$tmp/b" "'$1' and '$2' differ"
}

same "-s 0x28" "-s 40"
same "-s 050" "-s 40"
same "-s 0x0" "-s 0"
grep -q '\[|' "$tmp/a" && { echo "FAIL: -s 0x0 cut packets"; fail=1; }
"$ZBTOP" -n -x -c 3 -r "$f" -s 40 2>/dev/null </dev/null | grep -q '\[|' ||
    { echo "FAIL: -s 40 cut nothing: the test tests nothing"; fail=1; }
n=$("$ZBTOP" -n -c 010 -r "$f" 2>/dev/null </dev/null | wc -l)
[ "$n" -eq 10 ] || { echo "FAIL: -c 010: $n lines, not 10"; fail=1; }
for w in "-s 0x28=-s 40" "-s 050=-s 40" "-G 0x3c=-G 60"; do
	d=${w#*=}
	w=${w%=*}
	# shellcheck disable=SC2086
	tcpdump -Z root $w -r "$f" -w "$tmp/td.pcap" 2>/dev/null ||
	    { echo "FAIL: tcpdump refuses $w"; fail=1; }
	# shellcheck disable=SC2086
	"$ZBTOP" -Z root $w -r "$f" -w "$tmp/zb.pcap" </dev/null \
	    >/dev/null 2>"$tmp/err" ||
	    { echo "FAIL: zbtop refuses $w: $(cat "$tmp/err")"; fail=1; }
	# The file written under w holds what the decimal form writes.
	# shellcheck disable=SC2086
	"$ZBTOP" -Z root $d -r "$f" -w "$tmp/zd.pcap" </dev/null \
	    >/dev/null 2>&1
	tcpdump -n -x -r "$tmp/zb.pcap" >"$tmp/zb.txt" 2>/dev/null
	tcpdump -n -x -r "$tmp/zd.pcap" >"$tmp/zd.txt" 2>/dev/null
	if [ ! -s "$tmp/zd.txt" ] || ! cmp -s "$tmp/zb.txt" "$tmp/zd.txt"; then
		echo "FAIL: -w under '$w' and '$d' differ:"
		diff "$tmp/zb.txt" "$tmp/zd.txt" | head -n 4
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "-s and -G in base 0, -c in base 10, as tcpdump"
exit $fail
