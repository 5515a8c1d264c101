#!/bin/sh
# Application names of issue 10, point 5: TLS, QUIC, SNMP, NBNS, LLMNR
# and the DNS extended rcode, on the captures tests/data/mkapp.py makes
# (app.pcap well-formed, app-bad.pcap cut short or lying; see the script).
#
# 1. The committed captures are what mkapp.py writes (how they were made).
# 2. For -n, -v, -vv, -q, -e and -x, every zbtop record agrees with the
#    installed tcpdump's (4.99), whole, by compare.awk's rule: equal, or
#    tcpdump's whole record followed by one zbtop addition " {TLS ...}",
#    " {QUIC ...}", " {NBNS ...}" or " {LLMNR ...}" (tcpdump 4.99 decodes
#    none of these; SNMP and DNS must be equal).  -vv leaves DNS out
#    ('not port 53'): tcpdump -vv lists a response's sections, zbtop not.
#    -x leaves the cut SNMP out of app-bad.pcap: where tcpdump's printer
#    gives up at a first byte it dumps the packet from the link header on
#    (print.c's setjmp), zbtop from the network header as for the rest.
# 3. The additions say what they should (the lines listed below, exact;
#    in the -V tree as a layer with a summary field),
#    cut and lying packets end in "[|tls]", "[|quic]", "[|snmp]",
#    "[|nbns]", and the SNI full of terminal controls comes out escaped.
# 4. The ASan/UBSan binary prints the same and reports nothing, also
#    for the -V tree and -x.
#
# Can fail: with the SNI escape removed (tbuf_putn for tbuf_esc in
# dec-tls.c) step 3 fails on the raw ESC; with tls_plausible() accepting
# everything (returning 1 at once), the plain HTTP request on 443 gets a
# {TLS} addition and step 3 fails (both tried).
. tests/lib/corpus.sh
ZBTOP_SAN=${ZBTOP_SAN:-./obj-san/zbtop}
zb_corpus python3 tcpdump zbtop
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../data
fail=0

python3 "$data/mkapp.py" "$tmp" || { echo "FAIL: mkapp.py"; exit 1; }
for f in app app-bad; do
	if ! cmp -s "$tmp/$f.pcap" "$data/$f.pcap"; then
		echo "FAIL: tests/data/$f.pcap is not what mkapp.py writes"
		fail=1
	fi
done

for f in app app-bad; do
	for o in -n -v -vv -q -e -x; do
		x=
		[ "$o" != -vv ] || x='not port 53'
		[ "$o$f" != -xapp-bad ] || x='not port 161'
		tcpdump -n $o -r "$data/$f.pcap" $x >"$tmp/want" 2>/dev/null
		"$ZBTOP" -n $o -r "$data/$f.pcap" $x >"$tmp/got" 2>"$tmp/err" \
		    </dev/null || { echo "FAIL: $f $o: exit $?"; fail=1; }
		awk -v name="$f $o" -f "$here/compare.awk" "$tmp/want" \
		    "$tmp/got" >"$tmp/cmp"
		read -r _ _ n a z <"$tmp/cmp"
		if [ "$n" -gt 0 ] && [ "$n" = "$a" ]; then
			echo "$f $o: $a/$n records as tcpdump, $z with an addition"
		else
			echo "FAIL: $f $o: $a/$n records as tcpdump"
			cat "$tmp/cmp"
			fail=1
		fi
	done
done

# What the additions say (zbtop -n over app.pcap, after the timestamp).
"$ZBTOP" -n -r "$data/app.pcap" 2>/dev/null | cut -d' ' -f2- >"$tmp/app"
while IFS= read -r want; do
	grep -qxF "$want" "$tmp/app" && continue
	echo "FAIL: no line: $want"
	fail=1
