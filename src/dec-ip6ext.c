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
static void	ip6_optsv(struct dec_ctx *, struct cur *, int, int);

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
 * when this is not the first fragment (its data shown, nothing more).
 */
static int
ip6_frag(struct dec_ctx *ctx, struct cur *c)
{
	int		offlg, nh;
	int64_t		id;

	dec_layer(ctx, "IPv6 fragment header");
	nh = cur_u8(c);
	cur_skip(c, 1);
	offlg = cur_u16(c);
	if ((id = cur_u32(c)) == -1) {
		dec_trunc(ctx, "frag6");
		return -1;
	}
	ip6_used(ctx, 8);
	dec_fld(ctx, "next header: %d", nh);
	dec_fld(ctx, "offset: %d, more: %d, id: 0x%08llx",
	    offlg & 0xfff8, offlg & 1, (long long)id);
	dec_sum(ctx, "frag (0x%08llx:%d|%u) ", (long long)id,
	    offlg & 0xfff8, ctx->l4len);
	if ((offlg & 0xfff8) != 0) {
		dec_sum(ctx, "ip-proto-%d", nh);
		dec_data(ctx, c);
		return -1;
	}
	return nh;
}

/*
 * A hop-by-hop (nh 0), routing (43) or destination options (60) header
 * (RFC 8200 4.3, 4.4, 4.6); the next header, or -1 when cut.
 */
static int
ip6_opthdr(struct dec_ctx *ctx, struct cur *c, int nh)
{
	struct cur	opts;
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
	if (nh != 43 && ctx->opt->verbose && cur_skip(&opts, 2) == 0)
		ip6_optsv(ctx, &opts, len * 8 + 6, nh == 0);
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
 * tcpdump -v's hop-by-hop and destination options (print-ip6opts.c,
 * RFC 8200 4.2, RFC 2711 router alert, RFC 2675 jumbo payload): len
 * bytes at o, all captured.
 */
static void
ip6_optsv(struct dec_ctx *ctx, struct cur *o, int len, int hbh)
{
	const uint8_t	*p = cur_peek(o, (size_t)len);
	uint32_t	 j;
	int		 i, olen;

	for (i = 0; i < len; i += olen) {
		olen = p[i] == 0 ? 1 : i + 1 < len ? p[i + 1] + 2 : len + 1;
		if (i + olen > len)
			return;
		switch (p[i]) {
		case 0:
			dec_sum(ctx, "(pad1)");
			break;
		case 1:
			dec_sum(ctx, "(padn)");
			break;
		case 5:
			if (olen != 4)
				return;
			dec_sum(ctx, "(rtalert: 0x%04x) ", p[i + 2] << 8 |
			    p[i + 3]);
			break;
		case 0xc2:
			if (olen != 6)
				return;
			j = cur_be32(&p[i + 2]);
			dec_sum(ctx, "(jumbo: %u%s) ", j, !hbh ?
			    " - not a hop-by-hop option" : j < 65536 ?
			    " - < 65536" : "");
			break;
		default:
			dec_sum(ctx, "(opt_type 0x%02x: len=%d)", p[i],
			    p[i + 1]);
			break;
		}
	}
	dec_sum(ctx, " ");
}
