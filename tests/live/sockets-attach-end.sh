#!/bin/sh
# --attach PID finds the ring however the process holds it, and says
# how an attachment ended (tests/gen/pring holds the rings; no frame is
# sent):
#  - a socket on descriptor 5000: attached (only descriptors 0-4095 were
#    looked at: "no packet socket");
#  - a TPACKET_V2 ring of 96000 frames of 128 bytes: attached, every
#    frame counted (over 65536 frames it was refused, "ring geometry
#    cannot be read");
#  - a ring whose descriptor was closed, held by its mapping alone:
#    attached by PID and by socket:INODE, the command named (by PID:
#    "no packet socket"; by inode: "no process found");
#  - a process that unmaps its ring and closes the socket, and one that
#    execs, while attached: exit 1, "no longer maps", verdict "ring
#    unmapped" (it said "process exited" of a running process);
#  - a forked child holding its parent's ring, attached, killed and
#    left a zombie: "exited";
#  - refusals: a PID that does not exist ("no such process"), the
#    zombie ("zombie").
. tests/lib/netns.sh
zb_need_pring
zb_testbed python3

# attached WHAT TARGET: one refresh attached to TARGET, whose header must
# name pring.
attached() {
	"$ZBTOP" --attach "$2" --iterations 1 >"$ZB_TMP/one.txt" 2>&1 ||
	    { cat "$ZB_TMP/one.txt" >&2; zb_fail "$1: --attach $2"; }
	head -n 1 "$ZB_TMP/one.txt"
	head -n 1 "$ZB_TMP/one.txt" | grep -q "^zbtop attach: pid [0-9]* (pring) " ||
	    zb_fail "$1: the header does not name pring"
}

# ends WHAT PID SIGNAL WORDS VERDICT: --attach PID -J every 0.2 s; after
# its first line PID gets SIGNAL; zbtop must exit 1 within 10 s, its
# message containing WORDS and its last line the verdict VERDICT.
ends() {
	: >"$ZB_TMP/end.json"
	"$ZBTOP" --attach "$2" -J --delay 0.2 >"$ZB_TMP/end.json" \
	    2>"$ZB_TMP/end.err" &
	en_z=$!
	en_i=0
	until [ -s "$ZB_TMP/end.json" ]; do
		en_i=$((en_i + 1))
		[ $en_i -lt 200 ] || { cat "$ZB_TMP/end.err" >&2; zb_fail "$1: no output"; }
		sleep 0.05
	done
	kill "-$3" "$2"
	zb_wait_exit "$en_z" 10
	en_st=$?
	en_v=$(tail -n 1 "$ZB_TMP/end.json" | python3 -c '
import json, sys; print(json.loads(sys.stdin.readline())["verdict"])')
	echo "$1: exit $en_st, verdict '$en_v': $(cat "$ZB_TMP/end.err")"
	[ $en_st -eq 1 ] || zb_fail "$1: exit status $en_st, not 1"
	grep -q "$4" "$ZB_TMP/end.err" || zb_fail "$1: not '$4'"
	[ "$en_v" = "$5" ] || zb_fail "$1: verdict '$en_v', not '$5'"
}

zb_pring "$ZB_NS_CAP" "$ZB_TMP/d" '^ready' 1 -D 5000
attached "descriptor 5000" "$(zb_pring_ready "$ZB_TMP/d" 1)"

zb_pring "$ZB_NS_CAP" "$ZB_TMP/v2" '^ready' 1 -v 2 -b 4096 -n 3000 -f 128
attached "96000 frames" "$(zb_pring_ready "$ZB_TMP/v2" 1)"
grep -q '^blocks 3000: kernel 0 user 0 free 3000 ' "$ZB_TMP/one.txt" ||
    zb_fail "96000 frames: not 3000 free blocks"

zb_pring "$ZB_NS_CAP" "$ZB_TMP/c" '^ready' 1 -C
attached "mapping only, by pid" "$(zb_pring_ready "$ZB_TMP/c" 1)"
attached "mapping only, by inode" "socket:$(zb_pring_ready "$ZB_TMP/c" 2)"

zb_pring "$ZB_NS_CAP" "$ZB_TMP/u" '^ready' 1
U=$(zb_pring_ready "$ZB_TMP/u" 1)
ends "unmapped" "$U" USR1 "no longer maps" "ring unmapped"
kill -0 "$U" || zb_fail "unmapped: pring $U did not run on"

zb_pring "$ZB_NS_CAP" "$ZB_TMP/x" '^ready' 1
X=$(zb_pring_ready "$ZB_TMP/x" 1)
ends "exec" "$X" USR2 "no longer maps" "ring unmapped"
[ "$(cat "/proc/$X/comm")" = sleep ] || zb_fail "exec: $X is not sleep"

zb_pring "$ZB_NS_CAP" "$ZB_TMP/k" '^child' 1 -k 1
K=$(sed -n 's/^child \([0-9]*\)$/\1/p' "$ZB_TMP/k")
ends "child killed" "$K" TERM "exited while attached" "process exited"

"$ZBTOP" --attach "$K" --iterations 1 >/dev/null 2>"$ZB_TMP/z.err" &&
    zb_fail "zombie: attached"
echo "zombie: $(cat "$ZB_TMP/z.err")"
grep -q zombie "$ZB_TMP/z.err" || zb_fail "zombie: not said"
# A PID that is not there: 2^22 is pid_max's ceiling (kernel/pid.c).
"$ZBTOP" --attach 4194305 --iterations 1 >/dev/null 2>"$ZB_TMP/n.err" &&
    zb_fail "no such process: attached"
echo "no process: $(cat "$ZB_TMP/n.err")"
grep -q "no such process" "$ZB_TMP/n.err" || zb_fail "no such process: not said"
exit 0
