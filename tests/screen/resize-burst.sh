#!/bin/sh
# Several resizes in a burst (SIGWINCH after SIGWINCH, below the minimum
# size and back, 1 column, 1 row), then a pause at the last size: the
# screen is exactly the screen a zbtop started at that size draws, with
# nothing left over from an earlier size: the header's right end and the
# hint line end at the last column, and, with the numbers, the spaces and
# the graph glyphs (which depend on how long each has run) taken out,
# every row is the same as a fresh one's.  Then once more with the help
# view open.
. tests/screen/lib.sh
t_sample
W=120 H=35
cmd="LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0; sleep 600"

# The pane without what differs from run to run.
norm() {
	t_cap | sed 's/[0-9][0-9.:]*[kMG]\{0,1\}/#/g; s/[·▁▂▃▄▅▆▇█]//g;
	    s/  */ /g; s/ $//'
}
burst() {
	for s in 40x10 132x40 20x5 1x30 100x1 80x24 60x8 200x60 30x12 \
	    "${W}x$H"; do
		tmux -L "$T_SOCK" resize-window -x "${s%x*}" -y "${s#*x}"
	done
}
check() {
	t_wait "^zbtop .* up [0-9:]+$" 5 || t_fail "$1: no header"
	sleep 1
	[ "$(t_cap | sed -n 1p | wc -L)" -eq $W ] ||
	    t_fail "$1: the header does not end at column $W"
	t_cap | grep -q 'too small' && t_fail "$1: 'too small' left over"
}

t_start "$cmd"
t_wait '^ Packets .* 100% ' 15 || t_fail "the replay does not end"
burst
check "after the burst"
[ "$(t_cap | sed -n "${H}p" | wc -L)" -eq $W ] ||
    t_fail "the hint line does not end at column $W"
norm >"$T_DIR/burst"
t_keys '?'
t_wait '^ Help: ' 5 || t_fail "no help"
burst
check "help, after the burst"
t_cap | grep -q '^ Help: .* Esc closes$' || t_fail "help: no title"
norm >"$T_DIR/burst-help"

tmux -L "$T_SOCK" respawn-pane -k "$cmd" || t_fail "cannot start again"
t_wait '^ Packets .* 100% ' 15 || t_fail "the second replay does not end"
check "fresh"
norm >"$T_DIR/fresh"
t_keys '?'
t_wait '^ Help: ' 5 || t_fail "no help"
sleep 1
norm >"$T_DIR/fresh-help"
for f in "" -help; do
	cmp -s "$T_DIR/burst$f" "$T_DIR/fresh$f" || t_fail "screen$f after \
the burst differs from a fresh one's: $(diff "$T_DIR/burst$f" \
	    "$T_DIR/fresh$f" | head -n 8)"
done
t_keys q
exit 0
