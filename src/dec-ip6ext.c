/*
 * IPv6 extension headers (RFC 8200 4): the walk that finds the upper
 * layer for the parse, and as tcpdump 4.99 prints them the hop-by-hop
 * and destination options (-v lists each option, print-ip6opts.c), the
 * routing header (print-rt6.c) and the fragment header (print-frag6.c).
 * Each header's bytes are taken off the upper layer's length.  Called
 * from dec-ip.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define IP6_MAXEXT	8		/* extension headers walked */

static void	ip6_used(struct dec_ctx *, uint32_t);
static void	ip6_rt(struct dec_ctx *, struct cur *);
static int	ip6_frag(struct dec_ctx *, struct cur *);
static int	ip6_opthdr(struct dec_ctx *, struct cur *, int);
static int	ip6_opts(struct dec_ctx *, const uint8_t *, int, int,
		    uint32_t *);
static int	ip6_optbad(struct dec_ctx *, const uint8_t *, int);
static void	ip6_optjumbo(struct dec_ctx *, uint32_t, int, int, uint32_t *);
static uint32_t	ip6_jumbo(const struct cur *);

/* An extension header of n bytes is not part of the upper layer. */
static void
ip6_used(struct dec_ctx *ctx, uint32_t n)
{
	ctx->l4len = ctx->l4len > n ? ctx->l4len - n : 0;
}

/* Walk extension headers; returns the upper-layer protocol or -1. */
int
dec_ip6_ext_parse(struct dec_ctx *ctx, struct cur *c, int nh, int *frag)
{
	int	i, len, offlg;

	*frag = 0;
	for (i = 0; i < IP6_MAXEXT; i++) {
		switch (nh) {
		case 0: case 43: case 60:
			if ((len = cur_peek_u8(c, 1)) == -1)
				return -1;
			nh = cur_u8(c);
			if (cur_skip(c, (size_t)len * 8 + 8 - 1) == -1)
				return -1;
			break;
		case 44:
			nh = cur_u8(c);
			cur_skip(c, 1);
			offlg = cur_u16(c);
			if (cur_skip(c, 4) == -1)
				return -1;
			*frag = offlg & 0xfff9 ? (offlg & 0xfff8 ? 2 : 1) : 0;
			if (*frag == 2)
				return nh;
			break;
		default:
			return nh;
		}
	}
	return nh;
}

/*
 * A routing header as tcpdump 4.99 prints it: "RT6 (len=2, type=0
 * [Deprecated], segleft=1, [0]addr) " (RFC 8200 4.4, RFC 8754 for
 * type 4); only types 0, 2 and 4 carry a list of addresses.
 */
static void
ip6_rt(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*p;
	char		 a[DEC_ADDRSTRLEN];
	int		 len, type, i, n;

	if ((len = cur_peek_u8(c, 1)) == -1 ||
	    (p = cur_peek(c, (size_t)len * 8 + 8)) == NULL) {
		dec_sum(ctx, "RT6 ");
		return;
	}
	type = p[2];
	dec_sum(ctx, "RT6 (len=%d, type=%d%s, segleft=%d, ", len, type,
	    type == 0 ? " [Deprecated]" : "", p[3]);
	if (type == 4)
		dec_sum(ctx, "last-entry=%d, tag=%x, ", p[4], p[6] << 8 | p[7]);
	else if (type != 0 && type != 2) {
		dec_sum(ctx, "...) ");
		return;
	}
	n = len / 2;
	for (i = 0; i < n; i++) {
		dec_ntop(6, &p[8 + 16 * i], a);
		dec_sum(ctx, "%s[%d]%s", i > 0 ? ", " : "", i, a);
	}
	dec_sum(ctx, ") ");
}

/*
 * A fragment header (RFC 8200 4.5); the next header, or -1 when cut or
 * when this is not the first fragment (its data shown, nothing more, as
 * tcpdump 4.99, which has no word for the protocol there).
 */
