#!/bin/sh
# zbtop -h fits an 80-column terminal and nothing in it is cut off: no
# line is wider than 80 columns, and every option of the synopsis has a
# description below it, and no entry is a fragment such as "-T ms
# retire" at the end of a line.
: "${ZBTOP:=./zbtop}"
help=$("$ZBTOP" -h 2>&1)
fail=0
printf '%s\n' "$help" | awk 'length > 80 { print "wider than 80: " $0; bad = 1 }
    END { exit bad }' || fail=1
syn=$(printf '%s\n' "$help" | awk 'NR == 1 || /^             \[/')
body=$(printf '%s\n' "$help" | awk 'NR > 1 && !/^             \[/')
letters=$(echo "$syn" | sed -n '1s/.*\[-\([A-Za-z]*\)\].*/\1/p')
opts=$(for l in $(echo "$letters" | sed 's/./& /g'); do echo "-$l"; done
    echo "$syn" | grep -o '\[-[A-Za-z] ' | cut -c2-3
    echo "$syn" | grep -o '\[--[a-z-]*' | cut -c2-)
for o in $opts; do
	printf '%s\n' "$body" | grep -Eq -- "(^|[ ,/])$o([ ,/]|\$)" ||
	    { echo "no description for $o"; fail=1; }
done
# A cut-off entry: an option, its argument and one lone word at the end
# of a line ("-T ms  retire").
printf '%s\n' "$body" | grep -E -- '  -[A-Za-z] [a-z]+  [a-z]+$' &&
    { echo "a description cut off"; fail=1; }
exit $fail
