/*
 * Link layers: Ethernet II and 802.3, 802.1Q/802.1ad tags, MPLS,
 * Linux cooked headers (SLL, SLL2), raw IP and BSD loopback (ARP is in
 * dec-arp.c, 802.2 LLC and SNAP in dec-llc.c, the type field's key and
 * name in dec-ether.c).  Without
 * -e tcpdump prints no link header, so the summary shows only what is
 * needed to follow the packet (VLAN ids, MPLS labels, unknown types).
 * Header layouts: IEEE 802.3, 802.1Q, RFC 3032, libpcap's
 * pcap-linktype(7) pages for SLL, SLL2 and NULL.
 */
#include <sys/types.h>
#include <net/if.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define ETH_HDRLEN	14
#define SLL_HDRLEN	16
#define SLL2_HDRLEN	20
#define SLL2_NAMES	8		/* interface names cached per thread */
#define DLT_IS(ctx, n)	((ctx)->key == DEC_KEY(DEC_S_DLT, (n)))

static int	link_type_key(struct dec_ctx *, struct cur *, size_t, size_t,
		    int);
static int	sll_key(struct dec_ctx *, int, struct cur *);
static int	eth_parse(struct dec_ctx *, struct cur *);
static int	eth_final(struct cur *, int);
static int	eth_vlan(int);
static void	eth_cut(struct dec_ctx *, const struct cur *, size_t);
static void	link_type(struct dec_ctx *, int);
static void	eth_format(struct dec_ctx *, struct cur *);
static int	sll_parse(struct dec_ctx *, struct cur *);
static void	sll_format(struct dec_ctx *, struct cur *);
static int	sll2_parse(struct dec_ctx *, struct cur *);
static void	sll2_format(struct dec_ctx *, struct cur *);
static void	sll2_where(struct dec_ctx *, int64_t, int);
static int	raw_parse(struct dec_ctx *, struct cur *);
static void	raw_format(struct dec_ctx *, struct cur *);
static int	null_key(struct cur *, int, int *);
static int	null_parse(struct dec_ctx *, struct cur *);
static void	null_format(struct dec_ctx *, struct cur *);
static int	vlan_parse(struct dec_ctx *, struct cur *);
static void	vlan_format(struct dec_ctx *, struct cur *);
static int	mpls_parse(struct dec_ctx *, struct cur *);
static void	mpls_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_eth_proto = {	/* also inside GRE (TEB) */
	.name = "ether",
	.keys = { DEC_KEY(DEC_S_DLT, 1), DEC_KEY(DEC_S_ETHER, 0x6558) },
	.id = DEC_P_OTHER, .parse = eth_parse, .format = eth_format
};
const struct dec_proto dec_sll_proto = {
	.name = "sll", .keys = { DEC_KEY(DEC_S_DLT, 113) }, .id = DEC_P_OTHER,
	.parse = sll_parse, .format = sll_format
};
const struct dec_proto dec_sll2_proto = {
	.name = "sll2", .keys = { DEC_KEY(DEC_S_DLT, 276) }, .id = DEC_P_OTHER,
	.parse = sll2_parse, .format = sll2_format
};
/* DLT_RAW on Linux, LINKTYPE_RAW, LINKTYPE_IPV4 and LINKTYPE_IPV6. */
const struct dec_proto dec_raw_proto = {
	.name = "raw", .keys = { DEC_KEY(DEC_S_DLT, 12),
	    DEC_KEY(DEC_S_DLT, 101), DEC_KEY(DEC_S_DLT, 228),
	    DEC_KEY(DEC_S_DLT, 229) },
	.id = DEC_P_OTHER, .parse = raw_parse, .format = raw_format
};
/* BSD loopback: DLT_NULL, and DLT_LOOP (OpenBSD's, in network order). */
const struct dec_proto dec_null_proto = {
	.name = "null",
	.keys = { DEC_KEY(DEC_S_DLT, 0), DEC_KEY(DEC_S_DLT, 108) },
	.id = DEC_P_OTHER, .parse = null_parse, .format = null_format
};
/* 802.1Q, 802.1ad, and the 0x9100 of pre-standard QinQ. */
const struct dec_proto dec_vlan_proto = {
	.name = "vlan", .keys = { DEC_KEY(DEC_S_ETHER, 0x8100),
	    DEC_KEY(DEC_S_ETHER, 0x88a8), DEC_KEY(DEC_S_ETHER, 0x9100) },
	.id = DEC_P_OTHER, .parse = vlan_parse, .format = vlan_format
};
/* Unicast and multicast. */
const struct dec_proto dec_mpls_proto = {
	.name = "mpls", .keys = { DEC_KEY(DEC_S_ETHER, 0x8847),
	    DEC_KEY(DEC_S_ETHER, 0x8848) },
	.id = DEC_P_MPLS, .parse = mpls_parse, .format = mpls_format
};

