#!/bin/sh
# -w on a live capture, for each live mode: zbtop -b -w writes what it
# captures while zbgen sends 5000 frames (seq 1..5000, 64 bytes, 50000
# pps); zbgen -w writes the same 5000 frames to a reference file.  Every
# frame must be equal, byte for byte and in order: tcpdump -e -xx of both
# files, timestamps left out (-t), must be identical (cmp).
. tests/lib/netns.sh
zb_need_root
command -v tcpdump >/dev/null 2>&1 || { echo "needs tcpdump" >&2; exit 77; }
zb_netns_up
zb_tmpdir
zb_cmdpipe
N=5000

"$ZB_GENDIR/zbgen" -w "$ZB_TMP/ref.pcap" -n $N -S 1 >/dev/null ||
    zb_fail "zbgen -w"
tcpdump -nn -t -e -xx -r "$ZB_TMP/ref.pcap" >"$ZB_TMP/ref.txt" 2>/dev/null
[ "$(grep -c '^02:00:00:00:00:02 > 02:00:00:00:00:01' "$ZB_TMP/ref.txt")" \
    -eq $N ] || zb_fail "reference file has not $N frames"

for mode in zbuf copy; do
	out="$ZB_TMP/$mode.out" err="$ZB_TMP/$mode.err"
	pcap="$ZB_TMP/$mode.pcap"
	zb_bg_cap "$ZBTOP" -b -d 1 -i "$ZB_IF_CAP" -m "$mode" -w "$pcap" \
	    <"$ZB_TMP/cmd" >"$out" 2>"$err"
	pid=$ZB_BG_PID
	zb_wait_bound "$pid" 10 || { cat "$err" >&2; zb_fail "$mode: not bound"; }
	zb_in_gen "$ZB_GENDIR/zbgen" -i "$ZB_IF_GEN" -n $N -r 50000 -S 1 \
	    -T 30 >/dev/null || zb_fail "$mode: zbgen"
	sleep 1
	zb_stop "$pid" 10
	rc=$?
	echo "$mode: $(tail -n 1 "$out")"
	[ $rc -eq 0 ] || { cat "$err" >&2; zb_fail "$mode: exit status $rc"; }
	tcpdump -nn -t -e -xx -r "$pcap" >"$ZB_TMP/$mode.txt" 2>"$ZB_TMP/td.err" ||
	    { cat "$ZB_TMP/td.err" >&2; zb_fail "$mode: tcpdump -r failed"; }
	if ! cmp "$ZB_TMP/ref.txt" "$ZB_TMP/$mode.txt"; then
		diff "$ZB_TMP/ref.txt" "$ZB_TMP/$mode.txt" | head -n 20 >&2
		zb_fail "$mode: -w output differs from the frames sent"
	fi
done
exit 0
