#!/bin/sh
# The bpf command shows libpcap's tab between "jt" and "jf" as spacing to
# the next multiple of 8 columns: no tab, no "\x09", no '?', in batch
# mode's output of --command bpf on the sample with filter "udp", and
# every conditional jump reads "jt N  jf M" as tcpdump -d prints it.
: "${ZBTOP:=./zbtop}"
pcap=tests/data/sample.pcap
[ -f "$pcap" ] || { echo "needs $pcap" >&2; exit 77; }
out=$("$ZBTOP" -b -r "$pcap" --iterations 1 --command bpf udp 2>&1 >/dev/null)
jumps=$(printf '%s\n' "$out" | grep -c ' jt ')
[ "$jumps" -gt 0 ] || { echo "no jumps in: $out"; exit 1; }
tab=$(printf '\t')
printf '%s\n' "$out" | grep -q -e "$tab" -e '\\x09' -e '?' &&
    { echo "a tab shown as a control: $out"; exit 1; }
printf '%s\n' "$out" | grep ' jt ' | grep -Evq '^zbtop: \([0-9]{3}\) .* jt [0-9]+ +jf [0-9]+$' &&
    { echo "a jump not as 'jt N  jf M': $out"; exit 1; }
# Spacing to a tab stop: "jf" starts at a multiple of 8 after "zbtop: ".
printf '%s\n' "$out" | grep ' jt ' | sed 's/^zbtop: //' |
    awk '{ i = index($0, "jf"); if ((i - 1) % 8 != 0) bad = 1 } END { exit bad }' ||
    { echo "jf not at a tab stop: $out"; exit 1; }
exit 0
