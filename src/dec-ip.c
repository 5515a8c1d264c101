/*
 * IPv4 (options, fragments) and IPv6 (its extension headers are in
 * dec-ip6ext.c), plus AH and ESP, which are only summarised.  The
 * payload cursor is cut to the length the header claims, so Ethernet
 * padding never reaches the transport decoders.  Layouts: RFC 791, RFC
 * 8200, RFC 4302, RFC 4303.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define IP4_HDRLEN	20
#define IP_MF		0x2000
#define IP_DF		0x4000
#define IP_OFFMASK	0x1fff

static int	ip4_parse(struct dec_ctx *, struct cur *);
static void	ip4_cut(struct dec_ctx *, const uint8_t *, int, size_t);
static void	ip4_frag(struct dec_ctx *, const uint8_t *, int, struct cur *);
static void	ip4_format(struct dec_ctx *, struct cur *);
static int	ip4_badversion(struct dec_ctx *, struct cur *);
static int	ip4_check(struct dec_ctx *, const uint8_t *, int, int);
static void	ip4_tree(struct dec_ctx *, const uint8_t *, int, int);
static void	ip4_options(struct dec_ctx *, struct cur *);
static int	ip6_parse(struct dec_ctx *, struct cur *);
static void	ip6_format(struct dec_ctx *, struct cur *);
static void	ip6_tree(struct dec_ctx *, const uint8_t *);
static void	ip_tree_addrs(struct dec_ctx *, int, const uint8_t *);
static const char *ip_proto_name(int);
static int	ip4_verbose(struct dec_ctx *, struct cur *, const uint8_t *,
		    int);
static uint32_t	ip_payload(struct dec_ctx *, struct cur *, uint32_t);
static int	ah_parse(struct dec_ctx *, struct cur *);
static void	ah_format(struct dec_ctx *, struct cur *);
static void	esp_format(struct dec_ctx *, struct cur *);

/* IPv4 and IPv6 over a link, and in IP (protocols 4 and 41). */
const struct dec_proto dec_ipv4_proto = {
	.name = "ip",
	.keys = { DEC_KEY(DEC_S_ETHER, 0x0800), DEC_KEY(DEC_S_IP, 4) },
	.id = DEC_P_IPV4, .parse = ip4_parse, .format = ip4_format
};
const struct dec_proto dec_ipv6_proto = {
	.name = "ip6",
	.keys = { DEC_KEY(DEC_S_ETHER, 0x86dd), DEC_KEY(DEC_S_IP, 41) },
	.id = DEC_P_IPV6, .parse = ip6_parse, .format = ip6_format
};
const struct dec_proto dec_ah_proto = {
	.name = "ah", .keys = { DEC_KEY(DEC_S_IP, 51) }, .id = DEC_P_AH,
	.parse = ah_parse, .format = ah_format
};
/* Nothing after it can be read: the light parse stops. */
const struct dec_proto dec_esp_proto = {
	.name = "esp", .keys = { DEC_KEY(DEC_S_IP, 50) }, .id = DEC_P_ESP,
	.format = esp_format
};

/*
 * Narrow the cursor to the len payload bytes the header claims; a length
 * of 0 means "as long as the frame" (TSO, jumbograms).  Returns the length
 * used.
 */
static uint32_t
ip_payload(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	struct cur	in;

	if (len == 0)
		len = dec_wire(ctx, c);
	cur_sub(c, len, &in);
	*c = in;
	ctx->l4len = len;
	return len;
}

