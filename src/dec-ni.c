/*
 * ICMPv6 node information queries and replies (RFC 4620, types 139 and
 * 140, which tcpdump 4.99 first names "who-are-you"), in tcpdump 4.99's
 * words: the query type and flags, the subject, a reply's code, names and
 * addresses.  Called from dec-icmp6.c.
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define NI_HDRLEN	16		/* ICMPv6 header and nonce */

static void	ni_query(struct dec_ctx *, const uint8_t *, size_t);
static int	ni_reply(struct dec_ctx *, const uint8_t *, size_t);
static void	ni_subject(struct dec_ctx *, const uint8_t *, size_t);
static void	ni_qtype(struct dec_ctx *, const uint8_t *, int);
static void	ni_addrs(struct dec_ctx *, const uint8_t *, size_t);
static int	ni_name(struct dec_ctx *, const uint8_t *, size_t, size_t);
static void	ni_vis(struct dec_ctx *, const uint8_t *, size_t);

/*
 * After the type's name: m the message from its type byte, up to the
 * capture's or the IP payload's end.  0, the caller goes on to the
 * length; -1 when tcpdump gave up on the packet (a GET_ past the end).
 */
int
dec_icmp6_ni(struct dec_ctx *ctx, int type, const struct cur *m)
{
	struct cur	 q = *m;
	size_t		 siz = cur_left(m);
	const uint8_t	*p = cur_peek(&q, siz);

	if (type == 139 && siz == 12) {
		dec_sum(ctx, " who-are-you request");	/* KAME's */
		return 0;
	}
	if (type == 139)
		dec_sum(ctx, " node information query");
	if ((type == 140 && ctx->l4len > siz) || siz < NI_HDRLEN) {
		dec_trunc(ctx, "icmp6");
		ctx->gaveup = 0;		/* a test, no GET_ */
		return 0;
	}
	if (type == 140)
		return ni_reply(ctx, p, siz);
	ni_query(ctx, p, siz);
	return 0;
}

/* A query: "(qtype[, subject])"; p: siz bytes, NI_HDRLEN at least. */
static void
ni_query(struct dec_ctx *ctx, const uint8_t *p, size_t siz)
{
	int	qtype = p[4] << 8 | p[5];

	dec_sum(ctx, " (");
	ni_qtype(ctx, p, 0);
	if (qtype == 0 || qtype == 1) {
		if (siz != NI_HDRLEN && ctx->opt->verbose)
			dec_sum(ctx, ", invalid len");
	} else if (siz == NI_HDRLEN)
		dec_sum(ctx, ", 03 draft");	/* icmp-name-lookup-03 */
	else
		ni_subject(ctx, p, siz);
	dec_sum(ctx, ")");
}

/* The query's subject by code: an IPv6 or IPv4 address, a DNS name. */
static void
ni_subject(struct dec_ctx *ctx, const uint8_t *p, size_t siz)
{
	char	a[DEC_ADDRSTRLEN];
	size_t	alen = p[1] == 0 ? 16 : 4;

	if (p[1] == 1) {
		dec_sum(ctx, ", subject=DNS name");
		(void)ni_name(ctx, p, siz, NI_HDRLEN);
	} else if (p[1] != 0 && p[1] != 2)
		dec_sum(ctx, ", unknown subject");
	else if (siz != NI_HDRLEN + alen) {
		if (siz > NI_HDRLEN + alen && ctx->opt->verbose)
			dec_sum(ctx, ", invalid subject len");
	} else {
		dec_ntop(p[1] == 0 ? 6 : 4, &p[NI_HDRLEN], a);
		dec_sum(ctx, ", subject=%s", a);
	}
}

/*
 * A reply: "(code, qtype and its data)"; the code alone when it is not
 * success.  0, or -1 when tcpdump gave up reading a name's length.
 */
static int
ni_reply(struct dec_ctx *ctx, const uint8_t *p, size_t siz)
{
	static const char *const codes[] = { "success", "refused", "unknown" };
	int	v = ctx->opt->verbose, comma = 0;

	dec_sum(ctx, " node information reply (");
	if (p[1] < 3 && (p[1] != 0 || v)) {
		dec_sum(ctx, "%s", codes[p[1]]);
		comma = 1;
	}
	if (p[1] != 0) {
		if (p[1] < 3 && siz != NI_HDRLEN && v)
			dec_sum(ctx, ", invalid length");
		dec_sum(ctx, ")");
		return 0;
	}
	ni_qtype(ctx, p, comma);
	if ((p[4] << 8 | p[5]) == 0 && siz != NI_HDRLEN && v)
		dec_sum(ctx, ", invalid length");
	if ((p[4] << 8 | p[5]) == 2) {
		if (ni_name(ctx, p, siz, NI_HDRLEN + 4) == -1) {
			dec_trunc(ctx, "icmp6");
			return -1;
		}
		if (p[7] & 0x01)
			dec_sum(ctx, " [TTL=%u]", cur_be32(&p[NI_HDRLEN]));
	}
	if ((p[4] << 8 | p[5]) == 3)
		ni_addrs(ctx, p, siz);
	dec_sum(ctx, ")");
	return 0;
}