static int
ip6_frag(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	struct cur	 q = *c;
	int		 offlg, whole, v = ctx->opt->verbose;

	dec_layer(ctx, "IPv6 fragment header");
	/*
	 * tcpdump reads the offset, and under -v the id, with GET_ macros
	 * (a cut one gives up on the packet), and stops after a first
	 * fragment's header when nothing follows it.
	 */
	if ((h = cur_peek(&q, v ? 8 : 4)) == NULL) {
		dec_trunc(ctx, "frag6");
		ctx->gaveup = 1;
		return -1;
	}
	whole = cur_skip(c, 8) == 0;
	offlg = (h[2] << 8 | h[3]) & 0xfff8;
	ip6_used(ctx, 8);
	dec_fld(ctx, "next header: %d", h[0]);
	dec_fld(ctx, "offset: %d, more: %d", offlg, h[3] & 1);
	if (v)
		dec_sum(ctx, "frag (0x%08x:%d|%u)", cur_be32(&h[4]), offlg,
		    ctx->l4len);
	else
		dec_sum(ctx, "frag (%d|%u)", offlg, ctx->l4len);
	if (offlg != 0) {
		dec_data(ctx, c);
		return -1;
	}
	/* As a first IPv4 fragment's: no checksum verdict above. */
	ctx->morefrag = 1;
	dec_sum(ctx, " ");
	return whole && cur_left(c) > 0 ? h[0] : -1;
}

/*
 * A hop-by-hop (nh 0), routing (43) or destination options (60) header
 * (RFC 8200 4.3, 4.4, 4.6); the next header, or -1 when cut.
 */
static int
ip6_opthdr(struct dec_ctx *ctx, struct cur *c, int nh)
{
	struct cur	opts;
	uint32_t	j = 0;
	int		len, rtype, left, nxt;

	dec_layer(ctx, nh == 0 ? "IPv6 hop-by-hop options" :
	    nh == 43 ? "IPv6 routing header" :
	    "IPv6 destination options");
	/*
	 * tcpdump names the options only once it has them all; it reads
	 * the length byte with a GET_ macro: without it, it gives up on
	 * the whole packet (-x from byte 0).
	 */
	if (nh != 43 && ((len = cur_peek_u8(c, 1)) == -1 ||
	    cur_left(c) < ((size_t)len + 1) * 8)) {
		if (len == -1)
			ctx->gaveup = 1;
		dec_trunc(ctx, nh == 0 ? "hbhopt" : "dstopt");
		return -1;
	}
	if (nh == 43 && !ctx->opt->extra)
		ip6_rt(ctx, c);
	else
		dec_sum(ctx, "%s", nh == 0 ? "HBH " : nh == 43 ?
		    "RH " : "DSTOPT ");
	rtype = cur_peek_u8(c, 2);
	left = cur_peek_u8(c, 3);
	opts = *c;
	if ((nxt = cur_u8(c)) == -1 || (len = cur_u8(c)) == -1 ||
	    cur_skip(c, (size_t)len * 8 + 6) == -1) {
		dec_trunc(ctx, nh == 0 ? "hbh" : nh == 43 ? "srcrt" :
		    "dstopt");
		return -1;
	}
	if (nh != 43 && cur_skip(&opts, 2) == 0 && ip6_opts(ctx,
	    cur_peek(&opts, (size_t)len * 8 + 6), len * 8 + 6, nh,
	    ctx->ip6zero ? &j : NULL) == -1) {
		dec_trunc(ctx, nh == 0 ? "hbhopt" : "dstopt");
		return -1;
	}
	ip6_used(ctx, (uint32_t)len * 8 + 8);
	dec_fld(ctx, "next header: %d", nxt);
	dec_fld(ctx, "length: %d", len * 8 + 8);
	if (nh == 43)
		dec_fld(ctx, "type: %d, segments left: %d", rtype,
		    left);
	return nxt;
}

/*
 * Show the extension headers; *nhp gets the upper-layer protocol.  Returns
 * -1 when decoding stopped (truncated, or a fragment that is not the first).
 */
