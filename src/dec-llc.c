/*
 * IEEE 802.2 LLC and SNAP (RFC 1042), after an 802.3 length field or an
 * SLL protocol 4.  SNAP with a zero OUI carries an ethertype; a SAP
 * registered in the DEC_S_LLC key space (STP's 0x42, dec-stp.c) names
 * its payload, as do Cisco's SNAP protocol ids in DEC_S_CISCO (PVST+,
 * CDP, DTP).  Without -e tcpdump
 * shows only the payload, or the LLC fields when nothing decodes it.
 */
#include <stdint.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"

static int	llc_cisco(struct dec_ctx *, const uint8_t *, int);
static void	llc_payload(struct dec_ctx *, const struct cur *);
static int	llc_parse(struct dec_ctx *, struct cur *);
static void	llc_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_llc_proto = {
	.name = "llc", .keys = { DEC_KEY(DEC_S_ETHER, DEC_ETH_LLC) },
	.id = DEC_P_LLC, .parse = llc_parse, .format = llc_format
};

/*
 * A Cisco SNAP protocol (OUI 00000c) with a registered decoder, or 0;
 * llclen becomes the bytes after the SNAP header.
 */
static int
llc_cisco(struct dec_ctx *ctx, const uint8_t *oui, int type)
{
	if (oui[0] != 0 || oui[1] != 0 || oui[2] != 0x0c ||
	    dec_find(DEC_KEY(DEC_S_CISCO, type)) == NULL)
		return 0;
	ctx->llclen = ctx->llclen > 5 ? ctx->llclen - 5 : 0;
	return DEC_KEY(DEC_S_CISCO, type);
}

/* -x starts after the LLC and SNAP headers, as tcpdump's. */
static void
llc_payload(struct dec_ctx *ctx, const struct cur *c)
{
	if (ctx->nip == 0 && ctx->tunnels == 0)
		ctx->info->l3off = (uint32_t)cur_off(c);
}

/* LLC without a length field (SLL protocol 4): it runs to the end. */
int
dec_llc_nolen(struct dec_ctx *ctx, struct cur *c)
{
	uint32_t	n = dec_wire(ctx, c);

	ctx->llclen = n > 3 ? n - 3 : 0;
	return DEC_KEY(DEC_S_ETHER, DEC_ETH_LLC);
}

/*
 * 802.2 LLC; SNAP with a zero OUI carries an ethertype (RFC 1042), and a
 * registered SAP (STP's 0x42) in both DSAP and SSAP names its payload.
 */
static int
llc_parse(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h, *oui;
	int		 type, key;

	if ((h = cur_pull(c, 3)) == NULL) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (h[0] == h[1] && h[2] == 0x03 && h[0] != 0xaa &&
	    dec_find(DEC_KEY(DEC_S_LLC, h[0])) != NULL) {
		llc_payload(ctx, c);
		return DEC_KEY(DEC_S_LLC, h[0]);
	}
	if (h[0] != 0xaa || h[1] != 0xaa || h[2] != 0x03)
		return DEC_DONE;
	if ((oui = cur_pull(c, 3)) == NULL || (type = cur_u16(c)) == -1) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if ((key = llc_cisco(ctx, oui, type)) != 0) {
		llc_payload(ctx, c);
		return key;
	}
	if (oui[0] != 0 || oui[1] != 0 || oui[2] != 0)
		return DEC_DONE;
	return dec_ether_key(ctx, type, c);
}

static void
llc_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h, *oui;
	uint32_t	 len = (uint32_t)cur_left(c);
	int		 type, key;

	dec_layer(ctx, "802.2 LLC");
	if ((h = cur_pull(c, 3)) == NULL) {
		dec_trunc(ctx, "llc");
		dec_hexascii(ctx, c, "", "");
		return;
	}
	dec_fld(ctx, "dsap: 0x%02x", h[0]);
	dec_fld(ctx, "ssap: 0x%02x", h[1]);
	dec_fld(ctx, "control: 0x%02x", h[2]);
	if (h[0] == h[1] && h[2] == 0x03 && h[0] != 0xaa &&
	    dec_find(DEC_KEY(DEC_S_LLC, h[0])) != NULL) {
		/* -e: tcpdump names the SAP; only STP's is registered. */
		if (ctx->opt->link)
			dec_sum(ctx, "LLC, dsap STP (0x42) Individual, ssap STP "
			    "(0x42) Command, ctrl 0x03: ");
		dec_next(ctx, DEC_KEY(DEC_S_LLC, h[0]), c);
		return;
	}
	if (h[0] != 0xaa || h[1] != 0xaa || h[2] != 0x03) {
		dec_sum(ctx, "LLC, dsap 0x%02x, ssap 0x%02x, ctrl 0x%02x, "
		    "length %u", h[0], h[1], h[2], len);
		dec_data(ctx, c);
		return;
	}
	if ((oui = cur_pull(c, 3)) == NULL || (type = cur_u16(c)) == -1) {
		dec_trunc(ctx, "snap");
		return;
	}
	dec_fld(ctx, "SNAP oui: 0x%02x%02x%02x", oui[0], oui[1], oui[2]);
	dec_fld(ctx, "SNAP type: 0x%04x (%s)", type, dec_ether_name(type));
	if ((key = llc_cisco(ctx, oui, type)) != 0) {
		if (ctx->opt->link)
			dec_sum(ctx, "LLC, dsap SNAP (0xaa) Individual, ssap "
			    "SNAP (0xaa) Command, ctrl 0x03: oui Cisco "
			    "(0x00000c), pid %s (0x%04x), length %u: ",
			    type == 0x2000 ? "CDP" : type == 0x2004 ? "DTP" :
			    "PVST", type, ctx->llclen);
		dec_next(ctx, key, c);
		return;
	}
	if (oui[0] != 0 || oui[1] != 0 || oui[2] != 0) {
		dec_sum(ctx, "SNAP, oui 0x%02x%02x%02x, pid 0x%04x, length %u",
		    oui[0], oui[1], oui[2], type, len);
		dec_data(ctx, c);
		return;
	}
	dec_next(ctx, dec_ether_key(ctx, type, c), c);
}
