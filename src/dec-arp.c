/*
 * ARP (RFC 826, RFC 903 reverse, RFC 2390 inverse), and MS NLB
 * heartbeats, the other Ethernet frame that is mostly IPv4 addresses.
 * The addresses are shown for IPv4 over any hardware type and length, as
 * tcpdump does; the hardware length comes from the packet, so every
 * address is pulled through the cursor before it is printed.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define ARP_MAXHW	32		/* hardware address bytes shown */

static int	arp_parse(struct dec_ctx *, struct cur *);
static void	arp_format(struct dec_ctx *, struct cur *);
static void	arp_paddr(const uint8_t *, const char *, char *);
static int	arp_dump(struct dec_ctx *, int, struct cur *);
static void	arp_line(struct dec_ctx *, int, const uint8_t *, const uint8_t *,
		    int, const char *, const char *);
static void	arp_hw(struct tbuf *, const uint8_t *, int);
static int	arp_zero(const uint8_t *, int);
static const char *arp_hwname(int);
static void	arp_kinds(struct dec_ctx *, int, int, int, int);
static int	arp_atm_fits(struct cur);
static void	msnlb_format(struct dec_ctx *, struct cur *);
static void	arp_tree(struct dec_ctx *, const char *, const uint8_t *, int,
		    const char *);

const struct dec_proto dec_arp_proto = {
	.name = "arp", .keys = { DEC_KEY(DEC_S_ETHER, 0x0806) },
	.id = DEC_P_ARP, .parse = arp_parse, .format = arp_format
};
const struct dec_proto dec_msnlb_proto = {
	.name = "msnlb", .keys = { DEC_KEY(DEC_S_ETHER, 0x886f) },
	.id = DEC_P_OTHER, .parse = arp_parse, .format = msnlb_format
};

static int
arp_parse(struct dec_ctx *ctx, struct cur *c)
{
	/* The network header, for -x: ARP is one. */
	if (ctx->info->l3off == 0)
		ctx->info->l3off = (uint32_t)cur_off(c);
	return DEC_DONE;
}

/* A hardware address of any length, as colon-separated hex. */
static void
arp_hw(struct tbuf *tb, const uint8_t *a, int n)
{
	int	i;

	for (i = 0; i < n && i < ARP_MAXHW; i++)
		tbuf_printf(tb, i ? ":%02x" : "%02x", a[i]);
}

static int
arp_zero(const uint8_t *a, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		if (a[i] != 0)
			return 0;
	return 1;
}

static void
arp_tree(struct dec_ctx *ctx, const char *what, const uint8_t *hw, int hln,
    const char *ip)
{
	struct tbuf	*tb;

	if ((tb = dec_line(ctx)) == NULL)
		return;
	tbuf_printf(tb, "%s: ", what);
	arp_hw(tb, hw, hln);
	tbuf_printf(tb, " %s", ip);
	dec_endline(ctx);
}

/*
 * The summary's words for opcode op, as tcpdump's: sha and tha are the
 * sender's and target's hardware addresses (hln bytes), spa and tpa their
 * protocol addresses already as text.
 */
static void
arp_line(struct dec_ctx *ctx, int op, const uint8_t *sha, const uint8_t *tha,
    int hln, const char *spa, const char *tpa)
{
	switch (op) {
	case 1:
		dec_sum(ctx, "Request who-has %s", tpa);
		if (!arp_zero(tha, hln)) {
			dec_sum(ctx, " (");
			arp_hw(ctx->out, tha, hln);
			dec_sum(ctx, ")");
		}
		dec_sum(ctx, " tell %s", spa);
		break;
	case 2:
		dec_sum(ctx, "Reply %s is-at ", spa);
		arp_hw(ctx->out, sha, hln);
		break;
	case 3:
	case 8:
		dec_sum(ctx, "%s Request who-is ", op == 3 ? "Reverse" :
		    "Inverse");
		arp_hw(ctx->out, tha, hln);
		dec_sum(ctx, " tell ");
		arp_hw(ctx->out, sha, hln);
		break;
	case 4:
	case 9:
		dec_sum(ctx, "%s Reply ", op == 4 ? "Reverse" : "Inverse");
		arp_hw(ctx->out, op == 4 ? tha : sha, hln);
		dec_sum(ctx, " at %s", op == 4 ? tpa : spa);
		break;
	default:
		dec_sum(ctx, "op %d, sender %s, target %s", op, spa, tpa);
		break;
	}
}

