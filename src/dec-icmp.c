/*
 * ICMP: the message name, echo id and sequence, and for ICMP errors the
 * quoted header's destination.  Type and code names: RFC 792, RFC 1256
 * (router discovery), RFC 950 (address mask).  ICMPv6 is dec-icmp6.c's.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define ICMP_MINLEN	4		/* type, code and checksum */

static void	icmp_format(struct dec_ctx *, struct cur *);
static int	icmp_words(struct dec_ctx *, int, int, struct cur *);
static int	icmp_unreach(struct dec_ctx *, int, struct cur *);
static int	icmp_redirect(struct dec_ctx *, int, struct cur *);
static int	icmp_radv(struct dec_ctx *, struct cur *);
static int	icmp_tstamp(struct dec_ctx *, struct cur *);
static void	icmp_quoted(struct dec_ctx *, struct cur *);
static const char *icmp_name(int);

/* The light parse checks type, code and checksum only. */
const struct dec_proto dec_icmp_proto = {
	.name = "icmp", .keys = { DEC_KEY(DEC_S_IP, 1) }, .id = DEC_P_ICMP,
	.minlen = ICMP_MINLEN, .format = icmp_format
};

static const char *
icmp_name(int type)
{
	switch (type) {
	case 0:		return "echo reply";
	case 3:		return "unreachable";
	case 4:		return "source quench";
	case 5:		return "redirect";
	case 8:		return "echo request";
	case 9:		return "router advertisement";
	case 10:	return "router solicitation";
	case 11:	return "time exceeded";
	case 12:	return "parameter problem";
	case 13:	return "time stamp request";
	case 14:	return "time stamp reply";
	case 15:	return "information request";
	case 16:	return "information reply";
	case 17:	return "address mask request";
	case 18:	return "address mask reply";
	/* 42 and 43, extended echo (RFC 8335): tcpdump 4.99 says type-#. */
	default:	return NULL;
	}
}

static void
icmp_format(struct dec_ctx *ctx, struct cur *c)
{
	const char	*name;
	struct cur	 m = *c;
	size_t		 mark;
	int		 type, code, sum, r;

	/*
	 * A cut type or code, or a cut field the words need: "[|icmp]"
	 * alone, as tcpdump's, which prints its words once all are read;
	 * it reads the checksum only to verify it (-v).
	 */
	dec_layer(ctx, "Internet Control Message Protocol");
	type = cur_u8(c);
	if ((code = cur_u8(c)) == -1) {
		dec_trunc(ctx, "icmp");
		return;
	}
	/* A cut checksum: nothing after it either. */
	if ((sum = cur_u16(c)) == -1)
		(void)cur_skip(c, cur_left(c));
	mark = ctx->out != NULL ? ctx->out->len : 0;
	dec_sum(ctx, "ICMP ");
	name = icmp_name(type);
	dec_fld(ctx, "type: %d (%s)", type, name != NULL ? name : "unknown");
	dec_fld(ctx, "code: %d", code);
	if (sum != -1)
		dec_fld(ctx, "checksum: 0x%04x", sum);
	if ((r = icmp_words(ctx, type, code, c)) < 0) {
		if (ctx->out != NULL && !ctx->tree)
			tbuf_truncate(ctx->out, mark);
		dec_trunc(ctx, "icmp");
		ctx->gaveup = r == -1;		/* -2: a test, no GET_ */
		return;
	}
	dec_sum(ctx, ", length %u", ctx->l4len);
	/* -v, -K or not; tcpdump does not check a first fragment's. */
	if (!ctx->morefrag && (r = dec_cksum_wrong(ctx, &m)) != -1)
		dec_sum(ctx, " (wrong icmp cksum %x (->%x)!)", sum, r);
	if (ctx->opt->verbose && ctx->out != NULL && !ctx->tree &&
	    (type == 3 || type == 4 || type == 5 || type == 11 || type == 12))
		icmp_quoted(ctx, c);
}

/*
 * The words after "ICMP ", by type, as tcpdump 4.99 prints them.  c: after
 * the checksum, not moved.  0; -1 when a field was not captured that
 * tcpdump reads with a GET_ macro (it gives up on the packet); -2 when it
 * tests the length first and stops.
 */
