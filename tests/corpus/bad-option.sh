#!/bin/sh
# A command line getopt refuses gets one line on stderr, "zbtop: " and
# what was wrong with which option as typed, and exit status 1 (as
# tcpdump's status; tcpdump adds its usage, zbtop points to -h).  Cases:
# an unknown letter alone and inside a cluster (-nnvvg), a missing
# argument (-c, --buffer-size), an unknown long option (--skip), an
# ambiguous prefix (--n, naming what it could be), a long option given a
# value it does not take (--print=3); -y and -j with a name libpcap does
# not know (tcpdump refuses them too).  tcpdump's -u (NFS handles) is
# accepted, as the man page says, and so are -y and -j with known names.
#
# Can fail: before this test getopt printed its message with the
# binary's path and the whole usage after it (18 lines), -u was refused,
# and -y FOO and -j foo were ignored.
ZBTOP=${ZBTOP:-./zbtop}
f=tests/data/sample.pcap
fail=0

# bad WANT ARGS...: stderr is exactly "zbtop: WANT", status 1, no stdout.
bad() {
	want=$1
	shift
	out=$("$ZBTOP" -r "$f" "$@" 2>/dev/null </dev/null)
	err=$("$ZBTOP" -r "$f" "$@" 2>&1 >/dev/null </dev/null)
	rc=$?
	if [ "$err" != "zbtop: $want" ] || [ $rc -ne 1 ] || [ -n "$out" ]; then
		echo "FAIL: zbtop $*: status $rc, stderr:"
		printf '%s\n' "$err" | head -n 4
		echo "  wanted 'zbtop: $want', status 1, no output"
		fail=1
	fi
}

bad "-g: unknown option (zbtop -h lists them)" -g
bad "-g: unknown option (zbtop -h lists them)" -nnvvg
bad "-g: unknown option (zbtop -h lists them)" --print -gx
bad "-c: needs an argument" -c
bad "--buffer-size: needs an argument" --buffer-size
bad "--skip: unknown option (zbtop -h lists them)" --skip 2
bad "--n: ambiguous, the start of --nano, --no-optimize, \
--no-promiscuous-mode, --number" --n
bad "--print: takes no argument" --print=3
bad "-y FOO: invalid data link type" -y FOO
bad "-j foo: invalid time stamp type" -j foo

n=$("$ZBTOP" -u -c 2 -r "$f" 2>/dev/null </dev/null | wc -l)
[ "$n" -eq 2 ] || { echo "FAIL: -u -c 2: $n lines, not 2"; fail=1; }
n=$("$ZBTOP" -y EN10MB -j adapter -c 2 -r "$f" 2>/dev/null </dev/null | wc -l)
[ "$n" -eq 2 ] || { echo "FAIL: -y EN10MB -j adapter: $n lines, not 2"; fail=1; }
[ $fail -eq 0 ] && echo "bad options: one line each"
exit $fail
