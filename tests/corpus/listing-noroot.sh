#!/bin/sh
# Protection checked: without CAP_NET_RAW, tcpdump's listing options on
# an interface (-d, -L) end with one line that names what is missing, as
# -i itself does ("needs CAP_NET_RAW"), and exit 1.  Run as uid 65534
# through setpriv, on lo.
#
# Can fail: before, src/compat.c said only "zbtop: lo: socket:
# Operation not permitted".
ZBTOP=${ZBTOP:-./zbtop}
[ "$(id -u)" -eq 0 ] || { echo "needs root (to become nobody)" >&2; exit 77; }
command -v setpriv >/dev/null 2>&1 || { echo "needs setpriv" >&2; exit 77; }
for z in "$ZBTOP" ${ZBTOP_SAN:+"$ZBTOP_SAN"}; do
	[ -x "$z" ] || continue
	for opt in -d -L; do
		out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
		    "$z" "$opt" -i lo 2>&1 >/dev/null)
		rc=$?
		echo "$opt -i lo as uid 65534: exit $rc: $out"
		[ $rc -eq 1 ] || { echo "FAIL: exit $rc, not 1"; exit 1; }
		[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] &&
		    printf '%s\n' "$out" | grep -q '^zbtop: lo: .*(needs CAP_NET_RAW' ||
		    { echo "FAIL: not one line naming CAP_NET_RAW"; exit 1; }
	done
done
exit 0
