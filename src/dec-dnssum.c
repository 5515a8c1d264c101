/*
 * The DNS summary line as tcpdump 4.99 prints it (print-domain.c,
 * domain_print, ns_rprint, fqdn_print): a query's questions, a
 * response's answers, -v the owner names, -vv the question of a response
 * and the authority and additional records; classes, mDNS's QU/QM and
 * cache-flush bits, SOA, MX, SRV, TXT, EDNS options.  Cut, it stops at
 * the first field it cannot read whole (a name at its captured part) and
 * prints " [|domain]".  Labels go through tbuf_vis(), as tcpdump's
 * nd_printn().  RFC 1035, RFC 6891 (EDNS), RFC 6762 (mDNS), RFC 7873
 * (BADCOOKIE).  The header, the tree, LLMNR and NBNS are in dec-dns.c;
 * names and RR type names in dec-dnsname.c; the OPT record's options in
 * dec-edns.c.
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define DNS_MAXTREE	32		/* records walked for the rcode */
#define DNS_TRUNC	DEC_DNS_TRUNC
#define DNS_BAD		DEC_DNS_BAD
#define DNS_END		(-3)		/* a record's fixed part cut: tcpdump
					   skips to the end, no marker */

/* One summary line being written, as tcpdump's domain_print. */
struct dns_p {
	struct tbuf	 *tb;
	const struct cur *msg;		/* the message, for pointers */
	int		  mdns;		/* UDP 5353: class top bits are flags */
	int		  v;		/* number of -v */
};

static int	dns_sumq(struct dns_p *, struct cur *, struct dec_dns_hdr *);
static int	dns_sumr(struct dns_p *, struct cur *, struct dec_dns_hdr *);
static int	dns_section(struct dns_p *, struct cur *, int *,
		    const char *);
static void	dns_past(struct cur *, size_t);
static int	dns_at(const struct dns_p *, const struct cur *, size_t,
		    struct cur *);
static void	dns_tname(struct tbuf *, int);
static void	dns_class(struct tbuf *, int);
static int	dns_q(struct dns_p *, struct cur *);
static int	dns_r(struct dns_p *, struct cur *);
static int	dns_rd(struct dns_p *, struct cur *, int, int);
static int	dns_txt(struct dns_p *, struct cur *, size_t);
static void	dns_ttl(struct tbuf *, int64_t);
static int	dns_xrcode(const struct cur *, struct cur,
		    const struct dec_dns_hdr *);

/* tcpdump's words; 17 and 21 lack its space there too (print-domain.c). */
static const char *const dns_rcodes[24] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused",
	" YXDomain", " YXRRSet", " NXRRSet", " NotAuth", " NotZone",
	" Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21",
	" Resp22", " BadCookie"
};
static const char *const dns_ops[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA",
	" zoneInit", " zoneRef"
};

/*
 * tcpdump's one line (print-domain.c, domain_print): "id+ [1au] A? name.
 * (len)" for a query, "id*- q: A? name. 1/0/0 name. A addr (len)" for a
 * response, -v adding the owner names, -vv the question of a response and
 * the other sections.  Cut, it stops at the first field it cannot read
 * whole, a name at its captured part, and prints " [|domain]".
 */
void
dec_dns_sum(struct dec_ctx *ctx, const struct cur *msg, struct cur *c,
    const struct dec_dns_hdr *h)
{
	struct dns_p	d;
	struct dec_dns_hdr	n = *h;
	int		r;

	d.tb = ctx->out;
	d.msg = msg;
	/* tcpdump tries port 53 first, then 5353. */
	d.mdns = ctx->sport != 53 && ctx->dport != 53 &&
	    (ctx->sport == 5353 || ctx->dport == 5353);
	d.v = ctx->opt->verbose;
	tbuf_printf(d.tb, "%d%s", h->id, dns_ops[h->flags >> 11 & 0xf]);
	if (!(h->flags & 0x8000))
		r = dns_sumq(&d, c, &n);
	else
		r = dns_sumr(&d, c, &n);
	if (r == DNS_TRUNC || r == DNS_BAD) {
		dec_trunc(ctx, "domain");
		return;
	}
	tbuf_printf(d.tb, " (%u)", ctx->l4len);
}

