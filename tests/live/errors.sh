#!/bin/sh
# Start-up errors of live capture, for each live mode; each must exit
# non-zero with exactly one line on stderr starting "zbtop: ":
#  - an unknown interface (nosuch0): the line names it;
#  - no CAP_NET_RAW (run as uid/gid 65534 through setpriv, which drops the
#    capabilities with the uid): the line names CAP_NET_RAW;
#  - a filter libpcap rejects ("port 99999"): the line carries libpcap's
#    own message, "illegal port number 99999 > 65535";
#  - --threads 2 with copy mode or a file: "--threads needs -m zbuf".
. tests/lib/netns.sh
zb_testbed setpriv
chmod 755 "$ZB_TMP"
err="$ZB_TMP/err"

# zb_expect_err WHAT PATTERN CMD...: CMD fails with one line matching.
zb_expect_err() {
	what=$1 pat=$2
	shift 2
	timeout 10 "$@" </dev/null >/dev/null 2>"$err"
	rc=$?
	echo "$what: exit $rc: $(cat "$err")"
	[ $rc -ne 0 ] && [ $rc -ne 124 ] || zb_fail "$what: exit status $rc"
	[ "$(wc -l <"$err")" -eq 1 ] || zb_fail "$what: stderr is not one line"
	grep -q "^zbtop: " "$err" || zb_fail "$what: no 'zbtop: ' prefix"
	grep -q -- "$pat" "$err" || zb_fail "$what: does not say '$pat'"
}

for mode in zbuf copy; do
	zb_expect_err "$mode unknown interface" "nosuch0" \
	    ip netns exec "$ZB_NS_CAP" "$ZBTOP" -b --iterations 1 -m "$mode" -i nosuch0
	zb_expect_err "$mode unprivileged" "CAP_NET_RAW" \
	    ip netns exec "$ZB_NS_CAP" setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$ZBTOP" -b --iterations 1 -m "$mode" -i "$ZB_IF_CAP"
	zb_expect_err "$mode bad filter" \
	    "illegal port number 99999 > 65535" \
	    ip netns exec "$ZB_NS_CAP" "$ZBTOP" -b --iterations 1 -m "$mode" -i "$ZB_IF_CAP" "port 99999"
done
zb_expect_err "copy --threads" "--threads needs -m zbuf" \
    ip netns exec "$ZB_NS_CAP" "$ZBTOP" -b --iterations 1 -m copy --threads 2 -i "$ZB_IF_CAP"
zb_expect_err "file --threads" "--threads needs -m zbuf" \
    "$ZBTOP" -b --iterations 1 --threads 2 -r tests/data/sample.pcap
exit 0
