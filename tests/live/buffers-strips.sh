#!/bin/sh
# The buffers pane's strips add up when not every ring has room for one:
# the last row left sums up the rest, as the detailed rows do.  zbtop -i
# --threads 8 (16 rings) runs on a 100x24 terminal (private tmux server),
# where by construction far fewer than 16 strips fit; zbgen sends 20000
# frames from 64 flows.  Once the header says "packets 20000", expected
# on the screen: the ring rows ("ring N") and one "rings A-15" row name
# every ring 0..15 exactly once, and their shares add up to 100%.
#
# Can fail: the strips stopped at the pane's last row without a word:
# rings 0-2 were shown (27% of the packets, 1000 of 3650 pkt/s) and the
# other 13 rings were left out.
. tests/lib/netns.sh
zb_testbed tmux
S="zbtop-strips-$$"
export TERM=xterm
# Keeps the exit status for zb_netns_down, which exits with it.
cleanup_tmux() {
	zb_s=$?
	tmux -L "$S" kill-server 2>/dev/null
	return $zb_s
}
trap 'cleanup_tmux; zb_netns_down' EXIT

tmux -L "$S" -f /dev/null new-session -d -x 100 -y 24 \
    "ip netns exec $ZB_NS_CAP $ZBTOP -i $ZB_IF_CAP --threads 8 -B 16384 \
    2>$ZB_TMP/err" || zb_fail "tmux"
i=0
until tmux -L "$S" capture-pane -p | grep -q 'pkt/s'; do
	[ $i -lt 100 ] || zb_fail "the screen did not start: $(cat "$ZB_TMP/err")"
	sleep 0.1
	i=$((i + 1))
done
pid=$(ip netns pids "$ZB_NS_CAP" | head -n 1)
zb_wait_bound "$pid" 10 || zb_fail "not bound"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 20000 -r 20000 -F 64 \
    -T 30 >/dev/null || zb_fail "zbgen"
i=0
until tmux -L "$S" capture-pane -p | grep -q ' packets 20000 '; do
	[ $i -lt 100 ] || { tmux -L "$S" capture-pane -p >&2;
	    zb_fail "the header did not reach packets 20000"; }
	sleep 0.1
	i=$((i + 1))
done
tmux -L "$S" capture-pane -p >"$ZB_TMP/screen"
sed -n '/^ RING LANE/,/^ rotations/p' "$ZB_TMP/screen"
awk '
    /^ ring +[0-9]+/ { r = $2; sub(/\*$/, "", r); seen[r + 0]++
	if (match($0, /\( *[0-9]+%\)/)) {
		v = substr($0, RSTART + 1, RLENGTH - 3); gsub(/ /, "", v)
		share += v
	}
	next }
    /^ rings [0-9]+-[0-9]+ / { split($2, ab, "-")
	for (k = ab[1]; k <= ab[2]; k++) seen[k]++
	rest++
	if (match($0, /\( *[0-9]+%\)/)) {
		v = substr($0, RSTART + 1, RLENGTH - 3); gsub(/ /, "", v)
		share += v
	} }
    END {
	for (k = 0; k < 16; k++)
		if (seen[k] != 1) { printf "ring %d shown %d times\n", k,
		    seen[k]; bad = 1 }
	if (rest != 1) { printf "%d rows sum up the rest\n", rest; bad = 1 }
	if (share != 100) { printf "shares add up to %d%%\n", share; bad = 1 }
	exit bad }' "$ZB_TMP/screen" || zb_fail "the strips do not add up"
tmux -L "$S" send-keys q
zb_wait_exit "$pid" 10 >/dev/null
exit 0
