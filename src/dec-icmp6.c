/*
 * ICMPv6: the message name, echo id and sequence, the target of neighbour
 * discovery, parameter problems and router renumbering.  Type and code
 * names: RFC 4443, RFC 4861, RFC 7112 (parameter problem code 3), RFC
 * 2894 (router renumbering).  MLD's messages are dec-mld.c's, neighbour
 * discovery's options dec-nd.c's.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define ICMP6_MINLEN	4		/* type, code and checksum */

static void	icmp6_format(struct dec_ctx *, struct cur *);
static void	icmp6_cksum(struct dec_ctx *, struct cur *);
static int	icmp6_body(struct dec_ctx *, int, int, int, int, struct cur *);
static void	icmp6_more(struct dec_ctx *, int, int, const struct cur *);
static int	icmp6_unreach(struct dec_ctx *, int, const struct cur *);
static int	icmp6_mip(struct dec_ctx *, int, const struct cur *);
static const uint8_t *icmp6_at(const struct cur *, size_t, size_t);
static int	icmp6_port(struct cur *, int *);
static int	icmp6_addr(struct dec_ctx *, const struct cur *, size_t,
		    const char *);
static const char *icmp6_name(int);
static void	icmp6_pprob(struct dec_ctx *, int, uint32_t, struct cur *);
static void	icmp6_rr(struct dec_ctx *, int, uint32_t, struct cur *);
static int	icmp6_rrmatch(struct dec_ctx *, struct cur *);
static void	icmp6_rrpfx(struct dec_ctx *, const uint8_t *, int, int,
		    int);

/* The light parse checks type, code and checksum only. */
const struct dec_proto dec_icmp6_proto = {
	.name = "icmp6", .keys = { DEC_KEY(DEC_S_IP, 58) }, .id = DEC_P_ICMP6,
	.minlen = ICMP6_MINLEN, .format = icmp6_format
};

static const char *
icmp6_name(int type)
{
	switch (type) {
	case 1:		return "destination unreachable";
	case 2:		return "packet too big";
	case 3:		return "time exceeded in-transit";
	case 4:		return "parameter problem";
	case 128:	return "echo request";
	case 129:	return "echo reply";
	case 130:	return "multicast listener query";
	case 131:	return "multicast listener report";
	case 132:	return "multicast listener done";
	case 133:	return "router solicitation";
	case 134:	return "router advertisement";
	case 135:	return "neighbor solicitation";
	case 136:	return "neighbor advertisement";
	case 137:	return "redirect";
	case 138:	return "router renumbering";
	case 139:	return "who-are-you request";
	case 140:	return "who-are-you reply";
	case 141:	return "inverse neighbor solicitation";
	case 142:	return "inverse neighbor advertisement";
	case 143:	return "multicast listener report v2";
	case 144:	return "ha discovery request";
	case 145:	return "ha discovery reply";
	case 146:	return "mobile router solicitation";
	case 147:	return "mobile router advertisement";
	case 155:	return "RPL";
	case 200:	return "mtrace response";
	case 201:	return "mtrace message";
	default:	return NULL;
	}
}

/* tcpdump -v's checksum verdict on the whole message (RFC 4443 2.3). */
static void
icmp6_cksum(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 seg = *c;
	int		 sum, want;

	if (ctx->opt->verbose && !ctx->tree && (sum = cur_peek_u16(c, 2)) !=
	    -1 && (want = dec_cksum(ctx, &seg, ctx->l4len, 58, 2)) != -1) {
		if (want == sum)
			dec_sum(ctx, "[icmp6 sum ok] ");
		else
			dec_sum(ctx, "[bad icmp6 cksum 0x%04x -> 0x%04x!] ",
			    sum, want);
	}
}

/*
 * What follows the checksum, by type: a and b are the next two 16-bit
 * words (b -1 when cut), c is past them.  -1 when the line ends there,
 * else 0 and the caller adds the length.
 */
