#!/bin/sh
# The README's Fleets section works as written: its scrape config passes
# promtool check config, its alert rules promtool check rules, and
# promtool test rules fires both alerts on made-up series (drops rising
# on one host and not on another; a ring held for minutes) and neither
# before its "for" has passed.  Every metric family zbtop exports is
# listed in man/zbtop.8 and README.md, and nothing listed in the man
# page's METRICS section is missing from the output.

ZBTOP=${ZBTOP:-./zbtop}
command -v promtool >/dev/null 2>&1 || { echo "needs promtool" >&2; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-docs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
chmod 755 "$tmp"
mkdir -m 777 "$tmp/m"
fail=0
say() { echo "FAIL: $*"; fail=1; }

# The yaml blocks of the Fleets section, in order: 1.yml, 2.yml.
awk -v dir="$tmp" '
    /^## / { fleets = ($0 == "## Fleets") }
    fleets && /^```yaml$/ { n++; f = dir "/" n ".yml"; inblock = 1; next }
    inblock && /^```$/ { inblock = 0; next }
    inblock { print > f }' README.md
[ -s "$tmp/1.yml" ] && [ -s "$tmp/2.yml" ] ||
    { say "README: no scrape config and rules in ## Fleets"; exit 1; }
promtool check config "$tmp/1.yml" >"$tmp/out" 2>&1 ||
    { cat "$tmp/out"; say "the scrape config"; }
cp "$tmp/2.yml" "$tmp/rules.yml"
promtool check rules "$tmp/rules.yml" >"$tmp/out" 2>&1 ||
    { cat "$tmp/out"; say "the alert rules"; }

cat >"$tmp/test.yml" <<'EOF'
rule_files:
  - rules.yml
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'zbtop_drops_total{instance="a:9750",interface="eth0",where="kernel"}'
        values: '0+10x20'
      - series: 'zbtop_drops_total{instance="b:9750",interface="eth0",where="kernel"}'
        values: '0+0x20'
      - series: 'zbtop_ring_held_seconds{instance="a:9750",interface="eth0",ring="1",lane="0"}'
        values: '0 0 10 70 130 190 250'
    alert_rule_test:
      - eval_time: 3m
        alertname: ZbtopDropsRising
        exp_alerts: []
      - eval_time: 15m
        alertname: ZbtopDropsRising
        exp_alerts:
          - exp_labels:
              severity: warning
              instance: a:9750
              interface: eth0
              where: kernel
            exp_annotations:
              summary: "zbtop on a:9750 eth0 is losing packets (kernel)"
      - eval_time: 2m
        alertname: ZbtopRingHeld
        exp_alerts: []
      - eval_time: 5m
        alertname: ZbtopRingHeld
        exp_alerts:
          - exp_labels:
              severity: critical
              instance: a:9750
              interface: eth0
              ring: "1"
            exp_annotations:
              summary: "zbtop on a:9750 eth0: ring 1 held by the consumer for 190 s"
EOF
(cd "$tmp" && promtool test rules test.yml) >"$tmp/out" 2>&1 ||
    { cat "$tmp/out"; say "promtool test rules"; }

# Names: what zbtop exports against what the documents list.
"$ZBTOP" -r tests/data/sample.pcap -b --iterations 1 --delay 0.1 \
    --metrics-file "$tmp/m/zbtop.prom" </dev/null >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err"; say "zbtop --metrics-file"; }
sed -n 's/^# TYPE \([a-z_]*\) .*/\1/p' "$tmp/m/zbtop.prom" | sort -u \
    >"$tmp/exported"
[ "$(wc -l <"$tmp/exported")" -ge 15 ] || say "too few metrics exported"
sed -n '/^\.Sh METRICS/,/^\.Sh /s/^\.It Li \(zbtop_[a-z_]*\).*/\1/p' \
    man/zbtop.8 | sort -u >"$tmp/man"
for m in $(cat "$tmp/exported"); do
	grep -qx "$m" "$tmp/man" || say "man METRICS: no $m"
	grep -q "\`$m\`" README.md || say "README: no $m"
done
for m in $(comm -13 "$tmp/exported" "$tmp/man"); do
	say "man METRICS lists $m, which zbtop does not export"
done
echo "$(wc -l <"$tmp/exported") metric families, all documented"
exit $fail
