#!/bin/sh
# Copy mode's refusal to rotate agrees with what it shows: its batch
# buffer table has one row (the socket queue), so the answer to "rotate"
# must not say it has no buffers but that its one buffer is read packet
# by packet.  zbtop -b -m copy on the capture veth reads "rotate" on
# standard input.  Expected: one buffer row; one answer naming "one
# buffer"; nothing says "no buffers".
. tests/lib/netns.sh
zb_testbed
echo rotate | zb_in_cap "$ZBTOP" -b -m copy -i "$ZB_IF_CAP" --iterations 1 \
    --delay 0.5 >"$ZB_TMP/out" 2>&1
cat "$ZB_TMP/out"
rows=$(awk '/^RING BUF OWNER/ { t = 1; next } t && NF == 0 { t = 0 }
    t { n++ } END { print n + 0 }' "$ZB_TMP/out")
[ "$rows" = 1 ] || zb_fail "copy mode shows $rows buffer rows, not 1"
grep -q 'no buffers' "$ZB_TMP/out" && zb_fail "says 'no buffers'"
grep -q 'cannot rotate: .*one buffer' "$ZB_TMP/out" ||
    zb_fail "no answer naming its one buffer"
exit 0