/*
 * The light parse of a header of HDRLEN bytes with its 16-bit type field
 * at OFF: an ethertype or an 802.3 length, or for the cooked headers
 * (SLL) a Linux protocol, where 4 is 802.2 LLC without a length.
 */
static int
link_type_key(struct dec_ctx *ctx, struct cur *c, size_t off, size_t hdrlen,
    int cooked)
{
	int	type;

	if ((type = cur_peek_u16(c, off)) == -1 || cur_skip(c, hdrlen) == -1) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	return cooked ? sll_key(ctx, type, c) : dec_ether_key(ctx, type, c);
}

static int
eth_parse(struct dec_ctx *ctx, struct cur *c)
{
	eth_cut(ctx, c, ETH_HDRLEN);
	return link_type_key(ctx, c, 12, ETH_HDRLEN, 0);
}

/*
 * tcpdump's Ethernet printer takes an Ethernet header or VLAN tag cut
 * short as header to the end of the capture: no -x dump after it.
 */
static void
eth_cut(struct dec_ctx *ctx, const struct cur *c, size_t hdrlen)
{
	if (cur_left(c) < hdrlen && ctx->nip == 0 && ctx->tunnels == 0)
		ctx->info->l3off = (uint32_t)(cur_off(c) + cur_left(c));
}

static void
eth_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 d[18], s[18];
	int		 type, ft, link;
	uint32_t	 len = dec_wire(ctx, c);	/* a tunnel's inner frame */

	if ((h = cur_pull(c, ETH_HDRLEN)) == NULL) {
		dec_layer(ctx, "Ethernet");
		dec_trunc(ctx, "ether");
		return;
	}
	type = h[12] << 8 | h[13];
	dec_layer(ctx, type > DEC_ETH_MAXLEN ? "Ethernet II" : "IEEE 802.3");
	/*
	 * Only the tree and -e show the addresses, and tcpdump without
	 * -e for a type it does not know (after the VLAN tags): a plain
	 * summary skips the work.
	 */
	ft = eth_final(c, type);
	link = ctx->opt->link || (ft > DEC_ETH_MAXLEN &&
	    dec_find(DEC_KEY(DEC_S_ETHER, ft)) == NULL);
	if (ctx->tree || link) {
		dec_mac(h, d);
		dec_mac(&h[6], s);
	}
	dec_fld(ctx, "destination: %s", d);
	dec_fld(ctx, "source: %s", s);
	dec_fld(ctx, "%s: 0x%04x (%s)", type > DEC_ETH_MAXLEN ? "type" : "length",
	    type, dec_ether_name(type));
	if (link) {
		/* tcpdump -e: "src > dst, ethertype IPv4 (0x0800), length N: " */
		if (type > DEC_ETH_MAXLEN) {
			dec_sum(ctx, "%s > %s, ", s, d);
			/* tcpdump names no type before a tag cut short. */
			if (eth_vlan(type) && cur_left(c) < 4) {
				dec_trunc(ctx, "vlan");
				return;
			}
			link_type(ctx, ctx->opt->link ? type : ft);
			dec_sum(ctx, ", length %u: ", len);
		} else
			dec_sum(ctx, "%s > %s, 802.3, length %d: ", s, d,
			    type);
		ctx->linkdone = 1;
	}
	dec_next(ctx, dec_ether_key(ctx, type, c), c);
}

