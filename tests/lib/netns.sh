# Sourced by the live tests: a private veth test bed in two network
# namespaces of our own, torn down on every exit path.
#
#   [ZB_NS_GEN: zbgen]  ZB_IF_GEN <== veth ==> ZB_IF_CAP  [ZB_NS_CAP: zbtop]
#
# The pair is created with both ends already inside the namespaces, so no
# frame ever reaches the root namespace.  IPv6 is off so the kernel sends
# nothing of its own (no DAD, no router solicitation) and the counts stay
# exact.  Processes left in the namespaces at exit were started by this
# test (the names contain $$): they are killed by PID, then the
# namespaces are deleted.

. tests/lib/need.sh

zb_need_root() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "needs root" >&2
		exit 77
	fi
	if ! command -v ip >/dev/null 2>&1; then
		echo "needs iproute2 (ip)" >&2
		exit 77
	fi
}

zb_netns_down() {
	zb_rc=$?
	trap - EXIT INT TERM HUP PIPE
	for zb_ns in $ZB_NS_CAP $ZB_NS_GEN; do
		ip netns list 2>/dev/null | awk '{ print $1 }' |
		    grep -qx -- "$zb_ns" || continue
		zb_pids=$(ip netns pids "$zb_ns" 2>/dev/null)
		[ -z "$zb_pids" ] || kill $zb_pids 2>/dev/null
		zb_i=0
		while [ -n "$(ip netns pids "$zb_ns" 2>/dev/null)" ] &&
		    [ $zb_i -lt 30 ]; do
			sleep 0.1
			zb_i=$((zb_i + 1))
		done
		zb_pids=$(ip netns pids "$zb_ns" 2>/dev/null)
		[ -z "$zb_pids" ] || kill -9 $zb_pids 2>/dev/null
		ip netns del "$zb_ns" 2>/dev/null
	done
	[ -z "$ZB_TMP" ] || rm -rf "$ZB_TMP"
	exit $zb_rc
}

zb_netns_up() {
	ZB_NS_CAP="zbt-cap-$$"
	ZB_NS_GEN="zbt-gen-$$"
	ZB_IF_CAP=zbc0
	ZB_IF_GEN=zbg0
	export ZB_NS_CAP ZB_NS_GEN ZB_IF_CAP ZB_IF_GEN
	trap zb_netns_down EXIT
	trap 'exit 1' INT TERM HUP PIPE
	for zb_ns in $ZB_NS_CAP $ZB_NS_GEN; do
		ip netns add "$zb_ns" || exit 1
		ip -n "$zb_ns" link set lo up || exit 1
		ip netns exec "$zb_ns" sh -c '
		    for f in /proc/sys/net/ipv6/conf/all/disable_ipv6 \
			/proc/sys/net/ipv6/conf/default/disable_ipv6; do
			[ ! -w "$f" ] || echo 1 >"$f"
		    done'
	done
	zb_veth_up
}

# zb_testbed [CMD...]: how a live test starts.  Skip (77) unless root,
# ip and every CMD are there; then the two namespaces and their veth pair
# (zb_netns_up), a scratch directory in ZB_TMP (zb_tmpdir) and zbtop's
# command pipe on fd 9 (zb_cmdpipe), all torn down at exit.
zb_testbed() {
	zb_need_root
	zb_need "$@"
	zb_netns_up
	zb_tmpdir
	zb_cmdpipe
}

# (Re)create the veth pair, e.g. after a test deleted it.
zb_veth_up() {
	ip -n "$ZB_NS_CAP" link add "$ZB_IF_CAP" type veth \
	    peer name "$ZB_IF_GEN" netns "$ZB_NS_GEN" || exit 1
	ip -n "$ZB_NS_CAP" link set "$ZB_IF_CAP" up || exit 1
	ip -n "$ZB_NS_GEN" link set "$ZB_IF_GEN" up || exit 1
}

# zb_veth_cap A B: a second veth pair A, B, both ends up, inside the
# capture namespace (frames sent out of B arrive on A).
zb_veth_cap() {
	ip -n "$ZB_NS_CAP" link add "$1" type veth peer name "$2" || exit 1
	ip -n "$ZB_NS_CAP" link set "$1" up || exit 1
	ip -n "$ZB_NS_CAP" link set "$2" up || exit 1
}