static int
ip4_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct dec_info	*info = ctx->info;
	const uint8_t	*h;
	uint32_t	 off = (uint32_t)cur_off(c);
	int		 hlen, tlen, frag;

	if ((h = cur_peek(c, IP4_HDRLEN)) == NULL) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	hlen = (h[0] & 0xf) * 4;
	tlen = h[2] << 8 | h[3];
	if (h[0] >> 4 != 4 || hlen < IP4_HDRLEN ||
	    (tlen != 0 && tlen < hlen)) {
		info->flags |= DEC_F_BAD;
		return DEC_DONE;
	}
	frag = (h[6] << 8 | h[7]) & (IP_MF | IP_OFFMASK);
	if (ctx->nip++ == 0) {
		info->af = 4;
		memcpy(info->src, &h[12], 4);
		memcpy(info->dst, &h[16], 4);
		/* -x starts at the network header, PPPoE's or MPLS' if any. */
		if (info->l3off == 0)
			info->l3off = off;
		info->ipproto = h[9];
		if (frag)
			info->flags |= DEC_F_FRAG;
	}
	if (cur_skip(c, (size_t)hlen) == -1) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	ip_payload(ctx, c, tlen == 0 ? 0 : (uint32_t)(tlen - hlen));
	if (frag & IP_OFFMASK)
		return DEC_DONE;
	return DEC_KEY(DEC_S_IP, h[9]);
}

/*
 * The header's version, header length and total length (bytes) against
 * each other: -1, with the reason, when they disagree.  The summary says
 * it as tcpdump 4.99 does ("bad-hlen 16", "bad-len 10"; a wrong version
 * before the name, see ip4_format), the tree as "[bad ip hlen 16]".
 */
static int
ip4_check(struct dec_ctx *ctx, const uint8_t *h, int hlen, int tlen)
{
	if (h[0] >> 4 != 4) {
		dec_bad(ctx, "ip version %d", h[0] >> 4);
		return -1;
	}
	if (hlen < IP4_HDRLEN) {
		if (ctx->tree)
			dec_bad(ctx, "ip hlen %d", hlen);
		dec_sum(ctx, "bad-hlen %d", hlen);
		return -1;
	}
	if (tlen != 0 && tlen < hlen) {
		if (ctx->tree)
			dec_bad(ctx, "ip len %d < hlen %d", tlen, hlen);
		dec_sum(ctx, "bad-len %d", tlen);
		return -1;
	}
	return 0;
}

/*
 * tcpdump reads the version first: a wrong one is said in place of the
 * name ("IP5 (invalid)"), -e or not, whatever else is cut.  1 if it was.
 */
static int
ip4_badversion(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;

	if (ctx->tree || (h = cur_peek(c, 1)) == NULL || h[0] >> 4 == 4)
		return 0;
	if (h[0] >> 4 == 6)
		dec_sum(ctx, "IP6, wrong link-layer encapsulation (invalid)");
	else
		dec_sum(ctx, "IP%d (invalid)", h[0] >> 4);
	return 1;
}

/*
 * A header whose options were not captured whole (avail bytes from its
 * start).  tcpdump 4.99 (print-ip.c) checks for them only in a first
 * fragment, after naming the addresses unless TCP, UDP, SCTP or DCCP
 * will, and then gives up on the whole packet; under -v its walk of the
 * options found the cut before.
 */
static void
ip4_cut(struct dec_ctx *ctx, const uint8_t *h, int frag, size_t avail)
{
	int	p = h[9];

	/* -v's walk of the options said "[truncated-option]" already. */
	if (frag & IP_OFFMASK || (ctx->opt->verbose && !ctx->tree)) {
		dec_addrs(ctx);
		dec_trunc(ctx, "ip");
		return;
	}
	if (p != 6 && p != 17 && p != 132 && p != 33)
		dec_addrs(ctx);
	dec_sum(ctx, " [remaining caplen(%zu) < header length(%d)]", avail,
	    (h[0] & 0xf) * 4);
	ctx->gaveup = 1;
	dec_trunc(ctx, "ip");
}

/*
 * A fragment after the first: no transport header, "ip-proto-17"; with
 * zbtop's additions "(frag id:size@offset+)" (frag is the header's flags
 * and offset word).
 */
