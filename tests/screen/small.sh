#!/bin/sh
# The smallest screen shows fewer panes with rows, not every pane as a
# bare title.  The sample capture at --speed 1 with talkers and the mix
# on (t, m), at 60x14 (the smallest), 60x20 and 90x16.  Expected at each
# size: a ring row in the buffers pane, a packet row, and every side pane
# that is drawn has a data row under its heads (Top talkers: an address
# pair; Protocol mix: a protocol with a percentage).  Then 20x6 and 40x10
# say "terminal too small" on lines that fit, and zbtop still answers q.
. tests/screen/lib.sh
t_sample

T_W=60 T_H=14
t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 1; echo zbtop exited \$?; sleep 600"
t_wait '^ Buffers ' 10 || t_fail "screen did not start"
t_keys t
t_keys m
t_wait '^ +[0-9]+ [0-9][0-9]:[0-9][0-9]:' 10 || t_fail "no packet row"
check() {
	sleep 0.5
	t_cap >"$T_DIR/cap"
	grep -Eq '^ ring +0' "$T_DIR/cap" || t_fail "$1: no ring row"
	grep -Eq '^ +[0-9]+ [0-9][0-9]:[0-9][0-9]:' "$T_DIR/cap" ||
	    t_fail "$1: no packet row"
	if grep -q 'Top talkers' "$T_DIR/cap"; then
		grep -Eq '^ 198\.1[89]\.[0-9.]* >|^ 198\.1[89]\.[0-9.]* +[A-Z]' \
		    "$T_DIR/cap" || t_fail "$1: talkers without a row"
	fi
	if grep -q 'Protocol mix' "$T_DIR/cap"; then
		grep -Eq '(UDP|TCP|DNS|ARP|ICMP) +[0-9]+ +[0-9.]+%' \
		    "$T_DIR/cap" || t_fail "$1: mix without a row"
	fi
	echo "$1: ok"
}
check 60x14
for s in 60x20 90x16; do
	tmux -L "$T_SOCK" resize-window -x "${s%x*}" -y "${s#*x}"
	check "$s"
done
for s in 20x6 40x10; do
	tmux -L "$T_SOCK" resize-window -x "${s%x*}" -y "${s#*x}"
	t_wait 'terminal too small' 5 || t_fail "$s: no 'terminal too small'"
	t_wait "^${s} *, need|^${s}, need" 5 || t_fail "$s: size line cut"
done
tmux -L "$T_SOCK" resize-window -x 60 -y 14
check "60x14 again"
t_keys q
t_wait '^zbtop exited 0' 5 || t_fail "q does not quit"
exit 0
