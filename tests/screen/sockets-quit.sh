#!/bin/sh
# zbtop --sockets on a terminal (the sockets screen, with no capture of
# its own) ends as the capture screen does: q exits with status 0, and
# --iterations 2 --delay 0.5 ends it by itself after two refreshes, as
# README's --iterations says of --sockets.
# Can fail: q crashed (SIGSEGV, status 139) after restoring the terminal,
# reading the counters of a capture there is none of; --iterations was
# not handed to the sockets screen, which then never ended.
. tests/screen/lib.sh
if [ "$(id -u)" -ne 0 ]; then
	echo "needs root" >&2
	exit 77
fi

cat >"$T_DIR/run.sh" <<'EOS'
LANG=C.UTF-8 "$@"
echo "zbtop exited $?"
exec sleep 600
EOS
t_start "sh '$T_DIR/run.sh' '$ZBTOP' --sockets"
t_wait '^ Sockets [0-9]+ in' 10 || t_fail "no sockets screen"
t_keys q
t_wait '^zbtop exited' 10 || t_fail "q did not end the sockets screen"
t_cap | grep -q '^zbtop exited 0$' || t_fail "q: exit status not 0"
tmux -L "$T_SOCK" kill-server 2>/dev/null
sleep 0.3

t_start "sh '$T_DIR/run.sh' '$ZBTOP' --sockets --iterations 2 --delay 0.5"
t_wait '^zbtop exited' 10 || t_fail "--iterations 2 did not end the screen"
t_cap | grep -q '^zbtop exited 0$' || t_fail "--iterations: status not 0"
exit 0
