/*
 * ICMPv6 neighbor discovery (RFC 4861) as tcpdump 4.99 prints it: the
 * target of a solicitation or an advertisement, a redirect's two
 * addresses, and from -v on the advertisement's flags, the router's
 * parameters and every option, one a line (-vv adds each option's bytes
 * in hex).  Option layouts: RFC 4861 4.6, RFC 4191 (route information),
 * RFC 8106 (RDNSS, DNSSL), RFC 6275 7.3 and 7.4 (advertisement
 * interval, home agent).  The words are those of print-icmp6.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

/* Flag bits and tcpdump's words for them, to a NULL name. */
struct nd_bit {
	uint32_t	 bit;
	const char	*name;
};

static const struct nd_bit ra_flags[] = { { 0x80, "managed" },
    { 0x40, "other stateful" }, { 0x20, "home agent" },
    { 0x02, "ipv6 only" }, { 0, NULL } };
static const struct nd_bit na_flags[] = { { 0x80000000, "router" },
    { 0x40000000, "solicited" }, { 0x20000000, "override" }, { 0, NULL } };
static const struct nd_bit pi_flags[] = { { 0x80, "onlink" },
    { 0x40, "auto" }, { 0x20, "router" }, { 0, NULL } };

static int	nd_opts(struct dec_ctx *, struct cur *, int);
static int	nd_opt(struct dec_ctx *, const struct cur *, int, int,
		    struct cur *);
static int	nd_prefix(struct dec_ctx *, int, struct cur *);
static int	nd_route(struct dec_ctx *, int, struct cur *);
static int	nd_rdnss(struct dec_ctx *, int, struct cur *);
static int	nd_dnssl(struct dec_ctx *, const struct cur *, int,
		    struct cur *);
static void	nd_bits(struct dec_ctx *, uint32_t, const struct nd_bit *);
static void	nd_lifetime(struct dec_ctx *, const char *, uint32_t);
static const char *nd_pref(int);

/*
 * Types 133 to 137, and 147 under -v, after the first 8 bytes (w: their
 * last 4 as one word); c is there.  Returns -1 after the marker when cut.
 */
int
dec_icmp6_nd(struct dec_ctx *ctx, int type, uint32_t w, struct cur *c)
{
	const uint8_t	*t, *h;
	char		 a[DEC_ADDRSTRLEN], b[DEC_ADDRSTRLEN];
	int		 v = ctx->opt->verbose, len = (int)ctx->l4len;

	switch (type) {
	case 133:
		break;
	case 134:
		if (!v)
			return 0;
		if ((h = cur_pull(c, 8)) == NULL)
			goto trunc;
		dec_sum(ctx, "\n\thop limit %u, Flags [", w >> 24);
		nd_bits(ctx, w >> 16 & 0xff, ra_flags);
		dec_sum(ctx, "], pref %s, router lifetime %us, reachable "
		    "time %ums, retrans timer %ums", nd_pref((int)(w >> 16)),
		    w & 0xffff, cur_be32(h), cur_be32(&h[4]));
		break;
	case 135:
	case 136:
		if ((t = cur_pull(c, 16)) == NULL)
			goto trunc;
		dec_ntop(6, t, a);
		dec_fld(ctx, "target: %s", a);
		dec_sum(ctx, type == 135 ? ", who has %s" : ", tgt is %s", a);
		if (type == 136 && v) {
			dec_sum(ctx, ", Flags [");
			nd_bits(ctx, w, na_flags);
			dec_sum(ctx, "]");
		}
		break;
	case 147:	/* -v only: mobile prefix advertisement (RFC 6275) */
		dec_sum(ctx, ", id 0x%04x%s%s%s", w >> 16, w & 0xc000 ? " " :
		    "", w & 0x8000 ? "M" : "", w & 0x4000 ? "O" : "");
		break;
	default:	/* 137, redirect: target, then destination */
		if ((t = cur_pull(c, 32)) == NULL)
			goto trunc;
		dec_ntop(6, t, a);
		dec_ntop(6, &t[16], b);
		dec_fld(ctx, "target: %s", a);
		dec_fld(ctx, "destination: %s", b);
		dec_sum(ctx, ", %s to %s", b, a);
		break;
	}
	if (!v || ctx->out == NULL || ctx->tree)
		return 0;
	len -= type == 133 || type == 147 ? 8 : type == 137 ? 40 :
	    type == 134 ? 16 : 24;
	if (nd_opts(ctx, c, len) == 0)
		return 0;
	dec_trunc(ctx, "icmp6");
	ctx->gaveup = 0;	/* options are tested, not read with GET_ */
	return -1;
trunc:
	dec_trunc(ctx, "icmp6");
	return -1;
}

