/*
 * LLDP (ethertype 0x88cc, IEEE 802.1AB-2016 clause 8): the summary names
 * the system as tcpdump -n does; -v lists the TLVs with tcpdump's words,
 * -vv adds each value in hex.  Text from the packet goes through
 * tbuf_vis().  Organisation-specific TLVs: IEEE 802.1Q annex D, 802.3
 * clause 79 and ANSI/TIA-1057 (LLDP-MED); MAU types: IANA-MAU-MIB.
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define LLDP_MAXTLVS	128

static void	lldp_format(struct dec_ctx *, struct cur *);
static void	lldp_name(struct dec_ctx *, struct cur, int);
static void	lldp_text(struct dec_ctx *, struct cur *);
static int	lldp_tlv(struct dec_ctx *, int, struct cur *);
static int	lldp_id(struct dec_ctx *, int, struct cur *);
static void	lldp_addr(struct dec_ctx *, int, struct cur *);
static void	lldp_caps(struct dec_ctx *, const char *, int);
static void	lldp_org(struct dec_ctx *, struct cur *);
static void	lldp_dot1(struct dec_ctx *, int, struct cur *);
static void	lldp_dot3(struct dec_ctx *, int, struct cur *);
static void	lldp_agg(struct dec_ctx *, struct cur *);
static void	lldp_med(struct dec_ctx *, int, struct cur *);
static void	lldp_macphy(struct dec_ctx *, struct cur *);

const struct dec_proto dec_lldp_proto = {
	.name = "lldp", .keys = { DEC_KEY(DEC_S_ETHER, 0x88cc) },
	.id = DEC_P_OTHER, .format = lldp_format
};

/* Packet text, as tcpdump shows it. */
static void
lldp_text(struct dec_ctx *ctx, struct cur *v)
{
	dec_vis(ctx, v, cur_left(v));
}

/*
 * Without -v: ": name" from the System Name TLV, if there is one; like
 * tcpdump, every TLV up to the end one is checked for a cut.
 */
static void
lldp_name(struct dec_ctx *ctx, struct cur c, int cut)
{
	struct cur	v;
	int		hdr, i;

	for (i = 0; i < LLDP_MAXTLVS && cur_left(&c) > 0; i++) {
		if ((hdr = cur_u16(&c)) == -1 ||
		    cur_sub(&c, (size_t)(hdr & 0x1ff), &v)) {
			dec_trunc(ctx, "lldp");
			return;
		}
		if (hdr >> 9 == 0)
			return;
		if (hdr >> 9 == 5) {
			dec_sum(ctx, ": ");
			lldp_text(ctx, &v);
		}
	}
	if (cut)	/* the end TLV was not captured */
		dec_trunc(ctx, "lldp");
}

static void
lldp_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const names[] = {
		"End", "Chassis ID", "Port ID", "Time to Live",
		"Port Description", "System Name", "System Description",
		"System Capabilities", "Management Address"
	};
	struct cur	v, dump;
	int		hdr, type, i, cut;

	dec_layer(ctx, "Link Layer Discovery Protocol");
	dec_sum(ctx, "LLDP, length %u", dec_wire(ctx, c));
	cut = dec_wire(ctx, c) > cur_left(c);
	if (!ctx->opt->verbose) {
		lldp_name(ctx, *c, cut);
		return;
	}
	for (i = 0; i < LLDP_MAXTLVS && cur_left(c) > 0; i++) {
		if ((hdr = cur_u16(c)) == -1) {
			dec_trunc(ctx, "lldp");
			return;
		}
		type = hdr >> 9;
		if (type < (int)(sizeof names / sizeof names[0]))
			dec_sum(ctx, "\n\t%s TLV (%d), length %d", names[type],
			    type, hdr & 0x1ff);
		else if (type == 127)
			dec_sum(ctx, "\n\tOrganization specific TLV (127), "
			    "length %d", hdr & 0x1ff);
		else
			dec_sum(ctx, "\n\tUnknown TLV (%d), length %d", type,
			    hdr & 0x1ff);
		/* The header line comes before the check, as tcpdump's. */
		if (cur_sub(c, (size_t)(hdr & 0x1ff), &v)) {
			dec_trunc(ctx, "lldp");
			return;
		}
		dump = v;
		if (lldp_tlv(ctx, type, &v) == -1) {
			dec_trunc(ctx, "lldp");
			return;
		}
		/* -vv: the value in hex too, unless it was shown so. */
		if (ctx->opt->verbose > 1 && type != 0 &&
		    (type <= 8 || type == 127))
			dec_hexdump(ctx, &dump, "\n\t  ");
		if (type == 0)
			return;
	}
	if (cut)
		dec_trunc(ctx, "lldp");
}

