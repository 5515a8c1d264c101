#!/bin/sh
# The buffers pane's strip in file mode (no root): the sample replayed
# through the buffer model shows a column header and one strip with a
# cell for each of the model's buffers, as many as batch mode lists, each
# with the owner batch mode reports once the replay is over; in ASCII
# the fill is a digit, '#' or '.'.
. tests/screen/lib.sh
t_sample

b=$("$ZBTOP" -b -r "$T_PCAP" 2>&1) || t_fail "batch mode failed: $b"
owners=$(printf '%s\n' "$b" | awk '/^RING BUF OWNER/ { s = ""; next }
    /^ *[0-9]+ +[0-9]+ [a-z]/ { s = s substr($3, 1, 1) } END { print s }')
[ -n "$owners" ] || t_fail "batch mode lists no buffers: $b"

t_start "LANG=C '$ZBTOP' -r '$T_PCAP' --speed 0"
t_wait 'end of file' 15 || t_fail "the screen never reached the end of file"
sleep 1.2
t_cap >"$T_DIR/pane"
grep -Eq '^ RING LANE +BUFFERS' "$T_DIR/pane" || t_fail "no column header"
strip=$(awk '$1 == "ring" && $3 ~ /^L[0-9]+$/ {
	s = ""
	for (i = 4; i <= NF && $i ~ /^[kuf][.1-9#]$/; i++)
		s = s substr($i, 1, 1)
	print s }' "$T_DIR/pane")
[ "$strip" = "$owners" ] ||
    t_fail "strip owners '$strip', batch mode '$owners'"
t_keys q
exit 0
