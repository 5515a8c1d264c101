/*
 * Writes tests/data/sample.pcap: a made-up but realistic minute of
 * traffic for first-time users and screen tests (zbtop -r sample.pcap).
 * It writes a file and never sends anything.  The mix: DHCP, ARP, DNS
 * queries and answers, TCP connections (handshake, request, response,
 * FIN), ICMP echo, IPv6 neighbour discovery and ICMPv6 echo, 802.1Q
 * frames, VXLAN, and bulk UDP.  Addresses only from 198.18.0.0/15 and
 * 2001:db8::/32.  The output is the same on every run and every host
 * (fixed seed, fixed start time, little-endian file written byte by byte).
 *
 *	mksample FILE
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MK_MAXPKT	3000
#define MK_FRAME	1600
#define MK_T0		1767225600ULL	/* 2026-01-01 00:00:00 UTC */
#define MK_SECS		60

struct mk_pkt {
	uint64_t	t;		/* microseconds since MK_T0 */
	int		seq;		/* creation order, for a stable sort */
	uint32_t	len;
	uint8_t		b[MK_FRAME];
};

/* One host: MAC, IPv4, IPv6 (host part only for IPv6). */
struct mk_host {
	uint8_t		mac[6];
	uint32_t	ip;
	uint8_t		ip6[16];
};

static struct mk_pkt	*mk_pkts;
static int		 mk_n;
static uint32_t		 mk_rng = 0x2545f491;

static uint32_t	mk_rand(uint32_t);
static void	mk_host(struct mk_host *, int, int);
static void	mk_put16(uint8_t *, int);
static void	mk_put32(uint8_t *, uint32_t);
static uint16_t	mk_sum(const uint8_t *, size_t, uint32_t);
static struct mk_pkt *mk_new(uint64_t);
static size_t	mk_eth(uint8_t *, const struct mk_host *,
		    const struct mk_host *, int, int);
static size_t	mk_l4(uint8_t *, int, const struct mk_host *,
		    const struct mk_host *, int, const uint8_t *, size_t);
static void	mk_ip(uint64_t, const struct mk_host *, const struct mk_host *,
		    int, int, int, const uint8_t *, size_t);
static void	mk_udp(uint64_t, const struct mk_host *, const struct mk_host *,
		    int, int, int, const uint8_t *, size_t);
static void	mk_tcp(uint64_t, const struct mk_host *, const struct mk_host *,
		    int, int, uint32_t, uint32_t, int, size_t);
static void	mk_arp(uint64_t, const struct mk_host *, const struct mk_host *,
		    int);
static size_t	mk_dns(uint8_t *, int, const char *, int, uint32_t);
static void	mk_dhcp(uint64_t, const struct mk_host *, int);
static void	mk_conn(uint64_t, const struct mk_host *, const struct mk_host *,
		    int);
static void	mk_icmp6(uint64_t, const struct mk_host *,
		    const struct mk_host *, int, int);
static void	mk_vxlan(uint64_t, const struct mk_host *,
		    const struct mk_host *, int);
static void	mk_echo4(uint64_t, const struct mk_host *,
		    const struct mk_host *, int, int);
static void	mk_second(int, const struct mk_host *, const struct mk_host *,
		    const struct mk_host *);
static void	mk_traffic(void);
static void	mk_le32(uint8_t *, uint32_t);
static int	mk_cmp(const void *, const void *);
static int	mk_write(const char *);

static uint32_t
mk_rand(uint32_t n)
{
	mk_rng ^= mk_rng << 13;
	mk_rng ^= mk_rng >> 17;
	mk_rng ^= mk_rng << 5;
	return n ? mk_rng % n : mk_rng;
}

