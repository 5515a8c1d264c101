#!/bin/sh
# make check-freebsd: without a FreeBSD header set it says it skipped and
# succeeds; given a root whose headers are not FreeBSD's (an empty
# net/bpf.h and nothing else) clang fails and so does the target, so the
# check can fail.  A real FREEBSD_SYSROOT is never shipped or needed here.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-bsdroot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=$(make -s check-freebsd FREEBSD_SYSROOT= 2>&1) || {
	echo "without a sysroot: failed: $out"; exit 1; }
echo "$out" | grep -q '^check-freebsd: skipped: ' || {
	echo "without a sysroot: no skip line: $out"; exit 1; }
command -v clang >/dev/null || { echo "needs clang" >&2; exit 77; }
mkdir -p "$tmp/usr/include/net"
: >"$tmp/usr/include/net/bpf.h"
if make -s check-freebsd FREEBSD_SYSROOT="$tmp" >"$tmp/log" 2>&1; then
	echo "a root without FreeBSD's headers passed:"; cat "$tmp/log"
	exit 1
fi
grep -q 'src/bpfc-freebsd.c' "$tmp/log" || {
	echo "the failing file is not named:"; cat "$tmp/log"; exit 1; }
exit 0
