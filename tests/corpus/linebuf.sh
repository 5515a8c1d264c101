#!/bin/sh
# Print mode's buffering (issue 10), as tcpdump's: into a pipe, lines are
# block-buffered; -l makes them line-buffered.  A file of 40 frames 0.1 s
# apart is replayed at recorded speed (4 s) into a pipe; with -l the
# first line must reach the reader within 1.5 s of the start, and without
# -l it must not arrive before 3 s (everything comes at the end).  The
# second half shows the test can fail: the same check, reversed.  (No
# line at all counts as 99 s.)
. tests/lib/corpus.sh
zb_corpus python3 zbtop
python3 tests/screen/mkpcap.py "$tmp/slow.pcap" 40 0.1 ||
    { echo "FAIL: mkpcap.py"; exit 1; }

# first OPT...: seconds from start until the first line reached the pipe.
first() {
	t0=$(date +%s.%N)
	"$ZBTOP" "$@" -r "$tmp/slow.pcap" --speed 1 2>/dev/null </dev/null |
	    { IFS= read -r line && date +%s.%N >"$tmp/t1"; cat >/dev/null; }
	[ -s "$tmp/t1" ] || { echo 99; return; }
	awk -v a="$t0" -v b="$(cat "$tmp/t1")" 'BEGIN { printf "%.2f", b - a }'
	rm -f "$tmp/t1"
}

fail=0
t=$(first -l)
echo "-l: first line after ${t}s"
awk -v t="$t" 'BEGIN { exit t < 1.5 ? 0 : 1 }' ||
    { echo "FAIL: -l: the first line took ${t}s"; fail=1; }
t=$(first -P)
echo "-P into a pipe: first line after ${t}s"
awk -v t="$t" 'BEGIN { exit t >= 3 ? 0 : 1 }' ||
    { echo "FAIL: -P into a pipe: not block-buffered (${t}s)"; fail=1; }
exit $fail
