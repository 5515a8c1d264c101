#!/bin/sh
# An interface libpcap lists but zbtop cannot capture on (a pseudo-device
# such as nflog or dbus-system: tcpdump -D shows it, zbtop -D leaves it
# out) is refused before capture in one line that says so, not as "no
# such interface"; -d with it still prints the program libpcap compiles
# there, as tcpdump -d does (when tcpdump -d can open it).  The device is
# nflog if zbtop -D leaves it out, else the first of tcpdump -D's list
# that zbtop -D leaves out (skipped when there is none).
#
# Can fail: before this test -i nflog said "zbtop: no such interface:
# nflog", though -D's note and tcpdump say it exists.
. tests/lib/corpus.sh
zb_corpus tcpdump
tcpdump -D 2>/dev/null | sed 's/^[0-9]*\.\([^ ]*\).*/\1/' >"$tmp/td"
"$ZBTOP" -D 2>/dev/null | sed 's/^[0-9]*\.\([^ ]*\).*/\1/' >"$tmp/zb"
dev=$(grep -vxF -f "$tmp/zb" "$tmp/td" | grep -x nflog)
[ -n "$dev" ] || dev=$(grep -vxF -f "$tmp/zb" "$tmp/td" | head -n 1)
[ -n "$dev" ] || { echo "no device tcpdump -D lists and zbtop -D does not" >&2
	exit 77; }
fail=0
"$ZBTOP" -P -c 1 -i "$dev" </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -ne 1 ] || [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
    ! grep -q "^zbtop: -i $dev.*: libpcap lists it, zbtop cannot capture on it" \
    "$tmp/err"; then
	echo "FAIL: -i $dev: status $rc, stderr:"
	cat "$tmp/err"
	fail=1
fi
if tcpdump -d -i "$dev" >/dev/null 2>&1; then
	"$ZBTOP" -d -i "$dev" >"$tmp/d" 2>&1 </dev/null ||
	    { echo "FAIL: -d -i $dev: $(cat "$tmp/d")"; fail=1; }
	grep -q '^(000) ' "$tmp/d" ||
	    { echo "FAIL: -d -i $dev printed no program"; fail=1; }
fi
[ $fail -eq 0 ] && echo "-i $dev: $(cat "$tmp/err")"
exit $fail