static int
icmp6_body(struct dec_ctx *ctx, int type, int code, int a, int b,
    struct cur *c)
{
	if ((type == 128 || type == 129 || type == 2) && b == -1) {
		dec_trunc(ctx, "icmp6");
		return -1;
	}
	if ((type == 128 || type == 129) && b != -1) {
		dec_fld(ctx, "id: %d, seq: %d", a, b);
		dec_sum(ctx, ", id %d, seq %d", a, b);
	} else if (type == 2 && b != -1) {
		dec_fld(ctx, "mtu: %ld", (long)a << 16 | b);
		dec_sum(ctx, ", mtu %ld", (long)a << 16 | b);
	} else if ((type == 130 || type == 131) && !ctx->opt->extra) {
		/* Cut, an MLDv2 query gives up after its name, v1 says
		 * nothing more. */
		if (b == -1 && type == 130 && ctx->l4len >= 28) {
			dec_sum(ctx, " v2");
			dec_trunc(ctx, "icmp6");
			return -1;
		}
		if (b != -1 && dec_mld(ctx, type, a, c) == -1)
			return -1;
	} else if (type == 143 && b == -1) {
		dec_trunc(ctx, "icmp6");	/* the record count cut */
		return -1;
	} else if (type == 143) {
		dec_fld(ctx, "records: %d", b);
		dec_sum(ctx, ", %d group record(s)", b);
		if (ctx->opt->verbose && dec_mld2_report(ctx, b, c) == -1)
			return -1;
	} else if (type >= 133 && type <= 137) {
		/* Cut: tcpdump reads nothing of a solicitation, -v only
		 * of an advertisement. */
		if (b == -1 && (type >= 135 || (type == 134 &&
		    ctx->opt->verbose))) {
			dec_trunc(ctx, "icmp6");
			return -1;
		}
		if (b != -1 && dec_icmp6_nd(ctx, type, (uint32_t)a << 16 |
		    (uint32_t)b, c) == -1)
			return -1;
	} else if (type == 4) {
		icmp6_pprob(ctx, code, (uint32_t)a << 16 | (uint32_t)b, c);
		if (ctx->out != NULL && c->trunc)
			return -1;
	} else if (type == 138 && b != -1) {
		icmp6_rr(ctx, code, (uint32_t)a << 16 | (uint32_t)b, c);
		if (ctx->out != NULL && c->trunc)
			return -1;
	} else if (type < 128)
		dec_sum(ctx, ", code %d", code);
	return 0;
}

static void
icmp6_format(struct dec_ctx *ctx, struct cur *c)
{
	const char	*name;
	struct cur	 m = *c;
	int		 type, code, sum, a, b;

	dec_layer(ctx, "Internet Control Message Protocol v6");
	if (ctx->l4len == 0) {
		dec_sum(ctx, "ICMP6, length 0 (invalid)");
		return;
	}
	icmp6_cksum(ctx, c);
	/*
	 * Cut, tcpdump prints the type's name once it has the type byte,
	 * and an echo's name alone without its id and sequence number.
	 */
	if ((type = cur_u8(c)) == -1) {
		dec_trunc(ctx, "icmp6");
		return;
	}
	dec_sum(ctx, "ICMP6, ");
	name = icmp6_name(type);
	if (name != NULL)
		dec_sum(ctx, "%s", name);
	else
		dec_sum(ctx, "unknown icmp6 type (%d)", type);
	/* tcpdump -v: ND and two mobility types say their length here. */
	if (ctx->opt->verbose && ((type >= 133 && type <= 137) ||
	    type == 145 || type == 147))
		dec_sum(ctx, ", length %u", ctx->l4len);
	/* It reads the code next, for every type, but not the checksum. */
	if ((code = cur_u8(c)) == -1) {
		dec_trunc(ctx, "icmp6");
		return;
	}
	sum = cur_u16(c);
	dec_fld(ctx, "type: %d (%s)", type, name != NULL ? name : "unknown");
	dec_fld(ctx, "code: %d", code);
	if (sum != -1)
		dec_fld(ctx, "checksum: 0x%04x", sum);
	if (type == 0 || type == 1 || type == 3 || (type > 4 && type < 128) ||
	    (type > 138 && type != 143)) {
		icmp6_more(ctx, type, code, &m);
		return;
	}
	a = cur_u16(c);
	b = cur_u16(c);
	if (icmp6_body(ctx, type, code, a, b, c) == -1)
		return;
	/* tcpdump -v leaves the length out. */
	if (!ctx->opt->verbose)
		dec_sum(ctx, ", length %u", ctx->l4len);
}