/*
 * The options from c to the end of the capture or resid bytes, as
 * tcpdump's icmp6_opt_print; -1 when one is cut or has length 0.
 */
static int
nd_opts(struct dec_ctx *ctx, struct cur *c, int resid)
{
	static const char *const names[] = { NULL, "source link-address",
	    "destination link-address", "prefix info", "redirected header",
	    "mtu", NULL, "advertisement interval", "homeagent information" };
	struct cur	 start = *c, o, hex;
	const char	*name;
	int		 type, len, r;

	while (cur_left(c) > 0) {
		if (cur_left(c) < 2)
			return -1;
		if (resid <= 0)
			return 0;
		type = cur_peek_u8(c, 0);
		len = cur_peek_u8(c, 1) * 8;
		if (len == 0 || cur_left(c) < (size_t)len)
			return -1;
		name = type < 9 ? names[type] : type == 24 ? "route info" :
		    type == 25 ? "rdnss" : type == 31 ? "dnssl" : NULL;
		dec_sum(ctx, "\n\t  %s option (%d), length %d (%d): ",
		    name != NULL ? name : "unknown", type, len, len / 8);
		o = *c;
		if ((r = nd_opt(ctx, &start, type, len, &o)) != 0)
			return r > 0 ? 0 : -1;
		if (ctx->opt->verbose > 1) {
			cur_seek(c, 2, &o);
			cur_init(&hex, cur_peek(&o, (size_t)len - 2),
			    (size_t)len - 2);
			dec_hexlines(ctx->out, "\n\t    ", &hex, 0);
		}
		cur_skip(c, (size_t)len);
		resid -= len;
	}
	return 0;
}

/*
 * One option's value; o is at the option, reads go to the capture's end
 * as tcpdump's do.  0 to go on, 1 to stop (an unknown option under -v),
 * -1 when cut.
 */
static int
nd_opt(struct dec_ctx *ctx, const struct cur *start, int type, int len,
    struct cur *o)
{
	struct cur	 hex;
	const uint8_t	*p;
	int		 i;

	switch (type) {
	case 1:
	case 2:
		p = cur_peek(o, (size_t)len);
		for (i = 2; i < len; i++)
			dec_sum(ctx, "%s%02x", i > 2 ? ":" : "", p[i]);
		return 0;
	case 3:
		return nd_prefix(ctx, len, o);
	case 4:		/* sic: from the first option on (tcpdump 4.99) */
		hex = *start;
		cur_init(&hex, cur_peek(&hex, (size_t)len), (size_t)len);
		dec_hexlines(ctx->out, "\n\t    ", &hex, 0);
		return 0;
	case 5:
	case 7:
		if ((p = cur_peek(o, 8)) == NULL)
			return -1;
		dec_sum(ctx, type == 5 ? " %u%s" : " %ums%s", cur_be32(&p[4]),
		    type == 5 && len != 8 ? "bad option length" : "");
		return 0;
	case 8:
		if ((p = cur_peek(o, 8)) == NULL)
			return -1;
		dec_sum(ctx, " preference %u, lifetime %u", p[4] << 8 | p[5],
		    p[6] << 8 | p[7]);
		return 0;
	case 24:
		return nd_route(ctx, len, o);
	case 25:
		return nd_rdnss(ctx, len, o);
	case 31:
		return nd_dnssl(ctx, start, len, o);
	default:
		if (ctx->opt->verbose > 1)
			return 0;
		cur_skip(o, 2);
		cur_init(&hex, cur_peek(o, (size_t)len - 2), (size_t)len - 2);
		dec_hexlines(ctx->out, "\n\t  ", &hex, 0);
		return 1;
	}
}

