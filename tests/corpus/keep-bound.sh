#!/bin/sh
# --keep is bounded when options are read, naming the option: 1048576
# (past the range 1..32768), 32769 and half this machine's memory plus one MiB
# (from /proc/meminfo's MemTotal) are each refused with exit status 1 and
# one stderr line that names --keep; --keep 1 is accepted.  -b -r
# tests/data/sample.pcap, where nothing is allocated for the list, so
# only the check can refuse.
ZBTOP=${ZBTOP:-./zbtop}
[ -r /proc/meminfo ] || { echo "needs /proc/meminfo" >&2; exit 77; }
half=$(awk '/^MemTotal:/ { print int($2 / 1024 / 2) + 1 }' /proc/meminfo)
for k in 1048576 32769 $half; do
	[ "$k" -le 1048576 ] || continue
	err=$("$ZBTOP" -b -r tests/data/sample.pcap --keep "$k" \
	    --iterations 1 2>&1 >/dev/null)
	rc=$?
	echo "--keep $k: exit $rc: $err"
	[ $rc -eq 1 ] || { echo "FAIL: --keep $k: exit $rc"; exit 1; }
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
	    { echo "FAIL: --keep $k: not one line"; exit 1; }
	case $err in
	*--keep*) ;;
	*) echo "FAIL: --keep $k: the line does not name --keep"; exit 1 ;;
	esac
done
"$ZBTOP" -b -r tests/data/sample.pcap --keep 1 --iterations 1 \
    >/dev/null 2>&1 || { echo "FAIL: --keep 1 refused"; exit 1; }
exit 0
