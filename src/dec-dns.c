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
#define DNS_MAXNAME	255		/* characters tcpdump prints of a name */
#define DNS_MAXTREE	32		/* records in a tree */
#define DNS_TRUNC	(-1)
#define DNS_BAD		(-2)
#define DNS_END		(-3)		/* a record's fixed part cut: tcpdump
					   skips to the end, no marker */

struct dns_hdr {
	int	id, flags, qd, an, ns, ar;
};

/* One summary line being written, as tcpdump's domain_print. */
struct dns_p {
	struct tbuf	 *tb;
	const struct cur *msg;		/* the message, for pointers */
	int		  mdns;		/* UDP 5353: class top bits are flags */
	int		  v;		/* number of -v */
};

static int	dns_parse(struct dec_ctx *, struct cur *);
static void	dns_format(struct dec_ctx *, struct cur *);
static int	dns_name(const struct cur *, struct cur *, struct tbuf *);
static const char *dns_type(int);
static int	dns_question(const struct cur *, struct cur *, struct tbuf *);
static int	dns_rr(const struct cur *, struct cur *, struct tbuf *, int);
static void	dns_rdata(const struct cur *, struct cur *, int,
		    struct tbuf *);
static void	dns_sum(struct dec_ctx *, const struct cur *, struct cur *,
		    const struct dns_hdr *);
static int	dns_sumq(struct dns_p *, struct cur *, struct dns_hdr *);
static int	dns_sumr(struct dns_p *, struct cur *, struct dns_hdr *);
static int	dns_section(struct dns_p *, struct cur *, int *,
		    const char *);
static int	dns_nskip(struct cur *);
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
static void	dns_tree(struct dec_ctx *, const struct cur *, struct cur *,
		    const struct dns_hdr *);
static void	dns_err(struct dec_ctx *, int);
static int	dns_hdr(struct cur *, struct dns_hdr *);
static int	dns_xrcode(const struct cur *, struct cur,
		    const struct dns_hdr *);
static void	llmnr_format(struct dec_ctx *, struct cur *);
static void	nbns_format(struct dec_ctx *, struct cur *);
static int	nbns_name(struct cur *, struct tbuf *);
static int	nbns_body(const struct cur *, struct cur *, struct tbuf *,
		    const struct dns_hdr *);

const struct dec_proto dec_dns_proto = {
	.name = "domain", .key = DEC_KEY(DEC_S_PORT, 53), .id = DEC_P_DNS,
	.parse = dns_parse, .format = dns_format
};
const struct dec_proto dec_mdns_proto = {
	.name = "domain", .key = DEC_KEY(DEC_S_PORT, 5353), .id = DEC_P_DNS,
	.parse = dns_parse, .format = dns_format
};

const struct dec_proto dec_llmnr_proto = {
	.name = "llmnr", .key = DEC_KEY(DEC_S_PORT, 5355), .id = DEC_P_DNS,
	.parse = dns_parse, .format = llmnr_format
};
const struct dec_proto dec_nbns_proto = {
	.name = "nbns", .key = DEC_KEY(DEC_S_PORT, 137), .id = DEC_P_OTHER,
	.parse = dns_parse, .format = nbns_format
};

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

static int
dns_parse(struct dec_ctx *ctx, struct cur *c)
{
	if (cur_left(c) < DNS_HDRLEN)
		ctx->info->flags |= DEC_F_TRUNC;
	return DEC_DONE;
}

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