static void
ip4_frag(struct dec_ctx *ctx, const uint8_t *h, int frag, struct cur *c)
{
	dec_addrs(ctx);
	if (ctx->opt->extra)
		dec_sum(ctx, "ip-proto-%d (frag %d:%u@%d%s)", h[9],
		    h[4] << 8 | h[5], ctx->l4len, (frag & IP_OFFMASK) * 8,
		    frag & IP_MF ? "+" : "");
	else
		dec_sum(ctx, "ip-proto-%d", h[9]);
	dec_data(ctx, c);
}

static void
ip4_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	struct cur	 opt;
	uint32_t	 wire = dec_wire(ctx, c);
	size_t		 avail;
	int		 hlen, tlen, frag;

	dec_layer(ctx, "Internet Protocol version 4");
	if (ip4_badversion(ctx, c))
		return;
	/*
	 * tcpdump reads the version first, through a GET_ macro: when not
	 * one byte of the header is there it gives up on the whole packet,
	 * " [|ip]" alone and -x from byte 0.
	 */
	if (cur_left(c) == 0) {
		ctx->gaveup = 1;
		dec_trunc(ctx, "ip");
		return;
	}
	/* tcpdump -e leaves the name out, at any depth (print-ip.c). */
	if (!ctx->opt->link)
		dec_sum(ctx, "IP ");
	if ((h = cur_peek(c, IP4_HDRLEN)) == NULL) {
		dec_trunc(ctx, "ip");
		return;
	}
	hlen = (h[0] & 0xf) * 4;
	tlen = h[2] << 8 | h[3];
	frag = h[6] << 8 | h[7];
	ip4_tree(ctx, h, hlen, tlen);
	if (ip4_check(ctx, h, hlen, tlen) == -1)
		return;
	if ((uint32_t)tlen > wire)
		dec_sum(ctx, "truncated-ip - %u bytes missing! ",
		    (uint32_t)tlen - wire);
	if (ctx->opt->verbose && !ctx->tree && ip4_verbose(ctx, c, h, hlen))
		return;
	ctx->af = 4;
	memcpy(ctx->src, &h[12], 4);
	memcpy(ctx->dst, &h[16], 4);
	ctx->addrs_due = 1;
	cur_skip(c, IP4_HDRLEN);
	avail = IP4_HDRLEN + cur_left(c);
	if (cur_sub(c, (size_t)hlen - IP4_HDRLEN, &opt)) {
		ip4_cut(ctx, h, frag, avail);
		return;
	}
	ip4_options(ctx, &opt);
	ip_payload(ctx, c, tlen == 0 ? 0 : (uint32_t)(tlen - hlen));
	if (frag & IP_OFFMASK) {
		ip4_frag(ctx, h, frag, c);
		return;
	}
	/* A first fragment: transport lengths may point past it. */
	ctx->morefrag = (frag & IP_MF) != 0;
	dec_next(ctx, DEC_KEY(DEC_S_IP, h[9]), c);
}

/* tcpdump's protocol names (its ipproto_values), for -v. */
static const char *
ip_proto_name(int p)
{
	switch (p) {
	case 0:		return "Options";
	case 1:		return "ICMP";
	case 2:		return "IGMP";
	case 4:		return "IPIP";
	case 6:		return "TCP";
	case 8:		return "EGP";
	case 9:		return "IGRP";
	case 17:		return "UDP";
	case 33:		return "DCCP";
	case 41:		return "IPv6";
	case 43:		return "Routing";
	case 44:		return "Fragment";
	case 46:		return "RSVP";
	case 47:		return "GRE";
	case 50:		return "ESP";
	case 51:		return "AH";
	case 55:		return "Mobile IP";
	case 58:		return "ICMPv6";
	case 62:		return "Mobile IP (old)";
	case 88:		return "EIGRP";
	case 89:		return "OSPF";
	case 103:	return "PIM";
	case 108:	return "Compressed IP";
	case 112:	return "VRRP";
	case 113:	return "PGM";
	case 132:	return "SCTP";
	case 135:	return "Mobility";
	case 143:	return "Ethernet";
	default:	return "unknown";
	}
}

/*
 * tcpdump -v: "(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP
 * (6), length 60)", a bad header checksum, then the rest on a new line.
 */
