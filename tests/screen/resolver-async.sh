#!/bin/sh
# Enter on a filter with a host name looks the name up off the screen's
# thread: the screen goes on (counters move, keys are taken) and says
# "resolving names in the filter"; a second filter meanwhile is refused
# in one line, the help opens and closes; Esc gives the lookup up and
# the old filter stays, also once the lookup has ended in the background
# (its result is dropped).
# Left to finish, the lookup's answer is applied as on any Enter: here
# "unknown host", and the old filter stays.
#
# The capture namespace's resolver does not answer: its resolv.conf
# (ip netns exec puts /etc/netns/NS/resolv.conf in place) names
# 198.19.0.53, reached through the default route to the generator's
# namespace, which does not forward: every query waits out its timeout
# (4 s, 2 attempts: a lookup lasts about 8 s).  Traffic: zbgen sends
# 20 UDP frames a second for 40 s, all passing the "udp" filter.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
R_ETC="/etc/netns/zbt-cap-$$"
GEN_PID=
T_HOOK='[ -n "$GEN_PID" ] && kill "$GEN_PID" 2>/dev/null; rm -rf "$R_ETC";
    rmdir /etc/netns 2>/dev/null'
mkdir -p "$R_ETC" || t_fail "mkdir $R_ETC"
printf 'nameserver 198.19.0.53\noptions timeout:4 attempts:2\n' \
    >"$R_ETC/resolv.conf"
t_live "udp"
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
t_wait 'filter: udp ' 5 || t_fail "the header does not show filter udp"

# 1. Enter returns at once; the counters go on while the name is looked up.
t_keys f C-u 'host some.name.invalid' Enter
t_wait 'resolving names in the filter' 2 ||
    t_fail "Enter blocked the screen, or no pending line"
n1=$(packets)
sleep 2
pending || t_fail "the lookup ended before the test could look"
n2=$(packets)
[ -n "$n1" ] && [ -n "$n2" ] && [ "$n2" -gt "$n1" ] ||
    t_fail "the counters froze while a name was looked up ($n1, then $n2)"
# 2. Keys are taken: a second filter is refused in one line.
t_keys f
t_wait 'not checked: a name lookup is still running' 2 ||
    t_fail "the f prompt does not open, or its check waits for the lookup"
t_keys C-u tcp Enter
t_wait 'not changed: a name lookup is pending' 2 || t_fail "a second filter is not refused"
pending || t_fail "the pending lookup was lost"
# The help opens meanwhile, and Esc closes it without giving up.
t_keys '?'
t_wait 'capture filter prompt, opened' 2 || t_fail "? does not open the help"
t_keys Escape
t_wait '  packets [0-9]' 2 || t_fail "Esc does not close the help"
pending || t_fail "Esc in the help gave the lookup up"
# 3. Esc gives it up; the old filter stays.
t_keys Escape
t_wait 'cancelled: the filter stays as it was' 2 || t_fail "Esc: no answer"
pending && t_fail "still pending after Esc"
t_cap | grep -q 'filter: udp ' || t_fail "the filter changed on Esc"
# 4. The lookup ends in the background: the prompt's check works again
# once it has, and its answer ("unknown host") is nowhere.
t_keys f C-u tcp
i=0
until t_cap | grep -q 'ok: compiles'; do
	i=$((i + 1))
	[ $i -le 30 ] || t_fail "the lookup given up never ended"
	t_keys ' '
	sleep 1
done
t_keys Escape
t_wait '^cancelled' 2 || t_fail "Esc did not close the prompt"
t_cap | grep -q 'unknown host' && t_fail "a given-up lookup's answer showed"
t_cap | grep -q 'filter: udp ' || t_fail "a given-up lookup changed the filter"
# 5. Left to finish, its answer comes through the command as on any Enter.
t_keys f C-u 'host some.name.invalid' Enter
t_wait 'resolving names in the filter' 2 || t_fail "no pending line"
t_wait 'filter not changed: .*unknown host' 30 ||
    t_fail "the lookup's answer was not shown"
pending && t_fail "still pending after the answer"
t_cap | grep -q 'filter: udp ' || t_fail "a failed filter changed the filter"
n1=$(packets)
sleep 2
n2=$(packets)
[ "$n2" -gt "$n1" ] || t_fail "capture stopped ($n1, then $n2)"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
