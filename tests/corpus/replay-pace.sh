#!/bin/sh
# Print mode replays a file as fast as it can, as tcpdump -r does, however
# print mode was chosen: -P, a line option (-l, -e, -v, -x), standard
# output not a terminal, or -w with no line option.  Only the screen
# replays at the recorded pace.  The bundled sample spans about 60 s of
# recorded time; each command line must finish within 15 s and print
# (or write) every packet tcpdump reads from it (the closing counters).
#
# Can fail: checked with the zbtop.c whose replay pace was chosen before
# print mode was known: every line but -P took the full 60 s.
. tests/lib/corpus.sh
ZB_TESTS=${ZB_TESTS:-tests}
sample=$ZB_TESTS/data/sample.pcap
zb_corpus tcpdump
want=$(tcpdump --count -r "$sample" 2>/dev/null | sed -n 's/ packets*$//p')

fail=0
# one WHAT ARGS...: zbtop ARGS -r sample, stdout to a file.
one() {
	what=$1
	shift
	t0=$(date +%s)
	timeout -k 2 15 "$ZBTOP" "$@" -r "$sample" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	t=$(($(date +%s) - t0))
	if [ -e "$tmp/w.pcap" ]; then
		got=$(tcpdump --count -r "$tmp/w.pcap" 2>/dev/null |
		    sed -n 's/ packets*$//p')
		rm -f "$tmp/w.pcap"
	else
		got=$(sed -n 's/^captured=\([0-9]*\) .*/\1/p' "$tmp/err")
	fi
	echo "$what: exit $rc in ${t}s, $got of $want packets"
	if [ "$rc" -ne 0 ] || [ "$got" -ne "$want" ]; then
		fail=1
		sed 's/^/    stderr: /' "$tmp/err" | head -n 5
	fi
}

one "-P" -P
one "stdout a file" -n
one "-l" -l
one "-e" -e
one "-v" -v
one "-x" -x
one "-w" -w "$tmp/w.pcap"
exit $fail