int
dec_ip6_ext_format(struct dec_ctx *ctx, struct cur *c, int nh, int *nhp)
{
	int	i;

	for (i = 0; i < IP6_MAXEXT; i++) {
		*nhp = nh;
		if (nh != 0 && nh != 43 && nh != 44 && nh != 60)
			return 0;
		dec_addrs(ctx);
		if (nh == 44)
			nh = ip6_frag(ctx, c);
		else
			nh = ip6_opthdr(ctx, c, nh);
		if (nh == -1)
			return -1;
	}
	*nhp = nh;
	return 0;
}

/*
 * An IPv6 payload length of 0 as tcpdump 4.99 takes it (RFC 2675): the
 * length of a valid Jumbo Payload option of a hop-by-hop header
 * ("truncated-ip6 - N bytes missing!" before the upper layer when the
 * frame is shorter); without one, after a hop-by-hop header "[No valid
 * Jumbo Payload Hop-by-Hop option found] (invalid)", after another
 * extension header " [|ip6]", and with none an empty payload; but TCP or
 * UDP right after the header in a frame past 64k is Linux's BIG TCP
 * without a jumbo option (later tcpdumps, -v: "[real length N, presumed
 * BIG TCP] "), the frame's length.  c: after the IPv6 header, narrowed
 * here.  *nhp as dec_ip6_ext_format's; -1 when the line ends here.
 */
int
dec_ip6_zero(struct dec_ctx *ctx, struct cur *c, int nh, int *nhp)
{
	struct cur	in;
	uint32_t	jlen, wire = dec_wire(ctx, c) + IP6_HDRLEN;
	int		ext = nh == 0 || nh == 43 || nh == 44 || nh == 60;
	int		big = wire > 65535 && (nh == 6 || nh == 17);

	if (big && ctx->opt->verbose)
		dec_sum(ctx, "[real length %u, presumed BIG TCP] ", wire);
	jlen = nh == 0 ? ip6_jumbo(c) : 0;
	ctx->l4len = jlen != 0 ? jlen : ext || big ? wire - IP6_HDRLEN : 0;
	(void)cur_sub(c, ctx->l4len, &in);
	*c = in;
	*nhp = nh;
	if (!ext)
		return 0;
	if (jlen == 0 && nh == 0) {
		/* Said after the header, cut or not, unless tcpdump gave up. */
		dec_addrs(ctx);
		(void)ip6_opthdr(ctx, c, nh);
		if (!ctx->gaveup)
			dec_sum(ctx, "[No valid Jumbo Payload Hop-by-Hop "
			    "option found] (invalid)");
		return -1;
	}
	if (dec_ip6_ext_format(ctx, c, nh, nhp) == -1)
		return -1;
	if (jlen == 0) {
		dec_trunc(ctx, "ip6");
		return -1;
	}
	if (jlen + IP6_HDRLEN > wire)
		dec_sum(ctx, "truncated-ip6 - %u bytes missing!", jlen +
		    IP6_HDRLEN - wire);
	return 0;
}

/*
 * The length the first Jumbo Payload option of a hop-by-hop header at c
 * gives when valid (ip6_optjumbo); 0 when there is none, the header is
 * not all captured or an option before it is malformed.
 */
static uint32_t
ip6_jumbo(const struct cur *c)
{
	const uint8_t	*p;
	struct cur	 q = *c;
	uint32_t	 j = 0;
	int		 len;

	if ((len = cur_peek_u8(&q, 1)) == -1 ||
	    (p = cur_peek(&q, ((size_t)len + 1) * 8)) == NULL)
		return 0;
	(void)ip6_opts(NULL, p + 2, len * 8 + 6, 0, &j);
	return j;
}

