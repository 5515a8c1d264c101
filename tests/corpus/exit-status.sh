#!/bin/sh
# zbtop exits with tcpdump 4.99's status on the same command line, for
# the refusals and the harmless leftovers both accept: files that are
# missing, empty, no capture, a directory, a header alone; counts, snap
# lengths and sizes out of range; bad filters (syntax, port, net, MAC;
# no host names: no test may wait for a resolver); -Q, -y,
# -j, --time-stamp-precision with a bad word; -T with a word tcpdump
# does not know (refused) or knows (ignored, zbtop says so); options
# without effect on a file (-Q in, -E, -M, -N, -H, -I, -L, -j host).
# Messages differ where README's "Deliberate differences" says so; only
# the status is compared here.
#
# Can fail: before, zbtop ignored "-T foo" with a warning and exit 0,
# where tcpdump refuses it ("unknown packet type `foo'"), exit 1.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop
s=tests/data/sample.pcap
: >"$tmp/empty.pcap"
head -c 24 "$s" >"$tmp/hdr.pcap"
echo "not a capture" >"$tmp/text.pcap"
fail=0
n=0
while IFS= read -r args; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	eval tcpdump -n $args >/dev/null 2>&1 </dev/null
	want=$?
	# shellcheck disable=SC2086
	eval '"$ZBTOP"' -n $args >/dev/null 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "FAIL: $args: exit $got, tcpdump's $want"
		sed 's/^/    /' "$tmp/err" | head -n 3
		fail=1
	fi
done <<EOF
-r $tmp/missing.pcap
-r $tmp/empty.pcap
-r $tmp/hdr.pcap
-r $tmp/text.pcap
-r $tmp
-r $s -c 0
-r $s -c -1
-r $s -c 99999999999999999999
-r $s -c 3
-r $s -s -1
-r $s -s 262145
-r $s -s 0 -c 1
-r $s -C 0 -w $tmp/x.pcap
-r $s -W 0 -w $tmp/x.pcap
-r $s -G -1 -w $tmp/x.pcap
-r $s -B 0
-r $s 'tcp port'
-r $s 'port 99999'
-r $s 'net 1.2.3.4/8'
-r $s 'ether host 1:2:3:4:5:6:7'
-r $s 'ip6 protochain tcp'
-r $s -c 1 'ip6 protochain 6 or tcp[tcpflags] & tcp-push != 0'
-r $s -c 2 'ether[0] & 1 = 0 and vlan and (mpls or not pppoes)'
-r $s -Q bogus
-r $s -Q in -c 1
-r $s -y FOO
-r $s -y EN10MB -c 1
-r $s -j foo
-r $s -j host -c 1
-r $s --time-stamp-precision=pico
-r $s -T foo
-r $s -T rtp -c 1
-r $s -T SNMP -c 1
-r $s -E esp-sha1:secret -c 1
-r $s -M secret -c 1
-r $s -N -H -I -c 1
-r $s -L -c 1
-r
--bogus-option -r $s
EOF
[ $fail -eq 0 ] && echo "exit status: as tcpdump's on $n command lines"
exit $fail
