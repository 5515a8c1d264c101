/*
 * DNS over UDP (ports 53 and 5353): the header, the questions of a query,
 * the answers of a response, as tcpdump prints them.  Names are
 * followed through compression pointers at most DNS_MAXHOPS times, so a
 * pointer loop ends; every label goes through tbuf_esc().  RFC 1035,
 * RFC 6891 (EDNS: the extended rcode in OPT), RFC 7873 (BADCOOKIE).
 * LLMNR (UDP 5355, RFC 4795) and NetBIOS name service (UDP 137, RFC
 * 1002 4.2) get what tcpdump 4.99 prints ("UDP, length N": its Debian
 * build has no SMB printer and no LLMNR) and then a zbtop addition,
 * " {LLMNR <the DNS summary>}" and " {NBNS <op> NAME<suffix> [addr]}".
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define DNS_HDRLEN	12
#define DNS_MAXHOPS	16		/* compression pointers per name */
#define DNS_MAXLABELS	128		/* a 255-byte name has fewer */
#define DNS_MAXTREE	32		/* records in a tree */
#define DNS_TRUNC	(-1)
#define DNS_BAD		(-2)


static void	dns_format(struct dec_ctx *, struct cur *);
static int	dns_name(const struct cur *, struct cur *, struct tbuf *);
static void	dns_rdname(const struct cur *, struct cur *, struct tbuf *);
static int	dns_question(const struct cur *, struct cur *, struct tbuf *);
static int	dns_rr(const struct cur *, struct cur *, struct tbuf *, int);
static void	dns_rdata(const struct cur *, struct cur *, int,
		    struct tbuf *);
static void	dns_tree(struct dec_ctx *, const struct cur *, struct cur *,
		    const struct dec_dns_hdr *);
static void	dns_err(struct dec_ctx *, int);
static int	dns_hdr(struct cur *, struct dec_dns_hdr *);
static void	llmnr_format(struct dec_ctx *, struct cur *);
static void	nbns_format(struct dec_ctx *, struct cur *);
static int	nbns_name(struct cur *, struct tbuf *);
static int	nbns_body(const struct cur *, struct cur *, struct tbuf *,
		    const struct dec_dns_hdr *);

/* Unicast and multicast DNS; the light parse checks the header only. */
const struct dec_proto dec_dns_proto = {
	.name = "domain",
	.keys = { DEC_KEY(DEC_S_PORT, 53), DEC_KEY(DEC_S_PORT, 5353) },
	.id = DEC_P_DNS, .minlen = DNS_HDRLEN, .format = dns_format
};
const struct dec_proto dec_llmnr_proto = {
	.name = "llmnr", .keys = { DEC_KEY(DEC_S_PORT, 5355) }, .id = DEC_P_DNS,
	.minlen = DNS_HDRLEN, .format = llmnr_format
};
const struct dec_proto dec_nbns_proto = {
	.name = "nbns", .keys = { DEC_KEY(DEC_S_PORT, 137) }, .id = DEC_P_OTHER,
	.minlen = DNS_HDRLEN, .format = nbns_format
};

/*
 * Read the name at c, moving c past it; write it escaped to tb unless tb
 * is NULL.  Pointers are offsets from the start of msg.
 */
static int
dns_name(const struct cur *msg, struct cur *c, struct tbuf *tb)
{
	const uint8_t	*lab;
	struct cur	 p, *r = c;
	int		 len, lo, hops = 0, n = 0;

	for (;;) {
		if ((len = cur_u8(r)) == -1)
			return DNS_TRUNC;
		if (len == 0)
			break;
		if ((len & 0xc0) == 0xc0) {
			if ((lo = cur_u8(r)) == -1)
				return DNS_TRUNC;
			if (++hops > DNS_MAXHOPS ||
			    cur_seek(msg, (size_t)((len & 0x3f) << 8 | lo),
			    &p) == -1)
				return DNS_BAD;
			r = &p;
			continue;
		}
		if ((len & 0xc0) != 0 || ++n > DNS_MAXLABELS)
			return DNS_BAD;
		if ((lab = cur_pull(r, (size_t)len)) == NULL)
			return DNS_TRUNC;
		if (tb != NULL) {
			tbuf_esc(tb, lab, (size_t)len);
			tbuf_putc(tb, '.');
		}
	}
	if (n == 0 && tb != NULL)
		tbuf_putc(tb, '.');
	return 0;
}

/* A name in record data, after a space; "[|domain]" where it is cut. */
static void
dns_rdname(const struct cur *msg, struct cur *rd, struct tbuf *tb)
{
	tbuf_putc(tb, ' ');
	if (dns_name(msg, rd, tb) != 0)
		tbuf_puts(tb, "[|domain]");
}

/* "A? name." */
static int
dns_question(const struct cur *msg, struct cur *c, struct tbuf *tb)
{
	struct cur	q = *c;
	const char	*tn;
	int		 r, type;

	if ((r = dns_name(msg, &q, NULL)) != 0)
		return r;
	if ((type = cur_u16(&q)) == -1)
		return DNS_TRUNC;
	if ((tn = dec_dns_type(type)) != NULL)
		tbuf_printf(tb, "%s? ", tn);
	else
		tbuf_printf(tb, "Type%d? ", type);
	dns_name(msg, c, tb);
	cur_skip(c, 4);
	return 0;
}