/* A query's flags, unexpected counts, questions; -vv the other records. */
static int
dns_sumq(struct dns_p *d, struct cur *c, struct dec_dns_hdr *h)
{
	struct tbuf	*tb = d->tb;
	int		 r;

	/* RD, CD, then flags a query should not have, as tcpdump. */
	tbuf_printf(tb, "%s%s", h->flags & 0x0100 ? "+" : "",
	    h->flags & 0x0010 ? "%" : "");
	if (h->flags & 0x6cf)
		tbuf_printf(tb, " [b2&3=0x%x]", h->flags);
	if ((h->flags >> 11 & 0xf) == 1) {	/* inverse query */
		if (h->qd != 0)
			tbuf_printf(tb, " [%dq]", h->qd);
		if (h->an != 1)
			tbuf_printf(tb, " [%da]", h->an);
	} else {
		if (h->an != 0)
			tbuf_printf(tb, " [%da]", h->an);
		if (h->qd != 1)
			tbuf_printf(tb, " [%dq]", h->qd);
	}
	if (h->ns != 0)
		tbuf_printf(tb, " [%dn]", h->ns);
	if (h->ar != 0)
		tbuf_printf(tb, " [%dau]", h->ar);
	if (h->qd > 0) {
		do {
			if ((r = dns_q(d, c)) != 0)
				return r;
		} while (--h->qd > 0 && cur_left(c) > 0);
	}
	if (h->qd > 0)
		return DNS_TRUNC;
	if (d->v < 2)
		return 0;
	if ((r = dns_section(d, c, &h->an, "")) != 0 ||
	    (r = dns_section(d, c, &h->ns, " ns:")) != 0)
		return r;
	return dns_section(d, c, &h->ar, " ar:");
}

/* A response's rcode, flags, counts and answers; -vv all of it. */
static int
dns_sumr(struct dns_p *d, struct cur *c, struct dec_dns_hdr *h)
{
	struct tbuf	*tb = d->tb;
	int		 i, rc, r;

	rc = dns_xrcode(d->msg, *c, h);
	if (rc < 24)
		tbuf_puts(tb, dns_rcodes[rc]);
	else
		tbuf_printf(tb, " Resp%d", rc);
	tbuf_printf(tb, "%s%s%s%s", h->flags & 0x0400 ? "*" : "",
	    h->flags & 0x0080 ? "" : "-", h->flags & 0x0200 ? "|" : "",
	    h->flags & 0x0020 ? "$" : "");
	if (h->qd != 1)
		tbuf_printf(tb, " [%dq]", h->qd);
	for (i = 0; i < h->qd; i++) {
		if (i != 0)
			tbuf_putc(tb, ',');
		if (d->v > 1) {
			tbuf_puts(tb, " q:");
			if ((r = dns_q(d, c)) != 0)
				return r;
		} else if (dec_dns_skip(c) == -1)
			return DNS_TRUNC;
		else
			dns_past(c, 4);
	}
	tbuf_printf(tb, " %d/%d/%d", h->an, h->ns, h->ar);
	if ((r = dns_section(d, c, &h->an, "")) != 0 || d->v < 2)
		return r;
	if ((r = dns_section(d, c, &h->ns, " ns:")) != 0)
		return r;
	return dns_section(d, c, &h->ar, " ar:");
}

/*
 * *n records, after the label when there is one, separated by commas;
 * what is left when the capture ends is cut.  The answers of a response
 * are printed without the first look at the capture's end (tcpdump).
 */
static int
dns_section(struct dns_p *d, struct cur *c, int *n, const char *label)
{
	int	r;

	if (*n > 0 && (*label == '\0' || cur_left(c) > 0)) {
		tbuf_puts(d->tb, label);
		do {
			if ((r = dns_r(d, c)) == DNS_END)
				dns_past(c, cur_left(c));
			else if (r != 0)
				return r;
		} while (--*n > 0 && cur_left(c) > 0 &&
		    (tbuf_putc(d->tb, ','), 1));
	}
	return *n > 0 ? DNS_TRUNC : 0;
}

/* n bytes on, or to the end of the capture when fewer were captured. */
static void
dns_past(struct cur *c, size_t n)
{
	if (cur_skip(c, n) == -1)
		cur_skip(c, cur_left(c));
}

