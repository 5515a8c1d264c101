/*
 * TCP and UDP.  TCP sequence numbers are relative in print mode, as
 * tcpdump's, through the connection table of dec-flow.c; elsewhere (the
 * screen's list, which decodes packets out of order) absolute.  UDP
 * hands its payload to the protocol registered for the destination port,
 * else the source port.  TCP's options are listed by dec-tcpopt.c.
 * Layouts: RFC 9293, RFC 768.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define TCP_HDRLEN	20
#define UDP_HDRLEN	8
#define TH_FIN		0x01
#define TH_SYN		0x02
#define TH_RST		0x04
#define TH_PUSH		0x08
#define TH_ACK		0x10
#define TH_URG		0x20
#define TCP_OPTSTRLEN	400

static int	tcp_parse(struct dec_ctx *, struct cur *);
static void	tcp_format(struct dec_ctx *, struct cur *);
static void	tcp_short(struct dec_ctx *, struct cur *);
static uint32_t	tcp_seqack(struct dec_ctx *, const uint8_t *, int, int,
		    uint32_t *, uint32_t *);
static int	tcp_hdropts(struct cur *, int, uint32_t, char *, size_t);
static void	tcp_cksum(struct dec_ctx *, const uint8_t *, struct cur *);
static void	tcp_numbers(struct dec_ctx *, const uint8_t *, int, uint32_t,
		    uint32_t, uint32_t);
static void	tcp_flags(int, char *);
static void	tcp_tree(struct dec_ctx *, const uint8_t *, int, const char *);
static void	tcp_badhdr(struct dec_ctx *, int, const char *, uint32_t);
static int	tcp_optline(struct dec_ctx *, int, const char *, uint32_t, int,
		    struct cur *);
static int	udp_parse(struct dec_ctx *, struct cur *);
static void	udp_format(struct dec_ctx *, struct cur *);
static void	udp_short(struct dec_ctx *, const char *, uint32_t);
static void	udp_cksum(struct dec_ctx *, struct cur *, uint32_t, int);
static int	udp_app_key(int, int);

const struct dec_proto dec_tcp_proto = {
	.name = "tcp", .keys = { DEC_KEY(DEC_S_IP, 6) }, .id = DEC_P_TCP,
	.flags = DEC_PF_ADDRS, .parse = tcp_parse, .format = tcp_format
};
const struct dec_proto dec_udp_proto = {
	.name = "udp", .keys = { DEC_KEY(DEC_S_IP, 17) }, .id = DEC_P_UDP,
	.flags = DEC_PF_ADDRS, .parse = udp_parse, .format = udp_format
};

static int
tcp_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct dec_info	*info = ctx->info;
	const uint8_t	*h;

	if ((h = cur_peek(c, TCP_HDRLEN)) == NULL) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (ctx->nl4++ == 0) {
		info->sport = (uint16_t)(h[0] << 8 | h[1]);
		info->dport = (uint16_t)(h[2] << 8 | h[3]);
		info->l4off = (uint32_t)cur_off(c);
	}
	if ((h[12] >> 4) * 4 < TCP_HDRLEN)
		info->flags |= DEC_F_BAD;
	return DEC_DONE;
}

/* tcpdump's letters, in tcpdump's order. */
static void
tcp_flags(int f, char *s)
{
	static const char	letters[] = "FSRP.UEW";	/* tcpdump 4.99 */
	int			i;

	for (i = 0; letters[i] != '\0'; i++)
		if (f & 1 << i)
			*s++ = letters[i];
	if (i > 0 && f == 0)
		s += sprintf(s, "none");
	*s = '\0';
}

/*
 * The options after the fixed header (hlen bytes in all, at least
 * TCP_HDRLEN) as tcpdump shows them, into opts (size n); c is left after
 * the fixed header.  abase is the flow's acknowledgement base, for SACK
 * edges.  -1 or -2 when the options are cut short and 2 when one's
 * length is bad, as dec_tcp_opts; 1 when they are whole but the padding
 * after an eol is cut; else 0.
 */