static int
ip4_verbose(struct dec_ctx *ctx, struct cur *c, const uint8_t *h, int hlen)
{
	static const char *const ecn[] = { "", ",ECT(1)", ",ECT(0)", ",CE" };
	struct cur	 o;
	const uint8_t	*all;
	uint32_t	 sum = 0;
	int		 i, fl = h[6] << 8 | h[7];

	/* The flags as tcpdump's bittok2str: "+", "DF", "rsvd", ", " between. */
	dec_sum(ctx, "(tos 0x%x%s", h[1], ecn[h[1] & 3]);
	if (h[8] != 0)		/* tcpdump leaves a ttl of 0 out */
		dec_sum(ctx, ", ttl %d", h[8]);
	dec_sum(ctx, ", id %d, offset %d, flags [%s%s%s%s%s%s"
	    "], proto %s (%d), length %d", h[4] << 8 | h[5],
	    (fl & IP_OFFMASK) * 8, fl & IP_MF ? "+" : "",
	    fl & IP_MF && fl & 0xc000 ? ", " : "", fl & IP_DF ? "DF" : "",
	    fl & IP_DF && fl & 0x8000 ? ", " : "", fl & 0x8000 ? "rsvd" : "",
	    fl & 0xe000 ? "" : "none", ip_proto_name(h[9]), h[9],
	    h[2] << 8 | h[3]);
	if (hlen > IP4_HDRLEN) {
		o = *c;
		cur_skip(&o, IP4_HDRLEN);
		if (dec_ip4_opts(ctx, &o, hlen - IP4_HDRLEN) ==
		    DEC_IPOPT_GAVEUP) {
			ctx->gaveup = 1;
			dec_trunc(ctx, "ip");
			return -1;
		}
	}
	if (!ctx->opt->nocksum && (all = cur_peek(c, (size_t)hlen)) != NULL) {
		for (i = 0; i < hlen; i += 2)
			if (i != 10)
				sum += (uint32_t)(all[i] << 8 | all[i + 1]);
		while (sum >> 16)
			sum = (sum & 0xffff) + (sum >> 16);
		sum = ~sum & 0xffff;
		if (sum != (uint32_t)(h[10] << 8 | h[11]))
			dec_sum(ctx, ", bad cksum %x (->%x)!",
			    h[10] << 8 | h[11], sum);
	}
	dec_sum(ctx, ")\n    ");
	return 0;
}

/* The tree's source and destination: both headers put them side by side. */
static void
ip_tree_addrs(struct dec_ctx *ctx, int af, const uint8_t *src)
{
	char	a[DEC_ADDRSTRLEN];

	dec_ntop(af, src, a);
	dec_fld(ctx, "source: %s", a);
	dec_ntop(af, &src[af == 4 ? 4 : 16], a);
	dec_fld(ctx, "destination: %s", a);
}

static void
ip4_tree(struct dec_ctx *ctx, const uint8_t *h, int hlen, int tlen)
{
	int	frag = h[6] << 8 | h[7];

	if (!ctx->tree)
		return;
	dec_fld(ctx, "version: %d", h[0] >> 4);
	dec_fld(ctx, "header length: %d", hlen);
	dec_fld(ctx, "tos: 0x%02x (dscp %d, ecn %d)", h[1], h[1] >> 2,
	    h[1] & 3);
	dec_fld(ctx, "total length: %d", tlen);
	dec_fld(ctx, "id: %d", h[4] << 8 | h[5]);
	dec_fld(ctx, "flags: 0x%x%s%s", frag >> 13,
	    frag & IP_DF ? " DF" : "", frag & IP_MF ? " MF" : "");
	dec_fld(ctx, "fragment offset: %d", (frag & IP_OFFMASK) * 8);
	dec_fld(ctx, "ttl: %d", h[8]);
	dec_fld(ctx, "protocol: %d", h[9]);
	dec_fld(ctx, "checksum: 0x%04x", h[10] << 8 | h[11]);
	ip_tree_addrs(ctx, 4, &h[12]);
}

