#!/bin/sh
# Print mode on a live interface says on stderr what tcpdump says there:
# at start "listening on IF, link-type EN10MB (Ethernet), snapshot
# length 262144 bytes" (after "zbtop: "), which scripts wait for before
# sending; at the end "1 packet captured", "1 packet received by filter",
# "0 packets dropped by kernel", word for word, then zbtop's closing
# line (captured=...) last, which the benchmarks read.  zbtop -P and
# tcpdump capture the same single frame on the veth; after SIGTERM their
# "listening on" and "packet" lines must be equal.  A replay (-r) says
# none of them, as tcpdump.
#
# Can fail: before this test print mode said nothing at start and only
# "captured=1 dropped=0 kernel=1 ..." at the end.
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump
zb_netns_up
zb_tmpdir
zb_bg_cap "$ZBTOP" -P -i "$ZB_IF_CAP" </dev/null >/dev/null \
    2>"$ZB_TMP/zb.err"
pid=$ZB_BG_PID
zb_wait_bound "$pid" 10 || { cat "$ZB_TMP/zb.err" >&2; zb_fail "not bound"; }
zb_bg_cap tcpdump -Z root -n -i "$ZB_IF_CAP" </dev/null >/dev/null \
    2>"$ZB_TMP/td.err"
td=$ZB_BG_PID
i=0
until grep -q 'listening on' "$ZB_TMP/td.err" 2>/dev/null; do
	[ $i -lt 200 ] || zb_fail "tcpdump did not start"
	sleep 0.05
	i=$((i + 1))
done
zb_send one 1 100
sleep 1
kill -TERM "$pid" "$td"
zb_wait_exit "$pid" 10 || zb_fail "zbtop: exit status $?"
zb_wait_exit "$td" 10 >/dev/null 2>&1
{ sed -n 's/^\(tcpdump: \)\{0,1\}\(listening on .*\)/zbtop: \2/p' \
    "$ZB_TMP/td.err"; grep ' packets\{0,1\} ' "$ZB_TMP/td.err"; } \
    >"$ZB_TMP/td.lines"
grep ' packets\{0,1\} \|^zbtop: listening on ' "$ZB_TMP/zb.err" \
    >"$ZB_TMP/zb.lines"
grep -qx '1 packet captured' "$ZB_TMP/td.lines" ||
    { cat "$ZB_TMP/td.err" >&2; zb_fail "tcpdump did not capture 1"; }
if ! cmp -s "$ZB_TMP/td.lines" "$ZB_TMP/zb.lines"; then
	diff "$ZB_TMP/td.lines" "$ZB_TMP/zb.lines" >&2
	zb_fail "stderr lines differ from tcpdump's"
fi
tail -n 1 "$ZB_TMP/zb.err" | grep -q '^captured=1 ' ||
    zb_fail "last line is not captured=1: $(tail -n 1 "$ZB_TMP/zb.err")"
"$ZBTOP" -P -r tests/data/sample.pcap </dev/null >/dev/null \
    2>"$ZB_TMP/r.err" || zb_fail "-r: exit status $?"
grep -q ' packets\{0,1\} \|listening on' "$ZB_TMP/r.err" &&
    zb_fail "-r says tcpdump's live lines: $(cat "$ZB_TMP/r.err")"
echo "stderr lines as tcpdump's: $(tr '\n' ';' <"$ZB_TMP/zb.lines")"
exit 0