static int
tcp_hdropts(struct cur *c, int hlen, uint32_t abase, char *opts, size_t n)
{
	struct cur	o;
	size_t		hdr = (size_t)hlen - TCP_HDRLEN;
	int		cut, r, flags;

	flags = cur_peek_u8(c, 13);
	cur_skip(c, TCP_HDRLEN);
	cut = cur_sub(c, hdr, &o);
	if ((r = dec_tcp_opts(&o, hdr, abase, flags, opts, n)) != 0)
		return r;
	return cut;
}

/* -v: the checksum over the segment seg, against the header's (h). */
static void
tcp_cksum(struct dec_ctx *ctx, const uint8_t *h, struct cur *seg)
{
	int	want;

	if ((want = dec_cksum(ctx, seg, ctx->l4len, 6, 16)) == -1)
		return;
	if (want == (h[16] << 8 | h[17]))
		dec_sum(ctx, ", cksum 0x%04x (correct)", want);
	else
		dec_sum(ctx, ", cksum 0x%04x (incorrect -> 0x%04x)",
		    h[16] << 8 | h[17], want);
}

/* tcpdump's seq, ack, win and urg fields; len is the payload in bytes. */
static void
tcp_numbers(struct dec_ctx *ctx, const uint8_t *h, int f, uint32_t seq,
    uint32_t ack, uint32_t len)
{
	if (len > 0)
		dec_sum(ctx, ", seq %u:%u", seq, seq + len);
	else if ((f & (TH_SYN | TH_FIN | TH_RST)) || ctx->opt->verbose > 1)
		dec_sum(ctx, ", seq %u", seq);
	if (f & TH_ACK)
		dec_sum(ctx, ", ack %u", ack);
	dec_sum(ctx, ", win %d", h[14] << 8 | h[15]);
	if (f & TH_URG)
		dec_sum(ctx, ", urg %d", h[18] << 8 | h[19]);
}

/*
 * A header cut short, as tcpdump: the ports once they are there, and
 * without them "a > b: [|tcp]", the marker right after the ": ", even
 * when the addresses were written before an IPv6 extension header.
 */
static void
tcp_short(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;

	if ((h = cur_peek(c, 4)) != NULL) {
		dec_addrports(ctx, h[0] << 8 | h[1], h[2] << 8 | h[3]);
		dec_trunc(ctx, "tcp");
	} else if (ctx->out != NULL && !ctx->tree) {
		/* Again after IPv6 extension headers, as tcpdump's. */
		ctx->addrs_due = 1;
		dec_addrs(ctx);
		tbuf_printf(ctx->out, "[|tcp]");
	} else
		dec_trunc(ctx, "tcp");
}

/*
 * The sequence and acknowledgement numbers of header h, made relative to
 * the flow's first ones when there is a flow table and an ACK; returns
 * the base of the ack side (0 without), which SACK blocks are relative
 * to.
 */
static uint32_t
tcp_seqack(struct dec_ctx *ctx, const uint8_t *h, int hlen, int f,
    uint32_t *seq, uint32_t *ack)
{
	uint32_t	 sbase = 0, abase = 0;

	*seq = cur_be32(&h[4]);
	*ack = cur_be32(&h[8]);
	if ((f & TH_ACK) && ctx->opt->flows != NULL && !ctx->tree &&
	    hlen >= TCP_HDRLEN) {
		ctx->sport = h[0] << 8 | h[1];
		ctx->dport = h[2] << 8 | h[3];
		dec_flow_rel(ctx->opt->flows, ctx, f & TH_SYN, seq, ack,
		    &sbase, &abase);
	}
	return abase;
}

