/*
 * Decoders over hand-built packets: exact summaries, truncation at every
 * length (with exact-size heap copies, so ASan sees any over-read), VLAN
 * stacks, IPv6 extension headers, DNS pointer loops and escaping, tunnel
 * depth, the light parse's fields, the tree and the hex dump.
 */
#include "dec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tbuf.h"
#include "unit.h"

#define DLT_EN10MB	1
#define DLT_RAW		12

static size_t	put(uint8_t *, size_t, const char *);
static size_t	eth(uint8_t *, int);
static size_t	ip4(uint8_t *, int, int);
static char	*sum(int, const uint8_t *, size_t, size_t);
static int	has_marker(const char *);
static void	test_tcp(void);
static void	test_trunc(void);
static void	test_vlan(void);
static void	test_ip6(void);
static void	test_dns(void);
static void	test_misc(void);

static struct tbuf	tb;

/* Hex digits (spaces ignored) into p; returns the byte count. */
static size_t
put(uint8_t *p, size_t off, const char *hex)
{
	unsigned int	v;

	while (*hex != '\0') {
		if (*hex == ' ') {
			hex++;
			continue;
		}
		sscanf(hex, "%2x", &v);
		p[off++] = (uint8_t)v;
		hex += 2;
	}
	return off;
}

static size_t
eth(uint8_t *p, int type)
{
	size_t	n = put(p, 0, "020000000001 020000000002");

	p[n++] = (uint8_t)(type >> 8);
	p[n++] = (uint8_t)type;
	return n;
}

/* IPv4 198.18.0.2 > 198.18.0.1, total length tlen, protocol proto. */
static size_t
ip4(uint8_t *p, int tlen, int proto)
{
	put(p, 0, "4500 0000 1234 4000 40 00 0000 c6120002 c6120001");
	p[2] = (uint8_t)(tlen >> 8);
	p[3] = (uint8_t)tlen;
	p[9] = (uint8_t)proto;
	return 20;
}

/* The summary of an exact-size copy of the first caplen bytes. */
static char *
sum(int dlt, const uint8_t *pkt, size_t caplen, size_t len)
{
	uint8_t	*copy = malloc(caplen ? caplen : 1);

	memcpy(copy, pkt, caplen);
	tbuf_reset(&tb);
	dec_summary(&tb, dlt, copy, (uint32_t)caplen, (uint32_t)len);
	free(copy);
	return tb.s;
}

static int
has_marker(const char *s)
{
	return strstr(s, "[|") != NULL || strstr(s, "[bad ") != NULL;
}

static uint8_t	tcppkt[200];
static size_t	tcplen, tcphdrend;

static void
test_tcp(void)
{
	struct dec_info	info;
	size_t		n;

	n = eth(tcppkt, 0x0800);
	n += ip4(tcppkt + n, 20 + 44 + 10, 6);
	/* 9 > 5555, seq 1000, ack 7, [P.], win 502, mss/nop/ws/sackOK/ts. */
	n = put(tcppkt, n, "0009 15b3 000003e8 00000007 b0 18 01f6 0000 0000"
	    "020405b4 01 030307 0402 080a0000000100000002 00 000000");
	tcphdrend = n;
	n = put(tcppkt, n, "68656c6c6f776f726c64");
	tcplen = n;
	CHECK(strcmp(sum(DLT_EN10MB, tcppkt, n, n), "IP 198.18.0.2.9 > "
	    "198.18.0.1.5555: Flags [P.], seq 1000:1010, ack 7, win 502, "
	    "options [mss 1460,nop,wscale 7,sackOK,TS val 1 ecr 2,eol], "
	    "length 10") == 0);
	CHECK(dec_parse(DLT_EN10MB, tcppkt, (uint32_t)n, (uint32_t)n,
	    &info) == 0);
	CHECK(info.proto == DEC_P_TCP && info.af == 4 && info.ipproto == 6);
	CHECK(info.ethertype == 0x0800 && info.flags == 0);
	CHECK(memcmp(info.src, "\xc6\x12\x00\x02", 4) == 0);
	CHECK(memcmp(info.dst, "\xc6\x12\x00\x01", 4) == 0);
	CHECK(info.sport == 9 && info.dport == 5555);
	CHECK(info.l3off == 14 && info.l4off == 34);
	CHECK(strcmp(dec_proto_name(info.proto), "TCP") == 0);
}