/*
 * Hardware type 19 is ATMARP (RFC 2225), laid out otherwise: type and
 * length bytes for each of six addresses.  Only whether they were all
 * captured is checked; the rest is shown as for other hardware.
 */
static int
arp_atm_fits(struct cur c)
{
	int	shtl, sstl, spln, thtl, tstl, tpln;

	if (cur_skip(&c, 4) == -1)
		return 0;
	shtl = cur_u8(&c) & 0x3f;
	sstl = cur_u8(&c) & 0x3f;
	cur_skip(&c, 2);
	spln = cur_u8(&c);
	thtl = cur_u8(&c) & 0x3f;
	tstl = cur_u8(&c) & 0x3f;
	if ((tpln = cur_u8(&c)) == -1)
		return 0;
	return cur_left(&c) >= (size_t)(shtl + sstl + spln + thtl + tstl +
	    tpln);
}

/* "Ethernet (len 6), IPv4 (len 4), ": the kinds of address and sizes. */
static void
arp_kinds(struct dec_ctx *ctx, int hrd, int hln, int pro, int pln)
{
	const char	*pn = dec_ether_name(pro);

	if (arp_hwname(hrd) != NULL)
		dec_sum(ctx, "%s (len %d), ", arp_hwname(hrd), hln);
	else
		dec_sum(ctx, "Unknown Hardware (%d) (len %d), ", hrd, hln);
	if (pro <= 1500 || strcmp(pn, "Unknown") == 0)
		dec_sum(ctx, "Unknown Protocol (0x%04x) (len %d), ", pro, pln);
	else
		dec_sum(ctx, "%s (len %d), ", pn, pln);
}

/* tcpdump -v's name for a hardware type (IANA ARP parameters). */
static const char *
arp_hwname(int hrd)
{
	switch (hrd) {
	case 1:		return "Ethernet";
	case 6:		return "TokenRing";
	case 7:		return "ArcNet";
	case 15:	return "FrameRelay";
	case 23:	return "Strip";
	case 24:	return "IEEE 1394";
	case 32:	return "InfiniBand";
	default:	return NULL;
	}
}

/*
 * The IPv4 address pa into a (DEC_ADDRSTRLEN bytes), or what tcpdump says
 * instead when the protocol is not shown: bad, if not NULL.
 */
static void
arp_paddr(const uint8_t *pa, const char *bad, char *a)
{
	if (bad == NULL)
		dec_ntop(4, pa, a);
	else
		snprintf(a, DEC_ADDRSTRLEN, "%s", bad);
}

/*
 * An opcode with no words: tcpdump dumps the whole message, all.  1 when
 * it did so, 0 for an opcode arp_line() names.
 */
static int
arp_dump(struct dec_ctx *ctx, int op, struct cur *all)
{
	if ((op >= 1 && op <= 4) || op == 8 || op == 9)
		return 0;
	if (op == 10)
		dec_sum(ctx, "NACK Reply ");
	else
		dec_sum(ctx, "Unknown (%d) ", op);
	dec_hexascii(ctx, all, "", "");
	return 1;
}

