#!/bin/sh
# A file has no interface: batch mode's drops line, its JSON and the exit
# lines never show an interface counter ("interface n/a 0" before), while
# the kernel ring and writer counters are there.
: "${ZBTOP:=./zbtop}"
pcap=tests/data/sample.pcap
[ -f "$pcap" ] || { echo "needs $pcap" >&2; exit 77; }
t=$("$ZBTOP" -b -r "$pcap" --iterations 1) || { echo "zbtop -b failed"; exit 1; }
j=$("$ZBTOP" -b -J -r "$pcap" --iterations 1) || { echo "zbtop -J failed"; exit 1; }
d=$(printf '%s\n' "$t" | grep '^drops: ')
echo "$d" | grep -q 'kernel [0-9]* (ring full).* write [0-9]*$' ||
    { echo "drops line: $d"; exit 1; }
printf '%s\n' "$t" | grep -q 'interface\|n/a' &&
    { echo "an interface counter for a file: $t"; exit 1; }
printf '%s\n' "$j" | grep -q '"interface"' &&
    { echo "an interface counter in JSON: $j"; exit 1; }
exit 0
