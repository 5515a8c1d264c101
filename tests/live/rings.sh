#!/bin/sh
# Per-ring counters (issue 5): zbtop -b -J --iterations 2 --delay 2 --threads 2 on the
# capture end while zbgen sends exactly 20000 64-byte frames of 64 flows
# at 50000 pps (0.4 s), started once every socket is bound.  Expected:
# the last snapshot, 4 s after the start, lists 4 rings, rings 2l and
# 2l + 1 in lane l; the rings' packets add up to the snapshot's packets,
# exactly 20000 (the 100 ms retire timeout hands the last blocks over:
# over 3 s of margin); lanes 0 (rings 0, 1) and 1 (2, 3) both got some.
. tests/lib/netns.sh
zb_testbed
N=20000
out="$ZB_TMP/out" err="$ZB_TMP/err"

zb_bg_cap "$ZBTOP" -b -J --iterations 2 --delay 2 --threads 2 -i "$ZB_IF_CAP" \
    </dev/null >"$out" 2>"$err"
pid=$ZB_BG_PID
zb_wait_bound "$pid" 10 || { cat "$err" >&2; zb_fail "not bound"; }
zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 50000 -F 64 -T 10 \
    >/dev/null || zb_fail "zbgen"
zb_wait_exit "$pid" 10
rc=$?
[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "exit status $rc"; }
snap=$(grep '^{' "$out" | tail -n 1)
[ -n "$snap" ] || { cat "$out" >&2; zb_fail "no JSON snapshot"; }
# The last snapshot's packets, then a line per ring: ring lane packets.
printf '%s\n' "$snap" | awk '
    function num(s, k) {
	if (!match(s, "\"" k "\":[0-9]+"))
		return -1
	return substr(s, RSTART + length(k) + 3, RLENGTH - length(k) - 3)
    }
    { top = $0; sub(/"rings":.*$/, "", top); print num(top, "packets")
	r = $0; sub(/^.*"rings":\[/, "", r); sub(/\].*$/, "", r)
	n = split(r, o, /\},\{/)
	for (i = 1; i <= n; i++)
		print num(o[i], "ring"), num(o[i], "lane"), num(o[i], "packets")
    }' >"$ZB_TMP/parsed"
packets=$(head -n 1 "$ZB_TMP/parsed")
sed 1d "$ZB_TMP/parsed" >"$ZB_TMP/rings"
cat "$ZB_TMP/rings"
echo "snapshot packets: $packets"
[ "$(wc -l <"$ZB_TMP/rings")" -eq 4 ] || zb_fail "not 4 rings: $snap"
awk '$2 != int($1 / 2) { exit 1 }' "$ZB_TMP/rings" ||
    zb_fail "a ring in the wrong lane"
[ "$packets" = $N ] || zb_fail "snapshot packets $packets, not $N"
sum=$(awk '{ s += $3 } END { print s + 0 }' "$ZB_TMP/rings")
[ "$sum" = "$packets" ] || zb_fail "rings add up to $sum, not $packets"
for l in 0 1; do
	n=$(awk -v l=$l '$2 == l { s += $3 } END { print s + 0 }' \
	    "$ZB_TMP/rings")
	[ "$n" -gt 0 ] || zb_fail "lane $l got no packets"
done
exit 0