static int
icmp_words(struct dec_ctx *ctx, int type, int code, struct cur *c)
{
	const uint8_t	*h;
	struct cur	 q = *c;

	switch (type) {
	case 0:
	case 8:
	case 13:
		if ((h = cur_peek(&q, 4)) == NULL)
			return -1;
		dec_fld(ctx, "id: %d, seq: %d", h[0] << 8 | h[1],
		    h[2] << 8 | h[3]);
		if (type == 13)
			dec_sum(ctx, "time stamp query id %d seq %d",
			    h[0] << 8 | h[1], h[2] << 8 | h[3]);
		else
			dec_sum(ctx, "%s, id %d, seq %d", icmp_name(type),
			    h[0] << 8 | h[1], h[2] << 8 | h[3]);
		return 0;
	case 3:
		return icmp_unreach(ctx, code, c);
	case 5:
		return icmp_redirect(ctx, code, c);
	case 9:
		return icmp_radv(ctx, c);
	case 11:
		if (cur_peek(&q, 24) == NULL)
			return -2;
		if (code < 2)
			dec_sum(ctx, "%s", code == 0 ? "time exceeded in-transit" :
			    "ip reassembly time exceeded");
		else
			dec_sum(ctx, "time exceeded-#%d", code);
		return 0;
	case 12:
		if (code != 0)
			dec_sum(ctx, "parameter problem - code %d", code);
		else if ((h = cur_peek(&q, 1)) == NULL)
			return -1;
		else
			dec_sum(ctx, "parameter problem - octet %d", h[0]);
		return 0;
	case 14:
		return icmp_tstamp(ctx, c);
	case 18:
		if ((h = cur_peek(&q, 8)) == NULL)
			return -1;
		dec_sum(ctx, "address mask is 0x%08x", cur_be32(&h[4]));
		return 0;
	}
	if (icmp_name(type) != NULL)
		dec_sum(ctx, "%s", icmp_name(type));
	else
		dec_sum(ctx, "type-#%d", type);
	return 0;
}

/*
 * Redirect (RFC 792): the quoted destination and the gateway, "-tos" for
 * codes 2 and 3.  c: after the checksum.  0, or -1 when cut (GET_).
 */
static int
icmp_redirect(struct dec_ctx *ctx, int code, struct cur *c)
{
	const uint8_t	*h;
	char		 a[DEC_ADDRSTRLEN], g[DEC_ADDRSTRLEN];
	struct cur	 q = *c;

	if ((h = cur_peek(&q, 24)) == NULL)
		return -1;
	dec_ntop(4, &h[20], a);
	dec_ntop(4, h, g);
	dec_fld(ctx, "gateway: %s, quoted destination: %s", g, a);
	if (code < 4)
		dec_sum(ctx, "redirect%s %s to %s %s", code < 2 ? "" : "-tos",
		    a, code % 2 ? "host" : "net", g);
	else
		dec_sum(ctx, "redirect-#%d %s to %s", code, a, g);
	return 0;
}

/*
 * Router advertisement (RFC 1256 3): the lifetime as [h:]m:ss, the
 * address count, and each address with its preference when the entry
 * size is 2 words.  c: after the checksum.  0, or -2 when cut.
 */
static int
icmp_radv(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h, *e;
	char		 a[DEC_ADDRSTRLEN];
	struct cur	 q = *c;
	int		 n, life;

	if ((h = cur_pull(&q, 4)) == NULL)
		return -2;
	life = h[2] << 8 | h[3];
	dec_sum(ctx, "router advertisement lifetime ");
	if (life < 60)
		dec_sum(ctx, "%d", life);
	else if (life < 3600)
		dec_sum(ctx, "%d:%02d", life / 60, life % 60);
	else
		dec_sum(ctx, "%d:%02d:%02d", life / 3600, life % 3600 / 60,
		    life % 60);
	dec_sum(ctx, " %d:", h[0]);
	if (h[1] != 2) {
		dec_sum(ctx, " [size %d]", h[1]);
		return 0;
	}
	for (n = h[0]; n > 0; n--) {
		if ((e = cur_pull(&q, 8)) == NULL)
			return -2;
		dec_ntop(4, e, a);
		dec_sum(ctx, " {%s %u}", a, cur_be32(&e[4]));
	}
	return 0;
}

/*
 * Time stamp reply (RFC 792): id, sequence and the three times, which
 * tcpdump prints as milliseconds since midnight, hh:mm:ss.mmm (hours past
 * 23 when a time is larger; the high bit, RFC 792's non-standard time,
 * not set apart).  c: after the checksum.  0, or -2 when cut.
 */
static int
icmp_tstamp(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const what[] = { ": org", ", recv", ", xmit" };
	const uint8_t	*h;
	struct cur	 q = *c;
	uint32_t	 t;
	int		 i;

	if ((h = cur_peek(&q, 16)) == NULL)
		return -2;
	dec_fld(ctx, "id: %d, seq: %d", h[0] << 8 | h[1], h[2] << 8 | h[3]);
	dec_sum(ctx, "time stamp reply id %d seq %d", h[0] << 8 | h[1],
	    h[2] << 8 | h[3]);
	for (i = 0; i < 3; i++) {
		t = cur_be32(&h[4 + 4 * i]);
		dec_sum(ctx, "%s %02u:%02u:%02u.%03u", what[i],
		    t / 3600000, t / 60000 % 60, t / 1000 % 60, t % 1000);
	}
	return 0;
}

