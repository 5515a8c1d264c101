#!/bin/sh
# The buffers command shows the buffers as they are when it runs, the
# block being filled included (as Space does on the screen), not as the
# engine's last 100 ms tick saw them.  zbtop -b with a retire timeout of
# 10 s (so the frames stay in the block being filled) and --delay 30 (no
# snapshot meanwhile); zbgen sends 2000 frames at 20000 pps, then at
# once "buffers".  Expected: the kernel's active block holds 2000
# packets in what it prints.  (It printed the last tick's reading: 320,
# 1520 and 1860 in three runs.)
. tests/lib/netns.sh
zb_testbed
N=2000
zb_zbtop_bound zbuf -T 10000 --delay 30
zb_send buffers $N 20000
echo buffers >&9
i=0
until grep -q '^ring 1 buf 15 ' "$ZB_OUT"; do
	[ $i -lt 100 ] || { cat "$ZB_OUT" "$ZB_ERR" >&2; zb_fail "no buffers"; }
	sleep 0.1
	i=$((i + 1))
done
n=$(awk '/^ring [0-9]+ buf [0-9]+ kernel .* active$/ { n += $8 }
    END { print n + 0 }' "$ZB_OUT")
grep "^ring.* kernel .*active$" "$ZB_OUT"
[ "$n" = $N ] || zb_fail "buffers: the block being filled holds $n, not $N"
zb_zbtop_stop buffers 0
[ "$(zb_field captured "$ZB_LAST")" = $N ] || zb_fail "captured is not $N"
exit 0
