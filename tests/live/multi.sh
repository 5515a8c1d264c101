#!/bin/sh
# Two -i at once: -i ZB_IF_CAP -i lo in the capture namespace, which also
# holds a second veth pair (zbx0, zbx1) that is not asked for.  zbgen
# sends N frames from the generator end (received on the veth end), M on
# lo and K on zbx1 (K leave zbx1 and K arrive on zbx0).  Expected: zbtop
# captures exactly N + M, what tcpdump -i ZB_IF_CAP and tcpdump -i lo
# count together; its -w file (Linux SLL2) names only those two
# interfaces, N packets of the veth end and M of lo.
. tests/lib/netns.sh
zb_testbed tcpdump
N=300
M=200
K=100
zb_veth_extra zbx0 zbx1

zb_tcpdump veth "$ZB_IF_CAP"
tdveth=$ZB_TD_PID
zb_tcpdump lo lo
tdlo=$ZB_TD_PID
zb_zbtop zbuf -i lo -w "$ZB_TMP/zb.pcap"
# Running on every interface (index 0 in /proc/net/packet): zbtop's filter
# compiler and its two rings.
i=0
until [ "$(awk 'NR > 1 && $5 == 0 && $6 == 1' /proc/"$ZB_PID"/net/packet |
    wc -l)" -ge 3 ]; do
	[ $i -lt 200 ] || { cat "$ZB_ERR" >&2; zb_fail "zbtop not bound"; }
	sleep 0.05
	i=$((i + 1))
done
zb_send "two -i" $N 5000
zb_in_cap "$ZB_GENDIR/zbgen" -i lo -n $M -r 5000 -T 30 >/dev/null ||
    zb_fail "zbgen on lo"
zb_in_cap "$ZB_GENDIR/zbgen" -i zbx1 -n $K -r 5000 -T 30 >/dev/null ||
    zb_fail "zbgen on zbx1"
sleep 1
zb_zbtop_stop "two -i" 0
ZB_TD_PID=$tdveth zb_tcpdump_count veth
nveth=$ZB_TD_COUNT
ZB_TD_PID=$tdlo zb_tcpdump_count lo
nlo=$ZB_TD_COUNT
echo "tcpdump: $ZB_IF_CAP $nveth, lo $nlo"
[ "$nveth" = $N ] && [ "$nlo" = $M ] || zb_fail "tcpdump counts differ"
[ "$(zb_field captured "$ZB_LAST")" = $((nveth + nlo)) ] ||
    zb_fail "captured is not $((nveth + nlo))"
zb_in_cap tcpdump -nn -t -r "$ZB_TMP/zb.pcap" >"$ZB_TMP/zb.txt" \
    2>"$ZB_TMP/zbr.err" || zb_fail "tcpdump cannot read the -w file"
got=$(awk '{ n[$1]++ } END { for (i in n) print i, n[i] }' \
    "$ZB_TMP/zb.txt" | sort | tr '\n' ' ')
echo "-w file: $got"
[ "$got" = "lo $M $ZB_IF_CAP $N " ] || zb_fail "-w file holds $got"
grep -q "LINUX_SLL2" "$ZB_TMP/zbr.err" || zb_fail "-w file is not SLL2"
exit 0
