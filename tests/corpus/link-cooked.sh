#!/bin/sh
# -e on Linux cooked captures (SLL from -i any, SLL2 from -i any with
# -y LINUX_SLL2): the link-level header as tcpdump 4.99 -n -e prints it,
# " In 00:22:6b:97:0e:a2 ethertype ARP (0x0806), length 44: " before the
# protocol's text, with "ifindex N " after SLL2's interface and direction.
# tests/data/sll-lo.pcap and sll2-lo.pcap were written by tcpdump -i any
# over UDP and TCP on lo in a private network namespace (lo is index 1
# everywhere, so tcpdump names it the same on any machine).
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
fail=0
files="tests/data/sll-lo.pcap tests/data/sll2-lo.pcap"
f=$SHARED/corpus/packetnet/pcap/LinuxCookedCapture.pcap
[ -f "$f" ] && files="$files $f"
for f in $files; do
	for o in -e "-e -q"; do
		tcpdump -n $o -r "$f" >"$tmp/want" 2>/dev/null
		"$ZBTOP" $o -r "$f" >"$tmp/got" 2>/dev/null </dev/null
		if [ ! -s "$tmp/want" ] || ! cmp -s "$tmp/want" "$tmp/got"
		then
			echo "FAIL: $o -r $f differs from tcpdump -n $o:"
			diff "$tmp/want" "$tmp/got" | head -n 6
			fail=1
		fi
	done
done
exit $fail
