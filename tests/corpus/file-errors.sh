#!/bin/sh
# A file zbtop cannot use gets one line on standard error that names the
# file once, as tcpdump's does, and exit 1: -r of a missing file (libpcap
# puts the name in its own message too: "cannot read F: F: No such file"
# before), of a directory, of a file cut inside its header or inside a
# record, of a file that is no capture; -w into a missing directory or
# onto a directory, also with -C and -G; -F of a missing file.  Where the reason
# is the system's, the whole line is compared; where it is libpcap's
# wording, the line up to the reason and a word of it.
. tests/lib/corpus.sh
pcap=tests/data/sample.pcap
[ -f "$pcap" ] || { echo "needs $pcap" >&2; exit 77; }
zb_corpus
# Searchable by the user root drops to: -C and -G make their files then.
chmod 0755 "$tmp"
head -c 10 "$pcap" >"$tmp/head.pcap"
head -c 30 "$pcap" >"$tmp/rec.pcap"
echo "not a capture file at all, just text" >"$tmp/text.pcap"
fail=0

# check WANT HOW ARGS...: HOW "line" compares the whole line, "prefix"
# takes WANT as "PREFIX|WORD".
check() {
	want=$1 how=$2
	shift 2
	"$ZBTOP" -b --iterations 1 "$@" >/dev/null 2>"$tmp/err" </dev/null
	rc=$?
	n=$(wc -l <"$tmp/err")
	line=$(head -n 1 "$tmp/err")
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
		sed 's/^/    /' "$tmp/err"
		echo "  wanted one line: $want"
		fail=1
	fi
}

check "zbtop: cannot read $tmp/missing.pcap: No such file or directory" \
    line -r "$tmp/missing.pcap"
check "zbtop: cannot read $tmp: |directory" prefix -r "$tmp"
check "zbtop: cannot read $tmp/head.pcap: |truncated" prefix -r "$tmp/head.pcap"
check "zbtop: $tmp/rec.pcap: truncated packet record after packet 0|truncated" \
    prefix -r "$tmp/rec.pcap"
check "zbtop: cannot read $tmp/text.pcap: |unknown file format" \
    prefix -r "$tmp/text.pcap"
check "zbtop: cannot write $tmp/none/x.pcap: No such file or directory" \
    line -r "$pcap" -w "$tmp/none/x.pcap"
check "zbtop: cannot write $tmp/none/x.pcap: No such file or directory" \
    line -r "$pcap" -C 1 -w "$tmp/none/x.pcap"
check "zbtop: cannot write $tmp/none/x.pcap: No such file or directory" \
    line -r "$pcap" -G 1 -w "$tmp/none/x.pcap"
check "zbtop: cannot write $tmp: Is a directory" line -r "$pcap" -w "$tmp"
check "zbtop: cannot read $tmp/missing.flt: No such file or directory" \
    line -r "$pcap" -F "$tmp/missing.flt"

# The name is in each line once, never twice.
for f in missing.pcap head.pcap text.pcap; do
	"$ZBTOP" -b -r "$tmp/$f" 2>&1 >/dev/null </dev/null |
	    grep -F "$tmp/$f" | grep -qF "$tmp/$f: $tmp/$f" &&
	    { echo "-r $f: name twice"; fail=1; }
done
exit $fail
