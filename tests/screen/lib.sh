# Sourced by the screen tests (not a test itself: not executable).
# zbtop runs inside a private tmux server of fixed size; the tests send
# keys and read the pane as text, like tmux's own regress/ scripts.
#
#   t_start CMD       new session running CMD (under sh) in 100x30
#   t_keys KEY...     tmux send-keys
#   t_cap             the pane's text on stdout
#   t_wait RE [SEC]   wait until the pane matches the extended regex RE
#   t_sample          a sample capture in $T_PCAP (skips when none)
#   t_fifo            t_sample, its count in $T_WANT, a FIFO $T_DIR/fifo
#   t_replay [ARGS]   the sample replayed at once, its whole list shown
#   t_udp_count       the sample's UDP packets (skips unless some, not all)
#   t_fail MSG        print MSG and the pane, exit 1
#   t_live ARGS       zbtop -i ARGS on the veth test bed of
#                     tests/lib/netns.sh (sourced first), torn down
#                     after the tmux server
#   t_resolver ARGS   t_live ARGS with a resolver that never answers
#   t_lookup_runs W   a lookup pending after keys W, the screen going on

: "${ZBTOP:=$(pwd)/zbtop}"
: "${ZB_GENDIR:=$(pwd)/obj/gen}"
T_SOCK="zbtop-test-$$"
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-screen.XXXXXX") || exit 1
T_HOOK=:

if ! command -v tmux >/dev/null 2>&1; then
	echo "needs tmux" >&2
	exit 77
fi
if [ ! -x "$ZBTOP" ]; then
	echo "needs $ZBTOP (make)" >&2
	exit 77
fi

t_cleanup() {
	tmux -L "$T_SOCK" kill-server 2>/dev/null
	rm -rf "$T_DIR"
}
# T_HOOK: shell code a test adds, run at exit after the tmux server.
trap 't_rc=$?; t_cleanup; eval "$T_HOOK"; exit $t_rc' EXIT
trap 'exit 1' INT TERM HUP PIPE

# The history goes to a scratch directory, never the user's own.  zbtop
# may drop to "nobody" before it opens the file: let it in.
export XDG_STATE_HOME="$T_DIR/state"
mkdir -p "$XDG_STATE_HOME" && chmod 0777 "$T_DIR" "$XDG_STATE_HOME"

t_start() {
	tmux -L "$T_SOCK" -f /dev/null new-session -d -x "${T_W:-100}" \
	    -y "${T_H:-30}" "$1" || t_fail "cannot start tmux"
	tmux -L "$T_SOCK" set-option -g remain-on-exit on >/dev/null 2>&1
}

t_keys() {
	tmux -L "$T_SOCK" send-keys "$@"
}

t_cap() {
	tmux -L "$T_SOCK" capture-pane -p
}

t_wait() {
	t_i=0
	t_lim=$(( ${2:-10} * 10 ))
	while [ $t_i -lt $t_lim ]; do
		t_cap | grep -Eq -- "$1" && return 0
		sleep 0.1
		t_i=$((t_i + 1))
	done
	return 1
}

t_fail() {
	echo "FAIL: $*" >&2
	echo "--- pane:" >&2
	t_cap >&2 2>/dev/null
	exit 1
}

# The shared sample if there is one, else one made here: 500 frames from
# the generator, or mkpcap.py's.
t_sample() {
	# A copy in T_DIR: the header names the file, and a checkout's long
	# path would push what the tests read off the edge.
	T_PCAP="$T_DIR/sample.pcap"
	cp tests/data/sample.pcap "$T_PCAP" 2>/dev/null && return 0
	if [ -x "$ZB_GENDIR/zbgen" ]; then
		"$ZB_GENDIR/zbgen" -w "$T_PCAP" -n 500 >/dev/null && return 0
	fi
	if command -v python3 >/dev/null 2>&1; then
		python3 tests/screen/mkpcap.py "$T_PCAP" 500 0.001 &&
		    return 0
	fi
	echo "needs tests/data/sample.pcap, zbgen or python3" >&2
	exit 77
}

# t_fifo: the sample (t_sample), its packet count in T_WANT, and an
# empty FIFO, $T_DIR/fifo, that zbtop can open as another user too.
t_fifo() {
	t_sample
	T_WANT=$("$ZBTOP" -r "$T_PCAP" --count 2>/dev/null |
	    sed -n "s/ packets\$//p")
	[ -n "$T_WANT" ] && [ "$T_WANT" -gt 0 ] ||
	    t_fail "cannot count $T_PCAP"
	mkfifo "$T_DIR/fifo" || t_fail "mkfifo"
	chmod 0644 "$T_DIR/fifo"
}

# t_replay [ARGS]: the sample (t_sample) replayed at once, zbtop -r
# --speed 0 ARGS in a UTF-8 locale, in tmux; waits until the packet list
# follows the whole file.  When zbtop exits the pane says "zbtop exited
# STATUS".
t_replay() {
	t_sample
	t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0 $1; echo zbtop exited \$?; sleep 600"
	t_wait '^ Packets .* following .*100%' 15 || t_fail "no packet list"
}

