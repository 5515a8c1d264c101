#!/bin/sh
# The buffers pane and the header show what batch mode reports for the
# same file: packets, the number of buffers, rotations by reason, a row
# per ring (as many as batch mode lists, with the same lane, active
# marker, buffers by owner and packets) and each buffer's ring, index,
# owner, packets and sequence number, in the detailed view (b).  The replay runs as fast as
# possible, so both end in the same state.
. tests/screen/lib.sh
t_sample

b=$("$ZBTOP" -b -r "$T_PCAP" 2>&1) || t_fail "batch mode failed: $b"
last=$(printf '%s\n' "$b" | grep '^captured=' | tail -n 1)
field() { printf '%s\n' "$last" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
captured=$(field captured)
full=$(field full)
timeout=$(field timeout)
forced=$(field forced)
[ -n "$captured" ] && [ -n "$full" ] || t_fail "no summary line: $b"
# The last buffer table: "RING BUF OWNER ..." then one row per buffer.
printf '%s\n' "$b" | awk '/^RING BUF OWNER/ { n = 0; delete r; next }
    /^ *[0-9]+ +[0-9]+ [a-z]/ { o = $3; sub(/\*$/, "", o)
	r[++n] = $1 " " $2 " " o " " $5 " " $7 }
    END { for (i = 1; i <= n; i++) print r[i] }' >"$T_DIR/batch.rows"
nbufs=$(wc -l <"$T_DIR/batch.rows")
[ "$nbufs" -gt 0 ] || t_fail "batch mode shows no buffers: $b"
# The last ring table: ring[*] lane kernel user free packets.
printf '%s\n' "$b" | awk '/^RING LANE / { n = 0; delete r; on = 1; next }
    /^RING BUF / { on = 0 }
    on && NF == 10 { r[++n] = $1 ($3 == "*" ? "*" : "") " " $2 " " $4 " " \
	$5 " " $6 " " $8 }
    END { for (i = 1; i <= n; i++) print r[i] }' >"$T_DIR/batch.rings"
nrings=$(wc -l <"$T_DIR/batch.rings")
[ "$nrings" -gt 0 ] || t_fail "batch mode shows no rings: $b"

t_start "LANG=C.UTF-8 '$ZBTOP' -r '$T_PCAP' --speed 0"
t_wait 'end of file' 15 || t_fail "the screen never reached the end of file"
# b: the detailed rows, under their column headers.
t_keys b
t_wait '^ RING BUF OWNER ' 5 || t_fail "b: no header over the buffer rows"
t_wait '^ RING LANE ' 5 || t_fail "b: no header over the ring rows"
sleep 1.2
t_cap >"$T_DIR/pane"

grep -q "packets $captured  drops 0" "$T_DIR/pane" ||
    t_fail "header does not show packets $captured"
grep -q "^ Buffers $nbufs " "$T_DIR/pane" ||
    t_fail "buffers pane does not show $nbufs buffers"
grep -q "full $full (.*timeout $timeout (.*forced $forced (" "$T_DIR/pane" ||
    t_fail "rotations differ from batch: full=$full timeout=$timeout forced=$forced"
# Ring rows: "ring" ring[*] Llane kN uN fN bar pct packets (share) ...
awk '$1 == "ring" && $3 ~ /^L[0-9]+$/ {
	for (i = 3; i <= 6; i++) $i = substr($i, 2)
	print $2, $3, $4, $5, $6, $9 }' "$T_DIR/pane" >"$T_DIR/screen.rings"
cmp -s "$T_DIR/batch.rings" "$T_DIR/screen.rings" || {
	echo "batch rings:" >&2; cat "$T_DIR/batch.rings" >&2
	echo "screen rings:" >&2; cat "$T_DIR/screen.rings" >&2
	t_fail "ring rows differ from batch mode ($nrings rings)"
}
# Rows: ring[*] index owner bar pct pkts bytes seq age last.
awk '/^ Buffers /, /^ rotations/ {
	if ($1 ~ /^[0-9]+\*?$/ && $2 ~ /^[0-9]+$/) {
		r = $1; sub(/\*$/, "", r); print r, $2, $3, $6, $8 } }' \
    "$T_DIR/pane" >"$T_DIR/screen.rows"
shown=$(wc -l <"$T_DIR/screen.rows")
[ "$shown" -gt 0 ] || t_fail "no buffer rows on the screen"
head -n "$shown" "$T_DIR/batch.rows" | cmp -s - "$T_DIR/screen.rows" || {
	echo "batch rows:" >&2; cat "$T_DIR/batch.rows" >&2
	echo "screen rows:" >&2; cat "$T_DIR/screen.rows" >&2
	t_fail "buffer rows differ from batch mode"
}
# Owners in distinct colours: kernel green, user yellow, free blue.
esc=$(printf '\033')
tmux -L "$T_SOCK" capture-pane -p -e >"$T_DIR/attr"
for o in kernel:32 user:33 free:34; do
	grep -q " ${o%:*} " "$T_DIR/screen.rows" || continue
	grep -q "$esc\[[0-9;]*${o#*:}m${o%:*}" "$T_DIR/attr" ||
	    t_fail "owner ${o%:*} not in its colour"
done
t_keys q
exit 0