/* Every cut inside a header is marked; cuts in the payload are not. */
static void
test_trunc(void)
{
	struct dec_info	info;
	char		full[512];
	size_t		cap;

	strncpy(full, sum(DLT_EN10MB, tcppkt, tcplen, tcplen), sizeof(full));
	for (cap = 0; cap < tcplen; cap++) {
		const char	*s = sum(DLT_EN10MB, tcppkt, cap, tcplen);

		if (cap < tcphdrend)
			CHECK(has_marker(s));
		else
			CHECK(strcmp(s, full) == 0);
		CHECK(dec_parse(DLT_EN10MB, tcppkt, (uint32_t)cap,
		    (uint32_t)tcplen, &info) == 0);
		if (cap < 14 + 20 + 20)
			CHECK(info.flags & DEC_F_TRUNC);
		tbuf_reset(&tb);
		dec_tree(&tb, DLT_EN10MB, tcppkt, (uint32_t)cap,
		    (uint32_t)tcplen);
		CHECK(tb.len > 0);
	}
	/* An IPv4 header length below 20 bytes stops decoding. */
	tcppkt[14] = 0x43;
	CHECK(strstr(sum(DLT_EN10MB, tcppkt, tcplen, tcplen),
	    "IP bad-hlen 12") != NULL);
	tcppkt[14] = 0x45;
	/* So does a TCP data offset below 5 words. */
	tcppkt[14 + 20 + 12] = 0x30;
	CHECK(strstr(sum(DLT_EN10MB, tcppkt, tcplen, tcplen),
	    "[bad hdr length 12 - too short, < 20]") != NULL);
	tcppkt[14 + 20 + 12] = 0xb0;
}

static void
test_vlan(void)
{
	struct dec_info	info;
	uint8_t		p[128];
	size_t		n;

	/* 802.1ad 200, 802.1Q 100 (priority 3), IPv4, UDP 9 > 9, 4 bytes. */
	n = eth(p, 0x88a8);
	n = put(p, n, "00c8 8100 6064 0800");
	n += ip4(p + n, 20 + 8 + 4, 17);
	n = put(p, n, "0009 0009 000c 0000 5a425351");
	CHECK(strcmp(sum(DLT_EN10MB, p, n, n), "vlan 200, p 0, vlan 100, "
	    "p 3, IP 198.18.0.2.9 > 198.18.0.1.9: UDP, length 4") == 0);
	CHECK(dec_parse(DLT_EN10MB, p, (uint32_t)n, (uint32_t)n, &info) == 0);
	CHECK(info.proto == DEC_P_UDP && info.ethertype == 0x0800);
	CHECK(info.l3off == 22 && info.l4off == 42 && info.dport == 9);
	/* Cut in the middle of the second tag. */
	CHECK(strstr(sum(DLT_EN10MB, p, 20, n), "[|vlan]") != NULL);
	/* A UDP length past the IP payload is inconsistent. */
	p[14 + 8 + 20 + 5] = 0x40;
	CHECK(strcmp(sum(DLT_EN10MB, p, n, n), "vlan 200, p 0, vlan 100, "
	    "p 3, IP 198.18.0.2.9 > 198.18.0.1.9: UDP, bad length 56 > 4") == 0);
}

