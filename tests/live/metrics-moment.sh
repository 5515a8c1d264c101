#!/bin/sh
# Every --metrics scrape is one moment: the packets counted never run
# ahead of the kernel's count they are read with, and the rings' packets
# add up to them.  zbgen sends 300000 frames at 100000 pps from 16 flows
# while curl scrapes 25 times, 0.1 s apart, for -m zbuf with and without
# --threads 2.  Expected at every scrape: zbtop_packets_total <=
# zbtop_kernel_packets_total - zbtop_drops_total{where="kernel"}, and the
# sum of zbtop_ring_packets_total = zbtop_packets_total; at the end
# kernel = captured + dropped = 300000.  (The scrape read the kernel's count up to a tick,
# 100 ms, old: packets ran ahead of it by thousands.)
. tests/lib/netns.sh
zb_testbed curl
N=300000

for what in "" "--threads 2"; do
	# $what is split on purpose.
	zb_zbtop_bound zbuf --metrics 127.0.0.1:9752 $what
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 100000 -F 16 \
	    -T 30 >"$ZB_TMP/gen.out" 2>&1 &
	gen=$!
	i=0
	while [ $i -lt 25 ]; do
		zb_in_cap curl -sf http://127.0.0.1:9752/metrics \
		    >"$ZB_TMP/m" || zb_fail "$what: scrape $i failed"
		awk -v what="zbuf $what" -v i=$i '
		    /^zbtop_packets_total\{/ { p = $NF }
		    /^zbtop_kernel_packets_total\{/ { k = $NF }
		    /^zbtop_drops_total\{.*where="kernel"/ { d = $NF }
		    /^zbtop_ring_packets_total\{/ { r += $NF }
		    END {
			if (p > k - d) {
				printf "%s: scrape %d: packets %d > kernel %d " \
				    "- drops %d\n", what, i, p, k, d
				exit 1
			}
			if (r != p) {
				printf "%s: scrape %d: rings %d, packets %d\n",
				    what, i, r, p
				exit 1
			}
		    }' "$ZB_TMP/m" || zb_fail "$what: scrape $i disagrees"
		sleep 0.1
		i=$((i + 1))
	done
	wait $gen || { cat "$ZB_TMP/gen.out" >&2; zb_fail "$what: zbgen"; }
	sleep 0.5
	zb_zbtop_stop "zbuf $what" 0
	c=$(zb_field captured "$ZB_LAST")
	d=$(zb_field dropped "$ZB_LAST")
	[ "$(zb_field kernel "$ZB_LAST")" = $N ] && [ $((c + d)) = $N ] ||
	    zb_fail "$what: captured + dropped, kernel are not $N"
done
exit 0
