#!/bin/sh
# Ctrl-Z stops zbtop and gives the shell its screen back; fg brings the
# view back, capture counters still going.  The same with a prompt open
# (the half-typed line survives).  Ctrl-C in a prompt cancels the prompt
# and does not quit.  Runs under an interactive shell for job control.
. tests/screen/lib.sh
command -v bash >/dev/null 2>&1 || { echo "needs bash" >&2; exit 77; }
t_slow 3000 0.01

t_start "PS1='zbtest\$ ' bash --norc --noprofile -i"
t_wait '^zbtest\$' 5 || t_fail "no shell"
t_keys "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'" Enter
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
t_keys C-z
t_wait 'Stopped' 5 || t_fail "Ctrl-Z does not stop zbtop"
t_cap | grep -q '^ Buffers ' && t_fail "the view stays after Ctrl-Z"
t_keys fg Enter
t_wait '^ Buffers ' 5 || t_fail "fg does not bring the view back"
a=$(t_cap | sed -n 's/.*  packets \([0-9]*\) .*/\1/p')
sleep 1.5
b=$(t_cap | sed -n 's/.*  packets \([0-9]*\) .*/\1/p')
[ "$b" -gt "$a" ] || t_fail "counters stopped after fg ($a, $b)"

t_keys f 'udp port'
t_wait '^filter: udp port' 5 || t_fail "no prompt"
t_keys C-c
t_wait '^cancelled' 5 || t_fail "Ctrl-C does not cancel the prompt"
t_cap | grep -q '^ Buffers ' || t_fail "Ctrl-C in the prompt quit zbtop"

t_keys f 'ud'
t_wait '^filter: ud' 5 || t_fail "no prompt"
t_keys C-z
t_wait 'Stopped' 5 || t_fail "Ctrl-Z in the prompt does not stop zbtop"
t_keys fg Enter
t_wait '^ Buffers ' 5 || t_fail "fg does not bring the view back"
t_wait '^filter: ud$' 5 || t_fail "the half-typed line was lost"
t_keys 'p port 1001' Enter
t_wait 'filter: udp port 1001 ' 5 || t_fail "the prompt no longer works"
t_keys q
t_wait '^zbtest\$ *$' 5 || t_fail "q does not return to the shell"
t_keys 'echo "rc=$?"' Enter
t_wait '^rc=0$' 5 || t_fail "exit status not 0"
exit 0
