#!/bin/sh
# tcpdump's listings go where tcpdump 4.99 writes them, in its words:
# -L (link types, with "(printing not supported)" after those zbtop
# cannot print, as tcpdump marks its own) and -J (time stamp types) on
# stderr, heading included, nothing on stdout (tcpdump -L -i lo
# 2>/dev/null prints nothing); -D on stdout.  Without -i, -L and -J list
# the default interface, as tcpdump; with -r, tcpdump ignores them and
# reads the file, and so does zbtop (saying so).  In a private network
# namespace (unshare -n) with lo up and a veth pair whose one end is
# named "v\1": stdout and stderr of zbtop and tcpdump compared byte for
# byte for -L and -J on v\1, lo, any and the default; -D's lines (zbtop
# leaves out pseudo devices it cannot open, so numbers aside) must be
# among tcpdump's, stderr empty; several -i: the list and the names over
# it on stderr.
#
# Can fail: before, -L and -J wrote to stdout, "-L" without -i crashed
# (a NULL name), "-J" without -i was refused, DOCSIS had no "(printing
# not supported)", and "v\1" showed as "v\\1".
. tests/lib/corpus.sh
[ "$(id -u)" -eq 0 ] || { echo "needs root" >&2; exit 77; }
zb_corpus tcpdump unshare ip zbtop
unshare -n true 2>/dev/null || { echo "needs unshare -n" >&2; exit 77; }
export ZBTOP tmp
unshare -n sh -s <<'EOS'
fail=0
ip link set lo up || exit 77
ip link add 'v\1' type veth peer name w2 2>/dev/null || {
	echo "needs veth" >&2; exit 77; }
ip link set 'v\1' up

# $1: what; the rest: options.  Both streams, byte for byte.
both() {
	what=$1
	shift
	tcpdump "$@" >"$tmp/to" 2>"$tmp/te"
	"$ZBTOP" "$@" >"$tmp/zo" 2>"$tmp/ze" </dev/null
	if ! cmp -s "$tmp/to" "$tmp/zo" || ! cmp -s "$tmp/te" "$tmp/ze"; then
		printf 'FAIL: %s: stdout, then stderr (tcpdump, zbtop):\n' \
		    "$what"
		diff "$tmp/to" "$tmp/zo"
		diff "$tmp/te" "$tmp/ze"
		fail=1
		return
	fi
	[ -s "$tmp/ze" ] || { printf 'FAIL: %s: empty\n' "$what"; fail=1; }
	printf '%s: as tcpdump, %s lines on stderr, %s on stdout: %s\n' \
	    "$what" "$(wc -l <"$tmp/ze")" "$(wc -l <"$tmp/zo")" \
	    "$(head -n 1 "$tmp/ze")"
}
both '-L -i v\1' -L -i 'v\1'
grep -qx '  DOCSIS (DOCSIS) (printing not supported)' "$tmp/ze" ||
    { echo "FAIL: no DOCSIS line marked"; fail=1; }
both '-L -i lo' -L -i lo
both '-L -i any' -L -i any
both '-L' -L
both '-J -i v\1' -J -i 'v\1'
both '-J' -J

# -D: stdout, tcpdump's lines (numbers aside), nothing on stderr.
tcpdump -D 2>"$tmp/te" | sed 's/^[0-9]*\.//' >"$tmp/to"
"$ZBTOP" -D 2>"$tmp/ze" </dev/null | sed 's/^[0-9]*\.//' >"$tmp/zo"
n=0
while IFS= read -r l; do
	grep -Fqx -e "$l" "$tmp/to" || { printf 'FAIL: -D: %s\n' "$l"; fail=1; }
	n=$((n + 1))
done <"$tmp/zo"
if [ -s "$tmp/ze" ] || [ -s "$tmp/te" ] || [ $n -lt 3 ]; then
	echo "FAIL: -D: $n lines, stderr:"
	cat "$tmp/te" "$tmp/ze"
	fail=1
fi
echo "-D: $n lines on stdout, all tcpdump's"

# Several -i: each name over its list, all on stderr.
"$ZBTOP" -L -i 'v\1' -i lo >"$tmp/zo" 2>"$tmp/ze" </dev/null
if [ -s "$tmp/zo" ] || ! grep -qx 'v\\1:' "$tmp/ze" ||
    ! grep -qx 'lo:' "$tmp/ze"; then
	echo "FAIL: -L with two -i: stdout, then stderr:"
	cat "$tmp/zo" "$tmp/ze"
	fail=1
fi

# -L with -r: the file is read, as tcpdump reads it.
tcpdump -n -L -r tests/data/sample.pcap -c 3 >"$tmp/to" 2>"$tmp/te"
"$ZBTOP" -n -L -r tests/data/sample.pcap -c 3 >"$tmp/zo" 2>"$tmp/ze" \
    </dev/null
if ! cmp -s "$tmp/to" "$tmp/zo" ||
    ! grep -Fqx -f "$tmp/te" "$tmp/ze"; then
	echo "FAIL: -L -r: stdout, then stderr (tcpdump, zbtop):"
	diff "$tmp/to" "$tmp/zo"
	diff "$tmp/te" "$tmp/ze"
	fail=1
fi
echo "-L -r: the file's 3 packets, as tcpdump's"
exit $fail
EOS
