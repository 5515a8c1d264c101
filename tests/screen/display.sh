#!/bin/sh
# Display filter and search (issue 11, item 4).  The replay alternates
# ports 1000 (even frames) and 1001 (odd).  "\" narrows the list to port
# 1001 without touching capture (the header's capture filter and packet
# count stay), reopens with the display filter in force, and ":display
# off" lifts it.  "/" searches as you type from the selected row, Enter
# keeps the match, n and N go to the next and previous one, Esc goes back
# to where typing started, ":search" does the same from the command line,
# and a text found nowhere says so.  Enter on a row opens the detail of
# the selected frame, which is how the selection is read here.
. tests/screen/lib.sh
t_slow 400 0.01

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_SLOW'"
t_wait 'end of file' 15 || t_fail "the replay did not end"
rows() { t_cap | grep -E '^ +[0-9]+ [0-9:.]{15} IP '; }
selected() {
	t_keys Enter
	t_wait "^ Packet $1  " 5 || t_fail "$2: frame $1 is not selected"
	t_keys Escape
	t_wait '^ Packets ' 5 || t_fail "$2: the detail does not close"
}

t_keys '\'
t_wait '^display: ?$' 5 || t_fail "no display filter prompt"
t_keys 'udp port 1001'
t_wait 'ok: compiles' 5 || t_fail "the display filter is not checked"
t_keys Enter
t_wait '^ Packets [0-9]+-399 of 400  display: udp port 1001' 5 ||
    t_fail "the title does not show the display filter"
rows >"$T_DIR/rows"
[ "$(wc -l <"$T_DIR/rows")" -ge 10 ] || t_fail "too few rows"
grep -q '\.1000:' "$T_DIR/rows" && t_fail "port 1000 still listed"
awk '$1 % 2 == 0 { exit 1 }' "$T_DIR/rows" || t_fail "an even frame listed"
t_cap | grep -q 'filter: none (every packet)' ||
    t_fail "the capture filter changed"
t_cap | grep -q '  packets 400  ' || t_fail "capture counted fewer"
t_keys '\'
t_wait '^display: udp port 1001$' 5 ||
    t_fail "the prompt does not open with the display filter in force"
t_keys Escape
t_keys : 'display off' Enter
t_wait '^ Packets [0-9]+-400 of 400  following' 5 ||
    t_fail ":display off does not lift the filter"
rows | grep -q '\.1000:' || t_fail "port 1000 not back"

t_keys Home
t_keys / '.1000:'
t_wait '^/\.1000:$' 5 || t_fail "no search prompt"
t_keys Enter
selected 2 "/ from frame 1"
t_keys n
selected 4 "n"
t_keys n n N
selected 6 "n n N"
t_keys / '.1001: UDP' Enter
selected 7 "/ from frame 6"
t_keys / '.1000:'
sleep 0.5
t_keys Escape
selected 7 "Esc after typing"
t_keys : 'search 1000: udp' Enter
selected 8 ":search, case ignored"
t_keys : 'search 1000: Udp' Enter
t_wait 'not found: 1000: Udp' 5 || t_fail "a capital does not make it exact"
t_keys / 'nowhere' Enter
t_wait 'not found: nowhere' 5 || t_fail "no not found message"
selected 8 "after a failed search"
t_keys q
exit 0
