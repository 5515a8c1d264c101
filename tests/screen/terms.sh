#!/bin/sh
# The view works on xterm-256color, screen, tmux-256color, linux and a
# terminal without colour (vt100), in UTF-8 and in the C locale; colour
# is used where there is colour and never with NO_COLOR set.
. tests/screen/lib.sh
t_sample
esc=$(printf '\033')

# run TERM LOCALE NO_COLOR: the view's text, and its colours or not.
run() {
	if ! infocmp "$1" >/dev/null 2>&1; then
		echo "no terminfo for $1, not tried" >&2
		return 0
	fi
	t_start "TERM=$1 LANG=$2 NO_COLOR=$3 '$ZBTOP' -r '$T_PCAP' --speed 0; echo zbtop exited \$?; sleep 600"
	t_wait 'end of file' 10 || t_fail "$1 $2: no view"
	sleep 0.5
	t_cap >"$T_DIR/pane"
	for want in '^zbtop .*\[file\]' '^ Buffers [0-9]+ ' '^ rotations ' \
	    '^ drops ' '^ Packets [0-9]+-[0-9]+ of ' '\? help  / search'; do
		grep -Eq "$want" "$T_DIR/pane" || t_fail "$1 $2: no $want"
	done
	tmux -L "$T_SOCK" capture-pane -p -e >"$T_DIR/attr"
	# Foreground or background colour in any of its SGR forms.
	colour=no
	grep -Eq "$esc\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|38;5)[;m]" \
	    "$T_DIR/attr" && colour=yes
	case "$1:$3" in
	vt100:*|*:1)
		[ $colour = no ] || t_fail "$1 NO_COLOR=$3: colours used" ;;
	*)
		[ $colour = yes ] || t_fail "$1: no colours" ;;
	esac
	t_keys q
	t_wait '^zbtop exited 0' 5 || t_fail "$1 $2: q did not exit cleanly"
	tmux -L "$T_SOCK" kill-server 2>/dev/null
	sleep 0.3
}

for term in xterm-256color screen tmux-256color linux vt100; do
	run "$term" C.UTF-8 ""
done
run xterm-256color C ""
run xterm-256color C.UTF-8 1
run screen C 1
exit 0