/* Host number n: 02:00:00:00:0x:nn, 198.18.x.n, 2001:db8::x:n. */
static void
mk_host(struct mk_host *h, int net, int n)
{
	static const uint8_t	pfx[8] = { 0x20, 0x01, 0x0d, 0xb8 };

	memset(h, 0, sizeof(*h));
	h->mac[0] = 0x02;
	h->mac[4] = (uint8_t)net;
	h->mac[5] = (uint8_t)n;
	h->ip = 0xc6120000U | (uint32_t)net << 8 | (uint32_t)n;
	memcpy(h->ip6, pfx, 8);
	h->ip6[13] = (uint8_t)net;
	h->ip6[15] = (uint8_t)n;
}

static void
mk_put16(uint8_t *p, int v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void
mk_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* The Internet checksum of p, started from sum (RFC 1071). */
static uint16_t
mk_sum(const uint8_t *p, size_t n, uint32_t sum)
{
	size_t	i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static struct mk_pkt *
mk_new(uint64_t t)
{
	struct mk_pkt	*p;

	if (mk_n >= MK_MAXPKT) {
		fprintf(stderr, "mksample: too many packets\n");
		exit(1);
	}
	p = &mk_pkts[mk_n];
	memset(p, 0, sizeof(*p));
	p->t = t;
	p->seq = mk_n++;
	return p;
}

/* Ethernet header, with an 802.1Q tag when vlan > 0. */
static size_t
mk_eth(uint8_t *b, const struct mk_host *s, const struct mk_host *d,
    int vlan, int type)
{
	size_t	n = 12;

	memcpy(b, d->mac, 6);
	memcpy(b + 6, s->mac, 6);
	if (vlan > 0) {
		mk_put16(b + n, 0x8100);
		mk_put16(b + n + 2, vlan);
		n += 4;
	}
	mk_put16(b + n, type);
	return n + 2;
}

/*
 * IP header (v4 when af is 4) for proto with l4 as payload, checksums
 * filled in (the transport checksum at offset sumoff of l4, if any).
 */
static size_t
mk_l4(uint8_t *b, int af, const struct mk_host *s, const struct mk_host *d,
    int proto, const uint8_t *l4, size_t len)
{
	uint8_t		ph[40];
	uint32_t	sum = 0;
	size_t		hl = af == 4 ? 20 : 40, i;
	int		sumoff = proto == 6 ? 16 : proto == 17 ? 6 :
			    proto == 58 ? 2 : proto == 1 ? 2 : -1;

	memset(b, 0, hl);
	if (af == 4) {
		b[0] = 0x45;
		mk_put16(b + 2, (int)(hl + len));
		mk_put16(b + 4, (int)mk_rand(65536));
		b[6] = 0x40;
		b[8] = 64;
		b[9] = (uint8_t)proto;
		mk_put32(b + 12, s->ip);
		mk_put32(b + 16, d->ip);
		mk_put16(b + 10, mk_sum(b, 20, 0));
		memcpy(ph, b + 12, 8);
		i = 8;
	} else {
		b[0] = 0x60;
		mk_put16(b + 4, (int)len);
		b[6] = (uint8_t)proto;
		b[7] = proto == 58 && l4[0] >= 133 ? 255 : 64;
		memcpy(b + 8, s->ip6, 16);
		memcpy(b + 24, d->ip6, 16);
		memcpy(ph, b + 8, 32);
		i = 32;
	}
	memcpy(b + hl, l4, len);
	if (sumoff >= 0) {
		if (proto != 1)		/* ICMPv4 has no pseudo-header */
			sum = (mk_sum(ph, i, 0) ^ 0xffffU) +
			    (uint32_t)proto + (uint32_t)len;
		mk_put16(b + hl + sumoff, mk_sum(b + hl, len, sum));
	}
	return hl + len;
}

/* One IP packet in an Ethernet frame (tagged when vlan > 0). */
static void
mk_ip(uint64_t t, const struct mk_host *s, const struct mk_host *d, int af,
    int vlan, int proto, const uint8_t *l4, size_t len)
{
	struct mk_pkt	*p = mk_new(t);
	size_t		 n;

	n = mk_eth(p->b, s, d, vlan, af == 4 ? 0x0800 : 0x86dd);
	n += mk_l4(p->b + n, af, s, d, proto, l4, len);
	if (n < 60) {			/* Ethernet minimum, zero padding */
		memset(p->b + n, 0, 60 - n);
		n = 60;
	}
	p->len = (uint32_t)n;
}

static void
mk_udp(uint64_t t, const struct mk_host *s, const struct mk_host *d,
    int sport, int dport, int vlan, const uint8_t *pl, size_t len)
{
	uint8_t	u[MK_FRAME];

	memset(u, 0, 8);
	mk_put16(u, sport);
	mk_put16(u + 2, dport);
	mk_put16(u + 4, (int)(len + 8));
	memcpy(u + 8, pl, len);
	mk_ip(t, s, d, 4, vlan, 17, u, len + 8);
}

/* A TCP segment with len bytes of text; SYNs carry MSS and wscale. */
static void
mk_tcp(uint64_t t, const struct mk_host *s, const struct mk_host *d,
    int sport, int dport, uint32_t seq, uint32_t ack, int flags, size_t len)
{
	static const char	get[] = "GET /index.html HTTP/1.1\r\n"
				    "Host: www.example.test\r\n";
	static const char	page[] = "<p>zbtop sample page</p>\n";
	const char		*text = sport == 80 ? page : get;
	size_t			tlen = sport == 80 ? sizeof(page) - 1 :
				    sizeof(get) - 1;
	uint8_t			seg[MK_FRAME];
	size_t			hl = flags & 0x02 ? 28 : 20, i;

	memset(seg, 0, hl);
	mk_put16(seg, sport);
	mk_put16(seg + 2, dport);
	mk_put32(seg + 4, seq);
	mk_put32(seg + 8, flags & 0x10 ? ack : 0);
	seg[12] = (uint8_t)(hl / 4 << 4);
	seg[13] = (uint8_t)flags;
	mk_put16(seg + 14, 502);
	if (hl == 28)
		memcpy(seg + 20, "\x02\x04\x05\xb4\x01\x03\x03\x07", 8);
	for (i = 0; i < len; i++)
		seg[hl + i] = (uint8_t)text[i % tlen];
	mk_ip(t, s, d, 4, 0, 6, seg, hl + len);
}

static void
mk_arp(uint64_t t, const struct mk_host *s, const struct mk_host *d, int op)
{
	static const struct mk_host	bcast = { { 0xff, 0xff, 0xff, 0xff,
					    0xff, 0xff }, 0, { 0 } };
	struct mk_pkt			*p = mk_new(t);
	uint8_t				*a;

	a = p->b + mk_eth(p->b, s, op == 1 ? &bcast : d, 0, 0x0806);
	memcpy(a, "\x00\x01\x08\x00\x06\x04", 6);
	mk_put16(a + 6, op);
	memcpy(a + 8, s->mac, 6);
	mk_put32(a + 14, s->ip);
	if (op == 2)
		memcpy(a + 18, d->mac, 6);
	mk_put32(a + 24, d->ip);
	p->len = 60;
}

/* A DNS message for name; an answer carries one A or AAAA record. */
static size_t
mk_dns(uint8_t *b, int id, const char *name, int qtype, uint32_t addr)
{
	size_t		n = 12, l;
	const char	*dot;

	memset(b, 0, 12);
	mk_put16(b, id);
	mk_put16(b + 2, addr ? 0x8180 : 0x0100);
	mk_put16(b + 4, 1);
	mk_put16(b + 6, addr ? 1 : 0);
	while (*name != '\0') {
		dot = strchr(name, '.');
		l = dot ? (size_t)(dot - name) : strlen(name);
		b[n++] = (uint8_t)l;
		memcpy(b + n, name, l);
		n += l;
		name += l + (dot != NULL);
	}
	b[n++] = 0;
	mk_put16(b + n, qtype);
	mk_put16(b + n + 2, 1);
	n += 4;
	if (addr == 0)
		return n;
	memcpy(b + n, "\xc0\x0c", 2);
	mk_put16(b + n + 2, qtype);
	mk_put16(b + n + 4, 1);
	mk_put32(b + n + 6, 300);
	mk_put16(b + n + 10, qtype == 1 ? 4 : 16);
	n += 12;
	if (qtype == 1)
		mk_put32(b + n, addr);
	else {
		memcpy(b + n, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0", 14);
		mk_put16(b + n + 14, (int)(addr & 0xffff));
	}
	return n + (qtype == 1 ? 4 : 16);
}

/*
 * BOOTP message type (1 Discover ... 5 ACK) for client c, through a relay
 * agent (RFC 1542), so that no address outside 198.18.0.0/15 appears.
 */
static void
mk_dhcp(uint64_t t, const struct mk_host *c, int type)
{
	struct mk_host	relay, srv;
	uint8_t		b[300];
	int		reply = type == 2 || type == 5;

	mk_host(&srv, 0, 1);
	mk_host(&relay, 0, 254);
	memset(b, 0, sizeof(b));
	b[0] = reply ? 2 : 1;
	b[1] = 1;
	b[2] = 6;
	b[3] = 1;			/* hops: relayed once */
	mk_put32(b + 4, 0x5a6b7c8d);
	if (reply)
		mk_put32(b + 16, c->ip);
	mk_put32(b + 24, relay.ip);
	memcpy(b + 28, c->mac, 6);
	mk_put32(b + 236, 0x63825363);
	memcpy(b + 240, "\x35\x01", 2);
	b[242] = (uint8_t)type;
	memcpy(b + 243, "\x36\x04\xc6\x12\x00\x01\x0c\x06sample\xff", 15);
	if (reply)
		mk_udp(t, &srv, &relay, 67, 67, 0, b, sizeof(b));
	else
		mk_udp(t, &relay, &srv, 67, 67, 0, b, sizeof(b));
}

/* One TCP connection: handshake, request, response, FIN both ways. */
static void
mk_conn(uint64_t t, const struct mk_host *c, const struct mk_host *s,
    int sport)
{
	uint32_t	cs = mk_rand(0), ss = mk_rand(0);
	uint64_t	rtt = 200 + mk_rand(1800);
	int		i, nseg = 3 + (int)mk_rand(6);

	mk_tcp(t, c, s, sport, 80, cs, 0, 0x02, 0);
	mk_tcp(t += rtt, s, c, 80, sport, ss, cs + 1, 0x12, 0);
	mk_tcp(t += rtt, c, s, sport, 80, cs + 1, ss + 1, 0x10, 0);
	mk_tcp(t += 50, c, s, sport, 80, cs + 1, ss + 1, 0x18, 50);
	cs += 51;
	ss += 1;
	mk_tcp(t += rtt, s, c, 80, sport, ss, cs, 0x10, 0);
	for (i = 0; i < nseg; i++) {
		mk_tcp(t += 30 + mk_rand(300), s, c, 80, sport, ss, cs,
		    i == nseg - 1 ? 0x18 : 0x10, 300);
		ss += 300;
		if (i % 2 == 1 || i == nseg - 1)
			mk_tcp(t + rtt / 2, c, s, sport, 80, cs, ss, 0x10, 0);
	}
	t += rtt;
	mk_tcp(t += 1000, s, c, 80, sport, ss, cs, 0x11, 0);
	mk_tcp(t += rtt / 2, c, s, sport, 80, cs, ss + 1, 0x11, 0);
	mk_tcp(t += rtt / 2, s, c, 80, sport, ss + 1, cs + 1, 0x10, 0);
}

/* ICMPv6: 135/136 neighbour discovery, 128/129 echo with sequence seq. */
static void
mk_icmp6(uint64_t t, const struct mk_host *s, const struct mk_host *d,
    int type, int seq)
{
	uint8_t		m[64];
	size_t		n = 8;

	memset(m, 0, sizeof(m));
	m[0] = (uint8_t)type;
	if (type == 135 || type == 136) {
		memcpy(m + 8, type == 135 ? d->ip6 : s->ip6, 16);
		m[24] = type == 135 ? 1 : 2;	/* link-layer address option */
		m[25] = 1;
		memcpy(m + 26, s->mac, 6);
		n = 32;
		if (type == 136)
			m[4] = 0x60;		/* solicited, override */
	} else {
		mk_put16(m + 4, 0x77);
		mk_put16(m + 6, seq);
		memset(m + 8, 0x61 + seq % 26, 32);
		n = 40;
	}
	/*
	 * Unicast solicitations (reachability confirmation, RFC 4861 7.3.1),
	 * so that only 2001:db8::/32 addresses appear.
	 */
	mk_ip(t, s, d, 6, 0, 58, m, n);
}

/* An ICMP echo between two hosts behind VXLAN tunnel endpoints. */
static void
mk_vxlan(uint64_t t, const struct mk_host *a, const struct mk_host *b,
    int seq)
{
	struct mk_host	va, vb;
	uint8_t		f[200], icmp[64];
	size_t		n;

	mk_host(&va, 2, 1);
	mk_host(&vb, 2, 2);
	memset(f, 0, 8);
	f[0] = 0x08;			/* VNI present */
	mk_put32(f + 4, 100U << 8);
	memset(icmp, 0, sizeof(icmp));
	icmp[0] = seq & 1 ? 0 : 8;
	mk_put16(icmp + 4, 0x42);
	mk_put16(icmp + 6, seq / 2);
	memset(icmp + 8, 0x5a, 24);
	n = 8 + mk_eth(f + 8, seq & 1 ? b : a, seq & 1 ? a : b, 0, 0x0800);
	n += mk_l4(f + n, 4, seq & 1 ? b : a, seq & 1 ? a : b, 1, icmp, 32);
	mk_udp(t, seq & 1 ? &vb : &va, seq & 1 ? &va : &vb,
	    49152 + (int)mk_rand(16384), 4789, 0, f, n);
}

static void
mk_echo4(uint64_t t, const struct mk_host *s, const struct mk_host *d,
    int type, int seq)
{
	uint8_t	m[64];

	memset(m, 0, sizeof(m));
	m[0] = (uint8_t)type;
	mk_put16(m + 4, 0x1234);
	mk_put16(m + 6, seq);
	memset(m + 8, 0x30 + seq % 10, 56);
	mk_ip(t, s, d, 4, 0, 1, m, 64);
}

/* One second of the background: echo, DNS, syslog on VLAN 100, bulk UDP. */
static void
mk_second(int sec, const struct mk_host *cl, const struct mk_host *gw,
    const struct mk_host *dns)
{
	static const char *const names[] = { "www.example.test",
	    "mail.example.test", "zbtop.test", "cdn.example.test",
	    "ntp.example.test" };
	struct mk_host	 lg, sink, src;
	uint8_t		 b[200];
	uint64_t	 t = (uint64_t)sec * 1000000, q;
	size_t		 n;
	int		 i, id, qt, port;

	mk_echo4(t + 1000, &cl[0], gw, 8, sec);
	mk_echo4(t + 1350, gw, &cl[0], 0, sec);
	for (i = 0; i < 2; i++) {
		q = t + mk_rand(900000);
		id = (int)mk_rand(65536);
		qt = mk_rand(3) == 0 ? 28 : 1;
		port = 40000 + (int)mk_rand(20000);
		n = mk_dns(b, id, names[id % 5], qt, 0);
		mk_udp(q, &cl[1 + i], dns, port, 53, 0, b, n);
		n = mk_dns(b, id, names[id % 5], qt, 0xc6130000U | (uint32_t)id);
		mk_udp(q + 5000 + mk_rand(25000), dns, &cl[1 + i], 53, port,
		    0, b, n);
	}
	mk_host(&lg, 4, 1);
	mk_host(&src, 4, 10 + sec % 5);
	if (sec % 3 != 2) {
		n = (size_t)snprintf((char *)b, sizeof(b),
		    "<13>Jan  1 00:00:%02d host%d app: sample event %d", sec,
		    sec % 5, sec);
		mk_udp(t + 500000 + mk_rand(400000), &src, &lg, 514, 514, 100,
		    b, n);
	}
	mk_host(&src, 0, 2);
	mk_host(&sink, 0, 3);
	for (i = 0; i < 15; i++) {
		memset(b, 0, 38);
		memcpy(b, "ZBSQ", 4);
		mk_put32(b + 8, (uint32_t)(sec * 15 + i));
		mk_udp(t + (uint64_t)i * 66666 + mk_rand(1000), &src, &sink, 9,
		    9, 0, b, 38);
	}
}

static void
mk_traffic(void)
{
	struct mk_host	gw, dns, web, cl[4], dh, v6a, v6b, ta, tb;
	uint64_t	t;
	int		sec, i;

	mk_host(&gw, 0, 1);
	mk_host(&dns, 0, 53);
	mk_host(&web, 1, 80);
	mk_host(&dh, 0, 99);
	mk_host(&v6a, 5, 10);
	mk_host(&v6b, 5, 1);
	mk_host(&ta, 3, 1);
	mk_host(&tb, 3, 2);
	for (i = 0; i < 4; i++)
		mk_host(&cl[i], 0, 10 + i);
	mk_dhcp(100000, &dh, 1);
	mk_dhcp(103000, &dh, 2);
	mk_dhcp(104500, &dh, 3);
	mk_dhcp(106000, &dh, 5);
	for (sec = 0; sec < MK_SECS; sec++) {
		t = (uint64_t)sec * 1000000;
		mk_second(sec, cl, &gw, &dns);
		if (sec % 3 == 0) {
			mk_arp(t + 200000, &cl[sec % 4], &gw, 1);
			mk_arp(t + 200400, &gw, &cl[sec % 4], 2);
		}
		if (sec % 12 == 5) {
			mk_icmp6(t + 300000, &v6a, &v6b, 135, 0);
			mk_icmp6(t + 300300, &v6b, &v6a, 136, 0);
		}
		mk_icmp6(t + 310000, &v6a, &v6b, 128, sec);
		mk_icmp6(t + 310400, &v6b, &v6a, 129, sec);
		if (sec % 3 != 1) {
			mk_vxlan(t + 600000, &ta, &tb, sec * 2);
			mk_vxlan(t + 600700, &ta, &tb, sec * 2 + 1);
		}
		if (sec % 3 == 0 || sec % 7 == 1)
			mk_conn(t + 400000 + mk_rand(300000), &cl[sec % 4], &web,
			    33000 + sec);
	}
}

static int
mk_cmp(const void *a, const void *b)
{
	const struct mk_pkt	*x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq - y->seq;
}

static void
mk_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* pcap 2.4, microseconds, little-endian, link type EN10MB. */
static int
mk_write(const char *path)
{
	uint8_t		 h[24] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0 };
	FILE		*f;
	int		 i;
	uint64_t	 ts;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	mk_le32(h + 16, 65535);
	mk_le32(h + 20, 1);
	fwrite(h, 1, sizeof(h), f);
	for (i = 0; i < mk_n; i++) {
		ts = MK_T0 * 1000000 + mk_pkts[i].t;
		mk_le32(h, (uint32_t)(ts / 1000000));
		mk_le32(h + 4, (uint32_t)(ts % 1000000));
		mk_le32(h + 8, mk_pkts[i].len);
		mk_le32(h + 12, mk_pkts[i].len);
		fwrite(h, 1, 16, f);
		fwrite(mk_pkts[i].b, 1, mk_pkts[i].len, f);
	}
	return fclose(f) == 0 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mksample file\n");
		return 2;
	}
	if ((mk_pkts = calloc(MK_MAXPKT, sizeof(*mk_pkts))) == NULL) {
		perror("mksample");
		return 1;
	}
	mk_traffic();
	qsort(mk_pkts, (size_t)mk_n, sizeof(*mk_pkts), mk_cmp);
	if (mk_write(argv[1]) == -1) {
		perror(argv[1]);
		return 1;
	}
	free(mk_pkts);
	return 0;
}