/*
 * Hop-by-hop (nh 0) and destination options (60) as tcpdump 4.99's
 * ip6_opt_process (print-ip6opts.c; RFC 8200 4.2, RFC 2711 router alert,
 * RFC 2675 jumbo payload) walks them: len bytes at p, all captured.  -v
 * lists them; a malformed one is named even without -v, and ends the
 * walk with -1.  ctx NULL: quiet.  jumbo not NULL: the first Jumbo
 * Payload option's length goes there when valid (else 0).
 */
static int
ip6_opts(struct dec_ctx *ctx, const uint8_t *p, int len, int nh,
    uint32_t *jumbo)
{
	int	i, olen, seen = 0, v = ctx != NULL && ctx->opt->verbose;

	for (i = 0; i < len; i += olen) {
		if (p[i] != 0 && i + 1 >= len)
			return -1;
		olen = p[i] == 0 ? 1 : p[i + 1] + 2;
		if (i + olen > len)
			return -1;
		if (ip6_optbad(ctx, &p[i], len - i) == -1)
			return -1;
		if (p[i] == 0xc2)
			ip6_optjumbo(ctx, cur_be32(&p[i + 2]), nh, seen++,
			    jumbo);
		else if (v && p[i] == 5)
			dec_sum(ctx, "(rtalert: 0x%04x) ", p[i + 2] << 8 |
			    p[i + 3]);
		else if (v && p[i] < 2)
			dec_sum(ctx, "%s", p[i] == 0 ? "(pad1)" : "(padn)");
		else if (v)
			dec_sum(ctx, "(opt_type 0x%02x: len=%d)", p[i],
			    p[i + 1]);
	}
	if (v)
		dec_sum(ctx, " ");
	return 0;
}

/*
 * tcpdump's words for an option too short for its kind or of the wrong
 * length (pad1 aside): -1 after them, else 0.  o: the option, left bytes
 * up to the end of the header.
 */
static int
ip6_optbad(struct dec_ctx *ctx, const uint8_t *o, int left)
{
	/* Bytes left at least, length byte exactly (-1: any) or at least. */
	static const struct {
		int		 type, min, exact, least;
		const char	*name;
	} k[] = {
		{ 1, 2, -1, 0, "padn" }, { 5, 4, 2, 0, "rtalert" },
		{ 0xc2, 6, 4, 0, "jumbo" }, { 0xc9, 18, -1, 16, "homeaddr" },
	};
	size_t	i;

	if (o[0] == 0)
		return 0;
	for (i = 0; i < sizeof k / sizeof k[0] && k[i].type != o[0]; i++)
		;
	if (i == sizeof k / sizeof k[0]) {
		if (left >= 2)
			return 0;
		if (ctx != NULL)
			dec_sum(ctx, "(type %d: trunc)", o[0]);
		return -1;
	}
	if (left < k[i].min) {
		if (ctx != NULL)
			dec_sum(ctx, "(%s: trunc)", k[i].name);
		return -1;
	}
	if ((k[i].exact >= 0 && o[1] != k[i].exact) || o[1] < k[i].least) {
		if (ctx != NULL)
			dec_sum(ctx, "(%s: invalid len %d)", k[i].name, o[1]);
		return -1;
	}
	return 0;
}

/*
 * A Jumbo Payload option of length j (RFC 2675 2), the seen'th of its
 * header: valid only the first, in a hop-by-hop header (nh 0) of a packet
 * whose payload length is 0 (jumbo not NULL), and over 65535.  -v names
 * it and, when not valid, why.
 */
static void
ip6_optjumbo(struct dec_ctx *ctx, uint32_t j, int nh, int seen,
    uint32_t *jumbo)
{
	const char	*why = NULL;

	if (seen)
		why = " - already seen";
	else if (nh != 0)
		why = " - not a hop-by-hop option";
	else if (jumbo == NULL)
		why = " - payload len != 0";
	else if (j < 65536)
		why = " - < 65536";
	else
		*jumbo = j;
	if (ctx != NULL && ctx->opt->verbose)
		dec_sum(ctx, "(jumbo: %u%s) ", j, why != NULL ? why : "");
}