/* n bytes at offset off of m, in place; NULL when not captured. */
static const uint8_t *
icmp6_at(const struct cur *m, size_t off, size_t n)
{
	struct cur	q;

	if (cur_seek(m, off, &q) == -1)
		return NULL;
	return cur_peek(&q, n);
}

/*
 * The types icmp6_body leaves: destination unreachable, time exceeded,
 * node information (dec-ni.c), inverse ND, home agent discovery, mobile
 * prefix, and those tcpdump 4.99 does not decode (", length N" and,
 * unless -vv, the message in hex).
 * m: the message from its type byte.  Ends the line.
 */
static void
icmp6_more(struct dec_ctx *ctx, int type, int code, const struct cur *m)
{
	struct cur	 q = *m, d;
	int		 v = ctx->opt->verbose;

	switch (type) {
	case 1:
		if (icmp6_unreach(ctx, code, m) == -1)
			return;
		break;
	case 3:
		if (code == 0 && icmp6_addr(ctx, m, 32, " for ") == -1)
			return;
		if (code == 1)
			dec_sum(ctx, " (reassembly)");
		else if (code > 1)
			dec_sum(ctx, ", unknown code (%d)", code);
		break;
	case 139:
	case 140:
		if (dec_icmp6_ni(ctx, type, m) == -1)
			return;
		break;
	case 141:
	case 142:
		break;
	case 144:
	case 145:
	case 146:
	case 147:
		if ((type == 145 || type == 147) && !v)
			break;
		if (icmp6_mip(ctx, type, m) == -1)
			return;
		break;
	default:
		dec_sum(ctx, ", length %u", ctx->l4len);
		(void)cur_sub(&q, ctx->l4len, &d);
		if (v <= 1)
			dec_hexdump(ctx, &d, "\n\t");
		return;
	}
	if (!v)
		dec_sum(ctx, ", length %u", ctx->l4len);
}

/*
 * Home agent address discovery request and reply, mobile prefix
 * solicitation and advertisement (RFC 6275 6.5 to 6.8): the id, a reply's
 * addresses, an advertisement's flags and options (dec-nd.c).  m: the
 * message from its type byte.  0, or -1 after the marker when cut.
 */
static int
icmp6_mip(struct dec_ctx *ctx, int type, const struct cur *m)
{
	const uint8_t	*h;
	struct cur	 q = *m;
	uint32_t	 off;

	if ((h = icmp6_at(m, 4, 2)) == NULL)
		goto giveup;
	if (type == 147 && icmp6_at(m, 4, 4) == NULL) {
		dec_sum(ctx, ", id 0x%04x", h[0] << 8 | h[1]);
		goto giveup;
	}
	if (type == 147) {
		(void)cur_skip(&q, 8);
		return dec_icmp6_nd(ctx, type, cur_be32(h), &q);
	}
	dec_sum(ctx, ", id 0x%04x", h[0] << 8 | h[1]);
	for (off = 8; type == 145 && off < ctx->l4len; off += 16) {
		if (icmp6_addr(ctx, m, off, ", ") == -1)
			return -1;
	}
	return 0;
giveup:
	dec_trunc(ctx, "icmp6");
	return -1;
}

/*
 * Destination unreachable (RFC 4443 3.1) as tcpdump 4.99 prints it: the
 * code's words, the quoted destination (and source for code 2), for a
 * port unreachable the quoted TCP or UDP port found past extension
 * headers.  m: the message from its type byte.  -1 when the line ended
 * (cut, or an unknown code's hex dump).
 */