/* The type after the VLAN tags at c, or -1 when they are cut. */
static int
eth_final(struct cur *c, int type)
{
	size_t	off;

	for (off = 2; off < 64 && eth_vlan(type); off += 4)
		type = cur_peek_u16(c, off);
	return type;
}

/* The types of dec_vlan_proto, which tcpdump's Ethernet printer walks. */
static int
eth_vlan(int type)
{
	return type == 0x8100 || type == 0x88a8 || type == 0x9100;
}

/* tcpdump's ether_type_print: "ethertype IPv4 (0x0800)", -q "IPv4". */
static void
link_type(struct dec_ctx *ctx, int type)
{
	const char	*n = dec_ether_name(type);

	if (!ctx->opt->quick)
		dec_sum(ctx, "ethertype %s (0x%04x)", n, type);
	else if (strcmp(n, "Unknown") == 0)
		dec_sum(ctx, "Unknown Ethertype (0x%04x)", type);
	else
		dec_sum(ctx, "%s", n);
}

/*
 * The layer after a cooked header's protocol field: 4 is 802.2 LLC
 * without a length (if_ether.h ETH_P_802_2), running to the end of the
 * frame; the rest are ethertypes (or 802.3 lengths).
 */
static int
sll_key(struct dec_ctx *ctx, int type, struct cur *c)
{
	if (type == 4)
		return dec_llc_nolen(ctx, c);
	return dec_ether_key(ctx, type, c);
}

static int
sll_parse(struct dec_ctx *ctx, struct cur *c)
{
	return link_type_key(ctx, c, SLL_HDRLEN - 2, SLL_HDRLEN, 1);
}

/*
 * tcpdump -e's cooked header after its first word (print-sll.c): the
 * source address when it is a MAC-48 one, the protocol (ethertype, or the
 * Linux pseudo-protocols 802.3 and 802.2 below 1536), the frame length;
 * -q stops after the address.
 */
static void
sll_link(struct dec_ctx *ctx, int halen, const uint8_t *a, int type)
{
	char	mac[18];

	if (halen == 6) {
		dec_mac(a, mac);
		dec_sum(ctx, "%s ", mac);
	}
	if (ctx->opt->quick) {
		ctx->linkdone = 1;
		return;
	}
	if (type == 1)
		dec_sum(ctx, "802.3");
	else if (type == 4)
		dec_sum(ctx, "802.2");
	else if (type <= DEC_ETH_MAXLEN)
		dec_sum(ctx, "ethertype Unknown (0x%04x)", type);
	else
		dec_sum(ctx, "ethertype %s (0x%04x)", dec_ether_name(type),
		    type);
	dec_sum(ctx, ", length %u: ", ctx->len);
	ctx->linkdone = 1;
}

static void
sll_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*a;
	int		 pkttype, hatype, halen, type;

	dec_layer(ctx, "Linux cooked capture");
	pkttype = cur_u16(c);
	hatype = cur_u16(c);
	halen = cur_u16(c);
	if ((a = cur_pull(c, 8)) == NULL || (type = cur_u16(c)) == -1) {
		dec_trunc(ctx, "sll");
		return;
	}
	dec_fld(ctx, "packet type: %d", pkttype);
	dec_fld(ctx, "link-layer address type: %d", hatype);
	dec_fld(ctx, "link-layer address length: %d", halen);
	dec_fld(ctx, "protocol: 0x%04x (%s)", type, dec_ether_name(type));
	if (ctx->opt->link || (type > DEC_ETH_MAXLEN &&
	    dec_find(DEC_KEY(DEC_S_ETHER, type)) == NULL)) {
		dec_sum(ctx, "%3s ", dec_pkttype(pkttype));
		sll_link(ctx, halen, a, type);
	}
	dec_next(ctx, sll_key(ctx, type, c), c);
}

