#!/bin/sh
# The drop verdict names the ring size.  zbtop -b -J runs on the smallest
# zbuf ring (-B 64 --block-size 4: two rings of 8 x 4 KiB, 32 KiB each;
# -s 128, or the block would be raised to hold a 64 KiB GSO packet)
# while zbgen sends one burst of 50000 frames at full rate, well under a
# second.  On a quiet machine a free consumer keeps up with that, so
# zbtop is put on the generator's CPU at SCHED_IDLE: the burst (whose
# receive runs in the sender's softirq on that CPU) then fills the ring
# before zbtop gets the CPU back, whatever the machine's load.  Expected:
# kernel drops > 0, and the last snapshot's verdict, the same in the text
# and the JSON snapshot, says the kernel ring dropped, how many ms the
# 32 KiB ring holds at the burst's arrival rate (taken + dropped) and
# which -B to try; no verdict of loss before the burst; the exit line
# has refiltered=0.
. tests/lib/netns.sh
zb_testbed
N=50000

for fmt in text json; do
	case $fmt in
	text)	j= ;;
	json)	j=-J ;;
	esac
	zb_zbtop_bound zbuf -B 64 --block-size 4 -s 128 $j
	taskset -a -p -c 0 "$ZB_PID" >/dev/null &&
	    chrt -a --idle -p 0 "$ZB_PID" ||
	    zb_fail "$fmt: cannot move zbtop to CPU 0 at SCHED_IDLE"
	# The first snapshot comes after 1 s; at SCHED_IDLE on a loaded
	# machine it may come later: wait for it, 10 s at most.
	i=0
	until grep -q 'verdict' "$ZB_OUT"; do
		[ $i -lt 200 ] || zb_fail "$fmt: no verdict before the burst"
		sleep 0.05
		i=$((i + 1))
	done
	grep 'verdict' "$ZB_OUT" | grep -v -q 'no drops' &&
	    zb_fail "$fmt: a verdict of loss before any traffic"
	sent=$(zb_in_gen taskset -c 0 "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -T 60)
	[ "$sent" = "sent=$N" ] || zb_fail "$fmt: zbgen said '$sent'"
	sleep 2.5
	zb_stop "$ZB_PID" 10 || { cat "$ZB_ERR" >&2; zb_fail "$fmt: exit status"; }
	# -J: the closing line goes to standard error, JSON alone to stdout.
	last=$(cat "$ZB_OUT" "$ZB_ERR" | grep '^captured=' | tail -n 1)
	d=$(zb_field dropped "$last")
	[ "$(zb_field refiltered "$last")" = 0 ] ||
	    zb_fail "$fmt: no refiltered=0 in '$last'"
	[ -n "$d" ] && [ "$d" -gt 0 ] ||
	    zb_fail "$fmt: no drops with a 32 KiB ring: '$last'"
	case $fmt in
	text)	v=$(grep '^verdict: ' "$ZB_OUT" | tail -n 1) ;;
	json)	v=$(grep -o '"verdict":"[^"]*"' "$ZB_OUT" | tail -n 1) ;;
	esac
	echo "$fmt: $v"
	echo "$v" | grep -Eq 'kernel ring (drops growing|dropped) .*the ring holds [0-9]+ ms at [0-9]+ pkt/s \(32 KiB, [0-9]+ B a packet\) and bursts overflow it: try -B [0-9]+' ||
	    zb_fail "$fmt: verdict does not name the ring size: $v"
	# The rate is what arrived (taken + dropped), not what zbtop took.
	r=$(echo "$v" | sed -n 's/.* ms at \([0-9]*\) pkt\/s.*/\1/p')
	[ "$r" -ge 10000 ] ||
	    zb_fail "$fmt: a burst of $N under 2 s named as $r pkt/s"
done
exit 0
