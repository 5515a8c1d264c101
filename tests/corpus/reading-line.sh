#!/bin/sh
# Print mode reading a file says on stderr what tcpdump 4.99 says there:
# first "reading from file F, link-type EN10MB (Ethernet), snapshot length
# 65535" (no "zbtop: " in front; "link-type 3145728" for a number libpcap
# cannot name; after a LINUX_SLL2 file tcpdump's "Warning: interface
# names might be incorrect"), before any packet and before a bad filter's
# or -w's error; at the end none of the live capture's "N packets
# captured" lines.  Compared with tcpdump on the same input:
#  - every capture of the shared corpus and tests/data: when tcpdump reads
#    it without an error, zbtop -P -n -r FILE's whole stderr but its own
#    closing line (captured=...) must be tcpdump -n -r FILE's; when
#    tcpdump opens it and then fails, the first lines must agree;
#  - sample.pcap from standard input (-r -), as the last of two -r, under
#    -q, -v, -e, -c 1, --count, -tttt, -nn, with -w FILE, with a filter
#    that does not compile (the first line), and with -d (stdout and
#    stderr both);
#  - a file name holding a backslash: shown once, as tcpdump shows it.
#
# Can fail: before this test zbtop said nothing before the packets.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
fail=0
data=tests/data/sample.pcap

# $1: what; compares $tmp/want with $tmp/got.
same() {
	zb_same "$tmp/want" "$tmp/got" "$1"
}

# Every capture; zbtop's closing line is its own (the benchmarks read it).
files=0 whole=0 first=0
for f in "$SHARED"/corpus/*/pcap/* tests/data/*.pcap; do
	[ -f "$f" ] || continue
	files=$((files + 1))
	tcpdump -n -r "$f" >/dev/null 2>"$tmp/td"
	rc=$?
	"$ZBTOP" -P -n -r "$f" >/dev/null 2>"$tmp/zb" </dev/null
	if [ $rc -eq 0 ]; then
		cp "$tmp/td" "$tmp/want"
		grep -v '^captured=' "$tmp/zb" >"$tmp/got"
		same "${f##*/}: stderr" && whole=$((whole + 1))
	elif grep -q '^reading from file ' "$tmp/td"; then
		grep -v '^tcpdump: ' "$tmp/td" >"$tmp/want"
		head -n "$(wc -l <"$tmp/want")" "$tmp/zb" >"$tmp/got"
		same "${f##*/}: first lines" && first=$((first + 1))
	fi
done
echo "$files captures: $whole whole stderr as tcpdump's, $first first" \
    "lines as tcpdump's before its error"
[ $whole -ge 100 ] || { echo "FAIL: only $whole captures compared"; fail=1; }

# One capture, several ways of reading it.
check() {
	what=$1
	shift
	tcpdump "$@" >/dev/null 2>"$tmp/want"
	"$ZBTOP" "$@" >/dev/null 2>"$tmp/zb" </dev/null
	grep -v '^captured=' "$tmp/zb" >"$tmp/got"
	same "$what" &&
	    printf '%s: as tcpdump'\''s: %s\n' "$what" "$(head -n 1 "$tmp/got")"
}
check "-r sll2-lo.pcap" -n -r tests/data/sll2-lo.pcap
grep -qx 'Warning: interface names might be incorrect' "$tmp/got" ||
    { echo "FAIL: no SLL2 warning"; fail=1; }
for o in -q -v -e "-c 1" --count -tttt -nn; do
	# shellcheck disable=SC2086
	check "$o" -n $o -r "$data"
done
check "-r a -r b" -n -r tests/data/sll-lo.pcap -r "$data"
check "-w FILE" -r "$data" -w "$tmp/out.pcap"
tcpdump -n -r - <"$data" >/dev/null 2>"$tmp/want"
"$ZBTOP" -n -r - <"$data" >/dev/null 2>"$tmp/zb"
grep -v '^captured=' "$tmp/zb" >"$tmp/got"
same "-r -" && printf -- '-r -: as tcpdump'\''s: %s\n' "$(cat "$tmp/got")"
tcpdump -n -r "$data" 'no such' 2>&1 >/dev/null | head -n 1 >"$tmp/want"
"$ZBTOP" -n -r "$data" 'no such' 2>&1 >/dev/null </dev/null |
    head -n 1 >"$tmp/got"
same "bad filter: first line"
tcpdump -d -r "$data" >"$tmp/want" 2>&1
"$ZBTOP" -d -r "$data" >"$tmp/got" 2>&1 </dev/null
same "-d -r" && echo "-d -r: as tcpdump's"

# A backslash in the name shows once; no live lines when reading.
cp "$data" "$tmp/a\\b.pcap"
check "a\\b.pcap" -n -r "$tmp/a\\b.pcap"
grep -F -q 'a\b.pcap,' "$tmp/got" ||
    { printf '%s\n' 'FAIL: a\b.pcap not shown once'; fail=1; }
if grep -q 'listening on\| packets\{0,1\} captured' "$tmp/zb"; then
	echo "FAIL: live lines when reading:"
	cat "$tmp/zb"
	fail=1
fi
exit $fail
