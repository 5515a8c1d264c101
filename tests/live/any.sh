#!/bin/sh
# -i any: every interface of the namespace, cooked (Linux SLL2, as
# tcpdump 4.99 with libpcap 1.10), loopback packets once.  zbgen sends N
# frames from the generator end (received on the veth end) and M on lo;
# zbtop -i any -w and tcpdump -i any run side by side.  Expected:
# captured=N+M, tcpdump counts the same, and tcpdump -r prints zbtop's -w
# file exactly as it prints its own (interface, direction, link type and
# bytes; timestamps left out), filtered ("udp") and unfiltered, and
# zbtop -P -r prints it line for line as tcpdump does ("zbc0  In  IP ...").  With
# -Q out, zbgen also sends O frames out of the veth end: both count O (the
# lo frames leave lo too, but loopback packets count once, as received).
# All of it in both modes: -m zbuf (TPACKET_V3 ring) and -m copy
# (recvmmsg, the SLL2 header built from the sockaddr_ll of each frame).
. tests/lib/netns.sh
zb_testbed tcpdump
N=300
M=200
O=150

for m in zbuf copy; do
for f in "" udp "-Q out"; do
	what="-m $m any${f:+ $f}"
	want=$((N + M))
	[ "$f" != "-Q out" ] || want=$O
	zb_tcpdump td any $f
	ZB_OUT="$ZB_TMP/zb.out" ZB_ERR="$ZB_TMP/zb.err"
	zb_bg_cap "$ZBTOP" -b --delay 1 -m $m -i any -w "$ZB_TMP/zb.pcap" $f \
	    <"$ZB_TMP/cmd" >"$ZB_OUT" 2>"$ZB_ERR"
	ZB_PID=$ZB_BG_PID
	# Running on every interface (index 0 in /proc/net/packet): tcpdump,
	# zbtop's filter compiler and its two rings.
	i=0
	until [ "$(awk 'NR > 1 && $5 == 0 && $6 == 1' \
	    /proc/"$ZB_PID"/net/packet | wc -l)" -ge 4 ]; do
		[ $i -lt 200 ] || { cat "$ZB_ERR" >&2
			zb_fail "$what: zbtop not bound"; }
		sleep 0.05
		i=$((i + 1))
	done
	zb_send "$what" $N 5000
	zb_in_cap "$ZB_GENDIR/zbgen" -i lo -n $M -r 5000 -T 30 >/dev/null ||
	    zb_fail "$what: zbgen on lo"
	[ "$f" != "-Q out" ] || zb_in_cap "$ZB_GENDIR/zbgen" -i "$ZB_IF_CAP" \
	    -n $O -r 5000 -T 30 >/dev/null || zb_fail "$what: zbgen out"
	sleep 1
	zb_zbtop_stop "$what" 0
	zb_tcpdump_count td
	echo "$what: tcpdump $ZB_TD_COUNT"
	[ "$ZB_TD_COUNT" = $want ] ||
	    zb_fail "$what: tcpdump counts $ZB_TD_COUNT, not $want"
	[ "$(zb_field captured "$ZB_LAST")" = $want ] ||
	    zb_fail "$what: captured is not $want"
	zb_in_cap tcpdump -nn -t -r "$ZB_TMP/td.pcap" >"$ZB_TMP/td.txt" \
	    2>/dev/null
	zb_in_cap tcpdump -nn -t -r "$ZB_TMP/zb.pcap" >"$ZB_TMP/zb.txt" \
	    2>"$ZB_TMP/zbr.err" || { cat "$ZB_TMP/zbr.err" >&2
		zb_fail "$what: tcpdump cannot read the -w file"; }
	head -n 2 "$ZB_TMP/zb.txt"
	cmp "$ZB_TMP/td.txt" "$ZB_TMP/zb.txt" || {
		diff "$ZB_TMP/td.txt" "$ZB_TMP/zb.txt" | head >&2
		zb_fail "$what: the -w file is not what tcpdump saw"; }
	grep -q "LINUX_SLL2" "$ZB_TMP/zbr.err" ||
	    zb_fail "$what: the -w file is not Linux SLL2"
	# zbtop's own lines name interface and direction as tcpdump's do.
	zb_in_cap "$ZBTOP" -t -P -r "$ZB_TMP/zb.pcap" >"$ZB_TMP/zbp.txt" \
	    2>/dev/null
	cmp "$ZB_TMP/td.txt" "$ZB_TMP/zbp.txt" || {
		diff "$ZB_TMP/td.txt" "$ZB_TMP/zbp.txt" | head >&2
		zb_fail "$what: zbtop -P lines are not tcpdump's"; }
done
done
exit 0