static int
icmp6_unreach(struct dec_ctx *ctx, int code, const struct cur *m)
{
	static const char *const what[] = { "unreachable route",
	    " unreachable prohibited", "beyond scope", "unreachable address",
	    "unreachable port" };
	struct cur	 q = *m, x;
	int		 proto, port;

	if (code > 4) {
		dec_sum(ctx, ", unknown unreach code (%d)", code);
		if (ctx->opt->verbose > 1)
			return 0;
		(void)cur_sub(&q, ctx->l4len, &x);
		dec_hexdump(ctx, &x, "\n\t");
		return -1;
	}
	dec_sum(ctx, ", %s", what[code]);
	if (code == 4) {
		if (cur_seek(m, 8, &q) == -1 ||
		    (port = icmp6_port(&q, &proto)) == -1) {
			dec_trunc(ctx, "icmp6");
			ctx->gaveup = 0;	/* a test, no GET_ */
			return -1;
		}
		if (icmp6_addr(ctx, m, 32, ", ") == -1)
			return -1;
		dec_sum(ctx, " %s port %d", proto == 6 ? "tcp" : "udp", port);
		return 0;
	}
	if (icmp6_addr(ctx, m, 32, " ") == -1 || (code == 2 &&
	    icmp6_addr(ctx, m, 16, ", source address ") == -1))
		return -1;
	return 0;
}

/*
 * pre and the IPv6 address at offset off of m (a quoted header's source
 * at 16, destination at 32); -1 after the marker when it was not
 * captured, which tcpdump reads with a GET_ macro.
 */
static int
icmp6_addr(struct dec_ctx *ctx, const struct cur *m, size_t off,
    const char *pre)
{
	const uint8_t	*h;
	char		 a[DEC_ADDRSTRLEN];

	if ((h = icmp6_at(m, off, 16)) == NULL) {
		dec_trunc(ctx, "icmp6");
		return -1;
	}
	dec_ntop(6, h, a);
	dec_sum(ctx, "%s%s", pre, a);
	return 0;
}

/*
 * The destination port of the TCP or UDP header a quoted IPv6 packet
 * carries, past hop-by-hop, destination options, routing, first fragment
 * and AH headers (RFC 8200 4), as tcpdump 4.99's get_upperlayer finds it.
 * q: at the quoted IPv6 header.  The port and *proto (6 or 17), or -1
 * when not captured or another protocol comes first.
 */
static int
icmp6_port(struct cur *q, int *proto)
{
	int	nh, len, i;

	if ((nh = cur_peek_u8(q, 6)) == -1 || cur_skip(q, 40) == -1)
		return -1;
	for (i = 0; i < DEC_MAXLAYERS; i++) {
		if (nh == 6 || nh == 17) {
			*proto = nh;
			return cur_peek_u16(q, 2);
		}
		if (nh == 0 || nh == 60 || nh == 43)
			len = cur_peek_u8(q, 1) == -1 ? -1 :
			    (cur_peek_u8(q, 1) + 1) * 8;
		else if (nh == 44)
			len = cur_peek_u16(q, 2) == -1 ||
			    (cur_peek_u16(q, 2) & 0xfff8) != 0 ? -1 : 8;
		else if (nh == 51)
			len = cur_peek_u8(q, 1) == -1 ? -1 :
			    (cur_peek_u8(q, 1) + 2) * 4;
		else
			return -1;
		if (len == -1)
			return -1;
		nh = cur_peek_u8(q, 0);
		if (cur_skip(q, (size_t)len) == -1)
			return -1;
	}
	return -1;
}

/*
 * Parameter problem (RFC 4443 3.4, RFC 7112 code 3): the pointer, once
 * tcpdump has seen the quoted header's destination.  c: after the pointer.
 */
static void
icmp6_pprob(struct dec_ctx *ctx, int code, uint32_t ptr, struct cur *c)
{
	static const char *const what[] = { "erroneous", "next header",
	    "option", "incomplete header chain" };

	/* The quoted destination tested first (no GET_): -x from IP. */
	if (cur_peek(c, 40) == NULL) {
		c->trunc = 1;
		dec_trunc(ctx, "icmp6");
		ctx->gaveup = 0;
		return;
	}
	dec_fld(ctx, "pointer: %u", ptr);
	if (code < 4)
		dec_sum(ctx, ", %s - octet %u", what[code], ptr);
	else
		dec_sum(ctx, ", code-#%d", code);
}

/*
 * Router renumbering (RFC 2894 3): the code, the sequence number, and for
 * a command its match prefix and use prefixes, in tcpdump's words; -v
 * adds the flags and lifetimes.  c: after the sequence number.
 */
