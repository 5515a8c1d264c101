#!/bin/sh
# "?" opens the help: every key of the screen and every command of the
# command table (as the help command lists them in batch mode) is there.
# The help may be longer than the pane: it is read page by page.
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
for k in q '?' h F1 / : r P c Space d Tab t m Ctrl-L Up Down j k PgUp PgDn \
    Home g End G Enter Esc; do
	awk -v k="$k" '{ for (i = 1; i <= NF; i++) if ($i == k) f = 1 }
	    END { exit !f }' "$T_DIR/help" || t_fail "key $k not in the help"
done
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
