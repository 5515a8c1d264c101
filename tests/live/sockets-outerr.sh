#!/bin/sh
# --sockets and --attach keep batch mode's rule for a failing standard
# output (src/batch.c, batch_outerr): into /dev/full, one line "zbtop:
# cannot write standard output: No space left on device" and exit 1; into
# "| head -1", a quiet exit 0 at once.  With tcpdump capturing on a veth
# in a namespace made here, for --sockets, --sockets -J, --sockets
# --filters, --attach PID and --attach PID -J, under ASan+UBSan too.
#
# Can fail: checked with the sockets.c before this test, whose loops
# stopped on a failed write without a word: every /dev/full case exited 0.
. tests/lib/netns.sh
zb_testbed tcpdump

zb_bg_cap tcpdump -i "$ZB_IF_CAP" -w /dev/null -nn udp </dev/null \
    2>"$ZB_TMP/td.err"
TD=$ZB_BG_PID
zb_wait_bound "$TD" 10 || { cat "$ZB_TMP/td.err" >&2; zb_fail "tcpdump: not bound"; }

fail=0
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for args in "--sockets" "--sockets -J" "--sockets --filters" \
	    "--attach $TD" "--attach $TD -J"; do
		# shellcheck disable=SC2086
		timeout -k 2 10 "$z" $args --delay 0.2 --iterations 3 \
		    >/dev/full 2>"$ZB_TMP/err"
		rc=$?
		echo "$z $args >/dev/full: exit $rc: $(head -n 1 "$ZB_TMP/err")"
		if [ "$rc" -ne 1 ] || [ "$(wc -l <"$ZB_TMP/err")" -ne 1 ] ||
		    ! grep -qx 'zbtop: cannot write standard output: No space left on device' \
		    "$ZB_TMP/err"; then
			fail=1
			sed 's/^/    stderr: /' "$ZB_TMP/err" | head -n 5
		fi
		# No limit: only the closed pipe ends it.
		# shellcheck disable=SC2086
		{ timeout -k 2 10 "$z" $args --delay 0.2 2>"$ZB_TMP/err"
		    echo $? >"$ZB_TMP/rc"; } | head -n 1 >/dev/null
		rc=$(cat "$ZB_TMP/rc")
		echo "$z $args | head -1: exit $rc"
		if [ "$rc" -ne 0 ] || [ -s "$ZB_TMP/err" ]; then
			fail=1
			sed 's/^/    stderr: /' "$ZB_TMP/err" | head -n 5
		fi
	done
done
zb_stop "$TD" 5 >/dev/null
exit $fail