# zb_started OUT ERR: wait up to 10 s for zbtop -b's first snapshot in the
# file OUT (capture started, rings running); fails with ERR's text.
zb_started() {
	zb_i=0
	until grep -q '^zbtop ' "$1" 2>/dev/null; do
		[ $zb_i -lt 200 ] || { cat "$2" >&2; zb_fail "zbtop not started"; }
		sleep 0.05
		zb_i=$((zb_i + 1))
	done
}

zb_in_cap() {
	ip netns exec "$ZB_NS_CAP" "$@"
}

zb_in_gen() {
	ip netns exec "$ZB_NS_GEN" "$@"
}

# zb_bg_cap CMD...: CMD in the background in the capture namespace; its
# PID in ZB_BG_PID ("zb_in_cap CMD &" would give a subshell's PID).  The
# caller's standard input is passed on through fd 7: a shell without job
# control gives an asynchronous command /dev/null instead.
zb_bg_cap() {
	{ ip netns exec "$ZB_NS_CAP" "$@" <&7 7<&- & } 7<&0
	ZB_BG_PID=$!
}

# A scratch directory removed with the namespaces.
zb_tmpdir() {
	ZB_TMP=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-live.XXXXXX") || exit 1
	export ZB_TMP
}

# zb_ifstat NS IF COUNTER: one sysfs statistics counter, e.g. rx_packets.
zb_ifstat() {
	ip netns exec "$1" cat "/sys/class/net/$2/statistics/$3"
}

