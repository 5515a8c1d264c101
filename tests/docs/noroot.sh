#!/bin/sh
# README.md has its "Running without root" section, and the setcap line
# it gives grants what tests/live/privs.sh grants its unprivileged copy
# (the setup that test proves works), on the path make install uses.
sec=$(awk '/^## Running without root$/ { on = 1; next } /^## / { on = 0 }
    on' README.md)
[ -n "$sec" ] || { echo "README: no '## Running without root' section"; exit 1; }
want=$(sed -n 's/.*setcap \(cap_[a-z_,]*+[a-z]*\) .*/\1/p' tests/live/privs.sh |
    head -n 1)
[ -n "$want" ] || { echo "no setcap in tests/live/privs.sh"; exit 1; }
echo "$sec" | grep -q "setcap $want /usr/local/sbin/zbtop" ||
    { echo "README: no 'setcap $want /usr/local/sbin/zbtop'"; exit 1; }
bindir=$(sed -n 's/^BINDIR[ 	]*?=[ 	]*\$(PREFIX)\/\(.*\)/\1/p' Makefile)
prefix=$(sed -n 's/^PREFIX[ 	]*?=[ 	]*\(.*\)/\1/p' Makefile)
[ "$prefix/$bindir" = /usr/local/sbin ] ||
    { echo "make install puts zbtop in $prefix/$bindir"; exit 1; }
for w in CAP_NET_RAW '-r' no_new_privs; do
	echo "$sec" | grep -q -- "$w" || { echo "README section lacks $w"; exit 1; }
done
exit 0