/*
 * One resource record; full adds the owner name, class and TTL (tree).
 * Returns 0, DNS_TRUNC or DNS_BAD.
 */
static int
dns_rr(const struct cur *msg, struct cur *c, struct tbuf *tb, int full)
{
	struct cur	 rd;
	const char	*tn;
	int		 r, type, cls, rdlen;
	int64_t		 ttl;

	if ((r = dns_name(msg, c, full ? tb : NULL)) != 0)
		return r;
	type = cur_u16(c);
	cls = cur_u16(c);
	ttl = cur_u32(c);
	if ((rdlen = cur_u16(c)) == -1)
		return DNS_TRUNC;
	if (cur_sub(c, (size_t)rdlen, &rd))
		return DNS_TRUNC;
	if (full)
		tbuf_puts(tb, " ");
	if ((tn = dec_dns_type(type)) != NULL)
		tbuf_puts(tb, tn);
	else
		tbuf_printf(tb, "Type%d", type);
	if (full)
		tbuf_printf(tb, " class %d ttl %lld", cls, (long long)ttl);
	dns_rdata(msg, &rd, type, tb);
	return 0;
}

static void
dns_rdata(const struct cur *msg, struct cur *rd, int type, struct tbuf *tb)
{
	const uint8_t	*a;
	char		 s[DEC_ADDRSTRLEN];
	int		 n, pref, port;

	switch (type) {
	case 1:
	case 28:
		if ((a = cur_pull(rd, type == 1 ? 4 : 16)) == NULL)
			break;
		dec_ntop(type == 1 ? 4 : 6, a, s);
		tbuf_printf(tb, " %s", s);
		break;
	case 2: case 5: case 12:
		dns_rdname(msg, rd, tb);
		break;
	case 15:
		pref = cur_u16(rd);
		dns_rdname(msg, rd, tb);
		tbuf_printf(tb, " %d", pref);
		break;
	case 33:
		cur_skip(rd, 4);
		port = cur_u16(rd);
		dns_rdname(msg, rd, tb);
		tbuf_printf(tb, ":%d", port);
		break;
	case 16:
		if ((n = cur_u8(rd)) == -1 ||
		    (a = cur_pull(rd, (size_t)n)) == NULL)
			break;
		tbuf_puts(tb, " \"");
		tbuf_esc(tb, a, (size_t)n);
		tbuf_puts(tb, "\"");
		break;
	default:
		break;
	}
}

static void
dns_err(struct dec_ctx *ctx, int r)
{
	if (r == DNS_BAD)
		dec_bad(ctx, "domain name");
	else
		dec_trunc(ctx, "domain");
}


static void
dns_tree(struct dec_ctx *ctx, const struct cur *msg, struct cur *c,
    const struct dec_dns_hdr *h)
{
	struct tbuf	*tb;
	const char	*sect;
	int		 i, n, r = 0;

	dec_fld(ctx, "id: %d", h->id);
	dec_fld(ctx, "flags: 0x%04x (%s, opcode %d, rcode %d%s%s%s%s)",
	    h->flags, h->flags & 0x8000 ? "response" : "query",
	    h->flags >> 11 & 0xf, h->flags & 0xf,
	    h->flags & 0x0400 ? ", AA" : "", h->flags & 0x0200 ? ", TC" : "",
	    h->flags & 0x0100 ? ", RD" : "", h->flags & 0x0080 ? ", RA" : "");
	dec_fld(ctx, "questions: %d, answers: %d, authority: %d, "
	    "additional: %d", h->qd, h->an, h->ns, h->ar);
	for (i = 0; i < h->qd && i < DNS_MAXTREE && r == 0; i++) {
		tb = dec_line(ctx);
		tbuf_puts(tb, "question: ");
		r = dns_question(msg, c, tb);
		dec_endline(ctx);
	}
	n = h->an + h->ns + h->ar;
	for (i = 0; i < n && i < DNS_MAXTREE && r == 0; i++) {
		sect = i < h->an ? "answer" : i < h->an + h->ns ?
		    "authority" : "additional";
		tb = dec_line(ctx);
		tbuf_printf(tb, "%s: ", sect);
		r = dns_rr(msg, c, tb, 1);
		dec_endline(ctx);
	}
	if (r != 0)
		dns_err(ctx, r);
}

/* The 12-byte header (RFC 1035 4.1.1, RFC 1002 4.2.1.1); -1 when cut. */
static int
dns_hdr(struct cur *c, struct dec_dns_hdr *h)
{
	h->id = cur_u16(c);
	h->flags = cur_u16(c);
	h->qd = cur_u16(c);
	h->an = cur_u16(c);
	h->ns = cur_u16(c);
	if ((h->ar = cur_u16(c)) == -1) {
		h->flags = -1;
		return -1;
	}
	return 0;
}

