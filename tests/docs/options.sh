#!/bin/sh
# The man page and README keep in step with the program: every option in
# `zbtop -h` is documented in man/zbtop.8 and README.md, every command
# that `help` lists is in both, and both synopses match --help's.
fail=0
help=$("$ZBTOP" -h) || { echo "zbtop -h failed"; exit 1; }
man=man/zbtop.8
say() { echo "$*"; fail=1; }

# Short options: the letters of the first bracket group and every -X.
letters=$(echo "$help" | sed -n '1s/.*\[-\([A-Za-z]*\)\].*/\1/p')
[ -n "$letters" ] || say "no short options found in -h"
for l in $(echo "$letters" | sed 's/./& /g') \
    $(echo "$help" | grep -o '\[-[A-Za-z] ' | cut -c3); do
	grep -q "^\.It Fl $l\b\|Fl $l ," "$man" || say "man: no -$l"
	grep -q -- "\`-$l\b" README.md || say "README: no -$l"
done
for o in $(echo "$help" | grep -o -- '--[a-z-]*' | sort -u); do
	[ "$o" = "--" ] && continue
	grep -q "Fl -${o#--}" "$man" || say "man: no $o"
	grep -q -- "$o" README.md || say "README: no $o"
done
cmds=$(echo help | "$ZBTOP" -b --iterations 1 --delay 0.1 -r tests/data/sample.pcap |
    awk '/^[a-z]+( |$)/ && !/^(zbtop|packets|drops|rotations|captured)/ \
    { print $1 }' | sort -u)
[ "$(echo "$cmds" | wc -w)" -ge 10 ] || say "help listed too few: $cmds"
for c in $cmds; do
	grep -q "Ic $c\b" "$man" || say "man: no command $c"
	grep -q "^| .*\`$c\b" README.md || say "README: no command $c"
done
exit $fail