static int
sll2_parse(struct dec_ctx *ctx, struct cur *c)
{
	return link_type_key(ctx, c, 0, SLL2_HDRLEN, 1);
}

/*
 * As tcpdump 4.99 prints a cooked v2 packet (-i any): the interface named
 * here and now (another host's index gets this host's name, or "?"), and
 * the packet type.  Names are looked up once per thread and index, not
 * per packet (if_indextoname is an ioctl).
 */
static void
sll2_where(struct dec_ctx *ctx, int64_t ifindex, int pkttype)
{
	static __thread struct {
		int64_t	 idx;
		char	 name[IF_NAMESIZE * 4];
	}			 cache[SLL2_NAMES];
	static __thread unsigned next;
	char			 raw[IF_NAMESIZE];
	unsigned		 i;

	if (ctx->out == NULL || ctx->tree)
		return;
	for (i = 0; i < SLL2_NAMES; i++)
		if (cache[i].idx == ifindex && cache[i].name[0] != '\0')
			break;
	if (i == SLL2_NAMES) {
		i = next++ % SLL2_NAMES;
		cache[i].idx = ifindex;
		if (ifindex <= 0 || ifindex > INT32_MAX ||
		    if_indextoname((unsigned)ifindex, raw) == NULL)
			snprintf(raw, sizeof raw, "?");
		esc_str(cache[i].name, sizeof cache[i].name, raw, strlen(raw));
	}
	dec_sum(ctx, "%-5s %-3s ", cache[i].name, dec_pkttype(pkttype));
}

/* tcpdump's word for a sockaddr_ll packet type (print-sll.c's table). */
const char *
dec_pkttype(int pkttype)
{
	static const char	*types[] = { "In", "B", "M", "P", "Out" };

	return pkttype >= 0 && pkttype < (int)(sizeof types /
	    sizeof types[0]) ? types[pkttype] : "?";
}

void
dec_where(struct tbuf *tb, const char *ifname, int pkttype)
{
	char	name[IF_NAMESIZE * 4];

	esc_str(name, sizeof name, ifname, strnlen(ifname, IF_NAMESIZE));
	tbuf_printf(tb, "%-5s %-3s ", name, dec_pkttype(pkttype));
}

static void
sll2_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*a;
	int		 type, hatype, pkttype, halen;
	int64_t		 ifindex;

	dec_layer(ctx, "Linux cooked capture v2");
	type = cur_u16(c);
	cur_skip(c, 2);
	ifindex = cur_u32(c);
	hatype = cur_u16(c);
	pkttype = cur_u8(c);
	halen = cur_u8(c);
	if ((a = cur_pull(c, 8)) == NULL) {
		dec_trunc(ctx, "sll2");
		return;
	}
	dec_fld(ctx, "protocol: 0x%04x (%s)", type, dec_ether_name(type));
	dec_fld(ctx, "interface index: %lld", (long long)ifindex);
	dec_fld(ctx, "link-layer address type: %d", hatype);
	dec_fld(ctx, "packet type: %d", pkttype);
	sll2_where(ctx, ifindex, pkttype);
	if (ctx->opt->link || (type > DEC_ETH_MAXLEN &&
	    dec_find(DEC_KEY(DEC_S_ETHER, type)) == NULL)) {
		dec_sum(ctx, "ifindex %lld ", (long long)ifindex);
		sll_link(ctx, halen, a, type);
	}
	dec_next(ctx, sll_key(ctx, type, c), c);
}

