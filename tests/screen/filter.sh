#!/bin/sh
# "f" opens the capture filter prompt; it says as the user types whether the
# expression compiles; Enter applies it: the header shows the filter and
# the packet list then only gets matching packets.  The replay alternates
# destination ports 1000 and 1001, so before the filter both show.
. tests/screen/lib.sh
t_slow 600 0.04

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'"
t_wait 'Packets [0-9]+-[0-9]+ of ([2-9][0-9]|1[0-9][0-9])' 15 ||
    t_fail "no packets listed"
rows() { t_cap | grep -E '^ +[0-9]+ [0-9:.]+ IP '; }
rows | grep -q '\.1000:' && rows | grep -q '\.1001:' ||
    t_fail "before the filter both ports should show"

t_keys f
t_wait '^filter: ?$' 5 || t_fail "no filter prompt"
t_keys 'udp and'
t_wait '^filter: udp and$' 5 || t_fail "typed text not shown"
t_cap | tail -n 2 | head -n 1 | grep -q 'ok: compiles' &&
    t_fail "an incomplete expression is said to compile"
t_keys ' port 1001'
t_wait 'ok: compiles' 5 || t_fail "a good expression is not said to compile"
t_keys Enter
t_wait 'filter: udp and port 1001 ' 5 || t_fail "header does not show the filter"
t_wait '^filter: udp and port 1001' 5 || t_fail "no confirmation on the status line"

# Packets taken after the filter: the last rows, all to port 1001.
sleep 3
rows | tail -n 10 >"$T_DIR/after"
[ "$(wc -l <"$T_DIR/after")" -eq 10 ] || t_fail "too few packets after the filter"
grep -q '\.1000:' "$T_DIR/after" && t_fail "port 1000 still listed after the filter"
[ "$(grep -c '\.1001:' "$T_DIR/after")" -eq 10 ] || t_fail "unexpected rows"
t_keys q
exit 0
