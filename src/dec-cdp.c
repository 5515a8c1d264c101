/*
 * Cisco's SNAP protocols (OUI 00000c): CDP (protocol 0x2000) and DTP
 * (0x2004), as tcpdump -n and -v print them.  Without -v tcpdump shows
 * CDP's device id and every other value in hex; -v names the fields.
 * Strings from the packet go through tbuf_vis().  No public standard:
 * the field numbers are those tcpdump and Wireshark decode.
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define CDP_MAXTLVS	64

static void	cdp_format(struct dec_ctx *, struct cur *);
static int	cdp_tlv(struct dec_ctx *, struct cur *);
static const char *cdp_name(int);
static void	cdp_value(struct dec_ctx *, int, struct cur *, int);
static void	cdp_str(struct dec_ctx *, struct cur *, int);
static void	cdp_addrs(struct dec_ctx *, struct cur *);
static void	dtp_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_cdp_proto = {
	.name = "cdp", .keys = { DEC_KEY(DEC_S_CISCO, 0x2000) },
	.id = DEC_P_OTHER, .format = cdp_format
};
const struct dec_proto dec_dtp_proto = {
	.name = "dtp", .keys = { DEC_KEY(DEC_S_CISCO, 0x2004) },
	.id = DEC_P_OTHER, .format = dtp_format
};

/*
 * One field (type, length, value) from c: 0, or -1 when it was cut short
 * (the caller marks the truncation).
 */
static int
cdp_tlv(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 v;
	const char	*name;
	int		 type, len, clamped;

	type = cur_u16(c);
	if ((len = cur_u16(c)) == -1 || len < 4)
		return -1;
	clamped = cur_sub(c, (size_t)len - 4, &v);
	len -= 4;
	name = cdp_name(type);
	if (!ctx->opt->verbose) {
		/* tcpdump 4.99 names the device, dumps the rest. */
		if (type == 0x01) {
			dec_sum(ctx, ", Device-ID ");
			cdp_str(ctx, &v, !clamped);
		} else if (!clamped)
			dec_hexdump(ctx, &v, "\n\t  ");
		return clamped ? -1 : 0;
	}
	if (name != NULL)
		dec_sum(ctx, "\n\t%s (0x%02x), value length: %d byte%s: ",
		    name, type, len, len == 1 ? "" : "s");
	else
		dec_sum(ctx, "\n\tunknown field type (0x%02x), value "
		    "length: %d byte%s: ", type, len, len == 1 ? "" : "s");
	/* Text shows as far as it was captured, the rest not at all. */
	if (!clamped || type == 0x01 || type == 0x03 || type == 0x05 ||
	    type == 0x06 || type == 0x09)
		cdp_value(ctx, type, &v, !clamped);
	return clamped ? -1 : 0;
}

static const char *
cdp_name(int type)
{
	switch (type) {
	case 0x01:	return "Device-ID";
	case 0x02:	return "Address";
	case 0x03:	return "Port-ID";
	case 0x04:	return "Capability";
	case 0x05:	return "Version String";
	case 0x06:	return "Platform";
	case 0x08:	return "Protocol-Hello option";
	case 0x09:	return "VTP Management Domain";
	case 0x0a:	return "Native VLAN ID";
	case 0x0b:	return "Duplex";
	case 0x12:	return "AVVID trust bitmap";
	case 0x13:	return "AVVID untrusted ports CoS";
	case 0x16:	return "Management Addresses";
	default:	return NULL;
	}
}

static void
cdp_format(struct dec_ctx *ctx, struct cur *c)
{
	int		 ver, ttl, sum, i, cut;

	dec_layer(ctx, "Cisco Discovery Protocol");
	ver = cur_u8(c);
	if ((ttl = cur_u8(c)) == -1) {
		dec_trunc(ctx, "cdp");
		return;
	}
	dec_sum(ctx, "CDPv%d, ttl: %ds", ver, ttl);
	if ((sum = cur_u16(c)) == -1) {
		dec_trunc(ctx, "cdp");
		return;
	}
	if (ctx->opt->verbose)
		dec_sum(ctx, ", checksum: 0x%04x (unverified), length %u", sum,
		    ctx->llclen);
	/* The fields run to the end of the frame, captured or not. */
	cut = ctx->llclen > 4 && ctx->llclen - 4 > cur_left(c);
	for (i = 0; i < CDP_MAXTLVS && cur_left(c) > 0; i++)
		if (cdp_tlv(ctx, c) == -1) {
			dec_trunc(ctx, "cdp");
			return;
		}
	if (cut)
		dec_trunc(ctx, "cdp");
	else if (!ctx->opt->verbose)
		dec_sum(ctx, ", length %u", ctx->llclen);
}

