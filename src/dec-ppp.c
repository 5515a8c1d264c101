/*
 * Point-to-point link types: PPP (link type 9, RFC 1661: address 0xff,
 * control 0x03, then a 16-bit protocol; RFC 1662 lets the first two be
 * left out) and Cisco HDLC (link type 104: address, control, then an
 * ethertype).  Without -e tcpdump prints only the payload; with -e the
 * framing first.  Only IPv4 and IPv6 payloads are followed.  PPPoE
 * (RFC 2516: discovery on ethertype 0x8863 with its tags, sessions on
 * 0x8864 carrying PPP) ends here too; the control protocols inside
 * sessions are in dec-pppcp.c.
 */
#include <stdint.h>
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define PPPOE_HDRLEN	6
#define PPPOE_MAXTAGS	32
#define PPPOE_TAGSHOWN	80		/* bytes of a tag value shown */

static int	ppp_key(struct cur *, int *);
static int	ppp_parse(struct dec_ctx *, struct cur *);
static void	ppp_format(struct dec_ctx *, struct cur *);
static int	chdlc_parse(struct dec_ctx *, struct cur *);
static void	chdlc_format(struct dec_ctx *, struct cur *);
static int	pppoe_parse(struct dec_ctx *, struct cur *);
static void	pppoe_format(struct dec_ctx *, struct cur *);
static void	pppoe_tags(struct dec_ctx *, struct cur *, int);
static const char *pppoe_tagname(int);

const struct dec_proto dec_ppp_proto = {
	.name = "ppp", .keys = { DEC_KEY(DEC_S_DLT, 9) }, .id = DEC_P_OTHER,
	.parse = ppp_parse, .format = ppp_format
};
const struct dec_proto dec_chdlc_proto = {
	.name = "chdlc", .keys = { DEC_KEY(DEC_S_DLT, 104) }, .id = DEC_P_OTHER,
	.parse = chdlc_parse, .format = chdlc_format
};
/* The discovery stage and the session stage. */
const struct dec_proto dec_pppoe_proto = {
	.name = "pppoe",
	.keys = { DEC_KEY(DEC_S_ETHER, 0x8863), DEC_KEY(DEC_S_ETHER, 0x8864) },
	.id = DEC_P_OTHER, .parse = pppoe_parse, .format = pppoe_format
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
	case 0x0281:
		return DEC_KEY(DEC_S_ETHER, 0x8847);
	case 0x0283:
		return DEC_KEY(DEC_S_ETHER, 0x8848);
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
	const char	*name;
	int		 proto, key;

	dec_layer(ctx, "PPP");
	key = ppp_key(c, &proto);
	if (proto == -1) {
		dec_sum(ctx, "PPP");
		dec_trunc(ctx, "ppp");
		return;
	}
	dec_fld(ctx, "protocol: 0x%04x", proto);
	name = dec_ppp_name(proto);
	if (ctx->opt->link && name == NULL) {
		dec_sum(ctx, "unknown (0x%04x), length %u", proto, ctx->len);
		return;
	}
	if (ctx->opt->link) {
		dec_sum(ctx, "%s (0x%04x), length %u: ", name, proto, ctx->len);
		ctx->linkdone = key != DEC_DONE;
	}
	if (key == DEC_DONE) {
		/* The length from the protocol field on, as tcpdump's. */
		dec_ppp_ctl(ctx, proto, c, (int)dec_wire(ctx, c) + 2);
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

/* A session packet's PPP payload follows the header; discovery ends. */
static int
pppoe_parse(struct dec_ctx *ctx, struct cur *c)
{
	int	code, proto;

	code = cur_peek_u8(c, 1);
	if (code != 0 || cur_skip(c, PPPOE_HDRLEN) == -1)
		return DEC_DONE;
	return ppp_key(c, &proto);
}

static void
pppoe_format(struct dec_ctx *ctx, struct cur *c)
{
	static const struct {
		int		 code;
		const char	*name;
	} codes[] = {
		{ 0x00, "" }, { 0x07, "PADO" }, { 0x09, "PADI" },
		{ 0x19, "PADR" }, { 0x65, "PADS" }, { 0xa7, "PADT" }
	};
	struct cur	 in;
	const char	*name;
	size_t		 i;
	int		 code, sid, len, proto, key, cut;

	dec_layer(ctx, "PPPoE");
	cur_skip(c, 1);			/* version and type */
	code = cur_u8(c);
	sid = cur_u16(c);
	if ((len = cur_u16(c)) == -1) {
		dec_trunc(ctx, "pppoe");
		return;
	}
	dec_fld(ctx, "code 0x%02x, session 0x%04x, length %d", code, sid, len);
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].code == code)
			break;
	if (i < sizeof codes / sizeof codes[0])
		dec_sum(ctx, "PPPoE %s", codes[i].name);
	else
		dec_sum(ctx, "PPPoE PAD-%x", code);
	if (sid != 0)
		dec_sum(ctx, " [ses 0x%x]", sid);
	cut = cur_sub(c, (size_t)len, &in);
	if (code != 0) {
		pppoe_tags(ctx, &in, cut);
		return;
	}
	dec_sum(ctx, " ");
	key = ppp_key(&in, &proto);
	if (proto == -1) {
		dec_trunc(ctx, "ppp");
		return;
	}
	dec_fld(ctx, "PPP protocol: 0x%04x", proto);
	if (ctx->opt->link && (name = dec_ppp_name(proto)) != NULL)
		dec_sum(ctx, "%s (0x%04x), length %u: ", name, proto,
		    (unsigned)len);
	if (key == DEC_DONE) {
		dec_ppp_ctl(ctx, proto, &in, len);
		return;
	}
	ctx->linkdone = ctx->opt->link;
	dec_next(ctx, key, &in);
}

