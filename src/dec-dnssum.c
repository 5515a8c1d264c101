/*
 * The DNS summary line as tcpdump 4.99 prints it (print-domain.c,
 * domain_print, ns_rprint, fqdn_print): a query's questions, a
 * response's answers, -v the owner names, -vv the question of a response
 * and the authority and additional records; classes, mDNS's QU/QM and
 * cache-flush bits, SOA, MX, SRV, TXT, EDNS options.  Cut, it stops at
 * the first field it cannot read whole (a name at its captured part) and
 * prints " [|domain]".  Labels go through tbuf_vis(), as tcpdump's
 * nd_printn().  RFC 1035, RFC 6891 (EDNS), RFC 6762 (mDNS), RFC 7871
 * (client subnet), RFC 6975 (algorithms), RFC 7873 (BADCOOKIE).  The
 * header, the tree, LLMNR and NBNS are in dec-dns.c.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define DNS_MAXNAME	255		/* characters tcpdump prints of a name */
#define DNS_MAXTREE	32		/* records walked for the rcode */
#define DNS_TRUNC	(-1)
#define DNS_BAD		(-2)
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
static int	dns_opt(struct dns_p *, struct cur *);
static void	dns_algs(struct tbuf *, int, const uint8_t *, int);
static void	dns_ecs(struct tbuf *, const uint8_t *, int);
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

/*
 * The name at c as tcpdump's fqdn_print writes it: each label and a dot,
 * "." for the root, through pointers that must point backwards
 * ("<BAD PTR>", which also ends loops); a name the capture cuts prints
 * its captured part.  c moves past the name.  0, DNS_TRUNC or DNS_BAD.
 */
int
dec_dns_name(const struct cur *msg, struct cur *c, struct tbuf *tb)
{
	struct cur	 p, *r = c;
	const uint8_t	*lab;
	size_t		 max, off, n, chars = 0;
	int		 len, lo;

	max = cur_off(c) - cur_off(msg);
	if ((len = cur_u8(r)) == -1)
		return DNS_TRUNC;
	if (len == 0)
		tbuf_putc(tb, '.');
	while (len != 0) {
		if ((len & 0xc0) == 0xc0) {
			if ((lo = cur_u8(r)) == -1)
				return DNS_TRUNC;
			off = (size_t)((len & 0x3f) << 8 | lo);
			if (off >= max) {
				tbuf_puts(tb, "<BAD PTR>");
				return DNS_BAD;
			}
			max = off;
			if (cur_seek(msg, off, &p) == -1)
				return DNS_TRUNC;
			r = &p;
		} else if (len & 0xc0) {
			tbuf_puts(tb, "<BAD LABEL TYPE>");
			return DNS_BAD;
		} else {
			n = (size_t)len < cur_left(r) ? (size_t)len :
			    cur_left(r);
			lab = cur_pull(r, n);
			if (chars < DNS_MAXNAME)
				tbuf_vis(tb, lab, chars + n <= DNS_MAXNAME ?
				    n : DNS_MAXNAME - chars);
			chars += (size_t)len;
			if (n < (size_t)len)
				return DNS_TRUNC;
			if (chars <= DNS_MAXNAME)
				tbuf_putc(tb, '.');
			chars++;
		}
		if ((len = cur_u8(r)) == -1)
			return DNS_TRUNC;
	}
	if (chars > DNS_MAXNAME)
		tbuf_puts(tb, "<DOMAIN NAME TOO LONG>");
	return 0;
}