/* Prefix information (RFC 4861 4.6.2); -1 when cut. */
static int
nd_prefix(struct dec_ctx *ctx, int len, struct cur *o)
{
	const uint8_t	*p;
	char		 a[DEC_ADDRSTRLEN];

	if ((p = cur_peek(o, 32)) == NULL)
		return -1;
	dec_ntop(6, &p[16], a);
	dec_sum(ctx, "%s/%u%s, Flags [", a, p[2], len != 32 ?
	    "badlen" : "");
	nd_bits(ctx, p[3], pi_flags);
	nd_lifetime(ctx, "], valid time ", cur_be32(&p[4]));
	nd_lifetime(ctx, ", pref. time ", cur_be32(&p[8]));
	return 0;
}

/* Route information (RFC 4191 2.3); -1 when cut or over 24 bytes. */
static int
nd_route(struct dec_ctx *ctx, int len, struct cur *o)
{
	const uint8_t	*p;
	uint8_t		 pfx[16];
	char		 a[DEC_ADDRSTRLEN];

	if ((p = cur_peek(o, 8)) == NULL || len > 24 ||
	    cur_peek(o, (size_t)len) == NULL)
		return -1;
	/* The prefix's first 0, 8 or 16 bytes (RFC 4191 2.3). */
	memset(pfx, 0, sizeof pfx);
	memcpy(pfx, &p[8], (size_t)len - 8);
	dec_ntop(6, pfx, a);
	dec_sum(ctx, " %s/%u, pref=%s", a, p[2], nd_pref(p[3]));
	nd_lifetime(ctx, ", lifetime=", cur_be32(&p[4]));
	return 0;
}

/* Recursive DNS servers (RFC 8106 5.1); -1 when cut. */
static int
nd_rdnss(struct dec_ctx *ctx, int len, struct cur *o)
{
	const uint8_t	*p;
	char		 a[DEC_ADDRSTRLEN];
	int		 i, k;

	if ((p = cur_peek(o, 8)) == NULL)
		return -1;
	dec_sum(ctx, " lifetime %us,", cur_be32(&p[4]));
	k = (len / 8 - 1) / 2;
	if ((p = cur_peek(o, 8 + 16 * (size_t)k)) == NULL)
		return -1;
	for (i = 0; i < k; i++) {
		dec_ntop(6, &p[8 + 16 * i], a);
		dec_sum(ctx, " addr: %s", a);
	}
	return 0;
}

/*
 * DNS search list (RFC 8106 5.2): names as in DNS, pointers from start
 * as tcpdump reads them; -1 when cut.
 */
static int
nd_dnssl(struct dec_ctx *ctx, const struct cur *start, int len,
    struct cur *o)
{
	struct cur	 n;
	const uint8_t	*p;

	if ((p = cur_peek(o, 8)) == NULL)
		return -1;
	dec_sum(ctx, " lifetime %us, domain(s):", cur_be32(&p[4]));
	n = *o;
	cur_skip(&n, 8);
	while (cur_off(&n) < cur_off(o) + (size_t)len &&
	    cur_peek_u8(&n, 0) > 0) {
		dec_sum(ctx, " ");
		if (dec_dns_name(start, &n, ctx->out) != 0)
			return -1;
	}
	return 0;
}

/* The names of the bits set in v, ", " between them, or "none". */
static void
nd_bits(struct dec_ctx *ctx, uint32_t v, const struct nd_bit *t)
{
	int	n = 0;

	for (; t->name != NULL; t++)
		if (v & t->bit)
			dec_sum(ctx, "%s%s", n++ > 0 ? ", " : "", t->name);
	if (n == 0)
		dec_sum(ctx, "none");
}

/* "infinity" or "Ns", after what. */
static void
nd_lifetime(struct dec_ctx *ctx, const char *what, uint32_t v)
{
	if (v == 0xffffffff)
		dec_sum(ctx, "%sinfinity", what);
	else
		dec_sum(ctx, "%s%us", what, v);
}

/* A router preference (RFC 4191 2.1) from bits 3 and 4 of flags. */
static const char *
nd_pref(int flags)
{
	static const char *const prefs[] = { "medium", "high", "rsv", "low" };

	return prefs[flags >> 3 & 3];
}