/*
 * Raw IP: the version nibble says which, as tcpdump follows it even in
 * LINKTYPE_IPV4 and LINKTYPE_IPV6 files; another nibble (or none) is
 * taken as IPv6 only under LINKTYPE_IPV6.
 */
static int
raw_parse(struct dec_ctx *ctx, struct cur *c)
{
	int	v = cur_peek_u8(c, 0);

	if (v >> 4 == 6 || (v >> 4 != 4 && DLT_IS(ctx, 229)))
		return DEC_KEY(DEC_S_ETHER, 0x86dd);
	return DEC_KEY(DEC_S_ETHER, 0x0800);
}

/* tcpdump -e on raw IP: "ip: ", and the IP header's name left out. */
static void
raw_format(struct dec_ctx *ctx, struct cur *c)
{
	int	key = raw_parse(ctx, c);

	if (ctx->opt->link) {
		dec_sum(ctx, "ip: ");
		ctx->linkdone = 1;
	}
	dec_next(ctx, key, c);
}

/*
 * The 4-byte address family of DLT_NULL is in the writer's byte order
 * (DLT_LOOP: network order).  IPv6 is 10 on Linux, 24, 28 or 30 on the
 * BSDs and macOS.
 */
static int
null_key(struct cur *c, int bigendian, int *af)
{
	const uint8_t	*h;

	if ((h = cur_pull(c, 4)) == NULL)
		return DEC_DONE;
	if (!bigendian && h[0] == 0 && h[1] == 0)
		bigendian = 1;
	*af = bigendian ? h[3] | h[2] << 8 : h[0] | h[1] << 8;
	switch (*af) {
	case 2:
		return DEC_KEY(DEC_S_ETHER, 0x0800);
	case 10: case 24: case 28: case 30:
		return DEC_KEY(DEC_S_ETHER, 0x86dd);
	default:
		return DEC_KEY(DEC_S_ETHER, 0xffff);
	}
}

static int
null_parse(struct dec_ctx *ctx, struct cur *c)
{
	int	af, key;

	/* -x starts after the family word, even when IP is cut. */
	if ((key = null_key(c, DLT_IS(ctx, 108), &af)) != DEC_DONE)
		ctx->info->l3off = (uint32_t)cur_off(c);
	return key;
}

/* DLT_NULL (host order) and DLT_LOOP (network order) differ only there. */
static void
null_format(struct dec_ctx *ctx, struct cur *c)
{
	const char	*name;
	int		 af, key, loop = DLT_IS(ctx, 108);

	dec_layer(ctx, loop ? "OpenBSD loopback" : "BSD loopback");
	if ((key = null_key(c, loop, &af)) == DEC_DONE) {
		dec_trunc(ctx, loop ? "loop" : "null");
		return;
	}
	dec_fld(ctx, "family: %d", af);
	if (ctx->opt->link) {
		/* tcpdump -e: "AF IPv4 (2), length N: " (print-null.c). */
		name = af == 2 ? "IPv4" : af == 24 || af == 28 || af == 30 ?
		    "IPv6" : af == 6 ? "NS" : af == 7 ? "ISO" : af == 16 ?
		    "Appletalk" : af == 23 ? "IPX" : NULL;
		if (!ctx->opt->quick)
			dec_sum(ctx, "AF %s (%d)", name != NULL ? name :
			    "Unknown", af);
		else if (name != NULL)
			dec_sum(ctx, "%s", name);
		else
			dec_sum(ctx, "Unknown AF %d", af);
		dec_sum(ctx, ", length %u: ", ctx->len);
		ctx->linkdone = 1;
	}
	if (key == DEC_KEY(DEC_S_ETHER, 0xffff)) {
		dec_sum(ctx, "AF %d, length %u", af, ctx->len);
		dec_data(ctx, c);
		return;
	}
	dec_next(ctx, key, c);
}

static int
vlan_parse(struct dec_ctx *ctx, struct cur *c)
{
	eth_cut(ctx, c, 4);
	return link_type_key(ctx, c, 2, 4, 0);
}

