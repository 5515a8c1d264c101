#!/bin/sh
# Prometheus metrics from a replayed file (no root needed): promtool check
# metrics accepts the text of --metrics-file and of --metrics with no
# complaint; zbtop_packets_total equals the exit line's captured=1987 in
# batch and print mode;
# the file is rewritten while zbtop runs; a clear on standard input
# resets the snapshots' count but not the exported one; HTTP answers 200
# with the 0.0.4 Content-Type at /metrics, keeps the connection for the
# next scrape, 404 elsewhere and 405 to POST; a port in
# use, a bad address and a file that cannot be written end zbtop at
# start-up with exactly one line and status 1; [::1] is served where the host has IPv6 loopback.

ZBTOP=${ZBTOP:-./zbtop}
sample=tests/data/sample.pcap
want=1987

for c in promtool curl; do
	command -v $c >/dev/null 2>&1 || { echo "needs $c" >&2; exit 77; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-metrics.XXXXXX")
trap 'kill $bg 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
bg=""
# Run as root, zbtop writes the file as nobody (-Z): let it.
chmod 755 "$tmp"
mkdir -m 777 "$tmp/m"
port=$((20000 + $$ % 20000))
fail=0
say() { echo "FAIL: $*"; fail=1; }

# value NAME FILE: the value of the first sample of NAME.
value() {
	sed -n "s/^$1{[^}]*} \([0-9.]*\)$/\1/p" "$2" | head -n 1
}

# lint FILE WHAT: promtool must accept FILE and say nothing.
lint() {
	if ! promtool check metrics <"$1" >"$tmp/lint" 2>&1 ||
	    [ -s "$tmp/lint" ]; then
		sed 's/^/    /' "$tmp/lint"
		say "$2: promtool check metrics complained"
	fi
}

# wait_http URL: up to 5 s for zbtop to answer.
wait_http() {
	i=0
	while [ $i -lt 50 ]; do
		curl -gsf -o /dev/null "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# 1. The file, as fast as possible: final counts, and promtool.
"$ZBTOP" -r "$sample" -b --iterations 2 --delay 0.2 \
    --metrics-file "$tmp/m/zbtop.prom" </dev/null >"$tmp/out" 2>"$tmp/err" ||
    { cat "$tmp/err"; say "file mode: exit status"; }
last=$(tail -n 1 "$tmp/out")
echo "file mode: $last"
lint "$tmp/m/zbtop.prom" "file mode"
got=$(value zbtop_packets_total "$tmp/m/zbtop.prom")
[ "$last" = "${last#captured=$want }" ] && say "file mode: $last"
[ "$got" = $want ] || say "file mode: zbtop_packets_total $got, not $want"
ls "$tmp/m" | grep -v '^zbtop.prom$' && say "temporary file left behind"
# Print mode too: the counters line is on standard error there.
"$ZBTOP" -r "$sample" -P --metrics-file "$tmp/m/print.prom" >/dev/null \
    2>"$tmp/err" || say "print mode: exit status"
got=$(value zbtop_packets_total "$tmp/m/print.prom")
grep -q "^captured=$got " "$tmp/err" && [ "$got" = $want ] ||
    say "print mode: zbtop_packets_total $got, $(cat "$tmp/err")"

rm -f "$tmp/m/print.prom"

# 2. At recorded speed: the file follows the capture, and clear (1.2 s in)
# resets what the snapshots count, not what the metrics export.
rm -f "$tmp/m/zbtop.prom"
{ sleep 1.2; echo clear; sleep 2; } | "$ZBTOP" -r "$sample" -b --speed 1 \
    --delay 0.5 --iterations 5 --metrics-file "$tmp/m/zbtop.prom" \
    >"$tmp/out" 2>"$tmp/err" &
bg=$!
sleep 1
early=$(value zbtop_packets_total "$tmp/m/zbtop.prom")
wait $bg || { cat "$tmp/err"; say "clear: exit status"; }
bg=""
last=$(tail -n 1 "$tmp/out")
captured=$(echo "$last" | sed -n 's/^captured=\([0-9]*\) .*/\1/p')
shown=$(grep '^packets ' "$tmp/out" | tail -n 1 | cut -d' ' -f2)
got=$(value zbtop_packets_total "$tmp/m/zbtop.prom")
echo "clear: after 1 s the file said $early; last snapshot $shown," \
    "exported $got, $last"
grep -q '^counters cleared$' "$tmp/out" || say "clear: not run"
[ -n "$early" ] && [ "$early" -gt 0 ] ||
    say "clear: the file was not rewritten while running"
[ -n "$captured" ] && [ "$captured" -gt 0 ] || say "clear: captured"
[ "$got" = "$captured" ] || say "clear: exported $got, captured $captured"
[ -n "$shown" ] && [ "$shown" -lt "$captured" ] ||
    say "clear: the snapshots were not reset ($shown)"
[ "$early" -le "$got" ] || say "clear: the exported count went back"

# 3. HTTP at recorded speed; then the same port again, and bad addresses.
"$ZBTOP" -r "$sample" -b --speed 1 --delay 0.5 --iterations 8 \
    --metrics "127.0.0.1:$port" </dev/null >/dev/null 2>"$tmp/err" &
bg=$!
url="http://127.0.0.1:$port"
if wait_http "$url/metrics"; then
	code=$(curl -s -D "$tmp/hdr" -o "$tmp/body" -w '%{http_code}' \
	    "$url/metrics")
	echo "http: $code, $(grep -i '^content-type' "$tmp/hdr" | tr -d '\r')"
	[ "$code" = 200 ] || say "http: status $code"
	grep -qi '^content-type: text/plain; version=0.0.4; charset=utf-8' \
	    "$tmp/hdr" || say "http: Content-Type"
	lint "$tmp/body" "http"
	[ -n "$(value zbtop_packets_total "$tmp/body")" ] ||
	    say "http: no zbtop_packets_total"
	# Two scrapes on one connection: the server keeps it open.
	conns=$(curl -s -o /dev/null -o /dev/null -w '%{num_connects}' \
	    "$url/metrics" "$url/metrics")
	[ "$conns" = 10 ] || say "http: keep-alive: new connections $conns"
	code=$(curl -s -o /dev/null -w '%{http_code}' "$url/")
	[ "$code" = 404 ] || say "http: / answered $code, not 404"
	code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/metrics")
	[ "$code" = 405 ] || say "http: POST answered $code, not 405"
else
	cat "$tmp/err"
	say "http: no answer on $url/metrics"
fi
for a in "127.0.0.1:$port" "nope:$port" "127.0.0.1" "[::1:$port" \
    "127.0.0.1:99999"; do
	"$ZBTOP" -r "$sample" -b --iterations 1 --metrics "$a" </dev/null \
	    >"$tmp/out2" 2>"$tmp/err2"
	st=$?
	echo "--metrics $a: exit $st: $(cat "$tmp/err2")"
	[ $st -eq 1 ] || say "--metrics $a: exit status $st"
	[ "$(wc -l <"$tmp/err2")" -eq 1 ] &&
	    grep -q "^zbtop: cannot serve metrics on " "$tmp/err2" ||
	    say "--metrics $a: not one clear line"
	[ -s "$tmp/out2" ] && say "--metrics $a: capture ran"
done
"$ZBTOP" -r "$sample" -b --iterations 1 --metrics "127.0.0.1:$port" \
    </dev/null >/dev/null 2>"$tmp/err2"
[ "$(cat "$tmp/err2")" = \
    "zbtop: cannot serve metrics on 127.0.0.1:$port: Address already in use" ] ||
    say "port in use: '$(cat "$tmp/err2")'"
"$ZBTOP" -r "$sample" -b --iterations 1 --metrics-file "$tmp/none/z.prom" \
    </dev/null >"$tmp/out2" 2>"$tmp/err2"
st=$?
echo "--metrics-file in a missing directory: exit $st: $(cat "$tmp/err2")"
[ $st -eq 1 ] && [ ! -s "$tmp/out2" ] && [ "$(cat "$tmp/err2")" = \
    "zbtop: cannot write metrics to $tmp/none/z.prom: No such file or directory" ] ||
    say "--metrics-file in a missing directory"
kill $bg 2>/dev/null
wait $bg 2>/dev/null
bg=""

# 4. IPv6 loopback, where there is one.
if grep -q ' lo$' /proc/net/if_inet6 2>/dev/null; then
	"$ZBTOP" -r "$sample" -b --speed 1 --delay 0.5 --iterations 4 \
	    --metrics "[::1]:$port" </dev/null >/dev/null 2>"$tmp/err" &
	bg=$!
	wait_http "http://[::1]:$port/metrics" ||
	    { cat "$tmp/err"; say "[::1]: no answer"; }
	echo "[::1]:$port answered"
	kill $bg 2>/dev/null
	wait $bg 2>/dev/null
	bg=""
else
	echo "[::1]: no IPv6 loopback here, not tried"
fi
exit $fail