static void
icmp6_rr(struct dec_ctx *ctx, int code, uint32_t seq, struct cur *c)
{
	static const char *const codes[] = { ", command", ", result" };
	const uint8_t	*h;
	int		 v = ctx->opt->verbose;

	if ((h = cur_pull(c, 8)) == NULL)
		goto trunc;
	if (code < 2)
		dec_sum(ctx, "%s", codes[code]);
	else if (code == 255)
		dec_sum(ctx, ", sequence number reset");
	else
		dec_sum(ctx, ", code-#%d", code);
	dec_sum(ctx, ", seq=%u", seq);
	dec_fld(ctx, "sequence: %u, segment: %d", seq, h[0]);
	if (v) {
		dec_sum(ctx, "[");
		if (h[1])
			dec_sum(ctx, "%s%s%s%s%s,", h[1] & 0x80 ? "T" : "",
			    h[1] & 0x40 ? "R" : "", h[1] & 0x20 ? "A" : "",
			    h[1] & 0x10 ? "S" : "", h[1] & 0x08 ? "P" : "");
		dec_sum(ctx, "seg=%d,maxdelay=%d", h[0], h[2] << 8 | h[3]);
		if (h[4] | h[5] | h[6] | h[7])
			dec_sum(ctx, "rsvd=0x%x", cur_be32(&h[4]));
		dec_sum(ctx, "]");
	}
	if (code != 0 || icmp6_rrmatch(ctx, c) == 0)
		return;
trunc:
	c->trunc = 1;
	dec_trunc(ctx, "icmp6");
}

/*
 * A router renumbering command's match-prefix part and its use-prefix
 * parts.  c: after the 8-byte header.  Returns 0, or -1 when the packet
 * ends early or the match part's length (8-byte units) leaves a partial
 * use-prefix part.
 */
static int
icmp6_rrmatch(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const ops[] = { NULL, "add", "change",
	    "setglobal" };
	const uint8_t	*m, *u;
	int		 v = ctx->opt->verbose, n;

	/* Match-prefix part: code, length in 8-byte units, 16-byte prefix. */
	if ((m = cur_pull(c, 24)) == NULL)
		return -1;
	dec_sum(ctx, "%smatch(", v > 1 ? "\n\t" : " ");
	if (m[0] >= 1 && m[0] <= 3)
		dec_sum(ctx, "%s", ops[m[0]]);
	else
		dec_sum(ctx, "#%d", m[0]);
	if (v)
		dec_sum(ctx, ",ord=%d,min=%d,max=%d", m[2], m[4], m[5]);
	dec_sum(ctx, ",");
	icmp6_rrpfx(ctx, m + 8, m[3], -1, 0);
	dec_sum(ctx, ")");
	if ((n = m[1] - 3) % 4 != 0)
		return -1;
	for (n /= 4; n > 0; n--) {
		if ((u = cur_pull(c, 32)) == NULL)
			return -1;
		dec_sum(ctx, "%suse(", v > 1 ? "\n\t" : " ");
		if (u[12])
			dec_sum(ctx, "%s%s,", u[12] & 0x80 ? "V" : "",
			    u[12] & 0x40 ? "P" : "");
		if (v)
			icmp6_rrpfx(ctx, u, -1, -1, 1);
		icmp6_rrpfx(ctx, u + 16, u[0], u[1], 0);
		dec_sum(ctx, ")");
	}
	return 0;
}

/*
 * "prefix/len" (keep >= 0: "/keep" too); times: the use part's mask,
 * flags and lifetimes instead, "infty" for all ones.
 */
static void
icmp6_rrpfx(struct dec_ctx *ctx, const uint8_t *p, int len, int keep,
    int times)
{
	char		a[DEC_ADDRSTRLEN];
	uint32_t	t;
	int		i;

	if (times) {
		dec_sum(ctx, "mask=0x%x,raflags=0x%x,", p[2], p[3]);
		for (i = 0; i < 2; i++) {
			t = cur_be32(&p[4 + 4 * i]);
			if (t == 0xffffffff)
				dec_sum(ctx, "%s=infty,", i ? "pltime" :
				    "vltime");
			else
				dec_sum(ctx, "%s=%u,", i ? "pltime" : "vltime",
				    t);
		}
		return;
	}
	dec_ntop(6, p, a);
	dec_sum(ctx, "%s/%d", a, len);
	if (keep >= 0)
		dec_sum(ctx, "/%d", keep);
}
