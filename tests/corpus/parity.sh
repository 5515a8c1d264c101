#!/bin/sh
# Line-by-line agreement with tcpdump 4.99 under each print option.  Every
# capture of the shared corpus and of tests/data that tcpdump reads
# without an error goes through TZ=GMT0 tcpdump -n OPTS -r FILE and
# zbtop -P -n OPTS -r FILE, for OPTS each of the sets below.  Records (a
# line with a time stamp and the lines after it without one) are paired
# in order, then their lines; a pair of lines agrees when equal, or when
# zbtop's is tcpdump's with one zbtop addition at its end (" {TLS ...}",
# " {QUIC ...}", " {NBNS ...}", " {LLMNR ...}", see compare.awk).  Every
# other pair, written "OPTS<TAB>FILE<TAB>tcpdump<TAB>zbtop", must match
# one of the known differences below (an ERE each), or the test fails.
# Prints, per option set, the lines compared, those that differ and how
# many of them are known; then up to 20 unexplained lines.
#
# Can fail: against main before this branch (lower-case "unknown" under
# -e, DNS -v without owner names, no DHCP -v options) thousands of lines
# were unexplained.
. tests/lib/corpus.sh
zb_corpus tcpdump zbtop corpus

# Known differences: an ERE against "OPTS<TAB>FILE<TAB>tcpdump<TAB>zbtop"
# (OPTS without -n, "-" for none), one line a group, explained below.
cat >"$tmp/known" <<'EOF'
^[^	]*	(babel_update_oobr|isis-seg-fault-1|l2tp-avp-overflow|ip_packet_bogus_length|icmp-icmp_print-oobr-1|timestamp_invalid_micro|icmp-length-zero|radiotap-heapoverflow|hoobr_juniper3|heap-overflow-1|ipv6-rthdr-oobr|ipv6-srh-tlv-pad1-padn-5-trunc|tftp-heapoverflow)\.pcap(ng)?	
^(-|-vv?|-e|-x|-X|-tttt)	(telnet-iac-check-oobr|resp_3_malicious|bgp_mp_reach_nlri-oobr|heapoverflow-tcp_print|tcp-auth-heapoverflow|scps_invalid|esp_truncated|hoobr_nfs_printfh|nfs-seg-fault-1)\.pcap(ng)?	
^-vv?	(bgp-infinite-loop|icmp-cksum-oobr-1|dhcp6_reconf_asan|ip_ts_opts_asan|tcp_rst_data-trunc)\.pcap(ng)?	
^(-|-e|-x|-X|-tttt|-q)	(ip_printroute_asan)\.pcap(ng)?	
^[^	]*	(ipoib|vsock-1|pptp|unsupported-link-type-160)\.pcap(ng)?	
^(-|-vv?|-e|-x|-X|-tttt)	(afs|babel)\.pcap(ng)?	
^[^	]*	(bigtcp-ipv4|ipv4_tcp_http_xml_tso|time_2038_overflow|time_2106_max|802\.1ad_vlan_ipv4)\.pcap	
^-vv?	(OSPFv2_Capture_FINAL|bgp-role|ntp|RADIUS-RFC4675|eapon1|l2proto|dhcpv6-ia-na|ipv6-routing-header|ipv6-srh-ext-header|udp-ip-fragmented|tcp_rst_data)\.pcap(ng)?	
^-vv	isup\.pcap(ng)?	
^-(x|X|e|v|vv)	l2proto-cut\.pcap	
^-(x|X)	(l2proto-ppp|app-bad)\.pcap	
EOF

