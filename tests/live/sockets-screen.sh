#!/bin/sh
# The sockets view on the screen, against a stopped tcpdump (issue 13):
#  - zbtop --attach PID on a terminal shows "Ring of PID (tcpdump)", the
#    N frames sent in its blocks ("in ring N") and, after 2 s, the verdict
#    "consumer stopped"; Esc goes back to the list with that socket
#    selected, Enter opens its ring again;
#  - on the capture screen (zbtop -i, privileges dropped), S lists
#    tcpdump's socket with its geometry, and Enter on a row (tcpdump's,
#    unless the list moved under the keys: other processes may come and
#    go) is refused on the status line naming CAP_SYS_PTRACE, and S goes
#    back to the capture panes.
. tests/lib/netns.sh
zb_testbed tcpdump tmux
N=1200
S="zbtop-sock-$$"
T_W=120
export TERM=xterm
# Keeps the exit status for zb_netns_down, which exits with it.
cleanup_tmux() {
	zb_s=$?
	tmux -L "$S" kill-server 2>/dev/null
	return $zb_s
}
t_cap() { tmux -L "$S" capture-pane -p; }
t_wait() {
	i=0
	while [ $i -lt $(( ${2:-10} * 10 )) ]; do
		t_cap | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
t_fail() { echo "FAIL: $*" >&2; t_cap >&2; cleanup_tmux; zb_fail "$*"; }
trap 'cleanup_tmux; zb_netns_down' EXIT

zb_bg_cap tcpdump -B 4096 -i "$ZB_IF_CAP" -w /dev/null -nn \
    </dev/null 2>"$ZB_TMP/td.err"
TD=$ZB_BG_PID
zb_wait_bound "$TD" 10 || zb_fail "tcpdump: not bound"
kill -STOP "$TD"
zb_send "frames" $N 20000

tmux -L "$S" -f /dev/null new-session -d -x $T_W -y 30 \
    "$ZBTOP --attach $TD --delay 0.5" || zb_fail "tmux"
t_wait "Ring of $TD \(tcpdump\)" 5 || t_fail "attached ring not shown"
t_wait "in ring $N " 5 || t_fail "the $N frames are not in the ring"
t_wait "verdict consumer stopped" 5 || t_fail "no 'consumer stopped'"
echo "attached: $(t_cap | grep '^ verdict')"
tmux -L "$S" send-keys Escape
t_wait "Sockets [0-9]+ in" 5 || t_fail "Esc did not go back to the list"
t_cap | grep -q "^ *$TD tcpdump" || t_fail "tcpdump not in the list"
tmux -L "$S" send-keys Enter
t_wait "Ring of $TD \(tcpdump\)" 5 || t_fail "Enter did not open the ring"
tmux -L "$S" send-keys q
sleep 0.5
cleanup_tmux

# The capture screen: S lists it; Enter is refused, privileges are gone.
tmux -L "$S" -f /dev/null new-session -d -x $T_W -y 30 \
    "ip netns exec $ZB_NS_CAP $ZBTOP -i $ZB_IF_CAP" || zb_fail "tmux"
t_wait "pkt/s" 5 || t_fail "capture screen did not start"
tmux -L "$S" send-keys S
t_wait "Sockets [0-9]+ in" 5 || t_fail "S did not open the sockets view"
t_wait "16x256K 16f 1000ms" 5 || t_fail "tcpdump's ring not listed"
n=$(t_cap | awk '/PID COMMAND/ { on = 1; next }
    on && /16x256K 16f 1000ms/ { print NR - start; exit }
    on && !start { start = NR - 1 }')
k=1
while [ $k -lt "${n:-1}" ]; do tmux -L "$S" send-keys Down; k=$((k + 1)); done
tmux -L "$S" send-keys Enter
re="(socket [0-9]+: no process found|memory of process [0-9]+ not readable).*CAP_SYS_PTRACE"
t_wait "$re" 5 || t_fail "Enter was not refused naming CAP_SYS_PTRACE"
echo "capture screen: $(t_cap | grep -E "$re")"
tmux -L "$S" send-keys S
t_wait "pkt/s" 5 || t_fail "S did not close the view"
tmux -L "$S" send-keys q
kill -CONT "$TD"
exit 0
