#!/bin/sh
# Protection checked: when the disk under -w fills up, zbtop says so at
# once and the file stays a valid capture of whole packets.  The test
# runs in a private mount namespace (unshare -m) with a 64 KiB tmpfs;
# for each live mode zbtop -b -w there captures while zbgen sends 5000
# frames of 64 bytes (seq 1..5000, 20000 pps; 400 KB of pcap).
# Expected: stderr holds the line "zbtop: cannot write FILE: No space
# left on device; kept N bytes of whole packets" (once) while zbtop keeps
# capturing: captured=5000; the exit status is 1 (the asked-for file is
# incomplete); tcpdump -r reads the file without error and it holds the
# first frames sent, seq 1..K in order with K >= 100, K < 5000, and
# exactly N bytes (24 + K * 80).
#
# Can fail: without the report in batch.c (batch_events) the stderr
# check fails (that was the state before this test: the event was kept
# by the engine and shown nowhere); without pcapw_sync's cut back, the
# file ends in a partial record and tcpdump says "truncated".
if [ -z "$ZB_UNSHARED" ]; then
	[ "$(id -u)" -eq 0 ] || { echo "needs root" >&2; exit 77; }
	command -v unshare >/dev/null 2>&1 ||
	    { echo "needs unshare" >&2; exit 77; }
	ZB_UNSHARED=1 exec unshare -m --propagation private "$0" "$@"
fi
. tests/lib/netns.sh
zb_testbed tcpdump python3
N=5000
mkdir "$ZB_TMP/small" || exit 1
trap 'zb_rc0=$?; umount "$ZB_TMP/small" 2>/dev/null; (exit $zb_rc0); zb_netns_down' EXIT
mount -t tmpfs -o size=64k,mode=1777 zbtop-full "$ZB_TMP/small" ||
    { echo "cannot mount a tmpfs" >&2; exit 77; }

for mode in zbuf copy; do
	pcap="$ZB_TMP/small/$mode.pcap"
	rm -f "$ZB_TMP"/small/*
	zb_zbtop_bound "$mode" -w "$pcap"
	zb_send "$mode" $N 20000
	sleep 1.5
	# Reported while running, not only at exit.
	grep -q "^zbtop: cannot write " "$ZB_ERR" ||
	    { cat "$ZB_ERR" >&2; zb_fail "$mode: no 'cannot write' while running"; }
	zb_zbtop_stop "$mode" 1
	cat "$ZB_ERR"
	[ "$(wc -l <"$ZB_ERR")" -eq 1 ] || zb_fail "$mode: stderr is not one line"
	grep -Eq "^zbtop: cannot write .*$mode\.pcap: No space left on device; kept [0-9]+ bytes of whole packets$" \
	    "$ZB_ERR" || zb_fail "$mode: not the expected message"
	kept=$(sed -n 's/.*; kept \([0-9]*\) bytes.*/\1/p' "$ZB_ERR")
	[ "$(zb_field captured "$ZB_LAST")" -eq $N ] ||
	    zb_fail "$mode: captured is not $N"
	tcpdump -nn -r "$pcap" >"$ZB_TMP/td.out" 2>"$ZB_TMP/td.err" ||
	    { cat "$ZB_TMP/td.err" >&2; zb_fail "$mode: tcpdump -r failed"; }
	! grep -qi truncated "$ZB_TMP/td.err" || zb_fail "$mode: truncated"
	k=$(wc -l <"$ZB_TMP/td.out")
	size=$(stat -c %s "$pcap")
	echo "$mode: $k frames, $size bytes"
	[ "$k" -ge 100 ] && [ "$k" -lt $N ] || zb_fail "$mode: $k frames"
	[ "$size" -eq "$kept" ] && [ "$size" -eq $((24 + k * 80)) ] ||
	    zb_fail "$mode: size $size, kept $kept, $k frames"
	# Every frame the file holds is the next one sent.
	python3 - "$pcap" <<'EOP' || zb_fail "$mode: frames not seq 1..$k in order"
import struct, sys
b = open(sys.argv[1], "rb").read()
off, n = 24, 0
while off < len(b):
    incl = struct.unpack("<I", b[off + 8:off + 12])[0]
    f = b[off + 16:off + 16 + incl]
    n += 1
    if len(f) != incl or struct.unpack("!Q", f[46:54])[0] != n:
        sys.exit(1)
    off += 16 + incl
EOP
done
exit 0
