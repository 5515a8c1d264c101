#!/bin/sh
# Protection checked: a pcap stream never goes to the terminal the
# screen draws on.  "-w -" with the screen (standard output a terminal)
# ends at start with one line and exit 1; "write -" at the prompt is
# refused on the status line, and the screen stays whole and goes on.
# Into a pipe, -w - still writes the capture (tests/corpus/write-pipe.sh).
#
# Can fail: with src/pcapw.c writing "-" whatever standard output was,
# the screen started and the pcap bytes were drawn over it, and the
# prompt's "write -" said "writing -" and did the same.
. tests/screen/lib.sh
t_sample

t_start "'$ZBTOP' -r '$T_PCAP' -w -; echo zbtop exited \$?; sleep 600"
t_wait '^zbtop exited' 10 || t_fail "-w - on a terminal: zbtop did not exit"
t_cap | grep -qx 'zbtop: cannot write -: standard output is a terminal (give a file, or pipe it)' ||
    t_fail "-w - on a terminal: not the one expected line"
t_cap | grep -qx 'zbtop exited 1' || t_fail "-w - on a terminal: exit status not 1"
tmux -L "$T_SOCK" kill-server 2>/dev/null
sleep 0.3

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0.05; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
t_keys : 'write -' Enter
t_wait 'cannot write -: standard output is a terminal' 5 ||
    t_fail "write - at the prompt: not refused"
t_cap | grep -q 'writing -' && t_fail "write - at the prompt: writing"
t_keys q
t_wait '^zbtop exited 0' 10 || t_fail "q: zbtop did not exit 0"
t_cap | grep -Eq '^[0-9]+ packets? captured$' || t_fail "no exit counts"
exit 0