# t_udp_count: how many of the sample's (T_PCAP's) packets are UDP, as
# zbtop --count says; exits 77 (a skip: n=$(t_udp_count) || exit 77)
# unless some are and some are not.
t_udp_count() {
	t_n=$("$ZBTOP" -r "$T_PCAP" --count udp 2>/dev/null | tail -n 1 |
	    awk '{ print $1 }')
	t_all=$("$ZBTOP" -r "$T_PCAP" --count 2>/dev/null | tail -n 1 |
	    awk '{ print $1 }')
	[ -n "$t_n" ] && [ "$t_n" -gt 0 ] && [ "$t_n" -lt "$t_all" ] || {
		echo "needs a sample with some udp packets, not all" >&2
		exit 77
	}
	echo "$t_n"
}

# A capture that lasts: N frames GAP seconds apart, ports 1000 (even
# sequence numbers) and 1001 (odd), replayed at recorded speed.
t_slow() {
	if ! command -v python3 >/dev/null 2>&1; then
		echo "needs python3 (tests/screen/mkpcap.py)" >&2
		exit 77
	fi
	T_SLOW="$T_DIR/slow.pcap"
	python3 tests/screen/mkpcap.py "$T_SLOW" "$1" "$2" ||
	    t_fail "mkpcap.py"
}

# t_live ARGS: zbtop -i ARGS on the veth test bed (tests/lib/netns.sh,
# sourced first, with zb_need_root), in tmux; waits for the zbuf screen.
# When zbtop exits the pane says "zbtop exited STATUS".
t_live() {
	[ -x "$ZB_GENDIR/zbgen" ] ||
	    { echo "needs $ZB_GENDIR/zbgen (make test-build)" >&2; exit 77; }
	zb_netns_up
	# Both traps: the tmux server first (zbtop lives in the namespace).
	trap 't_rc=$?; t_cleanup; eval "$T_HOOK"; (exit $t_rc); zb_netns_down' \
	    EXIT
	t_start "ip netns exec '$ZB_NS_CAP' env LANG=C.UTF-8 '$ZBTOP' -i '$ZB_IF_CAP' $1; echo zbtop exited \$?; sleep 600"
	t_wait '\[zbuf\]' 15 || t_fail "no live screen in zbuf mode"
}

# t_resolver ARGS [HOSTS]: t_live ARGS where the resolver never answers,
# with traffic.  The capture namespace's resolv.conf (ip netns exec puts
# the files of /etc/netns/NS, $R_ETC, in place; HOSTS, if given, is its
# hosts file) names 198.19.0.53, reached through the default route to
# the generator's namespace, which does not forward: every query waits
# out its timeout (4 s, 2 attempts: a lookup lasts about 8 s).  zbgen
# sends 20 UDP frames a second for 40 s (GEN_PID).  t_packets prints the
# header's packet count; t_pending is true while a lookup is pending.
t_resolver() {
	R_ETC="/etc/netns/zbt-cap-$$"
	GEN_PID=
	T_HOOK='[ -n "$GEN_PID" ] && kill "$GEN_PID" 2>/dev/null;
	    rm -rf "$R_ETC"; rmdir /etc/netns 2>/dev/null'
	mkdir -p "$R_ETC" || t_fail "mkdir $R_ETC"
	printf 'nameserver 198.19.0.53\noptions timeout:4 attempts:2\n' \
	    >"$R_ETC/resolv.conf"
	[ -z "$2" ] || printf '%s\n' "$2" >"$R_ETC/hosts"
	t_live "$1"
	ip -n "$ZB_NS_CAP" addr add 198.18.0.1/24 dev "$ZB_IF_CAP" ||
	    t_fail "addr"
	ip -n "$ZB_NS_GEN" addr add 198.18.0.2/24 dev "$ZB_IF_GEN" ||
	    t_fail "addr"
	ip -n "$ZB_NS_CAP" route add default via 198.18.0.2 || t_fail "route"
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n 800 -r 20 \
	    >/dev/null 2>&1 &
	GEN_PID=$!
}

t_packets() {
	t_cap | sed -n 's/.*  packets \([0-9][0-9]*\)  drops.*/\1/p' |
	    head -n 1
}

t_pending() {
	t_cap | grep -q 'resolving names in the filter'
}

# t_lookup_runs WHAT: WHAT (the keys just sent) left a lookup pending,
# said within 2 s, and the screen goes on meanwhile: the packet count
# grows over 2 s, the lookup still pending at the end.
t_lookup_runs() {
	t_wait 'resolving names in the filter' 2 ||
	    t_fail "$1 blocked the screen, or no pending line"
	t_n1=$(t_packets)
	sleep 2
	t_pending || t_fail "the lookup ended before the test could look"
	t_n2=$(t_packets)
	[ -n "$t_n1" ] && [ -n "$t_n2" ] && [ "$t_n2" -gt "$t_n1" ] ||
	    t_fail "the counters froze during the lookup ($t_n1, then $t_n2)"
}

# t_pages FILE: the open view (help, detail) page by page into FILE, PgDn
# until its last line shows ("N-M of M  Esc"), ten pages at most.
t_pages() {
	: >"$1"
	t_i=0
	while [ $t_i -lt 10 ]; do
		t_cap >>"$1"
		t_cap | grep -Eq '([0-9]+)-([0-9]+) of \2  Esc' && break
		t_keys NPage
		sleep 0.3
		t_i=$((t_i + 1))
	done
}
