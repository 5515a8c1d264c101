#!/bin/sh
# --metrics and --metrics-file in screen mode: while the screen replays
# the sample at recorded speed, /metrics answers with a growing
# zbtop_packets_total; ":clear" empties the screen's counters but the
# exported count does not go back; after q the file holds the final
# count, at least the last one scraped.
. tests/screen/lib.sh
command -v curl >/dev/null 2>&1 || { echo "needs curl" >&2; exit 77; }
t_sample
port=$((20000 + $$ % 20000))
url=http://127.0.0.1:$port/metrics
mkdir -m 777 "$T_DIR/m"
value() {
	curl -s "$url" | sed -n 's/^zbtop_packets_total{[^}]*} //p'
}

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --metrics 127.0.0.1:$port \
    --metrics-file '$T_DIR/m/zbtop.prom'; echo zbtop exited \$?; exec sleep 60"
t_wait '^ Packets [0-9]' 15 || t_fail "screen did not start"
sleep 1.5
a=$(value)
t_keys : clear Enter
t_wait 'counters cleared' 5 || t_fail "clear did not run"
sleep 1
b=$(value)
t_keys q
t_wait '^zbtop exited' 10 || t_fail "zbtop did not exit"
t_cap | grep -q '^zbtop exited 0$' || t_fail "exit status not 0"
c=$(sed -n 's/^zbtop_packets_total{[^}]*} //p' "$T_DIR/m/zbtop.prom")
echo "zbtop_packets_total: $a before clear, $b after, $c in the file at exit"
[ -n "$a" ] && [ "$a" -gt 0 ] || t_fail "no packets exported: '$a'"
[ -n "$b" ] && [ "$b" -ge "$a" ] || t_fail "clear took the count back: $b"
[ -n "$c" ] && [ "$c" -ge "$b" ] || t_fail "the file's final count: '$c'"
exit 0
