#!/bin/sh
# "help" shows the one-letter aliases the parser accepts before prefixes
# (s is snaplen, not ambiguous between search, snaplen and speed).
# zbtop -b -r tests/data/sample.pcap reads "help" on standard input.
# Expected: at least the aliases b d f q r s w listed as "(alias X)", and
# for each, "help X" describes the very command the list names.
ZBTOP=${ZBTOP:-./zbtop}
out=$(printf 'help\n' | "$ZBTOP" -b -r tests/data/sample.pcap --iterations 1 2>&1)
list=$(printf '%s\n' "$out" | sed -n 's/^\([a-z]*\) .*(alias \(.\))$/\2 \1/p')
echo "$list"
for a in b d f q r s w; do
	echo "$list" | grep -q "^$a " || { echo "FAIL: alias $a not listed"; exit 1; }
done
echo "$list" | while read -r a name; do
	got=$(printf 'help %s\n' "$a" | "$ZBTOP" -b -r tests/data/sample.pcap \
	    --iterations 1 2>&1 | grep -m1 ' - ')
	case $got in
	"$name "*|"$name -"*) ;;
	*) echo "FAIL: help $a: '$got', not $name"; exit 1 ;;
	esac
done || exit 1
exit 0
