#!/bin/sh
# Every way out restores the terminal: q, F10 (htop's; from the help view
# too, where q only closes the view), Ctrl-C (SIGINT), SIGTERM with a
# prompt open, SIGHUP, Ctrl-\ and SIGQUIT (as top and htop; it dumped
# core and left the terminal raw), Ctrl-\ at the : prompt too (raw mode
# made it a key there, and it did nothing); after it, tcpdump's exit lines:
# packets captured (as many as the header counted last), received by
# filter, dropped by kernel, and the drop verdict.  A wrapper shell records the terminal modes before
# and after zbtop and prints zbtop's exit status; the alternate screen
# must be gone (no pane of zbtop's left on the terminal).
. tests/screen/lib.sh
t_slow 2000 0.02

cat >"$T_DIR/run.sh" <<'EOS'
trap : INT HUP TERM QUIT
echo $$ >"$1.pid"
before=$(stty -g)
shift
LANG=C.UTF-8 "$@"
rc=$?
after=$(stty -g)
[ "$before" = "$after" ] && echo "terminal modes restored"
echo "zbtop exited $rc"
exec sleep 600
EOS

# run NAME KEYS-OR-SIGNAL
run() {
	t_start "sh '$T_DIR/run.sh' '$T_DIR/$1' '$ZBTOP' -r '$T_SLOW'"
	t_wait '^ Packets [0-9]' 15 || t_fail "$1: screen did not start"
	n=$(t_cap | sed -n 's/.*  packets \([0-9][0-9]*\)  drops.*/\1/p' | tail -n 1)
	case $2 in
	SIG*)
		t_keys f 'udp port 9'
		t_wait '^filter: udp port 9' 5 || t_fail "$1: no prompt"
		zpid=$(ps -o pid= --ppid "$(cat "$T_DIR/$1.pid")" | tr -d ' ')
		[ -n "$zpid" ] || t_fail "$1: no zbtop process"
		kill -s "${2#SIG}" "$zpid" ;;
	PROMPT+*)
		t_keys :
		t_wait '^:' 5 || t_fail "$1: no prompt"
		t_keys "${2#PROMPT+}" ;;
	HELP+*)
		t_keys '?'
		t_wait '^ Help: ' 5 || t_fail "$1: no help"
		t_keys "${2#HELP+}" ;;
	*)	t_keys "$2" ;;
	esac
	t_wait '^zbtop exited' 10 || t_fail "$1: zbtop did not exit"
	c=$(t_cap | sed -n 's/^\([0-9][0-9]*\) packets\{0,1\} captured$/\1/p')
	[ -n "$c" ] || t_fail "$1: no 'N packets captured' after the screen"
	[ -n "$n" ] && [ "$c" -ge "$n" ] ||
	    t_fail "$1: $c packets captured, the header said $n"
	for l in '[0-9]+ packets? received by filter' \
	    '[0-9]+ packets? dropped by kernel \(ring full\)' 'verdict: no drops'; do
		t_cap | grep -Eq "^$l\$" || t_fail "$1: no line '$l'"
	done
	t_cap | grep -q '^zbtop exited 0$' || t_fail "$1: exit status not 0"
	t_cap | grep -q '^terminal modes restored$' ||
	    t_fail "$1: terminal modes not restored"
	t_cap | grep -Eq 'Buffers|Packets|\? help' &&
	    t_fail "$1: zbtop's screen left on the terminal"
	tmux -L "$T_SOCK" kill-server 2>/dev/null
	sleep 0.3
}

run q q
run f10 F10
run f10-help HELP+F10
run ctrl-c C-c
run sigterm SIGTERM
run sighup SIGHUP
run ctrl-backslash 'C-\'
run prompt-ctrl-backslash 'PROMPT+C-\'
run sigquit SIGQUIT
exit 0
