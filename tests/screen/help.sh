#!/bin/sh
# "?" opens the help: every key of the screen and every command of the
# command table (as the help command lists them in batch mode) is there.
# The help may be longer than the pane: it is read page by page.  The
# commands' heading names --command, the option that runs them (-e is
# tcpdump's link-level header now; the help said "with -e").
. tests/screen/lib.sh
t_sample

"$ZBTOP" -b --iterations 1 -r "$T_PCAP" --command help </dev/null >"$T_DIR/batch" 2>&1 ||
    t_fail "batch help failed"
# --command output goes to standard error as "zbtop: text".
sed -n 's/^zbtop: \([a-z][a-z-]*\) .*/\1/p' "$T_DIR/batch" >"$T_DIR/cmds"
[ "$(wc -l <"$T_DIR/cmds")" -ge 5 ] || t_fail "no command list from batch help"

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0"
t_wait 'Buffers' 10 || t_fail "screen did not start"
t_keys '?'
t_wait 'Help: ' 5 || t_fail "? does not open the help"
t_pages "$T_DIR/help"
for k in q F10 '?' h F1 / n N '\' f : r P c Space d Tab t m b S Ctrl-L \
    Up Down j k PgUp PgDn Home g End G Enter Esc + - '>' ']' '[' Left \
    Right Ctrl-R Ctrl-S; do
	awk -v k="$k" '{ for (i = 1; i <= NF; i++) if ($i == k) f = 1 }
	    END { exit !f }' "$T_DIR/help" || t_fail "key $k not in the help"
done
grep -q '^ Commands (at the : prompt, with --command, ' "$T_DIR/help" ||
    t_fail "the commands' heading does not name --command"
while read -r c; do
	grep -Eq "^ +$c( |$)" "$T_DIR/help" || t_fail "command $c not in the help"
done <"$T_DIR/cmds"
t_keys Escape
t_wait '^ Buffers ' 5 || t_fail "Esc does not close the help"
t_keys h
t_wait 'Help: ' 5 || t_fail "h does not open the help"
t_keys q
t_wait '^ Buffers ' 5 || t_fail "q does not close the help"
t_keys q
exit 0
