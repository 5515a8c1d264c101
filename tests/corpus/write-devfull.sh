#!/bin/sh
# -w onto a file that cannot be cut back (/dev/full, a character device)
# says why the write failed, as tcpdump does ("No space left on device"),
# on one "zbtop: " line, and exits 1.  Before, the reason was replaced by
# "cannot cut /dev/full back to the last whole packet: Invalid argument",
# the failed ftruncate of a device, which hid the full disk.  Both the
# end-of-run write (-c 5) and writes during the run (every packet) are
# checked, under ASan+UBSan too.
. tests/lib/corpus.sh
ZB_TESTS=${ZB_TESTS:-tests}
[ -w /dev/full ] || { echo "needs a writable /dev/full" >&2; exit 77; }
zb_corpus

fail=0
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for args in "-c 5" "" "-U"; do
		# shellcheck disable=SC2086
		timeout -k 2 30 "$z" $args -r "$ZB_TESTS/data/sample.pcap" \
		    -w /dev/full >/dev/null 2>"$tmp/err"
		rc=$?
		line=$(grep '^zbtop:' "$tmp/err")
		echo "$z $args -w /dev/full: exit $rc: $line"
		if [ "$rc" -ne 1 ] || [ "$(grep -c '^zbtop:' "$tmp/err")" -ne 1 ] ||
		    ! echo "$line" | grep -q 'No space left on device' ||
		    grep -q 'Invalid argument\|Sanitizer\|runtime error' \
		    "$tmp/err"; then
			fail=1
			sed 's/^/    stderr: /' "$tmp/err" | head -n 10
		fi
	done
done
exit $fail
