#!/bin/sh
# -C, -G and -W together, as tcpdump: -W numbers the -C files of each -G
# period (f0, f1, then f0 again), and nothing else is removed.  A replay
# of 40000 frames (some 3.4 MB, one -G hour) with -C 1 -G 3600 -W 2 must
# leave the files tcpdump leaves for the same command (f0 and f1), each
# readable, and more than none of the frames.  -G 1 -W 2 -w x, a name
# without the period's fields, on tests/data/sample.pcap (60 s of
# packet time) must leave x, holding the last second's frames.
#
# Can fail: before this test the -G ring removed the oldest name past
# -W, which with -C's reused names, or a name without strftime fields,
# was the file just opened: zbtop exited 0 and left no file at all.
. tests/lib/corpus.sh
ZB_GENDIR=${ZB_GENDIR:-obj/gen}
zb_corpus tcpdump
[ -x "$ZB_GENDIR/zbgen" ] || { echo "needs $ZB_GENDIR/zbgen" >&2; exit 77; }
asroot=
[ "$(id -u)" -eq 0 ] && asroot="-Z root"
"$ZB_GENDIR/zbgen" -w "$tmp/big.pcap" -n 40000 -S 1 >/dev/null ||
    { echo "FAIL: zbgen"; exit 1; }
mkdir "$tmp/td" "$tmp/zb" || exit 1
# shellcheck disable=SC2086
tcpdump $asroot -r "$tmp/big.pcap" -C 1 -G 3600 -W 2 -w "$tmp/td/f" \
    2>/dev/null || { echo "FAIL: tcpdump"; exit 1; }
# shellcheck disable=SC2086
"$ZBTOP" $asroot -r "$tmp/big.pcap" -C 1 -G 3600 -W 2 -w "$tmp/zb/f" \
    </dev/null >/dev/null 2>"$tmp/err" ||
    { echo "FAIL: zbtop exit status $?: $(cat "$tmp/err")"; exit 1; }
want=$(ls "$tmp/td" | tr '\n' ' ')
got=$(ls "$tmp/zb" | tr '\n' ' ')
fail=0
[ "$got" = "$want" ] ||
    { echo "FAIL: zbtop left '$got', tcpdump '$want'"; fail=1; }
n=0
for f in "$tmp"/zb/*; do
	[ -e "$f" ] || continue
	k=$(tcpdump -r "$f" 2>/dev/null | wc -l)
	[ "$k" -gt 0 ] || { echo "FAIL: $f holds no frame"; fail=1; }
	n=$((n + k))
done
mkdir "$tmp/g" || exit 1
# shellcheck disable=SC2086
"$ZBTOP" $asroot -r tests/data/sample.pcap -G 1 -W 2 -w "$tmp/g/x" \
    </dev/null >/dev/null 2>"$tmp/err" ||
    { echo "FAIL: -G 1 -W 2: exit status $?: $(cat "$tmp/err")"; fail=1; }
k=$(tcpdump -r "$tmp/g/x" 2>/dev/null | wc -l)
[ "$k" -gt 0 ] || { echo "FAIL: -G 1 -W 2 -w x: no x, or x empty"; fail=1; }
[ $fail -eq 0 ] && echo "-C 1 -G 3600 -W 2: $got($n frames), as tcpdump;" \
    "-G 1 -W 2 -w x: x ($k frames)"
exit $fail