/* -v: one value by its type, unknown types in hex; whole: not cut. */
static void
cdp_value(struct dec_ctx *ctx, int type, struct cur *v, int whole)
{
	static const char *const caps[] = {
		"Router", "Transparent Bridge", "Source Route Bridge",
		"L2 Switch", "L3 capable", "IGMP snooping", "L1 capable"
	};
	const uint8_t	*p;
	int64_t		 x;
	size_t		 n;

	switch (type) {
	case 0x01: case 0x03: case 0x06: case 0x09:
		cdp_str(ctx, v, whole);
		break;
	case 0x02: case 0x16:
		cdp_addrs(ctx, v);
		break;
	case 0x04:
		if ((x = cur_u32(v)) == -1)
			break;
		dec_sum(ctx, "(0x%08llx): ", (long long)x);
		dec_bits(ctx, caps, 7, (unsigned)x);
		break;
	case 0x05:
		/* Each line of the text on a line of its own. */
		dec_sum(ctx, "\n\t  ");
		while ((n = cur_left(v)) > 0) {
			p = cur_pull(v, 1);
			if (*p == '\n')
				dec_sum(ctx, "\n\t  ");
			else if (ctx->out != NULL && !ctx->tree)
				tbuf_vis(ctx->out, p, 1);
		}
		break;
	case 0x08:
		break;
	case 0x0a:
		if ((x = cur_u16(v)) != -1)
			dec_sum(ctx, "%lld", (long long)x);
		break;
	case 0x0b:
		if ((x = cur_u8(v)) != -1)
			dec_sum(ctx, "%s", x ? "full" : "half");
		break;
	case 0x12: case 0x13:
		if ((x = cur_u8(v)) != -1)
			dec_sum(ctx, "0x%02llx", (long long)x);
		break;
	default:
		dec_hexdump(ctx, v, "\n\t  ");
		break;
	}
}

/* A quoted string; whole: the closing quote too (not if it was cut). */
static void
cdp_str(struct dec_ctx *ctx, struct cur *v, int whole)
{
	dec_sum(ctx, "'");
	dec_vis(ctx, v, cur_left(v));
	if (whole)
		dec_sum(ctx, "'");
}

/* A count, then NLPID-typed addresses; only IPv4 (NLPID 0xcc) is named. */
static void
cdp_addrs(struct dec_ctx *ctx, struct cur *v)
{
	const uint8_t	*a;
	char		 buf[DEC_ADDRSTRLEN];
	int64_t		 n, i;
	int		 pt, pl, proto, al;

	if ((n = cur_u32(v)) == -1)
		return;
	for (i = 0; i < n && i < CDP_MAXTLVS; i++) {
		pt = cur_u8(v);
		pl = cur_u8(v);
		proto = cur_u8(v);
		if ((al = cur_u16(v)) == -1 || (a = cur_pull(v,
		    (size_t)al)) == NULL)
			return;
		if (i > 0)
			dec_sum(ctx, ", ");
		if (pt == 1 && pl == 1 && proto == 0xcc && al == 4) {
			dec_ntop(4, a, buf);
			dec_sum(ctx, "IPv4 (%d) %s", (int)n, buf);
		} else
			dec_sum(ctx, "protocol type %d, length %d", pt, al);
	}
}

/* DTP: version, then type-length-value fields (lengths count the header). */
static void
dtp_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const names[] = {
		NULL, "Domain", "Status", "DTP type", "Neighbor"
	};
	struct cur	 v;
	const uint8_t	*m;
	char		 mac[18];
	int		 ver, type, len, i, x, cut;

	dec_layer(ctx, "Dynamic Trunking Protocol");
	if ((ver = cur_u8(c)) == -1) {
		dec_trunc(ctx, "dtp");
		return;
	}
	dec_sum(ctx, "DTPv%d, length %u", ver, ctx->llclen);
	if (!ctx->opt->verbose)
		return;
	cut = ctx->llclen > 1 && ctx->llclen - 1 > cur_left(c);
	for (i = 0; i < CDP_MAXTLVS && cur_left(c) > 0; i++) {
		type = cur_u16(c);
		if ((len = cur_u16(c)) == -1 || len < 4) {
			dec_trunc(ctx, "dtp");
			return;
		}
		dec_sum(ctx, "\n\t%s (0x%04x) TLV, length %d", type > 0 &&
		    type < 5 ? names[type] : "Unknown", type, len);
		/* tcpdump reads a neighbour's address before its ", ". */
		if (type != 4)
			dec_sum(ctx, ", ");
		if (cur_sub(c, (size_t)len - 4, &v)) {
			dec_trunc(ctx, "dtp");
			return;
		}
		if (type == 1) {
			x = 0;
			while (cur_peek_u8(&v, (size_t)x) > 0)
				x++;
			dec_vis(ctx, &v, (size_t)x);
		} else if ((type == 2 || type == 3) && (x = cur_u8(&v)) != -1)
			dec_sum(ctx, "0x%02x", x);
		else if (type == 4 && (m = cur_pull(&v, 6)) != NULL) {
			dec_mac(m, mac);
			dec_sum(ctx, ", %s", mac);
		}
	}
	if (cut)
		dec_trunc(ctx, "dtp");
}