/* One TLV's value after its header line; unknown ones in hex. */
static int
lldp_tlv(struct dec_ctx *ctx, int type, struct cur *v)
{
	int	a, b;

	switch (type) {
	case 0:
		break;
	case 1:
	case 2:
		return lldp_id(ctx, type, v);
	case 3:
		if ((a = cur_u16(v)) != -1)
			dec_sum(ctx, ": TTL %ds", a);
		break;
	case 4:
	case 5:
		dec_sum(ctx, ": ");
		lldp_text(ctx, v);
		break;
	case 6:
		dec_sum(ctx, "\n\t  ");
		lldp_text(ctx, v);
		break;
	case 7:
		a = cur_u16(v);
		if ((b = cur_u16(v)) == -1)
			break;
		lldp_caps(ctx, "System  Capabilities", a);
		lldp_caps(ctx, "Enabled Capabilities", b);
		break;
	case 8:
		lldp_addr(ctx, 0, v);
		break;
	case 127:
		lldp_org(ctx, v);
		break;
	default:
		dec_hexdump(ctx, v, "\n\t  ");
		break;
	}
	return 0;
}

/*
 * Chassis and port ids (802.1AB 8.5.2, 8.5.3): the subtype names differ.
 * -1 when a MAC address is cut short, which ends the LLDPDU as tcpdump's.
 */
static int
lldp_id(struct dec_ctx *ctx, int type, struct cur *v)
{
	static const char *const chassis[] = {
		"Unknown", "Chassis component", "Interface alias",
		"Port component", "MAC address", "Network address",
		"Interface name", "Local"
	};
	static const char *const port[] = {
		"Unknown", "Interface alias", "Port component", "MAC address",
		"Network address", "Interface Name", "Agent circuit ID", "Local"
	};
	struct cur	 all = *v;
	const uint8_t	*m;
	char		 mac[18];
	int		 st;

	if ((st = cur_u8(v)) == -1)
		return 0;
	dec_sum(ctx, "\n\t  Subtype %s (%d): ", st > 7 ? "Unknown" :
	    type == 1 ? chassis[st] : port[st], st);
	if (st == (type == 1 ? 4 : 3)) {
		if ((m = cur_pull(v, 6)) == NULL)
			return -1;
		dec_mac(m, mac);
		dec_sum(ctx, "%s", mac);
	} else if (st == (type == 1 ? 5 : 4))
		lldp_addr(ctx, 1, v);
	else if (st >= 1 && st <= 7)
		lldp_text(ctx, v);
	else if (ctx->opt->verbose == 1)	/* -vv dumps every value */
		dec_hexdump(ctx, &all, "\n\t  ");
	return 0;
}

/*
 * A management address (8.5.9) or, short, a network address id: an
 * address family number (IANA) and the address.
 */
static void
lldp_addr(struct dec_ctx *ctx, int shortform, struct cur *v)
{
	const uint8_t	*a;
	char		 buf[DEC_ADDRSTRLEN];
	int		 alen = 0, afi, st;
	int64_t		 ifn;

	if (!shortform && (alen = cur_u8(v)) == -1)
		return;
	if ((afi = cur_u8(v)) == -1)
		return;
	if (!shortform)
		dec_sum(ctx, "\n\t  Management Address length %d, ", alen);
	if ((afi != 1 && afi != 2) || (a = cur_pull(v, afi == 1 ? 4 :
	    16)) == NULL) {
		dec_sum(ctx, "AFI Unknown (%d), no AF printer !", afi);
		return;
	}
	dec_ntop(afi == 1 ? 4 : 6, a, buf);
	dec_sum(ctx, "AFI %s (%d): %s", afi == 1 ? "IPv4" : "IPv6", afi, buf);
	if (shortform)
		return;
	st = cur_u8(v);
	if ((ifn = cur_u32(v)) == -1)
		return;
	dec_sum(ctx, "\n\t  Interface Index Interface Numbering (%d): %lld",
	    st, (long long)ifn);
	cur_u8(v);		/* OID length; the OID is not shown */
	cur_skip(v, cur_left(v));
}

static void
lldp_caps(struct dec_ctx *ctx, const char *what, int f)
{
	static const char *const names[] = {
		"Other", "Repeater", "Bridge", "WLAN AP", "Router",
		"Telephone", "Docsis", "Station Only"
	};

	dec_sum(ctx, "\n\t  %s [", what);
	dec_bits(ctx, names, 8, (unsigned)f);
	dec_sum(ctx, "] (0x%04x)", f);
}

