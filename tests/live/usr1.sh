#!/bin/sh
# SIGUSR1, as tcpdump's: the counters so far on standard error, and the
# capture goes on.  It killed zbtop (the default action), losing what the
# -w file still had in its buffer.  Print mode writing a file (-w) and
# batch mode each get 100 frames, SIGUSR1, then 50 more and SIGINT: each
# must still run after the signal, say captured=100 on stderr, exit 0, and
# the -w file must hold all 150.
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump
zb_netns_up
zb_tmpdir
chmod 0777 "$ZB_TMP"
gen() {
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n "$1" -r 2000 \
	    >/dev/null || zb_fail "zbgen"
	sleep 1
}
for mode in print batch; do
	case $mode in
	print)	set -- -P -w "$ZB_TMP/u.pcap" ;;
	batch)	set -- -b --delay 0.5 ;;
	esac
	zb_bg_cap "$ZBTOP" -i "$ZB_IF_CAP" "$@" </dev/null \
	    >"$ZB_TMP/out" 2>"$ZB_TMP/err"
	pid=$ZB_BG_PID
	zb_wait_bound "$pid" 10 || { cat "$ZB_TMP/err" >&2; zb_fail "$mode: not bound"; }
	gen 100
	kill -USR1 "$pid"
	sleep 1
	kill -0 "$pid" 2>/dev/null || zb_fail "$mode: SIGUSR1 ended zbtop"
	grep -q '^captured=100 ' "$ZB_TMP/err" ||
	    zb_fail "$mode: no captured=100 on stderr after SIGUSR1: $(cat "$ZB_TMP/err")"
	gen 50
	zb_stop "$pid" 10 || zb_fail "$mode: exit status $?"
	echo "$mode: SIGUSR1 said $(grep -m 1 '^captured=' "$ZB_TMP/err" | cut -d ' ' -f 1), capture went on"
done
n=$(tcpdump -r "$ZB_TMP/u.pcap" 2>/dev/null | wc -l)
[ "$n" -eq 150 ] || zb_fail "-w file holds $n packets, not 150"
exit 0
