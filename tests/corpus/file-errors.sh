#!/bin/sh
# A file zbtop cannot use gets one line on standard error that names the
# file once, as tcpdump's does, and exit 1: -r of a missing file (libpcap
# puts the name in its own message too: "cannot read F: F: No such file"
# before), of a directory, of a file cut inside its header or inside a
# record, of a file that is no capture; -w into a missing directory or
# onto a directory, also with -C and -G; -F of a missing file.  Where the reason
# is the system's, the whole line is compared; where it is libpcap's
# wording, the line up to the reason and a word of it.
: "${ZBTOP:=./zbtop}"
pcap=tests/data/sample.pcap
[ -f "$pcap" ] || { echo "needs $pcap" >&2; exit 77; }
d=$(mktemp -d "${TMPDIR:-/tmp}/zbtop-ferr.XXXXXX") || exit 1
trap 'rm -rf "$d"' EXIT
# Searchable by the user root drops to: -C and -G make their files then.
chmod 0755 "$d"
head -c 10 "$pcap" >"$d/head.pcap"
head -c 30 "$pcap" >"$d/rec.pcap"
echo "not a capture file at all, just text" >"$d/text.pcap"
fail=0

# check WANT HOW ARGS...: HOW "line" compares the whole line, "prefix"
# takes WANT as "PREFIX|WORD".
check() {
	want=$1 how=$2
	shift 2
	"$ZBTOP" -b --iterations 1 "$@" >/dev/null 2>"$d/err" </dev/null
	rc=$?
	n=$(wc -l <"$d/err")
	line=$(head -n 1 "$d/err")
	ok=1
	[ "$rc" -eq 1 ] && [ "$n" -eq 1 ] || ok=0
	case $how in
	line)	[ "$line" = "$want" ] || ok=0 ;;
	prefix)	case $line in
		"${want%|*}"*"${want#*|}"*) ;;
		*)	ok=0 ;;
		esac ;;
	esac
	if [ "$ok" -eq 0 ]; then
		echo "zbtop $*: exit $rc, $n lines:"
		sed 's/^/    /' "$d/err"
		echo "  wanted one line: $want"
		fail=1
	fi
}

check "zbtop: cannot read $d/missing.pcap: No such file or directory" \
    line -r "$d/missing.pcap"
check "zbtop: cannot read $d: |directory" prefix -r "$d"
check "zbtop: cannot read $d/head.pcap: |truncated" prefix -r "$d/head.pcap"
check "zbtop: $d/rec.pcap: truncated packet record after packet 0|truncated" \
    prefix -r "$d/rec.pcap"
check "zbtop: cannot read $d/text.pcap: |unknown file format" \
    prefix -r "$d/text.pcap"
check "zbtop: cannot write $d/none/x.pcap: No such file or directory" \
    line -r "$pcap" -w "$d/none/x.pcap"
check "zbtop: cannot write $d/none/x.pcap: No such file or directory" \
    line -r "$pcap" -C 1 -w "$d/none/x.pcap"
check "zbtop: cannot write $d/none/x.pcap: No such file or directory" \
    line -r "$pcap" -G 1 -w "$d/none/x.pcap"
check "zbtop: cannot write $d: Is a directory" line -r "$pcap" -w "$d"
check "zbtop: cannot read $d/missing.flt: No such file or directory" \
    line -r "$pcap" -F "$d/missing.flt"

# The name is in each line once, never twice.
for f in missing.pcap head.pcap text.pcap; do
	"$ZBTOP" -b -r "$d/$f" 2>&1 >/dev/null </dev/null |
	    grep -F "$d/$f" | grep -qF "$d/$f: $d/$f" &&
	    { echo "-r $f: name twice"; fail=1; }
done
exit $fail