# 1. Fuzzed captures of the tcpdump corpus (category "malformed" in its
#    MANIFEST.tsv) that tcpdump reads with exit status 0: they hold its
#    own past overreads and loops; its lines there are no reference
#    (zbtop must only survive them, see decode-all.sh and fuzz-*.sh).
#    Each is excused only under the option sets where it still differs
#    (-q's lines of some, -v's of others, agree); those that agree
#    everywhere are compared in full (bad IPv4/IPv6 versions and header
#    lengths, bootp_asan, ipv6hdr-heapoverflow, ip6_frag_asan, an IPv6
#    payload length 0 without a jumbo option, ICMPv6 of length 0, mobile
#    prefix messages).
# 2. Protocols and link types zbtop does not decode at all: AFS/RX,
#    Babel, IP over InfiniBand (242), VSOCK (271), PPTP control, link
#    type 160 (compare.sh lists the same); under -q AFS and Babel lines
#    agree.  (MPTCP options agree now and are compared.)
# 3. tcpdump 4.99 quirks compare.sh lists: IP total length 0 (BIG TCP,
#    TSO: "bad-len 0"), time stamps past 2^31 ("[Error converting
#    time]"), two spaces before ip-proto-253 after two VLAN tags.
# 4. -v and -vv details zbtop does not print: OSPF, BGP, NTP, RADIUS,
#    EAP, LLDP/CDP/OAM TLVs, DHCPv6, ISUP (-vv only); IPv6 routing
#    headers; SIP over a reassembled IP datagram; TCP RST data.  (MLDv2,
#    ND and hop-by-hop/jumbo captures agree now and are compared.)
# 5. l2proto-cut.pcap (every frame cut at every length): under -e the LLC
#    header before a cut SNAP header, under -v the OAM and LLDP details;
#    under -x/-X tcpdump prints no dump where the link header is all
#    there is.  l2proto-ppp.pcap, app-bad.pcap: where -x starts for PPP
#    control protocols and a malformed SNMP message.

# Record-wise, then line-wise pairing; "OPTS\tFILE\tA\tB" for each pair
# that differs; "total differing" on stderr.
cat >"$tmp/pair.awk" <<'EOF'
function start(l) {
	return l ~ /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]/ ||
	    l ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9]/
}
function addition(e, o) {
	if (!match(o, / \{(TLS|QUIC|NBNS|LLMNR) .*\}$/))
		return 0
	return substr(o, 1, RSTART - 1) == e
}
FNR == NR { if (start($0) || ne == 0) ne++; e[ne, ++nl[ne]] = $0; next }
{ if (start($0) || no == 0) no++; o[no, ++ol[no]] = $0 }
END {
	n = ne > no ? ne : no
	for (i = 1; i <= n; i++) {
		m = nl[i] > ol[i] ? nl[i] : ol[i]
		for (j = 1; j <= m; j++) {
			a = j <= nl[i] ? e[i, j] : "(missing)"
			b = j <= ol[i] ? o[i, j] : "(missing)"
			tot++
			if (a != b && !addition(a, b)) {
				print opts "\t" name "\t" a "\t" b
				d++
			}
		}
	}
	printf "%d %d\n", tot, d > "/dev/stderr"
}
EOF

ls "$SHARED"/corpus/*/pcap/* tests/data/*.pcap >"$tmp/files" 2>/dev/null
fail=0
for opts in - -v -vv -e -x -X -tttt -q; do
	o=$opts
	[ "$o" = - ] && o=
	: >"$tmp/diff"
	total=0
	while read -r f; do
		# shellcheck disable=SC2086
		tcpdump -n $o -r "$f" >"$tmp/want" 2>/dev/null || continue
		# shellcheck disable=SC2086
		"$ZBTOP" -P -n $o -r "$f" >"$tmp/got" 2>/dev/null </dev/null
		awk -v opts="$opts" -v name="${f##*/}" -f "$tmp/pair.awk" \
		    "$tmp/want" "$tmp/got" >>"$tmp/diff" 2>"$tmp/count"
		read -r t d <"$tmp/count"
		total=$((total + t))
	done <"$tmp/files"
	grep -Ev -f "$tmp/known" "$tmp/diff" >"$tmp/new"
	echo "$opts: $total lines, $(wc -l <"$tmp/diff") differ," \
	    "$(wc -l <"$tmp/new") not known"
	if [ -s "$tmp/new" ]; then
		head -n 20 "$tmp/new"
		fail=1
	fi
done
exit $fail
