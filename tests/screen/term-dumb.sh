#!/bin/sh
# A terminal the screen cannot draw on is refused at start in one line
# that names it, with exit status 1, as an unknown one is: TERM=dumb
# (it has no cursor addressing) says "cannot move the cursor"; an empty
# TERM is named "(unset)", not left blank.
# Can fail: on TERM=dumb the screen started and showed its first row,
# frozen, until q; an empty TERM gave "on terminal type " and nothing;
# the sanitizer build added a leak report (the sockets view's readers,
# opened for S, were freed only once the screen had started).
. tests/screen/lib.sh
t_sample

cat >"$T_DIR/run.sh" <<'EOS'
LANG=C.UTF-8 "$@" 2>"$ERR"
echo "zbtop exited $?"
exec sleep 600
EOS
# check TERM WORDS: zbtop under TERM, its stderr one line with WORDS.
check() {
	tmux -L "$T_SOCK" kill-server 2>/dev/null
	sleep 0.3
	t_start "TERM='$1' ERR='$T_DIR/err' sh '$T_DIR/run.sh' '$ZBTOP' -r '$T_PCAP'"
	t_wait '^zbtop exited' 10 || t_fail "TERM=$1: the screen started"
	t_cap | grep -q '^zbtop exited 1$' || t_fail "TERM=$1: status not 1"
	[ "$(wc -l <"$T_DIR/err")" -eq 1 ] ||
	    t_fail "TERM=$1: not one line: $(cat "$T_DIR/err")"
	grep -q "^zbtop: cannot start the screen on terminal type $2" \
	    "$T_DIR/err" || t_fail "TERM=$1: $(cat "$T_DIR/err")"
}
check dumb 'dumb: it cannot move the cursor'
check '' '(unset)$'
if [ -x "${ZBTOP_SAN:-}" ]; then
	ZBTOP=$ZBTOP_SAN
	check dumb 'dumb: it cannot move the cursor'
fi
exit 0