static void
tcp_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 fl[16], opts[TCP_OPTSTRLEN];
	struct cur	 seg = *c;
	uint32_t	 seq, ack, len, abase;
	int		 hlen, f, optbad = 0;

	dec_layer(ctx, "Transmission Control Protocol");
	if ((h = cur_peek(c, TCP_HDRLEN)) == NULL) {
		tcp_short(ctx, c);
		return;
	}
	dec_addrports(ctx, h[0] << 8 | h[1], h[2] << 8 | h[3]);
	hlen = (h[12] >> 4) * 4;
	f = (h[12] & 1) << 8 | h[13];
	tcp_flags(f, fl);
	abase = tcp_seqack(ctx, h, hlen, f, &seq, &ack);
	opts[0] = '\0';
	if (hlen >= TCP_HDRLEN)
		optbad = tcp_hdropts(c, hlen, abase, opts, sizeof opts);
	tcp_tree(ctx, h, hlen, opts);
	/* tcpdump 4.99's tcp_print on header lengths, its unsigned sums too. */
	if (hlen < TCP_HDRLEN) {
		dec_sum(ctx, " tcp %u", ctx->l4len - (uint32_t)hlen);
		tcp_badhdr(ctx, hlen, "too short, <", TCP_HDRLEN);
		return;
	}
	len = ctx->l4len > (uint32_t)hlen ? ctx->l4len - (uint32_t)hlen : 0;
	if (ctx->opt->quick)
		dec_sum(ctx, "tcp %u", ctx->l4len - (uint32_t)hlen);
	else
		dec_sum(ctx, "Flags [%s]", fl);
	if (ctx->l4len < (uint32_t)hlen) {
		tcp_badhdr(ctx, hlen, "too long, >", ctx->l4len);
		return;
	}
	if (ctx->opt->quick)
		return;
	if (ctx->opt->verbose && !ctx->opt->nocksum)
		tcp_cksum(ctx, h, &seg);
	tcp_numbers(ctx, h, f, seq, ack, len);
	if (tcp_optline(ctx, optbad, opts, len, hlen, &seg) == -1)
		return;
	ctx->l4len = len;
	dec_tcp_app(ctx, c, h[0] << 8 | h[1], h[2] << 8 | h[3]);
	dec_data(ctx, c);
}

/*
 * The line's end before the payload: ", options [...]" (optbad as
 * tcp_hdropts returns it) and ", length N" (len, the payload's), as
 * tcpdump 4.99 ends them; seg is the segment from its header (hlen
 * bytes).  -1 when the line ends there, else 0.
 */
static int
tcp_optline(struct dec_ctx *ctx, int optbad, const char *opts, uint32_t len,
    int hlen, struct cur *seg)
{
	/*
	 * tcpdump's MPTCP printer leaves its name as the protocol's for
	 * the markers after it: "[|mptcp]" once one was shown whole.
	 */
	const char	*name = strstr(opts, "mptcp ") != NULL ? "mptcp" : "tcp";

	if (optbad < 0) {
		/* tcpdump's option reader: no "]"; -x from byte 0 after GET_ */
		dec_sum(ctx, ", options [%s", opts);
		ctx->gaveup = optbad == -1;
		dec_trunc(ctx, name);
		return -1;
	}
	if (optbad == 2) {
		/* tcpdump closes the list only after a ",". */
		dec_sum(ctx, ", options [%s[bad opt]%s", opts,
		    strchr(opts, ',') != NULL ? "]" : "");
		return -1;
	}
	if (opts[0] != '\0')
		dec_sum(ctx, ", options [%s]", opts);
	dec_sum(ctx, ", length %u", len);
	if (optbad == 1 && len > 0) {
		/*
		 * Options whole up to their end, the padding after cut;
		 * tcpdump stops before this test when there is no payload.
		 */
		dec_sum(ctx, " [remaining caplen(%zu) < header length(%d)]",
		    cur_left(seg), hlen);
		dec_trunc(ctx, name);
		return -1;
	}
	return 0;
}

/* " [bad hdr length 60 - too long, > 30]", on the line and in the tree. */
static void
tcp_badhdr(struct dec_ctx *ctx, int hlen, const char *what, uint32_t n)
{
	dec_sum(ctx, " [bad hdr length %d - %s %u]", hlen, what, n);
	dec_fld(ctx, "[bad hdr length %d - %s %u]", hlen, what, n);
}

static void
tcp_tree(struct dec_ctx *ctx, const uint8_t *h, int hlen, const char *opts)
{
	char	fl[16];

	if (!ctx->tree)
		return;
	tcp_flags((h[12] & 1) << 8 | h[13], fl);
	dec_fld(ctx, "source port: %d", h[0] << 8 | h[1]);
	dec_fld(ctx, "destination port: %d", h[2] << 8 | h[3]);
	dec_fld(ctx, "sequence number: %u", cur_be32(&h[4]));
	dec_fld(ctx, "acknowledgment number: %u", cur_be32(&h[8]));
	dec_fld(ctx, "header length: %d", hlen);
	dec_fld(ctx, "flags: 0x%03x [%s]", (h[12] & 1) << 8 | h[13], fl);
	dec_fld(ctx, "window: %d", h[14] << 8 | h[15]);
	dec_fld(ctx, "checksum: 0x%04x", h[16] << 8 | h[17]);
	dec_fld(ctx, "urgent pointer: %d", h[18] << 8 | h[19]);
	if (opts[0] != '\0')
		dec_fld(ctx, "options: %s", opts);
}

