#!/bin/sh
# Ring geometry never differs silently from what was asked.  zbtop -b runs
# in zbuf mode on the capture veth (MTU 1500, GSO/GRO limit 64 KiB) with:
#  -B 2048 --block-size 256 --threads 2: 4 rings of 512 KiB cannot hold
#    4 blocks of 256 KiB; expected one stderr line naming what was asked
#    and "4 rings x 4 x 128 KiB (2048 KiB)", with the reason;
#  -B 100: a block must hold a 64 KiB packet; expected the line with
#    "2 rings x 2 x 128 KiB (512 KiB)" and the GSO/GRO reason;
#  -B 2048 --block-size 256: honoured as asked, stderr holds no ring line;
#  --blocks 3 and all three of -B/--blocks/--block-size: refused, one line.
. tests/lib/netns.sh
zb_testbed

run() {
	zb_in_cap "$ZBTOP" -b -i "$ZB_IF_CAP" -m zbuf --iterations 1 \
	    --delay 0.2 "$@" >/dev/null 2>"$ZB_TMP/err"
	echo "$?: $(cat "$ZB_TMP/err")"
}
expect() {	# args: ring-line-substring, zbtop options...
	want=$1
	shift
	got=$(run "$@")
	echo "$*: $got"
	case $got in
	"0: zbtop: ring: asked "$want) ;;
	*) zb_fail "$*: stderr is not 'zbtop: ring: asked $want'" ;;
	esac
}
expect "-B 2048 --block-size 256, using 4 rings x 4 x 128 KiB (2048 KiB): \
-B over 4 rings leaves 512 KiB a ring, and a ring needs 4 blocks" \
    -B 2048 --block-size 256 --threads 2
expect "-B 100, using 2 rings x 2 x 128 KiB (512 KiB): $ZB_IF_CAP passes \
packets of up to "*" bytes (GSO/GRO) and a block must hold one" -B 100
got=$(run -B 2048 --block-size 256)
echo "honoured: $got"
[ "$got" = "0: " ] || zb_fail "-B 2048 --block-size 256: '$got'"
got=$(run --blocks 3)
echo "--blocks 3: $got"
[ "$got" = "1: zbtop: --blocks: expected a number from 4 to 65536, not '3'" ] ||
    zb_fail "--blocks 3 not refused in one line"
got=$(run -B 1024 --blocks 4 --block-size 8)
echo "three: $got"
case $got in
[1-9]*": zbtop: -B, --blocks and --block-size"*) ;;
*) zb_fail "-B --blocks --block-size together not refused" ;;
esac
exit 0
