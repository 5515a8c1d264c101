#!/bin/sh
# The same interface given twice is refused, by name and by -D number:
# it would open two ring sets on one interface and count every packet
# twice.  In the capture namespace: -i VETH -i VETH and -i N -i VETH
# (N its -D number).  Expected: exit status 1 and one stderr line naming
# the interface; -i VETH -i lo is still accepted (exit 0).
. tests/lib/netns.sh
zb_testbed

num=$(zb_in_cap "$ZBTOP" -D | sed -n "s/^\([0-9]*\)\.$ZB_IF_CAP .*/\1/p")
[ -n "$num" ] || zb_fail "-D does not list $ZB_IF_CAP"
run() {
	zb_in_cap "$ZBTOP" -b --iterations 1 --delay 0.1 "$@" \
	    >/dev/null 2>"$ZB_TMP/err"
	echo "$?: $(cat "$ZB_TMP/err")"
}
for a in "$ZB_IF_CAP" "$num"; do
	got=$(run -i "$a" -i "$ZB_IF_CAP")
	echo "-i $a -i $ZB_IF_CAP: $got"
	[ "$got" = "1: zbtop: -i $ZB_IF_CAP: given twice (by name or number); give each interface once" ] ||
	    zb_fail "-i $a -i $ZB_IF_CAP not refused in one line"
done
got=$(run -i "$ZB_IF_CAP" -i lo)
echo "-i $ZB_IF_CAP -i lo: $got"
[ "${got%%:*}" = 0 ] || zb_fail "-i $ZB_IF_CAP -i lo refused"
exit 0
