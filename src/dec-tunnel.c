/*
 * GRE (versions 0 and 1, the latter as PPTP uses it) and VXLAN.  Both
 * recurse into the inner packet through the same dispatch, at most
 * DEC_MAXTUNNEL deep, so a packet made of nested tunnels cannot exhaust
 * the stack.  Layouts: RFC 2784, RFC 2890, RFC 2637, RFC 7348.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define GRE_CP		0x8000		/* checksum present */
#define GRE_KP		0x2000		/* key present */
#define GRE_SP		0x1000		/* sequence number present */
#define GRE_AP		0x0080		/* acknowledgment present (v1) */
#define VXLAN_HDRLEN	8

#define GENEVE_OPTCUT	(-2)	/* geneve_read: the fixed part alone */

/* A field not read (absent, or cut off) is -1. */
struct gre_hdr {
	int	flags, ver, proto, sum, off;
	int64_t	key, seq, ack;
};

static int	gre_read(struct cur *, struct gre_hdr *);
static int	gre_parse(struct dec_ctx *, struct cur *);
static void	gre_format(struct dec_ctx *, struct cur *);
static void	gre_fields(struct dec_ctx *, const struct gre_hdr *);
static void	gre_flags(struct dec_ctx *, int);
static void	tunnel_proto(struct dec_ctx *, int);
static void	geneve_opts(struct dec_ctx *, struct cur *, int);
static int	geneve_read(struct cur *, int *, int *, int64_t *, int *);
static int	geneve_parse(struct dec_ctx *, struct cur *);
static void	geneve_format(struct dec_ctx *, struct cur *);
static int	vxlan_parse(struct dec_ctx *, struct cur *);
static void	vxlan_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_gre_proto = {
	.name = "gre", .keys = { DEC_KEY(DEC_S_IP, 47) }, .id = DEC_P_GRE,
	.parse = gre_parse, .format = gre_format
};
const struct dec_proto dec_geneve_proto = {
	.name = "geneve", .keys = { DEC_KEY(DEC_S_PORT, 6081) },
	.id = DEC_P_OTHER, .parse = geneve_parse, .format = geneve_format
};
const struct dec_proto dec_vxlan_proto = {
	.name = "vxlan", .keys = { DEC_KEY(DEC_S_PORT, 4789) },
	.id = DEC_P_VXLAN, .parse = vxlan_parse, .format = vxlan_format
};

/*
 * The fixed part and the optional fields, in their order; -1 if cut off,
 * the fields before the cut read.
 */
static int
gre_read(struct cur *c, struct gre_hdr *g)
{
	int	fl;

	g->flags = g->proto = g->sum = g->off = -1;
	g->key = g->seq = g->ack = -1;
	if ((fl = cur_u16(c)) == -1)
		return -1;
	g->flags = fl;
	g->ver = fl & 7;
	if ((g->proto = cur_u16(c)) == -1)
		return -1;
	if ((fl & GRE_CP) && ((g->sum = cur_u16(c)) == -1 ||
	    (g->off = cur_u16(c)) == -1))
		return -1;
	if ((fl & GRE_KP) && (g->key = cur_u32(c)) == -1)
		return -1;
	if ((fl & GRE_SP) && (g->seq = cur_u32(c)) == -1)
		return -1;
	if (g->ver == 1 && (fl & GRE_AP) && (g->ack = cur_u32(c)) == -1)
		return -1;
	return 0;
}

static int
gre_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct gre_hdr	g;

	if (gre_read(c, &g) == -1) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (++ctx->tunnels > DEC_MAXTUNNEL || g.ver > 1) {
		ctx->info->flags |= DEC_F_BAD;
		return DEC_DONE;
	}
	return DEC_KEY(DEC_S_ETHER, g.proto);
}

/* tcpdump -v's ", Flags [key present]" (RFC 2784, RFC 2890, RFC 2637). */
static void
gre_flags(struct dec_ctx *ctx, int flags)
{
	static const struct {
		int		 bit;
		const char	*name;
	} names[] = { { 0x8000, "checksum present" },
	    { 0x4000, "routing present" }, { 0x2000, "key present" },
	    { 0x1000, "sequence# present" },
	    { 0x0800, "source routing present" }, { 0x0080, "ack present" } };
	size_t	i;
	int	n = 0;

	dec_sum(ctx, ", Flags [");
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (flags & names[i].bit)
			dec_sum(ctx, "%s%s", n++ > 0 ? ", " : "", names[i].name);
	dec_sum(ctx, n > 0 ? "]" : "none]");
}

/*
 * tcpdump -e's ", proto IPv4 (0x0800)" in GRE and Geneve, "unknown" in
 * lower case and for any value up to 1500 here.
 */
static void
tunnel_proto(struct dec_ctx *ctx, int proto)
{
	const char	*tn = dec_ether_name(proto);

	if (!ctx->opt->link)
		return;
	if (proto <= DEC_ETH_MAXLEN || strcmp(tn, "Unknown") == 0)
		tn = "unknown";
	dec_sum(ctx, ", proto %s (0x%04x)", tn, proto);
}

