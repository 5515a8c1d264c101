#!/bin/sh
# A host name in the capture filter is looked up once, on Enter, as
# tcpdump does, and never while it is typed: the as-you-type check says
# names are looked up on Enter.  The capture namespace's resolver does
# not answer (its default route leads to a peer that drops everything,
# as in check-resolver.sh); "gate" is in the namespace's own /etc/hosts
# (ip netns exec puts /etc/netns/NS/hosts there), so Enter resolves it
# from the file.  A query would leave through the captured interface (to
# resolv.conf's server, via the default route): the packet list shows
# none while the name is typed.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
R_ETC="/etc/netns/zbt-cap-$$"
T_HOOK='rm -rf "$R_ETC"; rmdir /etc/netns 2>/dev/null'
mkdir -p "$R_ETC" || t_fail "mkdir $R_ETC"
printf '127.0.0.1 localhost\n198.18.0.2 gate\n' >"$R_ETC/hosts"
t_live ""
ip -n "$ZB_NS_CAP" addr add 198.18.0.1/24 dev "$ZB_IF_CAP" || t_fail "addr"
ip -n "$ZB_NS_GEN" addr add 198.18.0.2/24 dev "$ZB_IF_GEN" || t_fail "addr"
ip -n "$ZB_NS_CAP" route add default via 198.18.0.2 || t_fail "route"

t_keys f C-u 'host gate'
t_wait '^filter: host gate$' 5 || t_fail "the screen froze on a name lookup"
t_wait 'names are looked up on Enter' 5 ||
    t_fail "the check does not say the name waits for Enter"
t_keys ' and'
t_wait 'syntax error' 5 || t_fail "a syntax error is not shown with a name in"
t_keys BSpace BSpace BSpace BSpace
t_wait 'names are looked up on Enter' 5 || t_fail "no check after BSpace"
sleep 1
t_cap | grep -Eq ' > [0-9.]+\.53: ' && t_fail "DNS queries while typing"
t_keys Enter
t_wait 'filter: host gate ' 5 || t_fail "header does not show the filter"
t_wait '^filter: host gate' 5 || t_fail "no confirmation on the status line"
t_cap | grep -q 'bad filter' && t_fail "a name in /etc/hosts was refused"
# The display filter prompt checks the same way.
t_keys '\' C-u 'host gat'
t_wait '^display: host gat$' 5 || t_fail "the display prompt froze"
t_wait 'names are looked up on Enter' 5 ||
    t_fail "the display check does not say the name waits for Enter"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc not taken at once"
sleep 1
t_cap | grep -Eq ' > [0-9.]+\.53: ' && t_fail "DNS queries while typing"
t_keys q
exit 0
