#!/bin/sh
# Slow and hostile HTTP clients cannot reduce capture.  zbtop -b --metrics
# 127.0.0.1:9750 captures on the veth capture end while slowhttp, from
# 127.0.0.1 in the same namespace, first sends one request with a 1 MiB
# header, then opens 40 connections that send a request one byte every
# 100 ms and never finish it (slowloris), for 12 s.  During that, zbgen
# sends exactly 100000 frames at 50000 pps, as count.sh does.  Expected:
# captured=100000 dropped=0; the huge request answered 431 (or the
# connection closed), never 200; at most 8 slow connections (the
# per-address limit) still held at the end; a scrape from another
# address (127.0.0.2) during the attack answers 200, and after the
# traffic says zbtop_packets_total 100000; zbtop's resident memory grows
# by less than 8 MiB.
. tests/lib/netns.sh
zb_need_root
zb_need curl
[ -x "$ZB_GENDIR/slowhttp" ] ||
    { echo "needs $ZB_GENDIR/slowhttp (make test-build)" >&2; exit 77; }
zb_netns_up
zb_tmpdir
zb_cmdpipe
N=100000
url=http://127.0.0.1:9750/metrics

# scrape FILE: zbtop's metrics from 127.0.0.2 into FILE; the status code.
scrape() {
	zb_in_cap curl -s -m 5 --interface 127.0.0.2 -o "$1" \
	    -w '%{http_code}' "$url"
}

rss() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$ZB_PID/status"
}

zb_zbtop_bound zbuf --metrics 127.0.0.1:9750
rss0=$(rss)
zb_bg_cap "$ZB_GENDIR/slowhttp" -a 127.0.0.1 -p 9750 -c 40 -H 1048576 \
    -i 100 -T 12 </dev/null >"$ZB_TMP/slow.out" 2>&1
slow=$ZB_BG_PID
sleep 4
code=$(scrape "$ZB_TMP/during")
echo "scrape from 127.0.0.2 during the attack: $code"
[ "$code" = 200 ] || zb_fail "scrape during the attack: $code"

zb_send "send" $N 50000
sleep 1
code=$(scrape "$ZB_TMP/after")
got=$(sed -n 's/^zbtop_packets_total{[^}]*} //p' "$ZB_TMP/after")
rss1=$(rss)
echo "scrape after the traffic: $code, zbtop_packets_total $got;" \
    "VmRSS $rss0 -> $rss1 KiB"
zb_wait_exit $slow 20 || zb_fail "slowhttp: exit status $?"
sed 's/^/slowhttp: /' "$ZB_TMP/slow.out"

zb_zbtop_stop zbuf 0
[ "$(zb_field captured "$ZB_LAST")" = $N ] || zb_fail "captured is not $N"
[ "$(zb_field dropped "$ZB_LAST")" = 0 ] || zb_fail "drops"
[ "$got" = $N ] || zb_fail "the scrape says $got, not $N"
grep -q '^huge: .*reply: \(HTTP/1.1 431 \|none\)' "$ZB_TMP/slow.out" ||
    zb_fail "the huge request was not refused"
held=$(sed -n 's/^slow: .*, \([0-9]*\) still held.*/\1/p' "$ZB_TMP/slow.out")
[ -n "$held" ] && [ "$held" -le 8 ] ||
    zb_fail "$held slow connections held, limit 8"
[ $((rss1 - rss0)) -lt 8192 ] || zb_fail "VmRSS grew $((rss1 - rss0)) KiB"
exit 0
