#!/bin/sh
# -D shows the same flags as tcpdump -D.  In the capture namespace: lo
# (up), the veth end (up, its peer up: connected), and a second veth
# pair zbd0/zbd1 with zbd0 up (no carrier) and zbd1 down.  tcpdump -D
# and zbtop -D run there; for every interface zbtop lists, its line
# without the number equals tcpdump's.
# zbtop deliberately leaves out what it cannot capture from a packet
# socket ring (no network interface with a known link type): tcpdump's
# nflog, nfqueue, dbus-system, dbus-session, bluetooth*, usbmon*; any
# other interface tcpdump lists and zbtop does not fails the test.
. tests/lib/netns.sh
zb_testbed tcpdump
ip -n "$ZB_NS_CAP" link add zbd0 type veth peer name zbd1 || exit 1
ip -n "$ZB_NS_CAP" link set zbd0 up || exit 1

strip() { sed 's/^[0-9]*\.//' | sort; }
zl=$(zb_in_cap "$ZBTOP" -D) || zb_fail "zbtop -D failed"
tl=$(zb_in_cap tcpdump -D 2>/dev/null) || zb_fail "tcpdump -D failed"
echo "zbtop -D:"; echo "$zl"; echo "tcpdump -D:"; echo "$tl"
echo "$zl" | strip >"$ZB_TMP/z"
echo "$tl" | strip >"$ZB_TMP/t"
# Every zbtop line is a tcpdump line.
extra=$(comm -23 "$ZB_TMP/z" "$ZB_TMP/t")
[ -z "$extra" ] || zb_fail "zbtop lines not in tcpdump -D: $extra"
# What tcpdump lists beyond zbtop is only what zbtop leaves out.
comm -13 "$ZB_TMP/z" "$ZB_TMP/t" | while read -r name rest; do
	case $name in
	nflog|nfqueue|dbus-system|dbus-session|bluetooth*|usbmon*) ;;
	*) zb_fail "zbtop -D leaves out $name $rest" ;;
	esac
done || exit 1
for n in lo "$ZB_IF_CAP" zbd0 zbd1 any; do
	grep -q "^$n " "$ZB_TMP/z" || zb_fail "zbtop -D does not list $n"
done
exit 0