/*
 * A cursor skip bytes after at that ends where the capture does, not at
 * the record's length (tcpdump reads names in RDATA so); -1 when cut.
 */
static int
dns_at(const struct dns_p *d, const struct cur *at, size_t skip,
    struct cur *out)
{
	return cur_seek(d->msg, cur_off(at) - cur_off(d->msg) + skip, out);
}

/* " A", " Type65": tcpdump's names (ns_type2str). */
static void
dns_tname(struct tbuf *tb, int type)
{
	const char	*tn;

	if ((tn = dec_dns_type(type)) != NULL)
		tbuf_printf(tb, " %s", tn);
	else
		tbuf_printf(tb, " Type%d", type);
}

/* A class other than IN. */
static void
dns_class(struct tbuf *tb, int cls)
{
	switch (cls) {
	case 3:		tbuf_puts(tb, " CHAOS"); break;
	case 4:		tbuf_puts(tb, " HS"); break;
	case 255:	tbuf_puts(tb, " ANY"); break;
	default:	tbuf_printf(tb, " (Class %d)", cls); break;
	}
}

/* tcpdump's ns_qprint: " A? name.", whole or not at all (but the name). */
static int
dns_q(struct dns_p *d, struct cur *c)
{
	struct cur	np = *c;
	int		type, cls, k;

	if (dec_dns_skip(c) == -1 || (type = cur_u16(c)) == -1 ||
	    (cls = cur_u16(c)) == -1)
		return DNS_TRUNC;
	dns_tname(d->tb, type);
	k = d->mdns ? cls & 0x7fff : cls;
	if (k != 1)
		dns_class(d->tb, k);
	if (d->mdns)
		tbuf_puts(d->tb, cls & 0x8000 ? " (QU)" : " (QM)");
	tbuf_puts(d->tb, "? ");
	return dec_dns_name(d->msg, &np, d->tb);
}

/* tcpdump's ns_rprint: [-v: " name."] " A 1.2.3.4"; c moves past it. */
static int
dns_r(struct dns_p *d, struct cur *c)
{
	struct tbuf	*tb = d->tb;
	struct cur	 rd;
	int		 r, type, cls, k, len, oflags = 0;
	int64_t		 ttl;

	if (d->v) {
		tbuf_putc(tb, ' ');
		if ((r = dec_dns_name(d->msg, c, tb)) != 0)
			return r;
	} else if (dec_dns_skip(c) == -1)
		return DNS_END;
	if (cur_left(c) < 10)
		return DNS_END;
	type = cur_u16(c);
	cls = cur_u16(c);
	k = d->mdns ? cls & 0x7fff : cls;
	if (k != 1 && type != 41)
		dns_class(tb, k);
	if (d->mdns && (cls & 0x8000))
		tbuf_puts(tb, " (Cache flush)");
	if (type == 41) {
		cur_skip(c, 2);
		oflags = cur_u16(c);
	} else if ((ttl = cur_u32(c)) != -1 && d->v > 2)
		dns_ttl(tb, ttl);
	len = cur_u16(c);
	dns_tname(tb, type);
	if (cur_sub(c, (size_t)len, &rd))
		return DNS_TRUNC;
	if (type == 41) {
		tbuf_printf(tb, " UDPsize=%d%s", k, oflags & 0x8000 ? " DO" :
		    "");
		return dec_edns_opts(tb, &rd) == 0 ? 0 : DNS_TRUNC;
	}
	return dns_rd(d, &rd, type, len);
}

