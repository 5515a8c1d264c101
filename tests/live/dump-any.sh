#!/bin/sh
# -d, -dd and -ddd with -i any print the program capture on any runs: it
# is compiled for Linux cooked v2 (SLL2), as tcpdump 4.99 sets it and as
# zbtop's own capture uses (the bpf command).  It printed libpcap's default
# for any, cooked v1, whose offsets are 4 bytes off.  Compared with
# tcpdump -d -i any, in a namespace of the test's own.
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump
zb_netns_up
zb_tmpdir
for d in -d -dd -ddd; do
	for f in udp 'tcp port 80' 'ip host 198.18.0.1'; do
		zb_in_cap "$ZBTOP" $d -i any "$f" >"$ZB_TMP/z" 2>&1 ||
		    zb_fail "zbtop $d -i any '$f': $(cat "$ZB_TMP/z")"
		zb_in_cap tcpdump $d -i any "$f" >"$ZB_TMP/t" 2>/dev/null ||
		    zb_fail "tcpdump $d -i any '$f'"
		cmp -s "$ZB_TMP/z" "$ZB_TMP/t" ||
		    zb_fail "$d -i any '$f' differs from tcpdump's: $(diff "$ZB_TMP/t" "$ZB_TMP/z" | head -n 6)"
	done
done
echo "-d, -dd, -ddd -i any: as tcpdump's"
exit 0