static void
dns_format(struct dec_ctx *ctx, struct cur *c)
{
	struct dec_dns_hdr	h;
	struct cur	msg = *c;

	dec_layer(ctx, "Domain Name System");
	if (ctx->l4len < DNS_HDRLEN) {
		/* Too short on the wire, not cut by the capture: tcpdump's. */
		dec_sum(ctx, "domain [length %u < %d] (invalid)", ctx->l4len,
		    DNS_HDRLEN);
		return;
	}
	if (dns_hdr(c, &h) == -1) {
		dec_trunc(ctx, "domain");
		return;
	}
	if (ctx->tree)
		dns_tree(ctx, &msg, c, &h);
	else
		dec_dns_sum(ctx, &msg, c, &h);
}

static void
llmnr_format(struct dec_ctx *ctx, struct cur *c)
{
	dec_sum(ctx, "UDP, length ");
	dec_sumu(ctx, ctx->l4len);
	if (ctx->tree) {
		dns_format(ctx, c);	/* the DNS layer says it all */
		return;
	}
	dec_add_begin(ctx, "LLMNR");
	dec_sum(ctx, " ");
	dns_format(ctx, c);
	dec_add_end(ctx);
}

/*
 * A NetBIOS name: one 32-byte label of half-bytes as letters 'A' to 'P'
 * (RFC 1001 14.1), then the scope's labels.  Writes "NAME<xx>", the
 * padding left out; -1 when cut or not so encoded.
 */
static int
nbns_name(struct cur *c, struct tbuf *tb)
{
	const uint8_t	*l;
	uint8_t		 n[16];
	int		 i, end;

	if (cur_u8(c) != 32 || (l = cur_pull(c, 32)) == NULL)
		return -1;
	for (i = 0; i < 16; i++) {
		if (l[2 * i] < 'A' || l[2 * i] > 'P' ||
		    l[2 * i + 1] < 'A' || l[2 * i + 1] > 'P')
			return -1;
		n[i] = (uint8_t)((l[2 * i] - 'A') << 4 | (l[2 * i + 1] - 'A'));
	}
	for (end = 15; end > 0 && (n[end - 1] == ' ' || n[end - 1] == 0);
	    end--)
		;
	tbuf_esc(tb, n, (size_t)end);
	tbuf_printf(tb, "<%02x>", n[15]);
	/* The scope: labels to a root or a compression pointer. */
	return dec_dns_skip(c);
}

static void
nbns_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const ops[16] = { "query", NULL, NULL, NULL,
	    NULL, "registration", "release", "wack", "refresh", "refresh",
	    NULL, NULL, NULL, NULL, NULL, "multihomed-registration" };
	struct tbuf	*tb = ctx->out;
	struct dec_dns_hdr	 h;
	struct cur	 msg = *c;
	int		 op;

	dec_sum(ctx, "UDP, length ");
	dec_sumu(ctx, ctx->l4len);
	if (tb == NULL)
		return;
	dec_add_begin(ctx, "NBNS");
	if (dns_hdr(c, &h) == 0) {
		op = h.flags >> 11 & 0xf;
		if (ops[op] != NULL)
			tbuf_printf(tb, " %s", ops[op]);
		else
			tbuf_printf(tb, " opcode-%d", op);
		if (h.flags & 0x8000)
			tbuf_puts(tb, " response");
		if (h.flags & 0xf)
			tbuf_printf(tb, " rcode=%d", h.flags & 0xf);
		if (h.flags & 0x0010)
			tbuf_puts(tb, " broadcast");
	}
	if (h.flags == -1 || nbns_body(&msg, c, tb, &h) == -1)
		tbuf_puts(tb, tb->s[tb->len - 1] == ' ' ? "[|nbns]" :
		    " [|nbns]");
	dec_add_end(ctx);
}

/*
 * " NAME<xx>" of the question, else of the first record, and the first
 * record's address (TTL, RDLENGTH, NB_FLAGS, NB_ADDRESS: RFC 1002
 * 4.2.2); -1 when cut.
 */
static int
nbns_body(const struct cur *msg, struct cur *c, struct tbuf *tb,
    const struct dec_dns_hdr *h)
{
	const uint8_t	*a;
	int		 type, rdlen, rrs = h->an + h->ns + h->ar;

	tbuf_putc(tb, ' ');
	if (h->qd + rrs == 0 || nbns_name(c, tb) == -1 ||
	    (type = cur_u16(c)) == -1 || cur_skip(c, 2) == -1)
		return -1;
	if (type == 0x21)
		tbuf_puts(tb, " NBSTAT");
	if (h->qd > 0 && rrs > 0 && (dns_name(msg, c, NULL) != 0 ||
	    (type = cur_u16(c)) == -1 || cur_skip(c, 2) == -1))
		return -1;
	if (h->qd > 0 && rrs == 0)
		return 0;
	if (cur_skip(c, 4) == -1 || (rdlen = cur_u16(c)) == -1)
		return -1;
	if (type == 0x20 && rdlen >= 6 && cur_skip(c, 2) == 0 &&
	    (a = cur_pull(c, 4)) != NULL) {
		tbuf_putc(tb, ' ');
		tbuf_ip4(tb, a);
	}
	return 0;
}
