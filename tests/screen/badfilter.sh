#!/bin/sh
# f opens the capture filter prompt with the filter in force.  A filter
# that does not compile, or a command that does not exist, puts
# its error on the status line and changes nothing: the filter in force
# stays, and so does what the packet list gets.
. tests/screen/lib.sh
t_slow 600 0.04

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW' udp port 1000"
t_wait 'filter: udp port 1000 ' 15 || t_fail "initial filter not shown"
t_wait '^ +[0-9]+ [0-9:.]+ IP ' 10 || t_fail "no packets listed"

t_keys f
t_wait '^filter: udp port 1000$' 5 ||
    t_fail "the prompt does not open with the filter in force"
t_keys C-u 'udp port nonsense'
t_wait "^filter: udp port nonsense" 5 || t_fail "typed text not shown"
t_cap | tail -n 2 | head -n 1 | grep -q 'ok: compiles' &&
    t_fail "a bad expression is said to compile"
t_keys Enter
t_wait '^filter not changed: .*nonsense' 5 ||
    t_fail "no error on the status line"
t_cap | grep -q 'filter: udp port 1000 ' || t_fail "the old filter is gone"
sleep 2.5
t_cap | grep -E '^ +[0-9]+ [0-9:.]+ IP ' | tail -n 8 >"$T_DIR/rows"
[ "$(grep -c '\.1000:' "$T_DIR/rows")" -eq 8 ] ||
    t_fail "the packet list no longer follows the old filter"

t_keys : 'frobnicate 42' Enter
t_wait 'frobnicate' 5 || t_fail "unknown command: no error"
t_cap | tail -n 1 | grep -Eqi 'unknown|no such|not a command' ||
    t_fail "unknown command: error not on the status line"
t_cap | grep -q 'filter: udp port 1000 ' || t_fail "the filter changed"
t_keys q
exit 0
