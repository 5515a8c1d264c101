/*
 * The options of an EDNS OPT record (RFC 6891 6.1.2) on the DNS line, as
 * tcpdump 4.99's eopt_print prints them: " [NAME data,...]", with the
 * client subnet (RFC 7871 6), the algorithm lists DAU, DHU and N3U (RFC
 * 6975), cookies (RFC 7873), keepalive (RFC 7828), padding, CHAIN's
 * name (RFC 7901) and key tags (RFC 8145).  The OPT record's own fields
 * are dec-dnssum.c's.  Option data reaches the text only as numbers,
 * hex, or a name through dec_dns_name().
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

static void	edns_optval(struct tbuf *, int, const uint8_t *, int);
static void	edns_algs(struct tbuf *, int, const uint8_t *, int);
static void	edns_ecs(struct tbuf *, const uint8_t *, int);

/*
 * The options in rd, an OPT record's RDATA, as tcpdump's eopt_print:
 * " [NAME data,...]", nothing when there are none.  0, or -1 when cut.
 */
int
dec_edns_opts(struct tbuf *tb, struct cur *rd)
{
	static const char *const names[] = { NULL, "LLQ", "UL", "NSID",
	    NULL, "DAU", "DHU", "N3U", "ECS", "EXPIRE", "COOKIE",
	    "KEEPALIVE", "PADDING", "CHAIN", "KEY-TAG", NULL, "CLIENT-TAG",
	    "SERVER-TAG" };
	const uint8_t	*a;
	int		 code, len;

	if (cur_left(rd) == 0)
		return 0;
	tbuf_puts(tb, " [");
	while (cur_left(rd) > 0) {
		if ((code = cur_u16(rd)) == -1)
			return -1;
		if (code < (int)(sizeof names / sizeof names[0]) &&
		    names[code] != NULL)
			tbuf_puts(tb, names[code]);
		else
			tbuf_printf(tb, "Opt%d", code);
		if ((len = cur_u16(rd)) == -1 ||
		    (a = cur_pull(rd, (size_t)len)) == NULL)
			return -1;
		if (len > 0)
			tbuf_putc(tb, ' ');
		edns_optval(tb, code, a, len);
		if (cur_left(rd) > 0)
			tbuf_putc(tb, ',');
	}
	tbuf_putc(tb, ']');
	return 0;
}

/* An EDNS option's value, len bytes at a, as tcpdump's eopt_print. */
static void
edns_optval(struct tbuf *tb, int code, const uint8_t *a, int len)
{
	struct cur	 ch;
	int		 i;

	if (len > 0 && code == 8)
		edns_ecs(tb, a, len);
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
		tbuf_printf(tb, "%u sec", cur_be32(a));
	else if (len > 0 && code == 9)
		tbuf_puts(tb, " (invalid)");
	else if (len > 0 && code >= 5 && code <= 7)
		edns_algs(tb, code, a, len);
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
}

/* DAU, DHU, N3U (RFC 6975): algorithm numbers by tcpdump's names. */
static void
edns_algs(struct tbuf *tb, int code, const uint8_t *a, int len)
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
edns_ecs(struct tbuf *tb, const uint8_t *a, int len)
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
