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
# The capture namespace's resolver does not answer (t_resolver: every
# query waits out its timeout, a lookup lasts about 8 s); the generator
# sends 20 UDP frames a second for 40 s, all passing the "udp" filter.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_resolver "udp"

t_wait '  packets [1-9]' 10 || t_fail "no traffic counted"
t_wait 'filter: udp ' 5 || t_fail "the header does not show filter udp"

# 1. Enter returns at once; the counters go on while the name is looked up.
t_keys f C-u 'host some.name.invalid' Enter
t_lookup_runs "Enter"
# 2. Keys are taken: a second filter is refused in one line.
t_keys f
t_wait 'not checked: a name lookup is still running' 2 ||
    t_fail "the f prompt does not open, or its check waits for the lookup"
t_keys C-u tcp Enter
t_wait 'not changed: a name lookup is pending' 2 || t_fail "a second filter is not refused"
t_pending || t_fail "the pending lookup was lost"
# The help opens meanwhile, and Esc closes it without giving up.
t_keys '?'
t_wait 'capture filter prompt, opened' 2 || t_fail "? does not open the help"
t_keys Escape
t_wait '  packets [0-9]' 2 || t_fail "Esc does not close the help"
t_pending || t_fail "Esc in the help gave the lookup up"
# 3. Esc gives it up; the old filter stays.
t_keys Escape
t_wait 'cancelled: the filter stays as it was' 2 || t_fail "Esc: no answer"
t_pending && t_fail "still pending after Esc"
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
t_pending && t_fail "still pending after the answer"
t_cap | grep -q 'filter: udp ' || t_fail "a failed filter changed the filter"
n1=$(t_packets)
sleep 2
n2=$(t_packets)
[ "$n2" -gt "$n1" ] || t_fail "capture stopped ($n1, then $n2)"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: no exit with status 0"
exit 0
