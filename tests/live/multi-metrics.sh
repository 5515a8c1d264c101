#!/bin/sh
# Prometheus metrics with several -i: one sample per interface.  zbtop -b
# -i ZB_IF_CAP -i zbx0 --metrics 127.0.0.1:9751 (both in the capture
# namespace), beside tcpdump -i on each.  zbgen sends N1 64-byte frames to
# the veth end and K1 200-byte frames out of zbx1 (received on zbx0); then
# the clear command; then N2 and K2 more.
# Expected: promtool check metrics passes; zbtop_packets_total and
# zbtop_kernel_packets_total are N1+N2 on ZB_IF_CAP and K1+K2 on zbx0
# (clear does not take them back), each equal to tcpdump's count on that
# interface; zbtop_bytes_total 64 and 200 bytes a frame; kernel drops 0 on
# each; each interface's ring_packets_total add up to its packets; every
# sample but the writer's, rx_dropped's and refiltered's names one
# interface; the exit line's captured= is their sum.  A zbtop -b -J
# beside it (no clear) gives each interface the same packets, bytes and
# kernel counts in its last snapshot's "interfaces".
. tests/lib/netns.sh
zb_testbed tcpdump curl promtool python3
N1=300 K1=100 N2=200 K2=50
zb_veth_cap zbx0 zbx1

# m NAME LABELS: the value of the sample NAME{LABELS} in the scrape.
m() {
	awk -v k="$1{$2}" '$1 == k { print $2 }' "$ZB_TMP/m.txt"
}
# ringsum IF: the sum of IF's zbtop_ring_packets_total samples.
ringsum() {
	awk -v i="interface=\"$1\"" '$1 ~ /^zbtop_ring_packets_total\{/ &&
	    index($1, i) { s += $2 } END { print s + 0 }' "$ZB_TMP/m.txt"
}
sendx() {	# zbx1 -> zbx0, $1 frames of 200 bytes
	zb_in_cap "$ZB_GENDIR/zbgen" -i zbx1 -n "$1" -s 200 -r 5000 -T 30 \
	    >/dev/null || zb_fail "zbgen on zbx1"
}

zb_tcpdump veth "$ZB_IF_CAP"
tdveth=$ZB_TD_PID
zb_tcpdump x zbx0
tdx=$ZB_TD_PID
# Beside it, -J with commands of its own (no clear): the last snapshot's
# interfaces.
mkfifo "$ZB_TMP/jcmd" || exit 1
exec 8<>"$ZB_TMP/jcmd"
zb_bg_cap "$ZBTOP" -b -J --delay 1 -i "$ZB_IF_CAP" -i zbx0 \
    <"$ZB_TMP/jcmd" >"$ZB_TMP/j.out" 2>"$ZB_TMP/j.err"
jpid=$ZB_BG_PID
zb_zbtop_as multi -i "$ZB_IF_CAP" -i zbx0 --metrics 127.0.0.1:9751
zb_started "$ZB_OUT" "$ZB_ERR"
i=0
until [ -s "$ZB_TMP/j.out" ]; do
	[ $i -lt 100 ] || { cat "$ZB_TMP/j.err" >&2; zb_fail "-J not started"; }
	sleep 0.1
	i=$((i + 1))
done
zb_send "first" $N1 5000
sendx $K1
sleep 1.5
echo clear >&9
zb_send "second" $N2 5000
sendx $K2
sleep 2.5
zb_in_cap curl -sf http://127.0.0.1:9751/metrics >"$ZB_TMP/m.txt" ||
    zb_fail "no scrape"
promtool check metrics <"$ZB_TMP/m.txt" ||
    zb_fail "promtool check metrics"
zb_zbtop_stop "multi" 0
zb_stop "$jpid" 10 || zb_fail "-J: exit status $?"
ZB_TD_PID=$tdveth zb_tcpdump_count veth
nveth=$ZB_TD_COUNT
ZB_TD_PID=$tdx zb_tcpdump_count x
nx=$ZB_TD_COUNT
echo "tcpdump: $ZB_IF_CAP $nveth, zbx0 $nx"
[ "$nveth" = $((N1 + N2)) ] && [ "$nx" = $((K1 + K2)) ] ||
    zb_fail "tcpdump counts are not $((N1 + N2)) and $((K1 + K2))"

for f in "$ZB_IF_CAP $nveth 64" "zbx0 $nx 200"; do
	set -- $f
	il="interface=\"$1\""
	got="$(m zbtop_packets_total "$il") $(m zbtop_kernel_packets_total \
"$il") $(m zbtop_bytes_total "$il") $(m zbtop_drops_total \
"$il,where=\"kernel\"") $(ringsum "$1")"
	want="$2 $2 $(($2 * $3)) 0 $2"
	echo "$1: packets, kernel, bytes, drops, ring sum: $got"
	[ "$got" = "$want" ] || zb_fail "$1: not $want"
done
# Only the capture-wide samples carry the -i list.
got=$(grep -v '^#' "$ZB_TMP/m.txt" | grep -v 'interface="[a-z0-9]*"' |
    sed 's/ .*//' | tr '\n' ' ')
want="zbtop_drops_total{interface=\"$ZB_IF_CAP,zbx0\",where=\"interface\"} \
zbtop_drops_total{interface=\"$ZB_IF_CAP,zbx0\",where=\"write\"} \
zbtop_refiltered_packets_total{interface=\"$ZB_IF_CAP,zbx0\"} "
[ "$got" = "$want" ] || zb_fail "samples of no one interface: $got"
got=$(tail -n 1 "$ZB_TMP/j.out" | python3 -c '
import json, sys
d = json.loads(sys.stdin.readline())
print(" ".join("%s %d %d %d" % (i["name"], i["packets"], i["bytes"],
    i["kernel"]) for i in d["interfaces"]))') || zb_fail "-J: not JSON"
want="$ZB_IF_CAP $nveth $((nveth * 64)) $nveth zbx0 $nx $((nx * 200)) $nx"
echo "-J interfaces: $got"
[ "$got" = "$want" ] || zb_fail "-J interfaces: not $want"
[ "$(zb_field captured "$ZB_LAST")" = $((nveth + nx)) ] ||
    zb_fail "captured= is not $((nveth + nx))"
exit 0