/*
 * The Internet checksum a transport header should carry (RFC 1071, with
 * the pseudo header of RFC 9293 3.1 and RFC 8200 8.1), over n bytes at
 * seg whose checksum field is at offset sumoff; -1 when not all of the
 * segment was captured or it is a fragment (tcpdump does not check then).
 */
int
dec_cksum(const struct dec_ctx *ctx, struct cur *c, uint32_t n, int proto,
    size_t sumoff)
{
	uint32_t	 sum = 0, i;
	int		 alen = ctx->af == 6 ? 16 : 4, r;

	if (ctx->morefrag || ctx->af == 0)
		return -1;
	for (i = 0; i < (uint32_t)alen; i += 2)
		sum += (uint32_t)(ctx->src[i] << 8 | ctx->src[i + 1]) +
		    (uint32_t)(ctx->dst[i] << 8 | ctx->dst[i + 1]);
	sum += (uint32_t)proto + (n >> 16) + (n & 0xffff);
	r = dec_cksum_raw(c, n, sumoff, sum);
	/* UDP sends a computed 0 as 0xffff (RFC 768). */
	return proto == 17 && r == 0 ? 0xffff : r;
}

/*
 * The Internet checksum (RFC 1071) of n bytes at c leaving out the 16-bit
 * field at offset sumoff, sum (a pseudo header's, or 0) added: what that
 * field should hold, as ICMP (RFC 792) and IGMP (RFC 2236 2.3) carry it
 * with no pseudo header.  -1 when not all n bytes were captured.
 */
int
dec_cksum_raw(struct cur *c, uint32_t n, size_t sumoff, uint32_t sum)
{
	const uint8_t	*seg;
	uint32_t	 i;

	if (n < sumoff + 2 || (seg = cur_peek(c, n)) == NULL)
		return -1;
	for (i = 0; i + 1 < n; i += 2)
		if (i != sumoff)
			sum += (uint32_t)(seg[i] << 8 | seg[i + 1]);
	if (n & 1)
		sum += (uint32_t)seg[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (int)(~sum & 0xffff);
}

/*
 * -v: the checksum the ICMP or IGMP message at c (ctx->l4len bytes, its
 * checksum at offset 2, no pseudo header) should carry when the one it
 * carries is wrong; -1 when it is right, not all captured, or there is
 * no verdict to print (no -v, the detail tree).
 */
int
dec_cksum_wrong(const struct dec_ctx *ctx, struct cur *c)
{
	int	sum, want;

	if (!ctx->opt->verbose || ctx->tree || ctx->out == NULL ||
	    (sum = cur_peek_u16(c, 2)) == -1 ||
	    (want = dec_cksum_raw(c, ctx->l4len, 2, 0)) == -1 || want == sum)
		return -1;
	return want;
}

/* The registered protocol of the destination, else the source port. */
static int
udp_app_key(int sport, int dport)
{
	const uint8_t	*ports = dec_port_map();

	if (ports[dport / 8] >> dport % 8 & 1)
		return DEC_KEY(DEC_S_PORT, dport);
	if (ports[sport / 8] >> sport % 8 & 1)
		return DEC_KEY(DEC_S_PORT, sport);
	return DEC_DONE;
}

static int
udp_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct dec_info	*info = ctx->info;
	struct cur	 in;
	int		 sport, dport, ulen;

	if (cur_peek(c, UDP_HDRLEN) == NULL) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (ctx->nl4++ == 0)
		info->l4off = (uint32_t)cur_off(c);
	sport = cur_u16(c);
	dport = cur_u16(c);
	ulen = cur_u16(c);
	cur_skip(c, 2);
	if (ctx->nl4 == 1) {
		info->sport = (uint16_t)sport;
		info->dport = (uint16_t)dport;
	}
	if (ulen < UDP_HDRLEN) {
		info->flags |= DEC_F_BAD;
		return DEC_DONE;
	}
	cur_sub(c, (size_t)ulen - UDP_HDRLEN, &in);
	*c = in;
	ctx->sport = sport;
	ctx->dport = dport;
	return udp_app_key(sport, dport);
}

