#!/bin/sh
# As tcpdump: with -w, lines are printed only when asked for with --print
# (or zbtop's -P); -l and the options that shape lines (-v, -e, -x, -X,
# -A, -q, -t..., -S) do not print by themselves.  Otherwise "zbtop -w -
# -l | tcpdump -r -" mixes text lines into the pcap stream and tcpdump
# fails ("invalid packet capture length").  Checked: for each option,
# -w - piped into tcpdump reads all 5 packets cleanly; -w FILE prints
# nothing on stdout; -w FILE --print prints the 5 lines.
#
# Can fail: checked with the zbtop.c before this test, which printed lines
# with -w when -l or a line option was given: tcpdump failed on -l.
. tests/lib/corpus.sh
ZB_TESTS=${ZB_TESTS:-tests}
zb_corpus tcpdump
sample=$ZB_TESTS/data/sample.pcap

fail=0
for o in -l -v -vv -e -x -XX -A -q -tt -S; do
	"$ZBTOP" -r "$sample" -c 5 -w - $o 2>/dev/null |
	    tcpdump -n -r - >"$tmp/td" 2>"$tmp/tderr"
	trc=$?
	"$ZBTOP" -r "$sample" -c 5 -w "$tmp/w.pcap" $o >"$tmp/out" 2>/dev/null
	n=$(wc -l <"$tmp/out")
	echo "-w - $o: tcpdump exit $trc, $(wc -l <"$tmp/td") packets;" \
	    "-w FILE $o: $n lines on stdout"
	if [ "$trc" -ne 0 ] || [ "$(wc -l <"$tmp/td")" -ne 5 ] ||
	    [ "$n" -ne 0 ]; then
		fail=1
		sed 's/^/    tcpdump: /' "$tmp/tderr" | head -n 3
	fi
done
"$ZBTOP" -r "$sample" -c 5 -w "$tmp/w.pcap" --print >"$tmp/out" 2>/dev/null
n=$(grep -c '^[0-9][0-9]:' "$tmp/out")
echo "-w FILE --print: $n lines"
[ "$n" -eq 5 ] || fail=1
exit $fail