/* The fields gre_read() read (a cut leaves the rest -1), line and tree. */
static void
gre_fields(struct dec_ctx *ctx, const struct gre_hdr *g)
{
	dec_fld(ctx, "flags: 0x%04x, version: %d", g->flags & 0xfff8, g->ver);
	if (g->proto != -1)
		dec_fld(ctx, "protocol: 0x%04x", g->proto);
	dec_sum(ctx, "GREv%d", g->ver);
	if (ctx->opt->verbose)
		gre_flags(ctx, g->flags);
	if (g->ver == 0 && g->sum != -1 && ctx->opt->verbose)
		dec_sum(ctx, ", sum 0x%x", g->sum);
	if (g->ver == 0 && g->off != -1)
		dec_sum(ctx, ", off 0x%x", g->off);
	if (g->ver == 1 && g->key != -1) {
		dec_sum(ctx, ", call %d", (int)(g->key & 0xffff));
		dec_fld(ctx, "call id: %d", (int)(g->key & 0xffff));
	} else if (g->key != -1) {
		dec_sum(ctx, ", key=0x%llx", (long long)g->key);
		dec_fld(ctx, "key: 0x%llx", (long long)g->key);
	}
	if (g->seq != -1) {
		dec_sum(ctx, ", seq %lld", (long long)g->seq);
		dec_fld(ctx, "sequence: %lld", (long long)g->seq);
	}
	if (g->ack != -1) {
		dec_sum(ctx, ", ack %lld", (long long)g->ack);
		dec_fld(ctx, "acknowledgment: %lld", (long long)g->ack);
	}
}

static void
gre_format(struct dec_ctx *ctx, struct cur *c)
{
	struct gre_hdr	 g;
	uint32_t	 len = ctx->l4len;
	int		 cut;

	dec_layer(ctx, "Generic Routing Encapsulation");
	/* tcpdump prints each field as it reads it; a cut ends the line. */
	cut = gre_read(c, &g);
	if (g.flags == -1) {
		dec_trunc(ctx, "gre");
		return;
	}
	gre_fields(ctx, &g);
	if (cut == -1) {
		dec_trunc(ctx, "gre");
		return;
	}
	tunnel_proto(ctx, g.proto);
	dec_sum(ctx, ", length %u", len);
	if (g.ver > 1) {
		dec_bad(ctx, "gre version %d", g.ver);
		return;
	}
	if (++ctx->tunnels > DEC_MAXTUNNEL) {
		dec_bad(ctx, "tunnel depth");
		return;
	}
	/* tcpdump -v goes on on a line of its own. */
	dec_sum(ctx, ctx->opt->verbose ? "\n\t" : ": ");
	/* Type 0 is no protocol here (keepalives), not the LLC pseudo type. */
	if ((!ctx->opt->extra && !ctx->tree &&
	    dec_find(DEC_KEY(DEC_S_ETHER, g.proto)) == NULL) ||
	    g.proto == DEC_ETH_LLC) {
		dec_sum(ctx, "gre-proto-0x%x", g.proto);
		return;
	}
	ctx->indent += 2;
	ctx->linkdone = ctx->opt->link;		/* the payload's name was said */
	dec_next(ctx, DEC_KEY(DEC_S_ETHER, g.proto), c);
	ctx->indent -= 2;
}

static int
vxlan_parse(struct dec_ctx *ctx, struct cur *c)
{
	if (cur_skip(c, VXLAN_HDRLEN) == -1) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (++ctx->tunnels > DEC_MAXTUNNEL) {
		ctx->info->flags |= DEC_F_BAD;
		return DEC_DONE;
	}
	return DEC_KEY(DEC_S_DLT, 1);
}

/*
 * RFC 7348 5: flags, 3 reserved bytes, a 24-bit VNI, 1 reserved byte.
 * Cut, tcpdump prints what it read before the marker: the flags without
 * the VNI, the VNI and its line break without the last reserved byte.
 */
static void
vxlan_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	size_t		 n;
	int		 flags, vni;

	dec_layer(ctx, "VXLAN");
	n = cur_left(c) < VXLAN_HDRLEN ? cur_left(c) : VXLAN_HDRLEN;
	if (n < 1 || (h = cur_peek(c, n)) == NULL) {
		dec_sum(ctx, "VXLAN");
		dec_trunc(ctx, "vxlan");
		return;
	}
	flags = h[0];
	dec_fld(ctx, "flags: 0x%02x", flags);
	dec_sum(ctx, "VXLAN, flags [%s] (0x%02x), ", flags & 0x08 ? "I" : ".",
	    flags);
	if (n < 7) {
		dec_trunc(ctx, "vxlan");
		return;
	}
	vni = h[4] << 16 | h[5] << 8 | h[6];
	dec_fld(ctx, "vni: %d", vni);
	dec_sum(ctx, "vni %d", vni);
	if (n < VXLAN_HDRLEN) {
		dec_sum(ctx, ctx->opt->extra ? ": " : "\n");
		dec_trunc(ctx, "vxlan");
		return;
	}
	cur_skip(c, VXLAN_HDRLEN);
	if (++ctx->tunnels > DEC_MAXTUNNEL) {
		dec_bad(ctx, "tunnel depth");
		return;
	}
	/* tcpdump starts the inner frame on a line of its own. */
	dec_sum(ctx, ctx->opt->extra ? ": " : "\n");
	ctx->indent += 2;
	dec_next(ctx, DEC_KEY(DEC_S_DLT, 1), c);
	ctx->indent -= 2;
}