/* The RDATA tcpdump prints; rd covers the record's length. */
static int
dns_rd(struct dns_p *d, struct cur *rd, int type, int len)
{
	struct tbuf	*tb = d->tb;
	struct cur	 nc;
	const uint8_t	*a;
	char		 s[DEC_ADDRSTRLEN];
	int		 i;

	switch (type) {
	case 1:
	case 28:
		if (dns_at(d, rd, 0, &nc) == -1 ||
		    (a = cur_pull(&nc, type == 1 ? 4 : 16)) == NULL)
			return DNS_TRUNC;
		dec_ntop(type == 1 ? 4 : 6, a, s);
		tbuf_printf(tb, " %s", s);
		return 0;
	case 2: case 5: case 12: case 39:
		tbuf_putc(tb, ' ');
		if (dns_at(d, rd, 0, &nc) == -1)
			return DNS_TRUNC;
		return dec_dns_name(d->msg, &nc, tb);
	case 6:
		if (!d->v)
			return 0;
		if (dns_at(d, rd, 0, &nc) == -1)
			return DNS_TRUNC;
		for (i = 0; i < 2; i++) {
			tbuf_putc(tb, ' ');
			if (dec_dns_name(d->msg, &nc, tb) != 0)
				return DNS_TRUNC;
		}
		if (cur_left(&nc) < 20)
			return DNS_TRUNC;
		for (i = 0; i < 5; i++)
			tbuf_printf(tb, " %lld", (long long)cur_u32(&nc));
		return 0;
	case 15:
	case 33:
		tbuf_putc(tb, ' ');
		if (dns_at(d, rd, 0, &nc) == -1 ||
		    cur_left(&nc) < (type == 15 ? 2u : 6u))
			return DNS_TRUNC;
		a = cur_pull(&nc, type == 15 ? 2 : 6);
		if (dec_dns_name(d->msg, &nc, tb) != 0)
			return DNS_TRUNC;
		if (type == 15)
			tbuf_printf(tb, " %d", a[0] << 8 | a[1]);
		else
			tbuf_printf(tb, ":%d %d %d", a[4] << 8 | a[5],
			    a[0] << 8 | a[1], a[2] << 8 | a[3]);
		return 0;
	case 16:
		return dns_txt(d, rd, (size_t)len);
	default:
		return 0;
	}
}

/* TXT: each string quoted, read to the capture's end as tcpdump does. */
static int
dns_txt(struct dns_p *d, struct cur *rd, size_t len)
{
	struct cur	 nc;
	const uint8_t	*a;
	size_t		 done = 0, n, got;

	if (dns_at(d, rd, 0, &nc) == -1)
		return DNS_TRUNC;
	while (done < len) {
		tbuf_puts(d->tb, " \"");
		if ((n = (size_t)cur_u8(&nc)) == (size_t)-1)
			return DNS_TRUNC;
		got = n < cur_left(&nc) ? n : cur_left(&nc);
		a = cur_pull(&nc, got);
		tbuf_vis(d->tb, a, got);
		if (got < n)
			return DNS_TRUNC;
		tbuf_putc(d->tb, '"');
		done += n + 1;
	}
	return 0;
}

/* -vvv: " [1h2m3s]". */
static void
dns_ttl(struct tbuf *tb, int64_t t)
{
	tbuf_puts(tb, " [");
	dec_relts(tb, t);
	tbuf_putc(tb, ']');
}

/*
 * The response code, extended by the OPT record's high eight bits when
 * there is one (RFC 6891 6.1.3): BADCOOKIE (23, RFC 7873) is 7 in the
 * header.  c is after the header; the walk stops where the capture does.
 */
static int
dns_xrcode(const struct cur *msg, struct cur c, const struct dec_dns_hdr *h)
{
	int	i, type, rdlen, x, rc = h->flags & 0xf;

	/* No additional record, no OPT: no second walk of the message. */
	if (h->ar == 0)
		return rc;
	for (i = 0; i < h->qd && i < DNS_MAXTREE; i++)
		if (dec_dns_skip(&c) != 0 || cur_skip(&c, 4) == -1)
			return rc;
	for (i = 0; i < h->an + h->ns + h->ar && i < 3 * DNS_MAXTREE; i++) {
		if (dec_dns_skip(&c) != 0 || (type = cur_u16(&c)) == -1)
			return rc;
		if (type == 41 && i >= h->an + h->ns) {
			/* CLASS: UDP size; TTL byte 1: the rcode's top. */
			cur_skip(&c, 2);
			return (x = cur_u8(&c)) == -1 ? rc : rc | x << 4;
		}
		if (cur_skip(&c, 6) == -1 || (rdlen = cur_u16(&c)) == -1 ||
		    cur_skip(&c, (size_t)rdlen) == -1)
			return rc;
	}
	return rc;
}
