#!/bin/sh
# The prompts' as-you-type filter check never blocks
# the screen.  libpcap's pcap_compile() looks host names up
# (getaddrinfo), so checking "host g" after each key asks the resolver
# for "g", "ga", "gat"...; with a resolver that does not answer (here:
# the capture namespace's default route leads to a peer that drops
# everything, so every query waits for resolv.conf's timeout), the
# screen froze about 10 s per key: no redraw, no counters, keys queued.
# Now the key echoes at once: the check compiles without name lookups
# (filter_unname), the name is looked up once, on Enter
# (resolver-enter.sh).
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live ""
ip -n "$ZB_NS_CAP" addr add 198.18.0.1/24 dev "$ZB_IF_CAP" || t_fail "addr"
ip -n "$ZB_NS_GEN" addr add 198.18.0.2/24 dev "$ZB_IF_GEN" || t_fail "addr"
ip -n "$ZB_NS_CAP" route add default via 198.18.0.2 || t_fail "route"
t_keys f C-u 'host g'
t_wait '^filter: host g$' 5 || t_fail "the screen froze on a name lookup"
t_keys Escape
t_wait '^cancelled' 5 || t_fail "Esc not taken at once"
exit 0
