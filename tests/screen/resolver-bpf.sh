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
# namespace's hosts file, so zbtop starts with it at once; then the file
# is emptied in place (same inode, which ip netns exec's bind mount
# shows) and the name can only go to DNS, which never answers
# (t_resolver: a lookup lasts about 8 s).  The generator sends 20 UDP
# frames a second for 40 s, all passing the filter.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
R_NAME="peer.zbt-test.invalid"
t_resolver "'udp or host $R_NAME'" "198.18.0.2 $R_NAME"

t_wait '  packets [1-9]' 10 || t_fail "no traffic counted"
t_wait "filter: udp or host $R_NAME" 5 ||
    t_fail "the header does not show the filter"

# 1. The name no longer resolves from the file: Enter returns at once,
# the counters go on while bpf's compile looks it up.
: >"$R_ETC/hosts"
t_keys : bpf Enter
t_lookup_runs "Enter on :bpf"
# 2. Its answer comes as bpf's error; the filter stays.
t_wait 'unknown host' 30 || t_fail "bpf's answer was not shown"
t_pending && t_fail "still pending after the answer"
t_cap | grep -q "filter: udp or host $R_NAME" ||
    t_fail "bpf changed the filter"
# 3. With the name back, bpf shows the program (a view: several lines).
echo "198.18.0.2 $R_NAME" >"$R_ETC/hosts"
t_keys : bpf Enter
t_wait '^ \(000\) ' 10 || t_fail "bpf shows no program"
t_cap | grep -q '#0xc6120002' || t_fail "the program does not test 198.18.0.2"
t_keys Escape
t_wait '  packets [0-9]' 5 || t_fail "Esc does not close the view"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