/* A length that ends the line: "truncated-udp 6", as tcpdump's. */
static void
udp_short(struct dec_ctx *ctx, const char *what, uint32_t n)
{
	dec_sum(ctx, "%s %u", what, n);
	dec_fld(ctx, "[%s %u]", what, n);
}

/*
 * The sum over n bytes at seg, checked as tcpdump does: over IPv6 from
 * -v, IPv4 from -vv, never in a fragment.
 */
static void
udp_cksum(struct dec_ctx *ctx, struct cur *seg, uint32_t n, int sum)
{
	int	want;

	if (ctx->opt->verbose <= (ctx->af == 4) || ctx->tree ||
	    ctx->opt->nocksum || ctx->morefrag)
		return;
	if (sum == 0 && ctx->af == 4)
		dec_sum(ctx, "[no cksum] ");
	else if ((want = dec_cksum(ctx, seg, n, 17, 6)) == sum)
		dec_sum(ctx, "[udp sum ok] ");
	else if (want != -1)
		dec_sum(ctx, "[bad udp cksum 0x%04x -> 0x%04x!] ", sum, want);
}

/*
 * Lengths as tcpdump 4.99's udp_print takes them: an IP payload too
 * short for the header, or a UDP length under it, ends the line; else
 * the payload is the smaller of what UDP and IP claim, decoded as usual
 * and, when UDP claims more and no protocol takes it, "bad length".  The
 * protocol above gets the UDP length but may read the captured bytes up
 * to the IP payload's end, as tcpdump's (a DNS question past it).
 */
static void
udp_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	in, data, seg = *c;
	uint32_t	ulen, len;
	int		sport, dport, sum, key, bad;

	dec_layer(ctx, "User Datagram Protocol");
	sport = cur_u16(c);
	if ((dport = cur_u16(c)) == -1) {
		dec_addrs(ctx);
		dec_trunc(ctx, "udp");
		return;
	}
	dec_addrports(ctx, sport, dport);
	dec_fld(ctx, "source port: %d", sport);
	dec_fld(ctx, "destination port: %d", dport);
	if (ctx->l4len < UDP_HDRLEN) {
		udp_short(ctx, "truncated-udp", ctx->l4len);
		return;
	}
	if ((key = cur_u16(c)) == -1) {
		dec_trunc(ctx, "udp");
		return;
	}
	/* An IPv6 jumbogram's UDP length is 0 (RFC 2675 section 4). */
	ulen = key == 0 && ctx->l4len > 65535 ? ctx->l4len : (uint32_t)key;
	dec_fld(ctx, "length: %u", ulen);
	if (ulen < UDP_HDRLEN) {
		udp_short(ctx, "truncated-udplength", ulen);
		return;
	}
	if ((sum = cur_u16(c)) == -1) {
		dec_trunc(ctx, "udp");
		return;
	}
	dec_fld(ctx, "checksum: 0x%04x", sum);
	ulen -= UDP_HDRLEN;
	len = ulen < ctx->l4len - UDP_HDRLEN ? ulen : ctx->l4len - UDP_HDRLEN;
	udp_cksum(ctx, &seg, len + UDP_HDRLEN, sum);
	/* Not an error in a first fragment: the rest comes later. */
	if ((bad = ulen > len && !ctx->morefrag))
		dec_fld(ctx, "[bad length %u > %u]", ulen, len);
	in = *c;
	cur_sub(c, len, &data);
	ctx->sport = sport;
	ctx->dport = dport;
	ctx->l4len = len;
	if (!ctx->opt->quick &&
	    (key = udp_app_key(sport, dport)) != DEC_DONE) {
		dec_next(ctx, key, &in);
		return;
	}
	if (bad)
		dec_sum(ctx, "UDP, bad length %u > %u", ulen, len);
	else {
		dec_sum(ctx, "UDP, length ");
		dec_sumu(ctx, ulen);
	}
	dec_data(ctx, &data);
}