/* tcpdump's names for RR types (print-domain.c ns_type2str); NULL else. */
static const char *
dns_type(int t)
{
	static const char *const names[] = { NULL, "A", "NS", "MD", "MF",
	    "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR", "HINFO",
	    "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP",
	    "NSAP_PTR", "SIG", "KEY", "PX", "GPOS", "AAAA", "LOC", "NXT",
	    "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6",
	    "DNAME", "SINK", "OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG",
	    "NSEC", "DNSKEY" };
	static const char *const high[] = { "SPF", "UINFO", "UID", "GID",
	    "UNSPEC", "UNSPECA" };
	static const char *const meta[] = { "TKEY", "TSIG", "IXFR", "AXFR",
	    "MAILB", "MAILA", "ANY", "URI" };

	if (t >= 0 && t < (int)(sizeof names / sizeof names[0]))
		return names[t];
	if (t >= 99 && t <= 104)
		return high[t - 99];
	if (t >= 249 && t <= 256)
		return meta[t - 249];
	return NULL;
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
	if ((tn = dns_type(type)) != NULL)
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
	if ((tn = dns_type(type)) != NULL)
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
		tbuf_putc(tb, ' ');
		if (dns_name(msg, rd, tb) != 0)
			tbuf_puts(tb, "[|domain]");
		break;
	case 15:
		pref = cur_u16(rd);
		tbuf_putc(tb, ' ');
		if (dns_name(msg, rd, tb) != 0)
			tbuf_puts(tb, "[|domain]");
		tbuf_printf(tb, " %d", pref);
		break;
	case 33:
		cur_skip(rd, 4);
		port = cur_u16(rd);
		tbuf_putc(tb, ' ');
		if (dns_name(msg, rd, tb) != 0)
			tbuf_puts(tb, "[|domain]");
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

/*
 * tcpdump's one line (print-domain.c, domain_print): "id+ [1au] A? name.
 * (len)" for a query, "id*- q: A? name. 1/0/0 name. A addr (len)" for a
 * response, -v adding the owner names, -vv the question of a response and
 * the other sections.  Cut, it stops at the first field it cannot read
 * whole, a name at its captured part, and prints " [|domain]".
 */
static void
dns_sum(struct dec_ctx *ctx, const struct cur *msg, struct cur *c,
    const struct dns_hdr *h)
{
	struct dns_p	d;
	struct dns_hdr	n = *h;
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
dns_sumq(struct dns_p *d, struct cur *c, struct dns_hdr *h)
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
dns_sumr(struct dns_p *d, struct cur *c, struct dns_hdr *h)
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
		} else if (dns_nskip(c) == -1)
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
static int
dns_nskip(struct cur *c)
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

	if ((tn = dns_type(type)) != NULL)
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

	if (dns_nskip(c) == -1 || (type = cur_u16(c)) == -1 ||
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
	} else if (dns_nskip(c) == -1)
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
dns_xrcode(const struct cur *msg, struct cur c, const struct dns_hdr *h)
{
	int	i, type, rdlen, x, rc = h->flags & 0xf;

	for (i = 0; i < h->qd && i < DNS_MAXTREE; i++)
		if (dns_name(msg, &c, NULL) != 0 || cur_skip(&c, 4) == -1)
			return rc;
	for (i = 0; i < h->an + h->ns + h->ar && i < 3 * DNS_MAXTREE; i++) {
		if (dns_name(msg, &c, NULL) != 0 || (type = cur_u16(&c)) == -1)
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

static void
dns_tree(struct dec_ctx *ctx, const struct cur *msg, struct cur *c,
    const struct dns_hdr *h)
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
dns_hdr(struct cur *c, struct dns_hdr *h)
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
	struct dns_hdr	h;
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
		dns_sum(ctx, &msg, c, &h);
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
	int		 i, len, end;

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
	for (i = 0; i < DNS_MAXLABELS; i++) {
		if ((len = cur_u8(c)) == -1)
			return -1;
		if (len == 0)
			return 0;
		if ((len & 0xc0) == 0xc0)
			return cur_skip(c, 1);
		if (cur_skip(c, (size_t)len) == -1)
			return -1;
	}
	return -1;
}

static void
nbns_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const ops[16] = { "query", NULL, NULL, NULL,
	    NULL, "registration", "release", "wack", "refresh", "refresh",
	    NULL, NULL, NULL, NULL, NULL, "multihomed-registration" };
	struct tbuf	*tb = ctx->out;
	struct dns_hdr	 h;
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
    const struct dns_hdr *h)
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