/* Past a name without following its pointer; -1 when cut. */
int
dec_dns_skip(struct cur *c)
{
	int	len;

	for (;;) {
		if ((len = cur_u8(c)) == -1)
			return -1;
		if (len == 0)
			return 0;
		if ((len & 0xc0) == 0xc0)
			return cur_skip(c, 1);
		if ((len & 0xc0) != 0 || cur_skip(c, (size_t)len) == -1)
			return -1;
	}
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
		return dns_opt(d, &rd);
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

/* EDNS options (RFC 6891 6.1.2) as tcpdump's eopt_print: " [NAME data]". */
static int
dns_opt(struct dns_p *d, struct cur *rd)
{
	static const char *const names[] = { NULL, "LLQ", "UL", "NSID",
	    NULL, "DAU", "DHU", "N3U", "ECS", "EXPIRE", "COOKIE",
	    "KEEPALIVE", "PADDING", "CHAIN", "KEY-TAG", NULL, "CLIENT-TAG",
	    "SERVER-TAG" };
	struct tbuf	*tb = d->tb;
	struct cur	 ch;
	const uint8_t	*a;
	int		 code, len, i;

	if (cur_left(rd) == 0)
		return 0;
	tbuf_puts(tb, " [");
	while (cur_left(rd) > 0) {
		if ((code = cur_u16(rd)) == -1)
			return DNS_TRUNC;
		if (code < (int)(sizeof names / sizeof names[0]) &&
		    names[code] != NULL)
			tbuf_puts(tb, names[code]);
		else
			tbuf_printf(tb, "Opt%d", code);
		if ((len = cur_u16(rd)) == -1 ||
		    (a = cur_pull(rd, (size_t)len)) == NULL)
			return DNS_TRUNC;
		if (len > 0)
			tbuf_putc(tb, ' ');
		if (len > 0 && code == 8)
			dns_ecs(tb, a, len);
		else if (len > 0 && code == 10 && (len < 8 ||
		    (len > 8 && len < 16) || len > 40))
			tbuf_puts(tb, " (invalid)");
		else if (len > 0 && code == 12)
			tbuf_printf(tb, "(%d)", len);
		else if (len > 0 && code == 11 && len != 2)
			tbuf_puts(tb, " (invalid)");
		else if (len > 0 && code == 11)
			tbuf_printf(tb, "%0.1f sec", (a[0] << 8 | a[1]) / 10.0);
		else if (len > 0 && code == 9 && len == 4)
			tbuf_printf(tb, "%u sec", (unsigned)a[0] << 24 |
			    (unsigned)a[1] << 16 | (unsigned)a[2] << 8 | a[3]);
		else if (len > 0 && code == 9)
			tbuf_puts(tb, " (invalid)");
		else if (len > 0 && code >= 5 && code <= 7)
			dns_algs(tb, code, a, len);
		else if (len > 0 && code == 14 && len % 2 != 0)
			tbuf_puts(tb, " (invalid)");
		else if (len > 0 && code == 14)
			for (i = 0; i < len; i += 2)
				tbuf_printf(tb, "%s%d", i > 0 ? " " : "",
				    a[i] << 8 | a[i + 1]);
		else if (len > 0 && code == 13) {
			cur_init(&ch, a, (size_t)len);
			dec_dns_name(&ch, &ch, tb);
		}
		else
			for (i = 0; i < len; i++)
				tbuf_printf(tb, "%s%02x", code == 10 &&
				    i == 8 ? " " : "", a[i]);
		if (cur_left(rd) > 0)
			tbuf_putc(tb, ',');
	}
	tbuf_putc(tb, ']');
	return 0;
}

/* DAU, DHU, N3U (RFC 6975): algorithm numbers by tcpdump's names. */
static void
dns_algs(struct tbuf *tb, int code, const uint8_t *a, int len)
{
	static const char *const dau[] = { "DELETE", "RSAMD5", "DH", "DS",
	    NULL, "RSASHA1", "DSA-NSEC3-SHA1", "RSASHA1-NSEC3-SHA1",
	    "RSASHA256", NULL, "RSASHA512", NULL, "ECC-GOST",
	    "ECDSAP256SHA256", "ECDSAP384SHA384", "ED25519", "ED448" };
	static const char *const dhu[] = { NULL, "SHA-1", "SHA-256",
	    "GOST_R_34.11-94", "SHA-384" };
	const char	*n;
	int		 i, x;

	for (i = 0; i < len; i++) {
		x = a[i];
		n = NULL;
		if (code == 5 && x < (int)(sizeof dau / sizeof dau[0]))
			n = dau[x];
		else if (code == 5 && x >= 252 && x <= 254)
			n = x == 252 ? "INDIRECT" : x == 253 ? "PRIVATEDNS" :
			    "PRIVATEOID";
		else if (code == 6 && x < (int)(sizeof dhu / sizeof dhu[0]))
			n = dhu[x];
		else if (code == 7 && x == 1)
			n = "SHA-1";
		if (i > 0)
			tbuf_putc(tb, ' ');
		if (n != NULL)
			tbuf_puts(tb, n);
		else
			tbuf_printf(tb, "Alg_%d", x);
	}
}

/* EDNS client subnet (RFC 7871 6): "addr/source/scope". */
static void
dns_ecs(struct tbuf *tb, const uint8_t *a, int len)
{
	uint8_t	pad[16];
	char	s[DEC_ADDRSTRLEN];
	int	fam, src, scope, bits;

	if (len < 4) {
		tbuf_puts(tb, " (invalid)");
		return;
	}
	fam = a[0] << 8 | a[1];
	src = a[2];
	scope = a[3];
	bits = fam == 1 ? 32 : fam == 2 ? 128 : 0;
	if (bits == 0 || len - 4 > bits / 8 || src > bits || scope > bits ||
	    (src + 7) / 8 != len - 4) {
		tbuf_puts(tb, " (invalid)");
		return;
	}
	memset(pad, 0, sizeof pad);
	memcpy(pad, a + 4, (size_t)(len - 4));
	dec_ntop(fam == 1 ? 4 : 6, pad, s);
	tbuf_printf(tb, "%s/%d/%d", s, src, scope);
}

/* -vvv: " [1h2m3s]", tcpdump's unsigned_relts_print. */
static void
dns_ttl(struct tbuf *tb, int64_t t)
{
	static const int64_t	 secs[] = { 31536000, 604800, 86400, 3600,
	    60, 1 };
	static const char	 unit[] = "ywdhms";
	size_t			 i;

	tbuf_puts(tb, " [");
	if (t == 0)
		tbuf_puts(tb, "0s");
	for (i = 0; i < sizeof secs / sizeof secs[0]; i++)
		if (t >= secs[i]) {
			tbuf_printf(tb, "%lld%c", (long long)(t / secs[i]),
			    unit[i]);
			t %= secs[i];
		}
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
