#!/bin/sh
# The packet list's number is the frame number (issue 11, item 1).  On a
# veth pair, zbtop's screen (with -w) and a zbtop -P run side by side,
# both filtered to udp, while zbgen sends 3000 frames, frame N from an
# address and port made of N.  The header's
# packet count, the list's "of N", the -P line of each listed frame and
# the -w file's frame of that number (read back with -P) all agree.  The
# clear key does not renumber; frames arriving while paused are kept and
# listed after resuming, with no hole.
. tests/lib/netns.sh
zb_need_root
. tests/screen/lib.sh
t_live
# Frame seq comes from 198.19.(seq / 256).(seq % 256): its summary names it.
send() {
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n "$1" -S "$2" \
	    -F 65536 -r 2000 >/dev/null || t_fail "zbgen failed"
}
rows() { t_cap | grep -E '^ +[0-9]+ [0-9:.]{15} '; }

t_start "ip netns exec '$ZB_NS_CAP' env LANG=C.UTF-8 '$ZBTOP' -i '$ZB_IF_CAP' -w '$T_DIR/w.pcap' udp; sleep 600"
t_wait '\[zbuf\]' 15 || t_fail "no live screen"
zb_bg_cap "$ZBTOP" -i "$ZB_IF_CAP" -P -c 3300 udp >"$T_DIR/p.txt" \
    2>"$T_DIR/p.err"
ppid=$ZB_BG_PID
zb_wait_bound "$ppid" 10 || t_fail "-P did not start: $(cat "$T_DIR/p.err")"
sleep 1
send 3000 1
t_wait '  packets 3000  drops 0' 10 || t_fail "header does not count 3000"
t_wait '^ Packets [0-9]+-3000 of 3000  following' 5 ||
    t_fail "the list does not end at frame 3000 of 3000"

# Each listed frame N: the packet sent Nth, and line N of the file has
# its summary (and, with "time", its time: two sockets stamp apart).
check() {
	while read -r no time rest; do
		src="IP 198.19.$((no / 256)).$((no % 256)).$((1024 + no)) > "
		case $rest in
		"$src"*) ;;
		*) t_fail "frame $no is not the ${no}th sent: $rest" ;;
		esac
		want="$(printf '%s' "$rest" | cut -c1-40)"
		[ -z "$3" ] || want="$time $want"
		line=$(sed -n "${no}p" "$2")
		case $line in
		*"$want"*) ;;
		*) echo "FAIL: $1: frame $no is '$want', line $no is '$line'" >&2
		   exit 1 ;;
		esac
	done <"$T_DIR/rows"
}

# Clear: counters restart, frame numbers do not.
t_keys c
send 100 3001
t_wait '^ Packets [0-9]+-3100 of 3100' 10 || t_fail "c renumbered frames"
t_wait '  packets 100  drops 0' 5 || t_fail "c did not clear the counters"

# Paused: the view holds, the count of new frames grows; resumed, the
# 200 frames sent meanwhile are listed, numbers without a hole.
t_keys P
t_wait 'PAUSED: 0 new' 5 || t_fail "no paused title"
send 200 3101
t_wait 'PAUSED: 200 new' 10 || t_fail "pause does not count 200 new frames"
rows | tail -n 1 | grep -q '^ *3100 ' || t_fail "the paused view moved"
t_keys P
t_wait '^ Packets [0-9]+-3300 of 3300  following' 10 ||
    t_fail "frames that arrived paused are not listed"
rows | awk 'NR > 1 && $1 != p + 1 { bad = 1 } { p = $1 } END { exit bad }' ||
    t_fail "a hole in the frame numbers"
t_cap | grep -q 'not kept' && t_fail "frames not kept"

rows >"$T_DIR/rows"
[ "$(wc -l <"$T_DIR/rows")" -ge 10 ] || t_fail "too few rows"
zb_wait_exit "$ppid" 10 || t_fail "-P did not end after 3300 frames"
check "-P" "$T_DIR/p.txt"
t_keys q
sleep 1
tmux -L "$T_SOCK" kill-server 2>/dev/null
"$ZBTOP" -P -r "$T_DIR/w.pcap" >"$T_DIR/w.txt" 2>/dev/null ||
    t_fail "cannot read the -w file"
[ "$(wc -l <"$T_DIR/w.txt")" -eq 3300 ] ||
    t_fail "-w has $(wc -l <"$T_DIR/w.txt") frames, not 3300"
check "-w" "$T_DIR/w.txt" time
exit 0