static const char *
pppoe_tagname(int tag)
{
	switch (tag) {
	case 0x0000:	return "EOL";
	case 0x0101:	return "Service-Name";
	case 0x0102:	return "AC-Name";
	case 0x0103:	return "Host-Uniq";
	case 0x0104:	return "AC-Cookie";
	case 0x0105:	return "Vendor-Specific";
	case 0x0110:	return "Relay-Session-ID";
	case 0x0120:	return "PPP-Max-Payload";
	case 0x0201:	return "Service-Name-Error";
	case 0x0202:	return "AC-System-Error";
	case 0x0203:	return "Generic-Error";
	default:	return NULL;
	}
}

/*
 * Discovery tags: text values quoted, others in upper-case hex; cut: the
 * capture ends before the length the header gives.
 */
static void
pppoe_tags(struct dec_ctx *ctx, struct cur *c, int cut)
{
	const uint8_t	*v;
	const char	*name;
	size_t		 i, j, n;
	int		 tag, len, text;

	for (i = 0; i < PPPOE_MAXTAGS && cur_left(c) > 0; i++) {
		tag = cur_u16(c);
		if ((len = cur_u16(c)) == -1 ||
		    (v = cur_pull(c, (size_t)len)) == NULL) {
			dec_trunc(ctx, "pppoe");
			return;
		}
		if ((name = pppoe_tagname(tag)) != NULL)
			dec_sum(ctx, " [%s", name);
		else
			dec_sum(ctx, " [TAG-0x%x", tag);
		n = len < PPPOE_TAGSHOWN ? (size_t)len : PPPOE_TAGSHOWN;
		for (text = 1, j = 0; j < n; j++)
			if (v[j] < 0x20 || v[j] > 0x7e)
				text = 0;
		if (n > 0 && text && ctx->out != NULL && !ctx->tree) {
			dec_sum(ctx, " \"");
			tbuf_vis(ctx->out, v, n);
			dec_sum(ctx, "\"");
		} else if (n > 0) {
			dec_sum(ctx, " 0x");
			for (j = 0; j < n; j++)
				dec_sum(ctx, "%02X", v[j]);
		}
		dec_sum(ctx, "%s]", (size_t)len > n ? "..." : "");
		if (tag == 0)
			return;
	}
	if (cut)
		dec_trunc(ctx, "pppoe");
}