# zb_wait_bound PID [SECONDS]: wait until every AF_PACKET socket PID holds
# is bound and running on ZB_IF_CAP (/proc/PID/net/packet: Iface, R).
# Returns 1 when PID exits or SECONDS (default 10) pass first.
zb_wait_bound() {
	zb_pid=$1
	zb_lim=$(( ${2:-10} * 20 ))
	zb_idx=$(zb_in_cap cat "/sys/class/net/$ZB_IF_CAP/ifindex")
	zb_i=0
	while [ $zb_i -lt $zb_lim ]; do
		kill -0 "$zb_pid" 2>/dev/null || return 1
		zb_ino=$(for zb_f in /proc/"$zb_pid"/fd/*; do
			readlink "$zb_f" 2>/dev/null
		    done | sed -n 's/^socket:\[\([0-9]*\)\]$/\1/p' | tr '\n' ' ')
		if awk -v idx="$zb_idx" -v ino="$zb_ino" '
		    BEGIN { n = split(ino, a, " ")
			for (i = 1; i <= n; i++) want[a[i]] = 1 }
		    NR > 1 && ($9 in want) { mine++
			if ($5 == idx && $6 == 1) ok++ }
		    END { exit !(mine > 0 && ok == mine) }' \
		    /proc/"$zb_pid"/net/packet 2>/dev/null; then
			return 0
		fi
		sleep 0.05
		zb_i=$((zb_i + 1))
	done
	return 1
}

# zb_wait_file FILE WHAT: until FILE is not empty, 10 s at most; then
# zb_fail "WHAT".
zb_wait_file() {
	zb_i=0
	until [ -s "$1" ]; do
		zb_i=$((zb_i + 1))
		[ $zb_i -lt 200 ] || zb_fail "$2"
		sleep 0.05
	done
}

# zb_wait_exit PID [SECONDS]: wait up to SECONDS (default 10) for PID, a
# child of this shell, to exit; its status, or 124 after killing it.
zb_wait_exit() {
	zb_i=0
	zb_lim=$(( ${2:-10} * 20 ))
	while kill -0 "$1" 2>/dev/null && [ $zb_i -lt $zb_lim ]; do
		sleep 0.05
		zb_i=$((zb_i + 1))
	done
	if kill -0 "$1" 2>/dev/null; then
		kill -9 "$1" 2>/dev/null
		wait "$1" 2>/dev/null
		return 124
	fi
	wait "$1"
}

# zb_stop PID [SECONDS]: SIGINT, then zb_wait_exit.
zb_stop() {
	kill -INT "$1" 2>/dev/null
	zb_wait_exit "$@"
}

# zb_field NAME LINE: the value of NAME=value in a batch summary line.
zb_field() {
	printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -n 1
}

zb_fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# zb_cmdpipe: a FIFO at $ZB_TMP/cmd held open on fd 9, to be zbtop -b's
# standard input: it never sees end of file, and the test may write
# commands to it (echo "filter udp" >&9).  Needs zb_tmpdir first.
zb_cmdpipe() {
	mkfifo "$ZB_TMP/cmd" || exit 1
	exec 9<>"$ZB_TMP/cmd"
}

# zb_zbtop_as NAME [ARG...]: zbtop -b --delay 1 [ARG...] in the capture
# namespace in the background, its commands from the pipe of zb_cmdpipe.
# Its PID in ZB_PID; its standard output and error in the files ZB_OUT
# and ZB_ERR ($ZB_TMP/NAME.out and .err).
zb_zbtop_as() {
	zb_name=$1
	shift
	ZB_OUT="$ZB_TMP/$zb_name.out" ZB_ERR="$ZB_TMP/$zb_name.err"
	zb_bg_cap "$ZBTOP" -b --delay 1 "$@" <"$ZB_TMP/cmd" >"$ZB_OUT" \
	    2>"$ZB_ERR"
	ZB_PID=$ZB_BG_PID
}

# zb_zbtop MODE [ARG...]: zb_zbtop_as MODE -i ZB_IF_CAP -m MODE [ARG...].
zb_zbtop() {
	zb_mode=$1
	shift
	zb_zbtop_as "$zb_mode" -i "$ZB_IF_CAP" -m "$zb_mode" "$@"
}

# zb_zbtop_bound MODE [ARG...]: zb_zbtop, then wait up to 10 s until its
# sockets are bound; fails with its stderr when they are not.
zb_zbtop_bound() {
	zb_zbtop "$@"
	zb_wait_bound "$ZB_PID" 10 ||
	    { cat "$ZB_ERR" >&2; zb_fail "$1: not bound"; }
}

# zb_zbtop_stop WHAT STATUS: SIGINT to zbtop, which must exit with STATUS
# within 10 s.  Its last line of output (the final counters) in ZB_LAST.
zb_zbtop_stop() {
	zb_stop "$ZB_PID" 10
	zb_st=$?
	ZB_LAST=$(tail -n 1 "$ZB_OUT")
	echo "$1: exit $zb_st: $ZB_LAST"
	[ $zb_st -eq "$2" ] ||
	    { cat "$ZB_ERR" >&2; zb_fail "$1: exit status $zb_st, not $2"; }
}

# zb_zbtop_fails WHAT [SECONDS]: zbtop must end by itself within SECONDS
# (default 5), with a non-zero status.
zb_zbtop_fails() {
	zb_wait_exit "$ZB_PID" "${2:-5}"
	zb_st=$?
	echo "$1: exit $zb_st, stderr: $(cat "$ZB_ERR")"
	[ $zb_st -ne 124 ] || zb_fail "$1: still running ${2:-5} s later"
	[ $zb_st -ne 0 ] || zb_fail "$1: exit status 0"
}

# zb_stderr_is WHAT TEXT: zbtop's standard error is exactly the line TEXT.
zb_stderr_is() {
	[ "$(cat "$ZB_ERR")" = "$2" ] || zb_fail "$1: stderr is not '$2'"
}

# zb_send WHAT N PPS: zbgen sends N frames of the test format (seq 1..N)
# at PPS from ZB_IF_GEN.
zb_send() {
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n "$2" -r "$3" -S 1 \
	    -T 30 >/dev/null || zb_fail "$1: zbgen"
}

# zb_stopped_burst WHAT N [ARG...]: zbtop (ZB_PID) is stopped (SIGSTOP)
# while zbgen [ARG...] sends N frames of the test format at full rate
# from ZB_IF_GEN, then continued (SIGCONT): its ring or socket queue
# overflows whatever the machine's speed.
zb_stopped_burst() {
	zb_what=$1 zb_n=$2
	shift 2
	kill -STOP "$ZB_PID"
	zb_sent=$(zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n "$zb_n" \
	    -T 60 "$@")
	kill -CONT "$ZB_PID"
	[ "$zb_sent" = "sent=$zb_n" ] ||
	    zb_fail "$zb_what: zbgen said '$zb_sent'"
}

# zb_ref N: the N frames zb_send sends, as zbgen -w writes them, in
# $ZB_TMP/ref.pcap, and as text in $ZB_TMP/ref.txt for zb_same_frames.
zb_ref() {
	"$ZB_GENDIR/zbgen" -w "$ZB_TMP/ref.pcap" -n "$1" -S 1 >/dev/null ||
	    zb_fail "zbgen -w"
	tcpdump -nn -t -e -xx -r "$ZB_TMP/ref.pcap" >"$ZB_TMP/ref.txt" \
	    2>/dev/null
	[ "$(grep -c '^02:00:00:00:00:02 > 02:00:00:00:00:01' \
	    "$ZB_TMP/ref.txt")" -eq "$1" ] ||
	    zb_fail "reference file has not $1 frames"
}

# zb_same_frames WHAT PCAP: tcpdump reads PCAP without error and it holds
# exactly the frames of zb_ref, byte for byte and in order: tcpdump -e -xx
# of both, timestamps left out (-t), compared with cmp.
zb_same_frames() {
	zb_txt="$ZB_TMP/$(basename "$2").txt"
	tcpdump -nn -t -e -xx -r "$2" >"$zb_txt" 2>"$ZB_TMP/td.err" ||
	    { cat "$ZB_TMP/td.err" >&2; zb_fail "$1: tcpdump -r failed"; }
	if ! cmp "$ZB_TMP/ref.txt" "$zb_txt"; then
		diff "$ZB_TMP/ref.txt" "$zb_txt" | head -n 20 >&2
		zb_fail "$1: -w file is not the frames sent"
	fi
}

# zb_tcpdump NAME IF [ARG...]: tcpdump -i IF [ARG...] in the capture
# namespace, writing $ZB_TMP/NAME.pcap, as the reference capture of the
# same traffic; returns once tcpdump says it is listening (10 s at most).
# IF "": no -i, tcpdump picks one.  Its PID in ZB_TD_PID, what it said in
# $ZB_TMP/NAME.tderr.  -B: a 32 MiB ring, so it does not drop 64 KiB GSO
# packets.
zb_tcpdump() {
	zb_td=$1 zb_tdif=$2
	shift 2
	zb_bg_cap tcpdump -Z root -U -B 32768 ${zb_tdif:+-i "$zb_tdif"} \
	    -w "$ZB_TMP/$zb_td.pcap" "$@" 2>"$ZB_TMP/$zb_td.tderr"
	ZB_TD_PID=$ZB_BG_PID
	zb_i=0
	until grep -q 'listening on' "$ZB_TMP/$zb_td.tderr" 2>/dev/null; do
		kill -0 "$ZB_TD_PID" 2>/dev/null && [ $zb_i -lt 200 ] || {
			cat "$ZB_TMP/$zb_td.tderr" >&2
			zb_fail "tcpdump $zb_td did not start"
		}
		sleep 0.05
		zb_i=$((zb_i + 1))
	done
}

# zb_tcpdump_count NAME: stop the tcpdump of zb_tcpdump NAME; the packets
# its file holds in ZB_TD_COUNT.  Not in $(...): a subshell cannot reap
# tcpdump, and kill -0 finds the zombie.  SIGTERM: a background job of a
# shell without job control ignores SIGINT, and tcpdump keeps that.
zb_tcpdump_count() {
	kill -TERM "$ZB_TD_PID" 2>/dev/null
	zb_wait_exit "$ZB_TD_PID" 10 >/dev/null 2>&1
	ZB_TD_COUNT=$(tcpdump -r "$ZB_TMP/$1.pcap" 2>/dev/null | wc -l |
	    tr -d ' ')
}

# zb_need_pring: skip (77) unless tests/gen/pring is built.
zb_need_pring() {
	[ -x "$ZB_GENDIR/pring" ] ||
	    { echo "needs $ZB_GENDIR/pring (make test-build)" >&2; exit 77; }
}

# zb_pring NS OUT PATTERN N [ARG...]: tests/gen/pring -T 120 [ARG...] in
# namespace NS in the background, its output in OUT; waits up to 20 s
# for N lines matching PATTERN ("^ready": its sockets are open).
zb_pring() {
	zb_pns=$1 zb_pout=$2 zb_ppat=$3 zb_pn=$4
	shift 4
	: >"$zb_pout"
	ip netns exec "$zb_pns" "$ZB_GENDIR/pring" -T 120 "$@" >"$zb_pout" \
	    2>"$zb_pout.err" </dev/null &
	zb_i=0
	until [ "$(grep -c "$zb_ppat" "$zb_pout")" -ge "$zb_pn" ]; do
		zb_i=$((zb_i + 1))
		[ $zb_i -lt 400 ] ||
		    { cat "$zb_pout.err" >&2; zb_fail "pring $*"; }
		sleep 0.05
	done
}

# zb_pring_ready OUT FIELD [N]: from pring's Nth (default 1) line
# "ready PID INODE" in OUT, the PID (FIELD 1) or the INODE (2).
zb_pring_ready() {
	sed -n "s/^ready \([0-9]*\) \([0-9]*\)\$/\\$2/p" "$1" |
	    sed -n "${3:-1}p"
}
