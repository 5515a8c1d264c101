#!/bin/sh
# Protection checked: -b writes its snapshots on standard output, so
# "-b -w -" is refused with one line naming both and exit 1, as "-b -P"
# is, and nothing reaches standard output: never snapshot text mixed into
# a pcap stream.
# Can fail: before opts-check.c refused it, "zbtop -b -w - -r FILE" wrote
# the pcap to standard output, then exited 1 with "cannot write standard
# output: Bad file descriptor"; live, "-b -w - -i IF" put each
# snapshot's text between the pcap records, and tcpdump -r stopped at the
# first one ("invalid packet capture length").
. tests/lib/corpus.sh
zb_corpus
"$ZBTOP" -b -w - -r tests/data/sample.pcap >"$tmp/out" 2>"$tmp/err" </dev/null
rc=$?
echo "-b -w -: exit $rc, $(wc -c <"$tmp/out") bytes out: $(cat "$tmp/err")"
[ "$rc" -eq 1 ] || { echo "FAIL: exit $rc, not 1"; exit 1; }
[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^zbtop: .*-b.*-w -\|^zbtop: .*-w -.*-b' \
    "$tmp/err" || { echo "FAIL: not one line naming -b and -w -"; exit 1; }
[ ! -s "$tmp/out" ] || { echo "FAIL: wrote to standard output"; exit 1; }
exit 0
