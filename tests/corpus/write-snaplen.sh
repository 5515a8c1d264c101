#!/bin/sh
# -r FILE -s N -w OUT: the pcap header of OUT carries the snaplen in
# force, N, since every record is cut to N bytes (a header of 65535 over
# records cut to 40 tells readers the capture was whole).  Without -s the
# header keeps the input file's snaplen, as tcpdump -r F -w does.
. tests/lib/corpus.sh
zb_corpus zbtop
in=tests/data/sample.pcap
fail=0

# u32 FILE OFFSET: the little-endian 32-bit word at OFFSET of FILE.
u32() {
	od -A n -t u4 -j "$2" -N 4 "$1" | tr -d ' '
}

want=$(u32 "$in" 16)
"$ZBTOP" -r "$in" -w "$tmp/whole.pcap" >/dev/null 2>&1
got=$(u32 "$tmp/whole.pcap" 16)
if [ "$got" != "$want" ]; then
	echo "FAIL: -w without -s: header snaplen $got, input's $want"
	fail=1
fi
for n in 40 96; do
	"$ZBTOP" -r "$in" -s $n -w "$tmp/cut.pcap" >/dev/null 2>&1
	got=$(u32 "$tmp/cut.pcap" 16)
	if [ "$got" != $n ]; then
		echo "FAIL: -s $n -w: header snaplen $got, want $n"
		fail=1
	fi
	# The first record's captured length is within it.
	cap=$(u32 "$tmp/cut.pcap" 32)
	if [ "$cap" -gt $n ]; then
		echo "FAIL: -s $n -w: record of $cap bytes"
		fail=1
	fi
done
exit $fail
