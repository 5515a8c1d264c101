#!/bin/sh
# zbtop --attach on a terminal, a ring of 1000 blocks (tests/gen/pring;
# no frame sent): End shows the last block, 999, at the bottom (it went
# to block 512: the end was the list's socket limit), Home the first.
. tests/lib/netns.sh
zb_need_root
zb_need tmux
[ -x "$ZB_GENDIR/pring" ] || { echo "needs obj/gen/pring (make test-build)" >&2; exit 77; }
zb_netns_up
zb_tmpdir
S="zbtop-blk-$$"
export TERM=xterm
# Keeps the exit status for zb_netns_down, which exits with it.
cleanup_tmux() {
	zb_s=$?
	tmux -L "$S" kill-server 2>/dev/null
	return $zb_s
}
t_cap() { tmux -L "$S" capture-pane -p; }
t_wait() {
	i=0
	while [ $i -lt $(( ${2:-10} * 10 )) ]; do
		t_cap | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
t_fail() { echo "FAIL: $*" >&2; t_cap >&2; cleanup_tmux; zb_fail "$*"; }
trap 'cleanup_tmux; zb_netns_down' EXIT

: >"$ZB_TMP/p"
ip netns exec "$ZB_NS_CAP" "$ZB_GENDIR/pring" -b 4096 -n 1000 -T 120 \
    >"$ZB_TMP/p" 2>&1 </dev/null &
i=0
until grep -q '^ready' "$ZB_TMP/p"; do
	i=$((i + 1))
	[ $i -lt 200 ] || { cat "$ZB_TMP/p" >&2; zb_fail "pring"; }
	sleep 0.05
done
P=$(sed -n 's/^ready \([0-9]*\) .*/\1/p' "$ZB_TMP/p")
tmux -L "$S" -f /dev/null new-session -d -x 120 -y 30 \
    "$ZBTOP --attach $P --delay 0.5" || zb_fail "tmux"
t_wait "Ring of $P \(pring\)" 5 || t_fail "attached ring not shown"
tmux -L "$S" send-keys End
t_wait "^ +999 (free|kernel|user) " 5 || t_fail "End did not show block 999"
t_cap | grep -Eq "^ +998 " || t_fail "block 998 not above 999"
echo "End: $(t_cap | grep -E '^ +999 ' | cut -c1-20)"
tmux -L "$S" send-keys Home
t_wait "^ +0 (free|kernel|user) " 5 || t_fail "Home did not show block 0"
tmux -L "$S" send-keys q
exit 0