done <<'EOF'
IP 198.18.0.2.40000 > 198.18.0.1.443: Flags [P.], seq 1000:1133, ack 2000, win 502, length 133 {TLS rec=1.0 ClientHello hello=1.2 SNI=www.example.com versions=1.3,1.2}
IP 198.18.0.1.443 > 198.18.0.2.40000: Flags [P.], seq 1:139, ack 133, win 502, length 138 {TLS rec=1.2 ServerHello hello=1.2 version=1.3, ChangeCipherSpec, ApplicationData len=40}
IP 198.18.0.1.443 > 198.18.0.2.40000: Flags [P.], seq 139:146, ack 0, win 502, length 7 {TLS rec=1.2 Alert fatal handshake_failure}
IP 198.18.0.1.8443 > 198.18.0.2.40001: Flags [P.], seq 3001:3091, ack 4294966297, win 502, length 90 {TLS rec=1.2 ServerHello hello=1.2 ServerHelloDone}
IP 198.18.0.1.8443 > 198.18.0.2.40001: Flags [P.], seq 4001:4601, ack 4294966297, win 502, length 600 {TLS rec=1.2 Certificate}
IP 198.18.0.1.8443 > 198.18.0.2.40001: Flags [P.], seq 4601:5201, ack 4294966297, win 502, length 600
IP 198.18.0.2.40001 > 198.18.0.1.8443: Flags [P.], seq 4294966298:4294966391, ack 5001, win 502, length 93 {TLS rec=1.2 ClientKeyExchange, ChangeCipherSpec, Handshake (encrypted)}
IP 198.18.0.2.40003 > 198.18.0.1.4433: Flags [P.], seq 1000:1129, ack 2000, win 502, length 129 {TLS rec=1.0 ClientHello hello=1.2 SNI=odd.example versions=1.3,1.2}
IP 198.18.0.2.40004 > 198.18.0.1.443: Flags [P.], seq 1000:1027, ack 2000, win 502, length 27
IP 198.18.0.2.40006 > 198.18.0.1.4444: Flags [P.], seq 1000:1050, ack 2000, win 502, length 50 {TLS rec=1.2 ApplicationData len=30, ApplicationData len=10}
IP 198.18.0.2.40006 > 198.18.0.1.4444: Flags [P.], seq 50:70, ack 1, win 502, length 20
IP 198.18.0.2.40005 > 198.18.0.1.443: Flags [P.], seq 1000:2400, ack 2000, win 502, length 1400 {TLS rec=1.0 ClientHello hello=1.2 SNI=big.example versions=1.3,1.2}
IP 198.18.0.2.40005 > 198.18.0.1.443: Flags [P.], seq 1400:1733, ack 1, win 502, length 333
IP 198.18.0.1.443 > 198.18.0.2.50000: UDP, length 151 {QUIC Initial version=1 dcid=090a0b0c0d0e0f10 scid=0102030405060708 length=60, Handshake version=1 dcid=090a0b0c0d0e0f10 scid=0102030405060708 length=40}
IP 198.18.0.2.50000 > 198.18.0.1.443: UDP, length 72 {QUIC Initial version=1 dcid=0102030405060708 scid=090a0b0c0d0e0f10 token=16 length=30}
IP 198.18.0.1.443 > 198.18.0.2.50000: UDP, length 31 {QUIC VersionNegotiation dcid=090a0b0c0d0e0f10 scid=0102030405060708 versions=0x00000001,0x6b3343cf}
IP 198.18.0.2.50000 > 198.18.0.1.443: UDP, length 56 {QUIC Initial version=2 dcid=0102030405060708 scid=090a0b0c0d0e0f10 length=30}
IP 198.18.0.2.50000 > 198.18.0.1.443: UDP, length 39 {QUIC short-header}
IP 198.18.0.1.137 > 198.18.0.2.137: UDP, length 62 {NBNS query response WORKGROUP<1b> 198.18.0.1}
IP 198.18.0.2.137 > 198.18.255.255.137: UDP, length 68 {NBNS registration broadcast HOST7<20> 198.18.0.2}
IP 198.18.0.2.50001 > 198.18.0.1.5355: UDP, length 22 {LLMNR 17185 A? host. (22)}
IP 198.18.0.1.53 > 198.18.0.2.40020: 21845 BadCookie [0q] 0/0/1 (23)
EOF
n=$(grep -c ' {[A-Z]* ' "$tmp/app")
[ "$n" = 27 ] || { echo "FAIL: $n lines of app.pcap with an addition, not 27"; fail=1; }

"$ZBTOP" -V -r "$data/app.pcap" >"$tmp/tree" 2>/dev/null
for want in 'TLS|  summary: rec=1.0 ClientHello hello=1.2 SNI=www.example.com versions=1.3,1.2' \
    'QUIC|  summary: Initial version=2 dcid=0102030405060708 scid=090a0b0c0d0e0f10 length=30' \
    'NBNS|  summary: query broadcast WORKGROUP<1b>'; do
	awk -v a="${want%%|*}" -v b="${want#*|}" 'p && $0 == b { f = 1 }
	    { p = $0 == a } END { exit !f }' "$tmp/tree" && continue
	echo "FAIL: no tree layer: $want"
	fail=1
done

"$ZBTOP" -n -r "$data/app-bad.pcap" >"$tmp/bad" 2>/dev/null
for m in '[|tls]}:8' '[|quic]}:3' '[|snmp]:2' '[|nbns]}:1' '[|domain]}:1'; do
	k=$(grep -cF "${m%:*}" "$tmp/bad")
	[ "$k" = "${m##*:}" ] || { echo "FAIL: $k lines with ${m%:*}, not ${m##*:}"; fail=1; }
done
esc=$(printf '\033')
if grep -q "$esc" "$tmp/bad" || ! grep -qF 'SNI=\x1b]0;owned\x07' "$tmp/bad"; then
	echo "FAIL: the hostile SNI is not escaped"
	fail=1
fi

if [ -x "$ZBTOP_SAN" ]; then
	for f in app app-bad; do
		for o in -n -v -vv -V -x; do
			"$ZBTOP" $o -r "$data/$f.pcap" >"$tmp/want" 2>/dev/null
			if ! "$ZBTOP_SAN" $o -r "$data/$f.pcap" >"$tmp/got" \
			    2>"$tmp/err" </dev/null ||
			    grep -q 'Sanitizer\|runtime error' "$tmp/err" ||
			    ! cmp -s "$tmp/want" "$tmp/got"; then
				echo "FAIL: ASan binary, $f $o"
				head -20 "$tmp/err"
				fail=1
			fi
		done
	done
	echo "ASan/UBSan binary: same output, no report"
else
	echo "no $ZBTOP_SAN (make test-build): ASan part skipped"
fi
exit $fail