/*
 * tcpdump -v after an error: the quoted datagram on a line of its own,
 * decoded as a packet of the length its header claims (RFC 792).  c is
 * after the first four bytes.
 */
static void
icmp_quoted(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	q = *c;
	uint32_t	len = ctx->len;
	int		tlen;

	/* The line starts before the quoted length is read: " [|icmp]". */
	dec_sum(ctx, "\n\t");
	if (cur_skip(&q, 4) == -1 || (tlen = cur_peek_u16(&q, 2)) == -1) {
		dec_trunc(ctx, "icmp");
		return;
	}
	ctx->len = (uint32_t)cur_off(&q) + (uint32_t)tlen;
	dec_next(ctx, DEC_KEY(DEC_S_ETHER, 0x0800), &q);
	ctx->len = len;
}

/*
 * After "ICMP ": the quoted header's destination and what was
 * unreachable.  -1 when tcpdump, reading with a GET_ macro what was not
 * captured, gives up on the packet: the destination, or for port
 * unreachable the quoted port; -2 when the quoted protocol of a port
 * unreachable was not captured, which it tests first and stops at.
 */
/*
 * Unreachable codes (RFC 792, RFC 1122 3.2.2.1, RFC 1812 5.2.7.1) as
 * tcpdump 4.99 prints them: a scope before the quoted destination and a
 * reason after "unreachable".  Codes 2 to 4 are printed apart.
 */
static const struct {
	const char	*scope;
	const char	*why;
} icmp_unreach_what[] = {
	{ "net ", "" },
	{ "host ", "" },
	{ "", "" },
	{ "", "" },
	{ "", " - need to frag" },
	{ "", " - source route failed" },
	{ "net ", " - unknown" },
	{ "host ", " - unknown" },
	{ "", " - source host isolated" },
	{ "net ", " - admin prohibited" },
	{ "host ", " - admin prohibited" },
	{ "net ", " - tos prohibited" },
	{ "host ", " - tos prohibited" },
	{ "host ", " - admin prohibited filter" },
	{ "host ", " - host precedence violation" },
	{ "host ", " - precedence cutoff" },
};

static int
icmp_unreach(struct dec_ctx *ctx, int code, struct cur *c)
{
	const uint8_t	*ip;
	struct cur	 q = *c;
	char		 a[DEC_ADDRSTRLEN];
	int		 port, mtu;

	if (cur_skip(&q, 4) == -1 || cur_peek(&q, code != 3 ? 20 : 10) == NULL)
		return code != 3 ? -1 : -2;
	if (code == 3 && cur_peek(&q, (size_t)(cur_peek_u8(&q, 0) & 0xf) * 4 +
	    4) == NULL)
		return -1;
	q = *c;
	if (cur_skip(&q, 4) == -1 || (ip = cur_pull(&q, 20)) == NULL ||
	    ip[0] >> 4 != 4) {
		dec_sum(ctx, "unreachable, code %d", code);
		return 0;
	}
	dec_ntop(4, &ip[16], a);
	dec_fld(ctx, "quoted destination: %s, protocol %d", a, ip[9]);
	if (code == 2)
		dec_sum(ctx, "%s protocol %d unreachable", a, ip[9]);
	else if (code == 3) {
		if (cur_skip(&q, (size_t)(ip[0] & 0xf) * 4 - 20) == -1 ||
		    cur_skip(&q, 2) == -1 || (port = cur_u16(&q)) == -1)
			dec_sum(ctx, "%s port unreachable", a);
		else if (ip[9] == 6 || ip[9] == 17)
			dec_sum(ctx, "%s %s port %d unreachable", a,
			    ip[9] == 6 ? "tcp" : "udp", port);
		else
			dec_sum(ctx, "%s protocol %d port %d unreachable", a,
			    ip[9], port);
	} else if (code == 4 && (mtu = cur_peek_u16(c, 2)) > 0)
		dec_sum(ctx, "%s unreachable - need to frag (mtu %d)", a, mtu);
	else if (code < (int)(sizeof(icmp_unreach_what) /
	    sizeof(icmp_unreach_what[0])))
		dec_sum(ctx, "%s%s unreachable%s",
		    icmp_unreach_what[code].scope, a,
		    icmp_unreach_what[code].why);
	else
		dec_sum(ctx, "%s unreachable - #%d", a, code);
	return 0;
}
