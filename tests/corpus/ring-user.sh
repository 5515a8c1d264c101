#!/bin/sh
# A ring of -w files (-C 1 -W 3) as root, who becomes nobody once the
# capture is open: when the ring comes round, nobody must be able to reuse
# the first file.  It was made root's before the drop, so zbtop failed at
# the wrap ("cannot write r0: Permission denied (as user nobody)") and lost
# the rest.  Compared with tcpdump -Z
# nobody on the same 40,000 frames: exit 0, the same files with the same
# packet counts.
. tests/lib/netns.sh
zb_need_root
zb_need tcpdump
id nobody >/dev/null 2>&1 || { echo "needs a user nobody" >&2; exit 77; }
[ -x "${ZB_GENDIR:-obj/gen}/zbgen" ] ||
    { echo "needs zbgen (make test-build)" >&2; exit 77; }
: "${ZBTOP:=./zbtop}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-ring.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
"${ZB_GENDIR:-obj/gen}/zbgen" -w "$dir/big.pcap" -n 40000 -S 1 >/dev/null ||
    zb_fail "zbgen -w"
chmod 0755 "$dir"
mkdir "$dir/z" "$dir/t" && chmod 0777 "$dir/z" "$dir/t" || exit 1
"$ZBTOP" -r "$dir/big.pcap" -w "$dir/z/r" -C 1 -W 3 </dev/null >/dev/null \
    2>"$dir/err" || zb_fail "zbtop -C 1 -W 3: exit status $?: $(cat "$dir/err")"
tcpdump -Z nobody -r "$dir/big.pcap" -w "$dir/t/r" -C 1 -W 3 2>/dev/null ||
    zb_fail "tcpdump -C 1 -W 3"
for i in 0 1 2; do
	z=$(tcpdump -r "$dir/z/r$i" 2>/dev/null | wc -l)
	t=$(tcpdump -r "$dir/t/r$i" 2>/dev/null | wc -l)
	[ "$z" -eq "$t" ] && [ "$z" -gt 0 ] ||
	    zb_fail "r$i: zbtop's holds $z packets, tcpdump's $t"
	echo "r$i: $z packets, as tcpdump's"
done
exit 0