static void
test_ip6(void)
{
	struct dec_info	info;
	uint8_t		p[200];
	size_t		n;

	/* IPv6, HBH (8), DSTOPT (8), fragment (first, more), UDP 9 > 53. */
	n = put(p, 0, "60000000 0028 00 40 20010db8000000000000000000000001"
	    "20010db8000000000000000000000002");
	n = put(p, n, "3c00 010400000000");	/* HBH -> DSTOPT */
	n = put(p, n, "2c00 010400000000");	/* DSTOPT -> fragment */
	n = put(p, n, "1100 0001 12345678");	/* fragment -> UDP, M */
	n = put(p, n, "0009 000a 0010 0000 0000000000000000");
	CHECK(dec_parse(DLT_RAW, p, (uint32_t)n, (uint32_t)n, &info) == 0);
	CHECK(info.af == 6 && info.ipproto == 17 && info.proto == DEC_P_UDP);
	CHECK((info.flags & DEC_F_FRAG) && info.sport == 9);
	CHECK(info.l4off == 40 + 24);
	/* tcpdump 4.99: the id under -v only. */
	CHECK(strcmp(sum(DLT_RAW, p, n, n), "IP6 2001:db8::1 > 2001:db8::2: "
	    "HBH DSTOPT frag (0|16) 9 > 10: UDP, length 8") == 0);
	/* A later fragment: no transport header to read, nor a word. */
	p[40 + 16 + 3] = 0x08;
	CHECK(dec_parse(DLT_RAW, p, (uint32_t)n, (uint32_t)n, &info) == 0);
	CHECK(info.proto == DEC_P_IPV6 && info.sport == 0);
	CHECK(strcmp(sum(DLT_RAW, p, n, n), "IP6 2001:db8::1 > 2001:db8::2: "
	    "HBH DSTOPT frag (8|16)") == 0);
	/* Cut inside the destination options header. */
	CHECK(strstr(sum(DLT_RAW, p, 40 + 8 + 4, n), "[|dstopt]") != NULL);
}

static size_t
dns_udp(uint8_t *p, const char *dns)
{
	size_t	n, ulen;

	n = eth(p, 0x0800);
	n += ip4(p + n, 0, 17);
	n = put(p, n, "d431 0035 0000 0000");
	n = put(p, n, dns);
	ulen = n - 14 - 20;
	p[14 + 2] = (uint8_t)((ulen + 20) >> 8);
	p[14 + 3] = (uint8_t)(ulen + 20);
	p[14 + 20 + 4] = (uint8_t)(ulen >> 8);
	p[14 + 20 + 5] = (uint8_t)ulen;
	return n;
}

static void
test_dns(void)
{
	struct dec_opts	 o;
	uint8_t		 p[300];
	const char	*s;
	size_t		 n;

	/* Query, RD: 1 question www.example. A. */
	n = dns_udp(p, "1234 0100 0001 0000 0000 0000"
	    "03777777 076578616d706c65 00 0001 0001");
	CHECK(strcmp(sum(DLT_EN10MB, p, n, n), "IP 198.18.0.2.54321 > "
	    "198.18.0.1.53: 4660+ A? www.example. (29)") == 0);
	/* Response with a compressed answer pointing at the question. */
	n = dns_udp(p, "1234 8180 0001 0001 0000 0000"
	    "03777777 076578616d706c65 00 0001 0001"
	    "c00c 0001 0001 0000003c 0004 c6120005");
	CHECK(strcmp(sum(DLT_EN10MB, p, n, n), "IP 198.18.0.2.54321 > "
	    "198.18.0.1.53: 4660 1/0/0 A 198.18.0.5 (45)") == 0);
	/* A pointer to itself: not backwards, so tcpdump's "<BAD PTR>". */
	n = dns_udp(p, "1234 0100 0001 0000 0000 0000 c00c 0001 0001");
	CHECK(strstr(sum(DLT_EN10MB, p, n, n), "A? <BAD PTR> [|domain]") !=
	    NULL);
	/* Two pointers to each other: -vv prints the names, and stops. */
	n = dns_udp(p, "1234 8180 0001 0001 0000 0000 c01e 0001 0001"
	    "c00c 0001 0001 0000003c 0004 c6120005 c00c");
	memset(&o, 0, sizeof o);
	o.verbose = 2;
	tbuf_reset(&tb);
	dec_print(&tb, &o, DLT_EN10MB, p, (uint32_t)n, (uint32_t)n);
	CHECK(strstr(tb.s, "4660 q: A? <BAD PTR> [|domain]") != NULL);
	/* Control bytes in a label come out as text, never raw. */
	n = dns_udp(p, "1234 0100 0001 0000 0000 0000"
	    "04611b5b32 01 5c 00 0001 0001");
	s = sum(DLT_EN10MB, p, n, n);
	CHECK(strstr(s, "A? a^[[2.\\. (") != NULL);
	CHECK(strchr(s, 0x1b) == NULL);
	tbuf_reset(&tb);
	dec_tree(&tb, DLT_EN10MB, p, (uint32_t)n, (uint32_t)n);
	CHECK(strchr(tb.s, 0x1b) == NULL);
	CHECK(strstr(tb.s, "question: A? a\\x1b[2.\\\\.\n") != NULL);
	/* A label running past the capture. */
	n = dns_udp(p, "1234 0100 0001 0000 0000 0000 3f6161");
	CHECK(strstr(sum(DLT_EN10MB, p, n, n), "[|domain]") != NULL);
}