/*
 * The query type's name and a query's flags (RFC 4620 4: supported
 * qtypes' C, node addresses' a, G, S, L, C, A); a reply's node addresses
 * give their flags after the addresses (ni_addrs).
 */
static void
ni_qtype(struct dec_ctx *ctx, const uint8_t *p, int comma)
{
	static const char *const names[] = { "noop", "supported qtypes",
	    "DNS name", "node addresses" };
	int	qtype = p[4] << 8 | p[5], fl = p[6] << 8 | p[7];

	dec_sum(ctx, "%s%s", comma ? ", " : "", qtype < 4 ? names[qtype] :
	    "unknown");
	if (qtype == 1 && fl)
		dec_sum(ctx, " [%s]", fl & 0x01 ? "C" : "");
	if (qtype == 3 && fl && p[0] == 139)
		dec_sum(ctx, " [%s%s%s%s%s%s]", fl & 0x40 ? "a" : "",
		    fl & 0x20 ? "G" : "", fl & 0x10 ? "S" : "",
		    fl & 0x08 ? "L" : "", fl & 0x04 ? "C" : "",
		    fl & 0x02 ? "A" : "");
}

/* A reply's addresses, each "a(ttl)", then its flags ("T" too). */
static void
ni_addrs(struct dec_ctx *ctx, const uint8_t *p, size_t siz)
{
	char	a[DEC_ADDRSTRLEN];
	size_t	i;
	int	fl = p[6] << 8 | p[7];

	for (i = NI_HDRLEN; i + 20 <= siz; i += 20) {
		dec_ntop(6, &p[i + 4], a);
		dec_sum(ctx, " %s(%u)", a, cur_be32(&p[i]));
	}
	if (fl)
		dec_sum(ctx, " [%s%s%s%s%s%s%s]", fl & 0x40 ? "a" : "",
		    fl & 0x20 ? "G" : "", fl & 0x10 ? "S" : "",
		    fl & 0x08 ? "L" : "", fl & 0x04 ? "C" : "",
		    fl & 0x02 ? "A" : "", fl & 0x01 ? "T" : "");
}

/*
 * The DNS name at offset off of p (siz bytes), quoted: a length-prefixed
 * string of the icmp-name-lookup-03 draft when its first byte is the rest's
 * length, else labels without compression (RFC 4620 3), "." at the end of
 * a whole name, "???" for a bad one.  -1 when off is past the end (tcpdump
 * gives up reading the first byte).
 */
static int
ni_name(struct dec_ctx *ctx, const uint8_t *p, size_t siz, size_t off)
{
	size_t	i, n;

	if (off >= siz)
		return -1;
	if (p[off] == siz - off - 1) {
		if (ctx->opt->verbose)
			dec_sum(ctx, ", 03 draft");
		dec_sum(ctx, ", \"");
		ni_vis(ctx, &p[off + 1], siz - off - 1);
		dec_sum(ctx, "\"");
		return 0;
	}
	dec_sum(ctx, ", \"");
	for (i = off; i < siz; i += n) {
		if ((n = p[i++]) == 0) {
			if (i != siz && (i + 1 != siz || p[i] != 0))
				dec_sum(ctx, "???");
			else if (i == siz)
				dec_sum(ctx, ".");
			break;
		}
		if (n > siz - i) {
			dec_sum(ctx, "???");
			break;
		}
		ni_vis(ctx, &p[i], n);
		if (i + n + 1 < siz && p[i + n] != 0)
			dec_sum(ctx, ".");
	}
	dec_sum(ctx, "\"");
	return 0;
}

/* Packet text on the summary line only, as tcpdump escapes it. */
static void
ni_vis(struct dec_ctx *ctx, const uint8_t *s, size_t n)
{
	if (ctx->out != NULL && !ctx->tree)
		tbuf_vis(ctx->out, s, n);
}
