#!/bin/sh
# bpf compiles the filter in force again, and with a host name in it
# libpcap looks the name up again: with a resolver that does not answer,
# Enter on ":bpf" froze the screen for the resolver's timeout (no
# redraw, no counters, keys queued).  Now the compile is bpf's prep,
# run off the screen's thread as filter's is (resolver-async.sh): the
# screen says "resolving names in the filter" and goes on, and the
# answer ("unknown host") comes when the lookup ends; once the name
# resolves again, ":bpf" shows the program.
#
# The filter names the generator's address by a name in the capture
# namespace's hosts file (ip netns exec puts /etc/netns/NS/hosts in
# place), so zbtop starts with it at once; then the file is emptied in
# place (same inode, which the bind mount shows) and the name can only
# go to DNS: resolv.conf names 198.19.0.53, reached through the default
# route to the generator's namespace, which does not forward, so every
# query waits out its timeout (4 s, 2 attempts: about 8 s).  Traffic:
# zbgen sends 20 UDP frames a second for 40 s, all passing the filter.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
R_ETC="/etc/netns/zbt-cap-$$"
R_NAME="peer.zbt-test.invalid"
GEN_PID=
T_HOOK='[ -n "$GEN_PID" ] && kill "$GEN_PID" 2>/dev/null; rm -rf "$R_ETC";
    rmdir /etc/netns 2>/dev/null'
mkdir -p "$R_ETC" || t_fail "mkdir $R_ETC"
printf 'nameserver 198.19.0.53\noptions timeout:4 attempts:2\n' \
    >"$R_ETC/resolv.conf"
printf '198.18.0.2\t%s\n' "$R_NAME" >"$R_ETC/hosts"
t_live "'udp or host $R_NAME'"
ip -n "$ZB_NS_CAP" addr add 198.18.0.1/24 dev "$ZB_IF_CAP" || t_fail "addr"
ip -n "$ZB_NS_GEN" addr add 198.18.0.2/24 dev "$ZB_IF_GEN" || t_fail "addr"
ip -n "$ZB_NS_CAP" route add default via 198.18.0.2 || t_fail "route"
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 800 -r 20 >/dev/null 2>&1 &
GEN_PID=$!

packets() {
	t_cap | sed -n 's/.*  packets \([0-9][0-9]*\)  drops.*/\1/p' | head -n 1
}
pending() {
	t_cap | grep -q 'resolving names in the filter'
}

t_wait '  packets [1-9]' 10 || t_fail "no traffic counted"
t_wait "filter: udp or host $R_NAME" 5 ||
    t_fail "the header does not show the filter"

# 1. The name no longer resolves from the file: Enter returns at once,
# the counters go on while bpf's compile looks it up.
: >"$R_ETC/hosts"
t_keys : bpf Enter
t_wait 'resolving names in the filter' 2 ||
    t_fail "Enter on :bpf blocked the screen, or no pending line"
n1=$(packets)
sleep 2
pending || t_fail "the lookup ended before the test could look"
n2=$(packets)
[ -n "$n1" ] && [ -n "$n2" ] && [ "$n2" -gt "$n1" ] ||
    t_fail "the counters froze while bpf looked a name up ($n1, then $n2)"
# 2. Its answer comes as bpf's error; the filter stays.
t_wait 'unknown host' 30 || t_fail "bpf's answer was not shown"
pending && t_fail "still pending after the answer"
t_cap | grep -q "filter: udp or host $R_NAME" ||
    t_fail "bpf changed the filter"
# 3. With the name back, bpf shows the program (a view: several lines).
printf '198.18.0.2\t%s\n' "$R_NAME" >"$R_ETC/hosts"
t_keys : bpf Enter
t_wait '^ \(000\) ' 10 || t_fail "bpf shows no program"
t_cap | grep -q '#0xc6120002' || t_fail "the program does not test 198.18.0.2"
t_keys Escape
t_wait '  packets [0-9]' 5 || t_fail "Esc does not close the view"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