static void
test_misc(void)
{
	struct dec_info	 info;
	const char	*s;
	uint8_t		 p[400];
	size_t		 n, i;

	/* ARP request. */
	n = eth(p, 0x0806);
	n = put(p, n, "0001 0800 06 04 0001 020000000002 c6120002"
	    "000000000000 c6120001");
	CHECK(strcmp(sum(DLT_EN10MB, p, n, n), "ARP, Request who-has "
	    "198.18.0.1 tell 198.18.0.2, length 28") == 0);
	CHECK(dec_parse(DLT_EN10MB, p, (uint32_t)n, (uint32_t)n, &info) == 0);
	CHECK(info.proto == DEC_P_ARP && info.af == 0);
	/*
	 * Unknown ethertype: the link header, -e or not, and nothing after
	 * (tcpdump); unknown IP protocol: named by number.
	 */
	n = eth(p, 0x88b5);
	memset(p + n, 0, 46);
	s = sum(DLT_EN10MB, p, 60, 60);
	CHECK(strstr(s, ", ethertype Unknown (0x88b5), length 60: ") != NULL &&
	    s[strlen(s) - 2] == ':');
	n = eth(p, 0x0800);
	n += ip4(p + n, 40, 132 + 1);
	CHECK(strcmp(sum(DLT_EN10MB, p, 54, 60), "IP 198.18.0.2 > "
	    "198.18.0.1: ip-proto-133 20") == 0);
	/* Unsupported link type. */
	CHECK(dec_parse(160, p, 54, 54, &info) == -1);
	CHECK(!dec_dlt_supported(160) && dec_dlt_supported(DLT_EN10MB));
	CHECK(strcmp(sum(160, p, 54, 54), "unsupported link type 160, "
	    "length 54") == 0);
	/* GRE in GRE in GRE ...: the depth limit stops the recursion. */
	n = 0;
	for (i = 0; i < 10; i++) {
		n += ip4(p + n, (int)(sizeof(p) - n), 47);
		n = put(p, n, "0000 0800");
	}
	CHECK(strstr(sum(DLT_RAW, p, n, n), "[bad tunnel depth]") != NULL);
	CHECK(dec_parse(DLT_RAW, p, (uint32_t)n, (uint32_t)n, &info) == 0);
	CHECK(info.proto == DEC_P_GRE && (info.flags & DEC_F_BAD));
	/* Hex dump layout. */
	tbuf_reset(&tb);
	dec_hex(&tb, (const uint8_t *)"E\x00\x01\x1bxyz0123456789abcdef", 21);
	CHECK(strcmp(tb.s, "0000  45 00 01 1b 78 79 7a 30 31 32 33 34 35 36 "
	    "37 38  E...xyz012345678\n0010  39 61 62 63 64"
	    "                                   9abcd\n") == 0);
	/* Tree: layers, then fields two spaces in. */
	tbuf_reset(&tb);
	dec_tree(&tb, DLT_EN10MB, tcppkt, (uint32_t)tcplen, 1000);
	CHECK(strncmp(tb.s, "Frame: 1000 bytes on wire, 88 captured\n"
	    "Ethernet II\n  destination: 02:00:00:00:00:01\n", 84) == 0);
	CHECK(strstr(tb.s, "\nInternet Protocol version 4\n  version: 4\n")
	    != NULL);
	CHECK(strstr(tb.s, "\n  source port: 9\n") != NULL);
	CHECK(strcmp(dec_proto_name(-1), "?") == 0);
	CHECK(strcmp(dec_proto_name(DEC_P_NPROTO), "?") == 0);
}

int
main(void)
{
	tbuf_init(&tb);
	test_tcp();
	test_trunc();
	test_vlan();
	test_ip6();
	test_dns();
	test_misc();
	tbuf_free(&tb);
	CHECK_DONE();
}
