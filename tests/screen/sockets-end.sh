#!/bin/sh
# zbtop --attach on a terminal, a ring of 1000 blocks (tests/gen/pring;
# no frame sent): End shows the last block, 999, at the bottom (it went
# to block 512: the end was the list's socket limit), Home the first.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
zb_need_pring
zb_netns_up
zb_tmpdir
# Both traps: the tmux server first, then the namespaces.
trap 't_rc=$?; t_cleanup; (exit $t_rc); zb_netns_down' EXIT

zb_pring "$ZB_NS_CAP" "$ZB_TMP/p" '^ready' 1 -b 4096 -n 1000
P=$(zb_pring_ready "$ZB_TMP/p" 1)
t_start "$ZBTOP --attach $P --delay 0.5"
t_wait "Ring of $P \(pring\)" 5 || t_fail "attached ring not shown"
t_keys End
t_wait "^ +999 (free|kernel|user) " 5 || t_fail "End did not show block 999"
t_cap | grep -Eq "^ +998 " || t_fail "block 998 not above 999"
echo "End: $(t_cap | grep -E '^ +999 ' | cut -c1-20)"
t_keys Home
t_wait "^ +0 (free|kernel|user) " 5 || t_fail "Home did not show block 0"
t_keys q
exit 0