/* Organisation-specific TLVs: the OUI, the subtype, then its fields. */
static void
lldp_org(struct dec_ctx *ctx, struct cur *v)
{
	static const char *const dot1[] = {
		NULL, "Port VLAN Id", "Port and Protocol VLAN ID", "VLAN name",
		"Protocol Identity", "VID Usage Digest", "Management VID",
		"Link aggregation", "Congestion Notification",
		"ETS Configuration", "ETS Recommendation", "Priority Flow "
		"Control Configuration", "Application Priority", "EVB",
		"CDCP"
	};
	static const char *const dot3[] = {
		NULL, "MAC/PHY configuration/status", "Power via MDI",
		"Link aggregation", "Max frame size"
	};
	static const char *const med[] = {
		NULL, "LLDP-MED Capabilities", "Network policy",
		"Location identification", "Extended power-via-MDI",
		"Inventory - hardware revision", "Inventory - firmware revision",
		"Inventory - software revision", "Inventory - serial number",
		"Inventory - manufacturer name", "Inventory - model name",
		"Inventory - asset ID"
	};
	const uint8_t	*o;
	const char	*name = NULL;
	uint32_t	 oui;
	int		 st;

	if ((o = cur_pull(v, 3)) == NULL || (st = cur_u8(v)) == -1)
		return;
	oui = (uint32_t)o[0] << 16 | (uint32_t)o[1] << 8 | o[2];
	if (oui == 0x0080c2) {
		dec_sum(ctx, ": OUI Ethernet bridged (0x0080c2)");
		if (st < (int)(sizeof dot1 / sizeof dot1[0]))
			name = dot1[st];
	} else if (oui == 0x00120f) {
		dec_sum(ctx, ": OUI IEEE 802.3 Private (0x00120f)");
		if (st < (int)(sizeof dot3 / sizeof dot3[0]))
			name = dot3[st];
	} else if (oui == 0x0012bb) {
		dec_sum(ctx, ": OUI ANSI/TIA (0x0012bb)");
		if (st < (int)(sizeof med / sizeof med[0]))
			name = med[st];
	} else {
		dec_sum(ctx, ": OUI Unknown (0x%06x)", oui);
		dec_hexdump(ctx, v, "\n\t  ");
		return;
	}
	dec_sum(ctx, "\n\t  %s Subtype (%d)", name != NULL ? name : "Unknown",
	    st);
	if (name == NULL)
		dec_hexdump(ctx, v, "\n\t    ");
	else if (oui == 0x0080c2)
		lldp_dot1(ctx, st, v);
	else if (oui == 0x00120f)
		lldp_dot3(ctx, st, v);
	else
		lldp_med(ctx, st, v);
}

/* IEEE 802.1Q annex D: VLAN ids and names, protocols, aggregation. */
static void
lldp_dot1(struct dec_ctx *ctx, int st, struct cur *v)
{
	static const char *const ppvid[] = { NULL, "supported", "enabled" };
	int	x, y;

	switch (st) {
	case 1:
		if ((x = cur_u16(v)) != -1)
			dec_sum(ctx, "\n\t    port vlan id (PVID): %d", x);
		break;
	case 2:
		y = cur_u8(v);
		if ((x = cur_u16(v)) == -1)
			break;
		dec_sum(ctx, "\n\t    port and protocol vlan id (PPVID): %d, "
		    "flags [", x);
		dec_bits(ctx, ppvid, 3, (unsigned)y);
		dec_sum(ctx, "] (0x%02x)", y);
		break;
	case 3:
		x = cur_u16(v);
		if ((y = cur_u8(v)) == -1)
			break;
		dec_sum(ctx, "\n\t    vlan id (VID): %d\n\t    vlan name: ", x);
		dec_vis(ctx, v, (size_t)y);
		break;
	case 4:
		if ((y = cur_u8(v)) == -1)
			break;
		dec_sum(ctx, "\n\t    protocol identity: ");
		dec_vis(ctx, v, (size_t)y);
		break;
	case 7:
		lldp_agg(ctx, v);
		break;
	default:
		break;
	}
}

/* IEEE 802.3 clause 79: MAC/PHY status, aggregation, frame size. */
static void
lldp_dot3(struct dec_ctx *ctx, int st, struct cur *v)
{
	int	x;

	if (st == 1)
		lldp_macphy(ctx, v);
	else if (st == 3)
		lldp_agg(ctx, v);
	else if (st == 4 && (x = cur_u16(v)) != -1)
		dec_sum(ctx, "\n\t    MTU size %d", x);
}

