#!/bin/sh
# A real Prometheus scrapes a live zbtop every second.  Both run in the
# capture namespace on 127.0.0.1: zbtop -b --metrics 127.0.0.1:9750 on the
# veth capture end, Prometheus on 127.0.0.1:9790 with its storage in the
# test's scratch directory.  zbgen sends exactly 30000 frames at 5000 pps
# (6 s).  Expected, read through Prometheus's HTTP API: up is 1; once the
# count is steady (2 s after the last frame and two equal answers in a
# row), the latest zbtop_packets_total equals zbtop's final
# captured=30000 (dropped=0); rate(zbtop_packets_total[3s]) evaluated 4 s
# after the traffic started is 5000 pps within 40%.
. tests/lib/netns.sh
zb_testbed prometheus curl
N=30000
PPS=5000
api="http://127.0.0.1:9790/api/v1/query"

# q EXPR [TIME]: the value of an instant query's first sample, or nothing.
q() {
	if [ $# -gt 1 ]; then
		zb_in_cap curl -sG "$api" --data-urlencode "query=$1" \
		    --data-urlencode "time=$2"
	else
		zb_in_cap curl -sG "$api" --data-urlencode "query=$1"
	fi | sed -n 's/.*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p'
}

cat >"$ZB_TMP/prom.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: zbtop
    static_configs:
      - targets: ['127.0.0.1:9750']
EOF
promtool check config "$ZB_TMP/prom.yml" >/dev/null ||
    zb_fail "promtool rejects the scrape config"

zb_zbtop_bound zbuf --metrics 127.0.0.1:9750
zb_bg_cap prometheus --config.file="$ZB_TMP/prom.yml" \
    --storage.tsdb.path="$ZB_TMP/tsdb" \
    --web.listen-address=127.0.0.1:9790 --log.level=warn \
    </dev/null >"$ZB_TMP/prom.log" 2>&1
prom=$ZB_BG_PID

# Prometheus up and scraping zbtop: at most 30 s.
i=0
while [ "$(q 'up{job="zbtop"}')" != 1 ]; do
	kill -0 $prom 2>/dev/null ||
	    { cat "$ZB_TMP/prom.log" >&2; zb_fail "prometheus exited"; }
	[ $i -lt 300 ] ||
	    { cat "$ZB_TMP/prom.log" >&2; zb_fail "zbtop never up"; }
	sleep 0.1
	i=$((i + 1))
done
echo "prometheus scrapes zbtop after $((i / 10)) s"

t0=$(date +%s.%N)
zb_send "send" $N $PPS
t1=$(date +%s.%N)
echo "sent $N frames in $(awk -v a="$t0" -v b="$t1" \
    'BEGIN { printf "%.1f", b - a }') s"

# Steady: two answers a scrape apart agree, at least 2 s after the end.
sleep 2
prev=$(q zbtop_packets_total)
i=0
while :; do
	sleep 1.1
	got=$(q zbtop_packets_total)
	[ -n "$got" ] && [ "$got" = "$prev" ] && break
	[ $i -lt 10 ] || zb_fail "zbtop_packets_total never steady: $got"
	prev=$got
	i=$((i + 1))
done
at=$(awk -v a="$t0" 'BEGIN { printf "%.3f", a + 4 }')
rate=$(q 'rate(zbtop_packets_total[3s])' "$at")
drops=$(q 'sum(zbtop_drops_total)')
echo "prometheus: zbtop_packets_total $got, rate at +4 s $rate/s," \
    "drops $drops"

zb_zbtop_stop zbuf 0
[ "$(zb_field captured "$ZB_LAST")" = $N ] || zb_fail "captured is not $N"
[ "$(zb_field dropped "$ZB_LAST")" = 0 ] || zb_fail "drops"
[ "$got" = "$(zb_field captured "$ZB_LAST")" ] ||
    zb_fail "prometheus has $got, zbtop captured $N"
[ "$drops" = 0 ] || zb_fail "prometheus has $drops drops"
awk -v r="$rate" -v p=$PPS 'BEGIN { exit !(r != "" && r >= 0.6 * p &&
    r <= 1.4 * p) }' || zb_fail "rate $rate is not near $PPS"
exit 0
