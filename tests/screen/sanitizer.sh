#!/bin/sh
# The sanitizer build (ASan + UBSan) through every part of the screen:
# panes toggled and focused, scrolling, help, detail, both prompts with
# completion and history, good and bad filters, commands with long
# output, clear, rotate, pause, delay, redraw, resizes down to too small.
# Any sanitizer report, or an exit status other than 0, fails.
. tests/screen/lib.sh
: "${ZBTOP_SAN:=$(pwd)/obj-san/zbtop}"
if [ ! -x "$ZBTOP_SAN" ]; then
	echo "needs $ZBTOP_SAN (make test-build)" >&2
	exit 77
fi
t_slow 3000 0.005
log="$T_DIR/san"
opts="log_path=$log:detect_leaks=${ZB_SAN_LEAKS:-1}"

t_start "ASAN_OPTIONS=$opts UBSAN_OPTIONS=log_path=$log:print_stacktrace=1:halt_on_error=1 LANG=C.UTF-8 '$ZBTOP_SAN' -r '$T_SLOW'; echo zbtop exited \$?; sleep 600"
t_wait '^ Packets [0-9]' 20 || t_fail "screen did not start"
step() {
	t_keys "$@"
	sleep 0.25
	t_cap | grep -q 'zbtop exited' && t_fail "zbtop died after keys: $*"
	[ -z "$(ls "$T_DIR" | grep '^san\.')" ] ||
	    t_fail "sanitizer report after keys $*: $(cat "$log".*)"
}
step t m Tab j k NPage PPage Home End Tab j G g Tab Tab
step Space C-l c r P P
step k k k Enter End Left Right Right Home Escape
step '?' NPage NPage End Escape
step : 'bpf' Enter
step Escape : 'buf' Tab Enter Escape
step : 'help' Enter Escape
step : 'frob' Enter : 'rotate every 5' Enter : 'rotate every off' Enter
step / 'udp and' Tab BSpace ' port 1001' Left Left C-a C-e C-w C-u
step 'ud' Tab Tab 'port 1000' Enter
step / '((((' Enter / 'udp' Up Up Down Escape
step d C-u '0.5' Enter d C-u 'abc' Enter
tmux -L "$T_SOCK" resize-window -x 40 -y 10
step j
tmux -L "$T_SOCK" resize-window -x 200 -y 60
step t m
tmux -L "$T_SOCK" resize-window -x 61 -y 14
step / 'udp port 1001 and not udp port 1000 and greater 10' Left Left Left
step Escape
tmux -L "$T_SOCK" resize-window -x 100 -y 30
t_keys : quit Enter
t_wait '^zbtop exited' 10 || t_fail ":quit does not exit"
t_cap | grep -q '^zbtop exited 0$' || t_fail "exit status not 0"
sleep 0.5
if ls "$log".* >/dev/null 2>&1; then
	cat "$log".* >&2
	t_fail "sanitizer reports"
fi
exit 0
