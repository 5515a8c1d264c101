#!/bin/sh
# --command quit ends the screen as q does, as it ends batch mode: the
# slow sample (2000 frames, 20 ms apart: 40 s) replayed with --command
# quit exits by itself with status 0, long before the file's end, and
# prints the exit lines (packets captured).
# Can fail: the screen ignored the quit --command asked for and ran
# until the file's end (the wait for the exit then fails).
. tests/screen/lib.sh
t_slow 2000 0.02

cat >"$T_DIR/run.sh" <<'EOS'
LANG=C.UTF-8 "$@"
echo "zbtop exited $?"
exec sleep 600
EOS
t_start "sh '$T_DIR/run.sh' '$ZBTOP' -r '$T_SLOW' --command quit"
t_wait '^zbtop exited' 10 || t_fail "--command quit did not end the screen"
t_cap | grep -q '^zbtop exited 0$' || t_fail "exit status not 0"
c=$(t_cap | sed -n 's/^\([0-9][0-9]*\) packets\{0,1\} captured$/\1/p')
echo "--command quit: exited with $c packets captured"
[ -n "$c" ] && [ "$c" -lt 2000 ] || t_fail "not ended before the file's end"
exit 0
