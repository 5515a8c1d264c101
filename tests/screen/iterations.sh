#!/bin/sh
# --iterations N ends the screen after N refreshes, as top -n N does in
# its interactive view: replaying a slow capture (2000 frames, 20 ms
# apart: 40 s) with --delay 0.5 --iterations 3, zbtop exits by itself
# with status 0 in about 1 s, long before the file ends, printing its
# exit lines (packets captured).  --command quit ends it the same way,
# as it ends batch mode.  --iterations in print mode, which has no
# refreshes, is refused in one line.
# Can fail: before, the screen ignored --iterations, and later the quit
# --command asked for, and ran until the file's end (the wait for the
# exit then fails).
. tests/screen/lib.sh
t_slow 2000 0.02

cat >"$T_DIR/run.sh" <<'EOS'
LANG=C.UTF-8 "$@"
echo "zbtop exited $?"
exec sleep 600
EOS
# ends ARGS: zbtop -r ARGS ends the screen by itself, status 0, with its
# exit lines, before the file's end.
ends() {
	t_start "sh '$T_DIR/run.sh' '$ZBTOP' -r '$T_SLOW' $1"
	t_wait '^zbtop exited' 10 || t_fail "$1 did not end the screen"
	t_cap | grep -q '^zbtop exited 0$' || t_fail "$1: exit status not 0"
	c=$(t_cap | sed -n 's/^\([0-9][0-9]*\) packets\{0,1\} captured$/\1/p')
	echo "$1: exited with $c packets captured"
	[ -n "$c" ] && [ "$c" -lt 2000 ] ||
	    t_fail "$1: not ended before the file's end"
	tmux -L "$T_SOCK" kill-server 2>/dev/null
	sleep 0.3
}
ends "--delay 0.5 --iterations 3"
ends "--command quit"
err=$("$ZBTOP" -P -r "$T_SLOW" --iterations 2 2>&1 >/dev/null)
rc=$?
echo "print mode: exit $rc: $err"
[ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
    t_fail "--iterations in print mode not refused in one line"
exit 0