/* Link aggregation status and port (802.1AX-2014 annex F). */
static void
lldp_agg(struct dec_ctx *ctx, struct cur *v)
{
	static const char *const agg[] = { "supported", "enabled" };
	int64_t	port;
	int	x;

	x = cur_u8(v);
	if ((port = cur_u32(v)) == -1)
		return;
	dec_sum(ctx, "\n\t    aggregation status [");
	dec_bits(ctx, agg, 2, (unsigned)x);
	dec_sum(ctx, "], aggregation port ID %lld", (long long)port);
}

/*
 * ANSI/TIA-1057 (LLDP-MED): capabilities and the inventory strings; the
 * policy, location and power fields are not decoded.
 */
static void
lldp_med(struct dec_ctx *ctx, int st, struct cur *v)
{
	static const char *const caps[] = {
		"LLDP-MED capabilities", "network policy",
		"location identification", "extended power via MDI-PSE",
		"extended power via MDI-PD", "Inventory"
	};
	static const char *const dev[] = {
		"unknown", "endpoint class 1", "endpoint class 2",
		"endpoint class 3", "network connectivity"
	};
	static const char *const inv[] = {
		"Hardware revision", "Firmware revision", "Software revision",
		"Serial number", "Manufacturer name", "Model name", "Asset ID"
	};
	int	x, y;

	if (st == 1) {
		x = cur_u16(v);
		if ((y = cur_u8(v)) == -1)
			return;
		dec_sum(ctx, "\n\t    Media capabilities [");
		dec_bits(ctx, caps, 6, (unsigned)x);
		dec_sum(ctx, "] (0x%04x)\n\t    Device type [%s] (0x%02x)", x,
		    y < 5 ? dev[y] : "unknown", y);
	} else if (st >= 5 && st <= 11) {
		dec_sum(ctx, "\n\t  %s ", inv[st - 5]);
		lldp_text(ctx, v);
	}
}

/*
 * 802.3 79.3.1 MAC/PHY configuration/status: auto-negotiation support
 * and state, the advertised capabilities (ifMauAutoNegCapAdvertisedBits,
 * bit 0 the most significant, named from bit 14 down as tcpdump does),
 * the operational MAU type.
 */
static void
lldp_macphy(struct dec_ctx *ctx, struct cur *v)
{
	static const char *const an[] = { "supported", "enabled" };
	static const char *const pmd[] = {
		"1000BASE-T fdx", "1000BASE-T hdx", "1000BASE-{X LX SX CX} fdx",
		"1000BASE-{X LX SX CX} hdx", "Asym and Sym PAUSE for fdx",
		"Sym PAUSE for fdx", "Asym PAUSE for fdx",
		"Pause for fdx links", "100BASE-T2 fdx", "100BASE-T2 hdx",
		"100BASE-TX fdx", "100BASE-TX hdx", "100BASE-T4",
		"10BASE-T fdx", "10BASE-T hdx"
	};
	static const char *const mau[] = {
		"Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2",
		"10BASET duplex mode unknown", "10BASEFP", "10BASEFB",
		"10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx",
		"10BASET fdx", "10BASEFL hdx", "10BASEFL fdx", "100BASET4",
		"100BASETX hdx", "100BASETX fdx", "100BASEFX hdx",
		"100BASEFX fdx", "100BASET2 hdx", "100BASET2 fdx",
		"1000BASEX hdx", "1000BASEX fdx", "1000BASELX hdx",
		"1000BASELX fdx", "1000BASESX hdx", "1000BASESX fdx",
		"1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx",
		"1000BASET fdx", "10GBASEX", "10GBASELX4", "10GBASER",
		"10GBASEER", "10GBASELR", "10GBASESR", "10GBASEW", "10GBASEEW",
		"10GBASELW", "10GBASESW"
	};
	const char	*sep = "";
	int		 a, caps, type, i;

	a = cur_u8(v);
	caps = cur_u16(v);
	if ((type = cur_u16(v)) == -1)
		return;
	dec_sum(ctx, "\n\t    autonegotiation [");
	dec_bits(ctx, an, 2, (unsigned)a);
	dec_sum(ctx, "] (0x%02x)\n\t    PMD autoneg capability [", a);
	for (i = 14; i >= 0; i--)
		if (caps & 1 << i) {
			dec_sum(ctx, "%s%s", sep, pmd[i]);
			sep = ", ";
		}
	dec_sum(ctx, "%s] (0x%04x)\n\t    MAU type %s (0x%04x)", *sep == '\0' ?
	    "unknown" : "", caps, type < (int)(sizeof mau / sizeof mau[0]) ?
	    mau[type] : "unknown", type);
}