/*
 * Geneve (RFC 8926): version and option length, flags, protocol, VNI;
 * the cursor left after the options.  The key of the payload, -1, or
 * GENEVE_OPTCUT when the options alone are cut.
 */
static int
geneve_read(struct cur *c, int *optlen, int *flags, int64_t *vni,
    int *proto)
{
	int	vo;

	if ((vo = cur_u8(c)) == -1 || (*flags = cur_u8(c)) == -1 ||
	    (*proto = cur_u16(c)) == -1 || (*vni = cur_u32(c)) == -1)
		return -1;
	*optlen = (vo & 0x3f) * 4;
	if (vo >> 6 != 0)
		return -1;
	if (cur_skip(c, (size_t)*optlen) == -1)
		return GENEVE_OPTCUT;
	if (*proto == 0x6558)
		return DEC_KEY(DEC_S_DLT, 1);
	return DEC_KEY(DEC_S_ETHER, *proto);
}

static int
geneve_parse(struct dec_ctx *ctx, struct cur *c)
{
	int64_t	vni;
	int	optlen, flags, key, proto;

	if ((key = geneve_read(c, &optlen, &flags, &vni, &proto)) < 0 ||
	    ++ctx->tunnels > DEC_MAXTUNNEL)
		return DEC_DONE;
	return key;
}

static void
geneve_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 o = *c;
	int64_t		 vni;
	int		 optlen, flags, key, proto;

	dec_layer(ctx, "Geneve");
	if ((key = geneve_read(c, &optlen, &flags, &vni, &proto)) == -1) {
		dec_sum(ctx, "Geneve");
		dec_trunc(ctx, "geneve");
		return;
	}
	dec_fld(ctx, "flags: 0x%02x, vni: 0x%llx, options: %d bytes", flags,
	    (long long)(vni >> 8), optlen);
	dec_sum(ctx, "Geneve, Flags [%s%s%s], vni 0x%llx",
	    flags & 0x80 ? "O" : "", flags & 0x40 ? "C" : "",
	    flags & 0xc0 ? "" : "none", (long long)(vni >> 8));
	if (vni & 0xff)
		dec_sum(ctx, ", rsvd 0x%x", (unsigned)(vni & 0xff));
	tunnel_proto(ctx, proto);
	/* tcpdump prints the fixed part before it tests the options. */
	if (key == GENEVE_OPTCUT) {
		dec_trunc(ctx, "geneve");
		return;
	}
	if (optlen > 0 && ctx->opt->verbose && ctx->out != NULL && !ctx->tree) {
		dec_sum(ctx, ", options [");
		cur_skip(&o, 8);
		geneve_opts(ctx, &o, optlen);
		dec_sum(ctx, "]");
	} else if (optlen > 0)
		dec_sum(ctx, ", options [%d bytes]", optlen);
	if (++ctx->tunnels > DEC_MAXTUNNEL) {
		dec_bad(ctx, "tunnel depth");
		return;
	}
	/* tcpdump -v starts the payload on a line of its own. */
	dec_sum(ctx, ctx->opt->verbose ? "\n\t" : ": ");
	ctx->indent += 2;
	dec_next(ctx, key, c);
	ctx->indent -= 2;
}

/*
 * -v: each option's class, type and length (RFC 8926 3.5), -vv its data
 * in 32-bit words, in tcpdump's words; o is at the first, len bytes.
 */
static void
geneve_opts(struct dec_ctx *ctx, struct cur *o, int len)
{
	const char	*cn;
	int		 cls, type, olen, i;

	for (i = 0; len > 0; i++) {
		cls = cur_u16(o);
		type = cur_u8(o);
		olen = 4 + (cur_u8(o) & 0x1f) * 4;
		cn = cls == 0x100 ? "Linux" : cls == 0x101 ? "Open vSwitch" :
		    cls == 0x102 ? "Open Virtual Networking (OVN)" :
		    cls == 0x103 ? "In-band Network Telemetry (INT)" :
		    cls == 0x104 ? "VMware" : cls <= 0xff ? "Standard" :
		    cls >= 0xfff0 ? "Experimental" : "Unknown";
		dec_sum(ctx, "%sclass %s (0x%x) type 0x%x%s len %d",
		    i > 0 ? ", " : "", cn, cls, type, type & 0x80 ? "(C)" : "",
		    olen);
		if (olen > len) {
			dec_sum(ctx, " [bad length]");
			return;
		}
		if (ctx->opt->verbose > 1 && olen > 4) {
			dec_sum(ctx, " data");
			for (len -= olen, olen -= 4; olen > 0; olen -= 4)
				dec_sum(ctx, " %08llx", (long long)cur_u32(o));
		} else {
			cur_skip(o, (size_t)olen - 4);
			len -= olen;
		}
	}
}