/* RFC 826; addresses are shown for IPv4 over any hardware, as tcpdump. */
static void
arp_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 all;
	const uint8_t	*sha, *spa, *tha, *tpa;
	const char	*bad;
	char		 a1[DEC_ADDRSTRLEN], a2[DEC_ADDRSTRLEN];
	uint32_t	 len = dec_wire(ctx, c);
	int		 hrd, pro, hln, pln, op;

	dec_layer(ctx, "ARP");
	all = *c;
	hrd = cur_u16(c);
	pro = cur_u16(c);
	hln = cur_u8(c);
	pln = cur_u8(c);
	/* tcpdump shows nothing but the marker unless all of it is there. */
	if ((op = cur_u16(c)) == -1 || cur_left(c) < (size_t)(hln + pln) * 2 ||
	    (hrd == 19 && !arp_atm_fits(all))) {
		dec_trunc(ctx, "arp");
		return;
	}
	/* With -e tcpdump does not name it, at any depth (print-arp.c). */
	if (!ctx->opt->link)
		dec_sum(ctx, "ARP, ");
	dec_fld(ctx, "hardware type: %d, protocol type: 0x%04x", hrd, pro);
	dec_fld(ctx, "hardware size: %d, protocol size: %d", hln, pln);
	dec_fld(ctx, "opcode: %d", op);
	/* Addresses tcpdump will not show, and what it says instead. */
	bad = pro != 0x0800 ? "<wrong proto type>" : pln != 4 ? "<wrong len>" :
	    NULL;
	if (ctx->opt->verbose || bad != NULL)
		arp_kinds(ctx, hrd, hln, pro, pln);
	if (bad != NULL && !ctx->opt->verbose) {
		dec_sum(ctx, "length %u", len);
		return;
	}
	sha = cur_pull(c, (size_t)hln);
	spa = cur_pull(c, (size_t)pln);
	tha = cur_pull(c, (size_t)hln);
	if ((tpa = cur_pull(c, (size_t)pln)) == NULL) {
		dec_trunc(ctx, "arp");
		return;
	}
	arp_paddr(spa, bad, a1);
	arp_paddr(tpa, bad, a2);
	if (!ctx->tree && arp_dump(ctx, op, &all))
		return;
	if (ctx->tree) {
		arp_tree(ctx, "sender", sha, hln, a1);
		arp_tree(ctx, "target", tha, hln, a2);
		return;
	}
	/* The screen's list says what tcpdump shows only from -v on. */
	if ((hrd != 1 || hln != 6) && ctx->opt->extra && !ctx->opt->verbose)
		dec_sum(ctx, "htype %d, hlen %d, ", hrd, hln);
	arp_line(ctx, op, sha, tha, hln, a1, a2);
	dec_sum(ctx, ", length %u", len);
}

/*
 * Microsoft NLB heartbeats (ethertype 0x886f), as tcpdump prints them:
 * after 8 bytes of signature and version, the host priority (little
 * endian), the cluster and the host address.  No public specification.
 */
static void
msnlb_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 a[DEC_ADDRSTRLEN];

	dec_layer(ctx, "MS NLB heartbeat");
	dec_sum(ctx, "MS NLB heartbeat");
	/* Field by field, so a cut one ends the line where tcpdump's does. */
	if (cur_skip(c, 8) == -1 || (h = cur_pull(c, 4)) == NULL) {
		dec_trunc(ctx, "msnlb");
		return;
	}
	dec_sum(ctx, ", host priority: %u", (unsigned)h[0] |
	    (unsigned)h[1] << 8 | (unsigned)h[2] << 16 | (unsigned)h[3] << 24);
	if ((h = cur_pull(c, 4)) == NULL) {
		dec_trunc(ctx, "msnlb");
		return;
	}
	dec_ntop(4, h, a);
	dec_sum(ctx, ", cluster IP: %s", a);
	if ((h = cur_pull(c, 4)) == NULL) {
		dec_trunc(ctx, "msnlb");
		return;
	}
	dec_ntop(4, h, a);
	dec_sum(ctx, ", host IP: %s", a);
}
