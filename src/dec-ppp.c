/*
 * Point-to-point link types: PPP (link type 9, RFC 1661: address 0xff,
 * control 0x03, then a 16-bit protocol; RFC 1662 lets the first two be
 * left out) and Cisco HDLC (link type 104: address, control, then an
 * ethertype).  Without -e tcpdump prints only the payload; with -e the
 * framing first.  Only IPv4 and IPv6 payloads are followed.
 */
#include <stdint.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"

static int	ppp_key(struct cur *, int *);
static int	ppp_parse(struct dec_ctx *, struct cur *);
static void	ppp_format(struct dec_ctx *, struct cur *);
static int	chdlc_parse(struct dec_ctx *, struct cur *);
static void	chdlc_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_ppp_proto = {
	.name = "ppp", .key = DEC_KEY(DEC_S_DLT, 9), .id = DEC_P_OTHER,
	.parse = ppp_parse, .format = ppp_format
};
const struct dec_proto dec_chdlc_proto = {
	.name = "chdlc", .key = DEC_KEY(DEC_S_DLT, 104), .id = DEC_P_OTHER,
	.parse = chdlc_parse, .format = chdlc_format
};

/* The next layer's key for a PPP protocol number, or DEC_DONE. */
static int
ppp_key(struct cur *c, int *proto)
{
	if (cur_peek_u8(c, 0) == 0xff && cur_peek_u8(c, 1) == 0x03)
		cur_skip(c, 2);
	if ((*proto = cur_u16(c)) == -1)
		return DEC_DONE;
	switch (*proto) {
	case 0x0021:
		return DEC_KEY(DEC_S_ETHER, 0x0800);
	case 0x0057:
		return DEC_KEY(DEC_S_ETHER, 0x86dd);
	default:
		return DEC_DONE;
	}
}

static int
ppp_parse(struct dec_ctx *ctx, struct cur *c)
{
	int	proto;

	return ppp_key(c, &proto);
}

static void
ppp_format(struct dec_ctx *ctx, struct cur *c)
{
	int	proto, key;

	dec_layer(ctx, "PPP");
	key = ppp_key(c, &proto);
	if (proto == -1) {
		dec_sum(ctx, "PPP");
		dec_trunc(ctx, "ppp");
		return;
	}
	dec_fld(ctx, "protocol: 0x%04x", proto);
	if (ctx->opt->link && key != DEC_DONE) {
		dec_sum(ctx, "%s (0x%04x), length %u: ", proto == 0x0021 ?
		    "IP" : "IP6", proto, ctx->len);
		ctx->linkdone = 1;
	}
	if (key == DEC_DONE) {
		dec_sum(ctx, "PPP-0x%04x, length %u", proto, ctx->len);
		return;
	}
	dec_next(ctx, key, c);
}

static int
chdlc_parse(struct dec_ctx *ctx, struct cur *c)
{
	int	type;

	if (cur_skip(c, 2) == -1 || (type = cur_u16(c)) == -1)
		return DEC_DONE;
	return DEC_KEY(DEC_S_ETHER, type);
}

static void
chdlc_format(struct dec_ctx *ctx, struct cur *c)
{
	int	addr, type;

	dec_layer(ctx, "Cisco HDLC");
	addr = cur_u8(c);
	if (cur_skip(c, 1) == -1 || (type = cur_u16(c)) == -1) {
		dec_sum(ctx, "CHDLC");
		dec_trunc(ctx, "chdlc");
		return;
	}
	dec_fld(ctx, "address: 0x%02x, protocol: 0x%04x", addr, type);
	if (ctx->opt->link) {
		dec_sum(ctx, "%s, ethertype %s (0x%04x), length %u: ",
		    addr == 0x8f ? "bcast" : addr == 0x0f ? "unicast" :
		    "unknown", type == 0x0800 ? "IPv4" : type == 0x86dd ?
		    "IPv6" : "Unknown", type, ctx->len);
		ctx->linkdone = 1;
	}
	dec_next(ctx, DEC_KEY(DEC_S_ETHER, type), c);
}
