#!/bin/sh
# tests/bench/attach-report on a made-up capbench result of the attach
# condition: per repetition the target's ns/pkt, captured fraction and
# generator rate alone and attached from results.tsv, zbtop's CPU from
# attach-run's figures line (not from a later "zbtop said" line); the
# medians and their ratios; exit 0.  A repetition whose zbtop did not
# refresh is shown as incomplete and makes it exit 1.
. tests/lib/corpus.sh
zb_corpus
fail=0
say() { echo "$*" >&2; fail=1; }

printf 'rep\ttool\tstatus\tcap_frac\tcap_ns_pkt\tgen_pps\n' >"$tmp/results.tsv"
row() { printf '%s\t%s\tok\t%s\t%s\t%s\n' "$@" >>"$tmp/results.tsv"; }
row 1 tcpdump-w 1.00000 100.0 200000
row 1 tcpdump-w-attached 1.00000 101.0 190000
row 2 tcpdump-w-attached 0.99000 99.0 210000
row 2 tcpdump-w 1.00000 104.0 220000
row 3 tcpdump-w 0.98000 102.0 180000
row 3 tcpdump-w-attached 1.00000 103.0 200000
for r in 1 2 3; do
	mkdir -p "$tmp/runs/$r-tcpdump-w-attached"
	echo "2000000 packets captured" >"$tmp/runs/$r-tcpdump-w-attached/stderr"
done
echo "attach-run: zbtop refreshes=100 cpu_s=0.02 wall_s=10.0 core_pct=0.200 status=ok exit=1" \
    >>"$tmp/runs/1-tcpdump-w-attached/stderr"
echo "attach-run: zbtop refreshes=110 cpu_s=0.03 wall_s=10.0 core_pct=0.300 status=ok exit=1" \
    >>"$tmp/runs/2-tcpdump-w-attached/stderr"
echo "attach-run: zbtop refreshes=90 cpu_s=0.01 wall_s=10.0 core_pct=0.100 status=ok exit=1" \
    >>"$tmp/runs/3-tcpdump-w-attached/stderr"
echo "attach-run: zbtop said: something" \
    >>"$tmp/runs/3-tcpdump-w-attached/stderr"

out=$(tests/bench/attach-report "$tmp") || say "exit $? on a complete run"
echo "$out"
echo "$out" | grep -qxF '| 2 | 104.0 | 99.0 | 1.0000 | 0.9900 | 220000 | 210000 | 0.300 | 110 |' ||
    say "repetition 2's row"
echo "$out" | grep -qF 'target CPU-ns/pkt: alone 102.0 [100.0-104.0], attached 101.0 [99.0-103.0]: x0.990 (within 2%: yes' ||
    say "CPU line"
echo "$out" | grep -qF 'captured: alone 1.0000 [0.9800-1.0000], attached 1.0000 [0.9900-1.0000]: x1.0000' ||
    say "captured line"
echo "$out" | grep -qF 'zbtop --attach --delay 0.1: 0.200% [0.100-0.300] of a core (target below 1%: met)' ||
    say "zbtop line"

echo "attach-run: zbtop refreshes=0 cpu_s=0.001 wall_s=0.000 core_pct=0.000 status=no-refresh exit=127" \
    >"$tmp/runs/2-tcpdump-w-attached/stderr"
out=$(tests/bench/attach-report "$tmp") &&
    say "exit 0 with a repetition incomplete"
echo "$out" | grep -q '^| 2 | incomplete (status no-refresh)' ||
    say "incomplete repetition not shown"
echo "$out" | grep -q 'medians over 2 repetitions' || say "not 2 repetitions"
exit $fail
