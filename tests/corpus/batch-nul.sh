#!/bin/sh
# A command line on batch mode's standard input that holds a NUL byte
# is refused with one line, not run cut at the NUL ("filter \0tcp" is
# not "filter", which shows the filter).  Three such lines (one without
# its newline, the last of the input) give three lines on standard
# error, and the filter set by the good line before them stays.
#
# Can fail: before, the lines ran as "filter", "filter x" (a syntax
# error) and "filter": the NUL bytes went unsaid.
. tests/lib/corpus.sh
zb_corpus zbtop
printf 'filter udp\nfilter \000tcp\nfilter x\000\nfilter\000' |
    "$ZBTOP" -b -r tests/data/sample.pcap --speed 1 --delay 0.5 \
    --iterations 3 >"$tmp/out" 2>"$tmp/err"
n=$(grep -c '^zbtop: a NUL byte in a command line$' "$tmp/err")
last=$(grep '^zbtop file' "$tmp/out" | tail -n 1)
case $last in
*"filter: udp "*) ;;
*)	echo "FAIL: the last snapshot's filter is not udp: $last"; exit 1 ;;
esac
if [ "$n" -ne 3 ] || [ "$(wc -l <"$tmp/err")" -ne 3 ]; then
	echo "FAIL: wanted 3 NUL lines and nothing else, got:"
	cat "$tmp/err"
	exit 1
fi
echo "NUL bytes in commands: refused, the filter kept"
