#!/bin/sh
# tcpdump -i IF -r FILE reads the file and leaves -i alone; zbtop must
# too (saying so on stderr), not refuse the command line: zbtop -n -i lo
# -r tests/data/sample.pcap -c 3 prints what tcpdump prints for it, and
# exits 0.  With -d the program is the file's, as tcpdump's.
#
# Can fail: before this test zbtop said "-i and -r exclude each other"
# and exited 1.
. tests/lib/corpus.sh
zb_corpus tcpdump
f=tests/data/sample.pcap
fail=0
for o in "-n -c 3" "-d udp"; do
	# shellcheck disable=SC2086
	tcpdump -i lo -r "$f" $o >"$tmp/want" 2>/dev/null
	# shellcheck disable=SC2086
	"$ZBTOP" -i lo -r "$f" $o >"$tmp/got" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc -ne 0 ] || [ ! -s "$tmp/want" ] ||
	    ! cmp -s "$tmp/want" "$tmp/got"; then
		echo "FAIL: -i lo -r $f $o: status $rc, stderr $(cat "$tmp/err")"
		diff "$tmp/want" "$tmp/got" | head -n 4
		fail=1
	fi
	grep -q '^zbtop: -i ignored: -r reads a file$' "$tmp/err" ||
	    { echo "FAIL: $o: no '-i ignored' on stderr"; fail=1; }
done
[ $fail -eq 0 ] && echo "-i with -r: the file is read, as tcpdump"
exit $fail
