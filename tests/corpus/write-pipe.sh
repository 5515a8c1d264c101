#!/bin/sh
# "zbtop -w - | tcpdump -r - -c 3": when the reader of -w's pipe goes
# away (EPIPE), zbtop stops capturing and exits 0 quietly, as print mode
# does for "| head" and as tcpdump does (killed by SIGPIPE).  A replay
# that lasts 20 s at recorded speed must end within 8 s of tcpdump
# reading its 3 packets, with nothing on stderr but the counters line
# (and tcpdump's "reading from file ..." first line, as tcpdump's).
# For -w - with and without -U, under ASan+UBSan too.
#
# Can fail: checked with the pcapw.c and engine.c before this test:
# zbtop said "cannot write -: Broken pipe" and went on capturing to the
# end of the replay (for a live interface, for ever).
. tests/lib/corpus.sh
ZB_TESTS=${ZB_TESTS:-tests}
zb_corpus tcpdump python3
python3 "$ZB_TESTS/screen/mkpcap.py" "$tmp/slow.pcap" 200 0.1 ||
    { echo "FAIL: mkpcap.py"; exit 1; }

fail=0
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for u in "" "-U"; do
		t0=$(date +%s)
		# shellcheck disable=SC2086
		{ timeout -k 2 15 "$z" $u -r "$tmp/slow.pcap" --speed 1 -w - \
		    2>"$tmp/err"; echo $? >"$tmp/rc"; } |
		    tcpdump -n -r - -c 3 >"$tmp/td" 2>/dev/null
		rc=$(cat "$tmp/rc")
		t=$(($(date +%s) - t0))
		echo "$z $u -w - | tcpdump -c 3: exit $rc in ${t}s," \
		    "tcpdump read $(wc -l <"$tmp/td")"
		if [ "$rc" -ne 0 ] || [ "$t" -gt 8 ] ||
		    [ "$(wc -l <"$tmp/td")" -ne 3 ] ||
		    grep -v '^captured=\|^reading from file ' "$tmp/err" |
		    grep -q .; then
			fail=1
			sed 's/^/    stderr: /' "$tmp/err" | head -n 5
		fi
	done
done
exit $fail
