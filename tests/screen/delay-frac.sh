#!/bin/sh
# A fractional delay is kept and said as given, as top's -d and d: the
# d key's prompt with 0.25 answers "delay 0.25 s" (it said "0.2 s",
# printed with one decimal, while 0.25 was in force), and 0.05, below
# the 0.1 s floor, is refused with the range.  d and Enter alone show
# the delay in force (as filter alone does; it was a usage error).
. tests/screen/lib.sh
t_sample
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; sleep 600"
t_wait '^ Packets ' 10 || t_fail "no packet list"
t_keys d
t_wait '^:delay ?$' 5 || t_fail "d does not open the delay prompt"
t_keys 0.25 Enter
t_wait '^delay 0\.25 s ' 5 || t_fail "delay 0.25 not said as given"
t_keys d
t_wait "^:delay ?$" 5 || t_fail "d does not open the prompt again"
t_keys 0.05 Enter
t_wait '^delay must be 0\.1 to 3600 seconds' 5 || t_fail "0.05 not refused"
t_keys d
t_wait "^:delay ?$" 5 || t_fail "d does not open the prompt again"
t_keys Enter
t_wait '^delay 0\.25 s ' 5 || t_fail "d and Enter alone do not show the delay"
t_keys q
exit 0
