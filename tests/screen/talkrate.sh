#!/bin/sh
# Talkers in the first second: before the first one-second rate sample
# the header gives the average since start (firstrate.sh), and so must
# the talkers pane, which said PKTS/S 0 next to a header of 100 pkt/s.
# A file of 300 frames 10 ms apart replayed at recorded speed, a refresh
# every 0.2 s, the talkers shown at once: every screen still at "up
# 0:00:00" with a talker row must show its rate above 0.
. tests/screen/lib.sh
t_slow 300 0.01
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW' --speed 1 --delay 0.2; sleep 600"
t_wait 'up 0:00:0' 10 || t_fail "no screen"
t_keys t
seen=0
i=0
while [ $i -lt 20 ]; do
	t_cap >"$T_DIR/s"
	grep -q 'up 0:00:00' "$T_DIR/s" || break
	rate=$(sed -n '/SOURCE > DESTINATION/{n;p;}' "$T_DIR/s" | awk '{ print $NF }')
	hdr=$(sed -n 2p "$T_DIR/s" | awk '{ print $1 }')
	if [ -n "$rate" ] && [ "$hdr" != 0 ]; then
		seen=1
		[ "$rate" != 0 ] ||
		    t_fail "first second: the header says $hdr pkt/s, the top talker 0"
	fi
	sleep 0.1
	i=$((i + 1))
done
if [ $seen -eq 0 ]; then
	echo "the first second passed before a talker showed (loaded machine)" >&2
	exit 77
fi
echo "first second: talker rates shown"
t_keys q
exit 0
