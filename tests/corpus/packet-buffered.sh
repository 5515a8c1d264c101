#!/bin/sh
# tcpdump's -U without -w makes the printed lines packet-buffered (like
# -l): "zbtop -U -i IF | grep" must print, not refuse.  A replay lasting
# 20 s at recorded speed (a packet every 0.1 s) is printed into a pipe
# with -U: the reader must have its first lines within 5 s, long before
# a 1 MiB block would fill; the run exits 0 with every packet printed.
# -U with -w keeps its meaning (each packet written at once) and is not
# refused.
#
# Can fail: checked with the zbtop.c before this test, which refused -U
# without -w ("-C, -G, -W, -U and -z go with -w").
. tests/lib/corpus.sh
ZB_TESTS=${ZB_TESTS:-tests}
zb_corpus python3
python3 "$ZB_TESTS/screen/mkpcap.py" "$tmp/slow.pcap" 200 0.1 ||
    { echo "FAIL: mkpcap.py"; exit 1; }

"$ZBTOP" -U -r "$ZB_TESTS/data/sample.pcap" >"$tmp/all" 2>"$tmp/err"
rc=$?
n=$(grep -c '^[0-9][0-9]:' "$tmp/all")
echo "-U -r sample: exit $rc, $n lines"
if [ "$rc" -ne 0 ] || [ "$n" -lt 1000 ]; then
	sed 's/^/    stderr: /' "$tmp/err" | head -n 5
	exit 1
fi

# The pipe's reader is cat into a file; zbtop is stopped after 5 s.
{ timeout --preserve-status -s INT 5 "$ZBTOP" -U -r "$tmp/slow.pcap" --speed 1 \
    2>"$tmp/err"; echo $? >"$tmp/rc"; } | cat >"$tmp/out" &
sleep 3
early=$(wc -l <"$tmp/out")
wait
echo "-U into a pipe: $early lines after 3 s, exit $(cat "$tmp/rc")"
if [ "$early" -lt 5 ] || [ "$(cat "$tmp/rc")" -ne 0 ]; then
	sed 's/^/    stderr: /' "$tmp/err" | head -n 5
	exit 1
fi
exit 0
