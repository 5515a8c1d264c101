#!/bin/sh
# f opens the prompt with the filter as given, not its escaped copy: a
# filter with a tab (shown as '?' on the prompt line, never raw) comes
# back from f then Enter unchanged, with no error, and the packet count
# goes on from where it was.
. tests/screen/lib.sh
t_sample
T_W=140		# room in the header for the file's name and the filter

F=$(printf 'udp\tor icmp')
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' '$F'"
t_wait 'filter: udp\\x09or icmp ' 15 || t_fail "initial filter not shown"
t_wait 'Packets [0-9]+-[0-9]+ of [1-9]' 15 || t_fail "no packets listed"
count() {
	t_cap | sed -nE 's/.* Packets [0-9]+-[0-9]+ of ([0-9]+) .*/\1/p'
}
before=$(count)

t_keys f
t_wait '^filter: udp\?or icmp$' 5 ||
    t_fail "the prompt does not open with the raw filter"
t_wait 'ok: compiles' 5 || t_fail "the pre-filled filter does not compile"
t_keys Enter
t_wait '^filter: udp\?or icmp +\? help' 5 || t_fail "no confirmation"
t_cap | grep -q 'not changed' && t_fail "f then Enter gave an error"
t_keys : filter Enter
t_wait '^filter udp\\x09or icmp \(epoch 1\)' 5 ||
    t_fail "f then Enter did not set the same filter"
t_cap | grep -q 'filter: udp\\x09or ic' || t_fail "the filter changed"
after=$(count)
[ -n "$before" ] && [ -n "$after" ] && [ "$after" -ge "$before" ] ||
    t_fail "packet count went from $before to $after"
t_keys q
exit 0