/* Options are listed by type and length; their bodies are not decoded. */
static void
ip4_options(struct dec_ctx *ctx, struct cur *o)
{
	int	type, len, n = 0;

	while ((type = cur_u8(o)) != -1) {
		if (type == 0 || type == 1) {
			dec_fld(ctx, "option: %s", type ? "nop" : "eol");
			if (type == 0)
				break;
			continue;
		}
		if ((len = cur_u8(o)) < 2 || cur_skip(o, (size_t)len - 2)) {
			dec_fld(ctx, "option %d: [bad length %d]", type, len);
			break;
		}
		dec_fld(ctx, "option %d, length %d", type, len);
		if (++n > 40)
			break;
	}
}

static int
ip6_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct dec_info	*info = ctx->info;
	const uint8_t	*h;
	uint32_t	 off = (uint32_t)cur_off(c), start, plen;
	int		 nh, frag, first;

	if ((h = cur_pull(c, IP6_HDRLEN)) == NULL) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (h[0] >> 4 != 6) {
		info->flags |= DEC_F_BAD;
		return DEC_DONE;
	}
	if ((first = ctx->nip++ == 0)) {
		info->af = 6;
		memcpy(info->src, &h[8], 16);
		memcpy(info->dst, &h[24], 16);
		if (info->l3off == 0)
			info->l3off = off;
	}
	plen = ip_payload(ctx, c, (uint32_t)(h[4] << 8 | h[5]));
	start = (uint32_t)cur_off(c);
	nh = dec_ip6_ext_parse(ctx, c, h[6], &frag);
	if (nh == -1) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	ctx->l4len = plen > cur_off(c) - start ? plen -
	    (uint32_t)(cur_off(c) - start) : 0;
	if (first) {
		info->ipproto = (uint8_t)nh;
		if (frag)
			info->flags |= DEC_F_FRAG;
	}
	if (frag == 2 || nh == 59)
		return DEC_DONE;
	return DEC_KEY(DEC_S_IP, nh);
}

static void
ip6_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	uint32_t	 wire = dec_wire(ctx, c), plen;
	int		 nh;

	dec_layer(ctx, "Internet Protocol version 6");
	/* tcpdump names a cut IPv6 header only by its marker. */
	if ((h = cur_pull(c, IP6_HDRLEN)) == NULL) {
		dec_trunc(ctx, "ip6");
		return;
	}
	if (!ctx->opt->link)
		dec_sum(ctx, "IP6 ");
	ip6_tree(ctx, h);
	if (h[0] >> 4 != 6) {
		/* tcpdump's words; the tree's "[bad ip6 version 4]". */
		if (ctx->tree)
			dec_bad(ctx, "ip6 version %d", h[0] >> 4);
		dec_sum(ctx, "version error: %d != 6", h[0] >> 4);
		return;
	}
	/* tcpdump's words, without IPv4's space after them. */
	plen = (uint32_t)(h[4] << 8 | h[5]);
	if (plen != 0 && plen + IP6_HDRLEN > wire)
		dec_sum(ctx, "truncated-ip6 - %u bytes missing!",
		    plen + IP6_HDRLEN - wire);
	if (ctx->opt->verbose && !ctx->tree) {
		/* tcpdump -v: class and flow label only when not zero. */
		if ((h[0] & 0xf) << 4 | h[1] >> 4)
			dec_sum(ctx, "(class 0x%02x, ", (h[0] & 0xf) << 4 |
			    h[1] >> 4);
		else
			dec_sum(ctx, "(");
		if ((h[1] & 0xf) << 16 | h[2] << 8 | h[3])
			dec_sum(ctx, "flowlabel 0x%05x, ", (h[1] & 0xf) << 16 |
			    h[2] << 8 | h[3]);
		dec_sum(ctx, "hlim %d, next-header %s (%d) payload length: "
		    "%d) ", h[7], ip_proto_name(h[6]), h[6], h[4] << 8 | h[5]);
	}
	ctx->af = 6;
	memcpy(ctx->src, &h[8], 16);
	memcpy(ctx->dst, &h[24], 16);
	ctx->addrs_due = 1;
	if ((ctx->ip6zero = plen == 0) == 0)
		ip_payload(ctx, c, plen);
	if ((plen == 0 ? dec_ip6_zero(ctx, c, h[6], &nh) :
	    dec_ip6_ext_format(ctx, c, h[6], &nh)) == -1)
		return;
	if (nh == 59) {
		dec_addrs(ctx);
		dec_sum(ctx, "no next header");
		dec_data(ctx, c);
		return;
	}
	dec_next(ctx, DEC_KEY(DEC_S_IP, nh), c);
}

