/*
 * DNS names as every DNS-shaped decoder reads them: a name through its
 * compression pointers, written as tcpdump 4.99's fqdn_print writes it
 * (labels through tbuf_vis(), as its nd_printn(); pointers that must
 * point backwards, which also ends loops), the skip past a name without
 * following its pointer, and tcpdump's RR type names (print-domain.c,
 * ns_type2str).  Used by the DNS line (dec-dnssum.c), its tree, LLMNR
 * and NBNS (dec-dns.c), EDNS's CHAIN option (dec-edns.c) and ICMPv6
 * node information (dec-nd.c).  RFC 1035 3.1 and 4.1.4.
 */
#include <stddef.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define DNS_MAXNAME	255		/* characters tcpdump prints of a name */

/*
 * The name at c as tcpdump's fqdn_print writes it: each label and a dot,
 * "." for the root, through pointers that must point backwards
 * ("<BAD PTR>", which also ends loops); a name the capture cuts prints
 * its captured part.  c moves past the name.  0, DEC_DNS_TRUNC or
 * DEC_DNS_BAD.
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
		return DEC_DNS_TRUNC;
	if (len == 0)
		tbuf_putc(tb, '.');
	while (len != 0) {
		if ((len & 0xc0) == 0xc0) {
			if ((lo = cur_u8(r)) == -1)
				return DEC_DNS_TRUNC;
			off = (size_t)((len & 0x3f) << 8 | lo);
			if (off >= max) {
				tbuf_puts(tb, "<BAD PTR>");
				return DEC_DNS_BAD;
			}
			max = off;
			if (cur_seek(msg, off, &p) == -1)
				return DEC_DNS_TRUNC;
			r = &p;
		} else if (len & 0xc0) {
			tbuf_puts(tb, "<BAD LABEL TYPE>");
			return DEC_DNS_BAD;
		} else {
			n = (size_t)len < cur_left(r) ? (size_t)len :
			    cur_left(r);
			lab = cur_pull(r, n);
			if (chars < DNS_MAXNAME)
				tbuf_vis(tb, lab, chars + n <= DNS_MAXNAME ?
				    n : DNS_MAXNAME - chars);
			chars += (size_t)len;
			if (n < (size_t)len)
				return DEC_DNS_TRUNC;
			if (chars <= DNS_MAXNAME)
				tbuf_putc(tb, '.');
			chars++;
		}
		if ((len = cur_u8(r)) == -1)
			return DEC_DNS_TRUNC;
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

/* tcpdump's names for RR types (print-domain.c ns_type2str); NULL else. */
const char *
dec_dns_type(int t)
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