static void
vlan_format(struct dec_ctx *ctx, struct cur *c)
{
	int	tci, type;

	dec_layer(ctx, "802.1Q tag");
	if ((tci = cur_u16(c)) == -1 || (type = cur_u16(c)) == -1) {
		/* tcpdump: " [|vlan]" alone, nothing of the tag */
		dec_trunc(ctx, "vlan");
		return;
	}
	dec_fld(ctx, "vlan: %d", tci & 0xfff);
	dec_fld(ctx, "priority: %d", tci >> 13);
	dec_fld(ctx, "drop eligible: %d", tci >> 12 & 1);
	dec_fld(ctx, "type: 0x%04x (%s)", type, dec_ether_name(type));
	if (ctx->opt->link)
		dec_sum(ctx, "vlan %d, p %d%s, ", tci & 0xfff, tci >> 13,
		    tci & 0x1000 ? ", DEI" : "");
	if (ctx->opt->link && type <= DEC_ETH_MAXLEN)	/* sic, tcpdump 4.99 */
		dec_sum(ctx, "802.3");
	else if (ctx->opt->link) {
		/* tcpdump names no type before a tag cut short. */
		if (!eth_vlan(type) || cur_left(c) >= 4) {
			link_type(ctx, type);
			dec_sum(ctx, ", ");
		}
		ctx->linkdone = 1;
	} else if (ctx->opt->extra)
		dec_sum(ctx, "vlan %d, p %d, ", tci & 0xfff, tci >> 13);
	else if (ctx->afterlink)	/* named, unknown, by eth_format() */
		ctx->linkdone = 1;
	dec_next(ctx, dec_ether_key(ctx, type, c), c);
}

/*
 * Label stack entries until the bottom-of-stack bit; MPLS does not name
 * its payload, so the first nibble after the stack decides (RFC 4385).
 */
static int
mpls_parse(struct dec_ctx *ctx, struct cur *c)
{
	int64_t	e;
	int	v;

	do {
		if ((e = cur_u32(c)) == -1) {
			ctx->info->flags |= DEC_F_TRUNC;
			return DEC_DONE;
		}
	} while (!(e & 0x100));
	if ((v = cur_peek_u8(c, 0)) == -1)
		return DEC_DONE;
	if (v >> 4 == 4)
		return DEC_KEY(DEC_S_ETHER, 0x0800);
	if (v >> 4 == 6)
		return DEC_KEY(DEC_S_ETHER, 0x86dd);
	return DEC_DONE;
}

static void
mpls_format(struct dec_ctx *ctx, struct cur *c)
{
	int64_t	e;
	int	v;

	dec_layer(ctx, "MPLS");
	dec_sum(ctx, "MPLS");
	do {
		if ((e = cur_u32(c)) == -1) {
			dec_trunc(ctx, "mpls");
			return;
		}
		dec_sum(ctx, " (label %u, tc %u%s, ttl %u)",
		    (unsigned)(e >> 12), (unsigned)(e >> 9 & 7),
		    e & 0x100 ? ", [S]" : "", (unsigned)(e & 0xff));
		dec_fld(ctx, "label %u, tc %u, bottom %u, ttl %u",
		    (unsigned)(e >> 12), (unsigned)(e >> 9 & 7),
		    (unsigned)(e >> 8 & 1), (unsigned)(e & 0xff));
	} while (!(e & 0x100));
	dec_sum(ctx, " ");
	v = cur_peek_u8(c, 0);
	if (v >> 4 == 4)
		dec_next(ctx, DEC_KEY(DEC_S_ETHER, 0x0800), c);
	else if (v >> 4 == 6)
		dec_next(ctx, DEC_KEY(DEC_S_ETHER, 0x86dd), c);
	else {
		dec_sum(ctx, "length %zu", cur_left(c));
		dec_data(ctx, c);
	}
}
