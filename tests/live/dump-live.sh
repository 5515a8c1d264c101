#!/bin/sh
# -d, -dd, -ddd with a live -i print the program as libpcap compiles it
# for that interface on Linux (VLAN tags tested in metadata: "vlanp",
# "vlan_tci"), exactly as tcpdump -d -i prints it, never the file form.
# On the test veth end and lo, and on any (cooked: tcpdump's own refusal
# of "vlan" there, and "udp" as tcpdump prints it).  With several -i each
# interface's program comes under its name, in -i order.
. tests/lib/netns.sh
zb_testbed tcpdump

# same WHAT ARGS...: zbtop and tcpdump print the same on stdout.
same() {
	zb_what=$1
	shift
	zb_in_cap "$ZBTOP" "$@" >"$ZB_TMP/zb.txt" 2>"$ZB_TMP/zb.err"
	zb_in_cap tcpdump "$@" >"$ZB_TMP/td.txt" 2>/dev/null
	[ -s "$ZB_TMP/td.txt" ] || zb_fail "$zb_what: tcpdump printed nothing"
	cmp -s "$ZB_TMP/zb.txt" "$ZB_TMP/td.txt" || {
		cat "$ZB_TMP/zb.err" >&2
		diff "$ZB_TMP/td.txt" "$ZB_TMP/zb.txt" | head >&2
		zb_fail "$zb_what: not tcpdump's program"; }
}

for i in "$ZB_IF_CAP" lo; do
	for o in -d -dd -ddd; do
		same "$o -i $i" $o -i "$i" 'vlan 29'
		same "$o -i $i and" $o -i "$i" 'vlan 29 and udp'
	done
	zb_in_cap "$ZBTOP" -d -i "$i" 'vlan 29' | grep -q '\[vlanp\]' ||
	    zb_fail "-d -i $i: the tag is not tested in metadata"
done
same "-d -i any" -d -i any udp
zb_in_cap "$ZBTOP" -d -i any 'vlan 29' >/dev/null 2>"$ZB_TMP/zb.err" &&
    zb_fail "-d -i any vlan 29: accepted"
grep -q 'no VLAN support for Linux cooked v2' "$ZB_TMP/zb.err" ||
    zb_fail "-d -i any vlan 29: $(cat "$ZB_TMP/zb.err")"
# Several -i: each program under its interface's name.
{
	echo "$ZB_IF_CAP:"
	zb_in_cap tcpdump -d -i "$ZB_IF_CAP" 'vlan 29' 2>/dev/null
	echo "lo:"
	zb_in_cap tcpdump -d -i lo 'vlan 29' 2>/dev/null
} >"$ZB_TMP/td2.txt"
zb_in_cap "$ZBTOP" -d -i "$ZB_IF_CAP" -i lo 'vlan 29' >"$ZB_TMP/zb2.txt" ||
    zb_fail "-d with two -i failed"
cmp "$ZB_TMP/td2.txt" "$ZB_TMP/zb2.txt" ||
    zb_fail "-d with two -i: not each interface's program"
echo "-d, -dd, -ddd on $ZB_IF_CAP, lo, any and two -i: as tcpdump"
exit 0
