#!/bin/sh
# Several -i: one ring set per interface.  The capture namespace holds the
# test veth end (ZB_IF_CAP), a second veth pair (zbx0, zbx1) and lo;
# zbtop captures -i ZB_IF_CAP -i zbx0 -i lo, zbx1 is left out.  zbgen
# sends N 64-byte frames from the generator end (received on ZB_IF_CAP),
# K 200-byte frames out of zbx1 (received on zbx0) and M 300-byte frames
# on lo, so a frame's length says which interface it came in on.
# Expected, in -m zbuf and -m copy: captured=N+M+K, each interface's count
# (kernel counts and the -w file) equal to tcpdump -i on it, the -w file a
# pcapng with one IDB per interface (libpcap and tcpdump -r read it), every
# packet in it with its interface's frame length, and print mode (-P,
# run beside it) naming each packet's interface as tcpdump -i any does.
# JSON snapshots (-J) name the interfaces and each ring's.
. tests/lib/netns.sh
zb_testbed tcpdump python3
N=300
M=200
K=100
zb_veth_cap zbx0 zbx1

for m in zbuf copy; do
	what="-m $m"
	zb_tcpdump veth "$ZB_IF_CAP"
	tdveth=$ZB_TD_PID
	zb_tcpdump x zbx0
	tdx=$ZB_TD_PID
	zb_tcpdump lo lo
	tdlo=$ZB_TD_PID
	zb_bg_cap "$ZBTOP" -P -t -m $m -i "$ZB_IF_CAP" -i zbx0 -i lo \
	    </dev/null >"$ZB_TMP/p.txt" 2>"$ZB_TMP/p.err"
	ppid=$ZB_BG_PID
	ZB_OUT="$ZB_TMP/zb.out" ZB_ERR="$ZB_TMP/zb.err"
	zb_bg_cap "$ZBTOP" -b --delay 1 -m $m -i "$ZB_IF_CAP" -i zbx0 -i lo \
	    -w "$ZB_TMP/zb.pcapng" <"$ZB_TMP/cmd" >"$ZB_OUT" 2>"$ZB_ERR"
	ZB_PID=$ZB_BG_PID
	zb_started "$ZB_OUT" "$ZB_ERR"
	# Print mode has no snapshot: its rings exist once -b's do, give
	# it a generous second more.
	sleep 1
	zb_send "$what" $N 5000
	zb_in_cap "$ZB_GENDIR/zbgen" -i zbx1 -n $K -s 200 -r 5000 -T 30 \
	    >/dev/null || zb_fail "$what: zbgen on zbx1"
	zb_in_cap "$ZB_GENDIR/zbgen" -i lo -n $M -s 300 -r 5000 -T 30 \
	    >/dev/null || zb_fail "$what: zbgen on lo"
	sleep 1
	zb_stop "$ppid" 10 || zb_fail "$what: print mode exit status $?"
	zb_zbtop_stop "$what" 0
	ZB_TD_PID=$tdveth zb_tcpdump_count veth
	nveth=$ZB_TD_COUNT
	ZB_TD_PID=$tdx zb_tcpdump_count x
	nx=$ZB_TD_COUNT
	ZB_TD_PID=$tdlo zb_tcpdump_count lo
	nlo=$ZB_TD_COUNT
	echo "$what: tcpdump $ZB_IF_CAP $nveth, zbx0 $nx, lo $nlo"
	[ "$nveth" = $N ] && [ "$nx" = $K ] && [ "$nlo" = $M ] ||
	    zb_fail "$what: tcpdump counts differ"
	[ "$(zb_field captured "$ZB_LAST")" = $((N + K + M)) ] ||
	    zb_fail "$what: captured is not $((N + K + M))"
	# The kernel's counts, interface by interface, in the last snapshot.
	want="interfaces: $ZB_IF_CAP kernel $N dropped 0, zbx0 kernel $K"
	want="$want dropped 0, lo kernel $M dropped 0"
	got=$(grep '^interfaces:' "$ZB_OUT" | tail -n 1)
	echo "$what: $got"
	[ "$got" = "$want" ] || zb_fail "$what: not '$want'"
	# The -w file: three IDBs, each packet under its interface.
	python3 tests/lib/pcapng.py "$ZB_TMP/zb.pcapng" >"$ZB_TMP/ng.txt" ||
	    zb_fail "$what: the -w file is not pcapng"
	got=$(grep '^idb' "$ZB_TMP/ng.txt" | tr '\n' ' ')
	[ "$got" = "idb 0 $ZB_IF_CAP 1 idb 1 zbx0 1 idb 2 lo 1 " ] ||
	    zb_fail "$what: interfaces in the -w file: $got"
	got=$(awk '$1 == "pkt" { n[$2 " " $3]++ }
	    END { for (k in n) print k, n[k] }' "$ZB_TMP/ng.txt" | sort |
	    tr '\n' ' ')
	echo "$what: -w file: $got"
	[ "$got" = "lo 300 $M $ZB_IF_CAP 64 $N zbx0 200 $K " ] ||
	    zb_fail "$what: packets in the -w file: $got"
	n=$(tcpdump -nn -r "$ZB_TMP/zb.pcapng" 2>"$ZB_TMP/r.err" | wc -l)
	[ "$n" -eq $((N + K + M)) ] || { cat "$ZB_TMP/r.err" >&2
		zb_fail "$what: tcpdump -r reads $n packets"; }
	# Print mode: each line starts with its interface and direction.
	got=$(awk '$2 ~ /^(In|Out|B|M|P)$/ { n[$1]++ }
	    END { for (k in n) print k, n[k] }' "$ZB_TMP/p.txt" | sort |
	    tr '\n' ' ')
	echo "$what: -P lines: $got"
	[ "$got" = "lo $M $ZB_IF_CAP $N zbx0 $K " ] ||
	    zb_fail "$what: print mode lines: $got"
done
zb_in_cap "$ZBTOP" -b -J --iterations 1 --delay 0.5 -i "$ZB_IF_CAP" -i lo \
    </dev/null >"$ZB_TMP/j.txt" 2>&1 || zb_fail "-J: exit status $?"
got=$(python3 -c '
import json, sys
d = json.loads(open(sys.argv[1]).readline())
print(" ".join(i["name"] for i in d["interfaces"]),
    " ".join(r["iface"] for r in d["rings"]))' "$ZB_TMP/j.txt") ||
    zb_fail "-J: not JSON"
echo "-J: $got"
[ "$got" = "$ZB_IF_CAP lo $ZB_IF_CAP $ZB_IF_CAP lo lo" ] ||
    zb_fail "-J: interfaces and rings: $got"
exit 0