static void
ip6_tree(struct dec_ctx *ctx, const uint8_t *h)
{
	if (!ctx->tree)
		return;
	dec_fld(ctx, "version: %d", h[0] >> 4);
	dec_fld(ctx, "traffic class: 0x%02x", (h[0] & 0xf) << 4 | h[1] >> 4);
	dec_fld(ctx, "flow label: 0x%05x", (h[1] & 0xf) << 16 | h[2] << 8 |
	    h[3]);
	dec_fld(ctx, "payload length: %d", h[4] << 8 | h[5]);
	dec_fld(ctx, "next header: %d", h[6]);
	dec_fld(ctx, "hop limit: %d", h[7]);
	ip_tree_addrs(ctx, 6, &h[8]);
}

static int
ah_parse(struct dec_ctx *ctx, struct cur *c)
{
	int	nh, len;

	nh = cur_u8(c);
	if ((len = cur_u8(c)) == -1 || cur_skip(c, (size_t)len * 4 + 6)) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (ctx->nip == 1)
		ctx->info->ipproto = (uint8_t)nh;
	return DEC_KEY(DEC_S_IP, nh);
}

/* AH authenticates but does not hide its payload: go on decoding. */
static void
ah_format(struct dec_ctx *ctx, struct cur *c)
{
	int	nh, len;
	int64_t	spi, seq;

	dec_layer(ctx, "Authentication Header");
	nh = cur_u8(c);
	len = cur_u8(c);
	cur_skip(c, 2);
	spi = cur_u32(c);
	if ((seq = cur_u32(c)) == -1) {
		dec_sum(ctx, "AH");
		dec_trunc(ctx, "ah");
		return;
	}
	dec_fld(ctx, "next header: %d", nh);
	dec_fld(ctx, "length: %d", (len + 2) * 4);
	dec_fld(ctx, "spi: 0x%08llx, seq: %lld", (long long)spi,
	    (long long)seq);
	dec_sum(ctx, "AH(spi=0x%08llx,seq=0x%llx): ", (long long)spi,
	    (long long)seq);
	if (len < 1 || cur_skip(c, (size_t)len * 4 - 4) == -1) {
		dec_trunc(ctx, "ah");
		return;
	}
	ctx->l4len = ctx->l4len > (uint32_t)(len + 2) * 4 ?
	    ctx->l4len - (uint32_t)(len + 2) * 4 : 0;
	dec_next(ctx, DEC_KEY(DEC_S_IP, nh), c);
}

static void
esp_format(struct dec_ctx *ctx, struct cur *c)
{
	int64_t	spi, seq;

	dec_layer(ctx, "Encapsulating Security Payload");
	spi = cur_u32(c);
	if ((seq = cur_u32(c)) == -1) {
		dec_sum(ctx, "ESP");
		dec_trunc(ctx, "esp");
		return;
	}
	dec_fld(ctx, "spi: 0x%08llx, seq: %lld", (long long)spi,
	    (long long)seq);
	dec_fld(ctx, "encrypted length: %zu", cur_left(c));
	dec_sum(ctx, "ESP(spi=0x%08llx,seq=0x%llx), length %u",
	    (long long)spi, (long long)seq, ctx->l4len);
}

