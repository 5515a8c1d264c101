#!/bin/sh
# Ctrl-L repaints the whole terminal, as in top, htop and less: text
# written to the terminal behind zbtop's back (here straight to the
# pane's tty) stays, since curses repaints only what it changed, until
# Ctrl-L; then it is gone.  On the panes, with a prompt open (the
# half-typed line survives), and in the help view.
. tests/screen/lib.sh
t_replay
tty=$(tmux -L "$T_SOCK" display-message -p '#{pane_tty}')
[ -w "$tty" ] || t_fail "cannot write to the pane's tty $tty"

# scrawl WHAT: garbage on row 5 and on the last row but one, then C-l.
scrawl() {
	printf '\0337\033[5;30HSCRAWL-ONE\033[%d;10HSCRAWL-TWO\0338' \
	    "$((${T_H:-30} - 1))" >"$tty"
	t_wait 'SCRAWL-ONE' 5 || t_fail "$1: the garbage did not show"
	sleep 1.5
	t_cap | grep -q 'SCRAWL-ONE' ||
	    echo "$1: zbtop repainted by itself (fine, but not tested)"
	t_keys C-l
	sleep 0.5
	t_cap | grep -q 'SCRAWL' && t_fail "$1: Ctrl-L left the garbage"
	echo "$1: Ctrl-L repainted"
}
scrawl "panes"
t_keys f 'udp and'
t_wait '^filter: udp and' 5 || t_fail "no filter prompt"
scrawl "prompt"
t_cap | grep -q '^filter: udp and' || t_fail "Ctrl-L lost the typed line"
t_keys Escape '?'
t_wait '^ Help: ' 5 || t_fail "no help"
scrawl "help"
t_keys q q
exit 0
