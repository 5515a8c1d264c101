/*
 * IPv4 options as tcpdump -v prints them in the header's parenthesis
 * (print-ip.c, ip_optprint): ", options (NOP,RA)", a route's addresses,
 * a timestamp's entries.  Layouts: RFC 791 3.1 (record route, source
 * routes, timestamp), RFC 2113 (router alert).  Called from dec-ip.c.
 */
#include <stdint.h>
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

static int	ipopt_route(struct dec_ctx *, const uint8_t *, int);
static int	ipopt_ts(struct dec_ctx *, const uint8_t *, int);
static const char *ipopt_name(int);

/*
 * ", options (...)" for the len bytes of options at o (what the capture
 * holds of them).  Returns 0; -1 after " [truncated-option])" where an
 * option's bytes are cut; DEC_IPOPT_GAVEUP, the line left open, where
 * its code or length byte is: tcpdump reads those with GET_ macros and
 * gives up on the whole packet.
 */
int
dec_ip4_opts(struct dec_ctx *ctx, struct cur *o, int len)
{
	const uint8_t	*p;
	const char	*n;
	int		 code, olen, first = 1;

	dec_sum(ctx, ", options (");
	for (; len > 0; len -= olen, first = 0) {
		if (!first)
			dec_sum(ctx, ",");
		if ((code = cur_peek_u8(o, 0)) == -1)
			return DEC_IPOPT_GAVEUP;
		if ((n = ipopt_name(code)) != NULL)
			dec_sum(ctx, "%s", n);
		else
			dec_sum(ctx, "unknown %d", code);
		olen = 1;
		if (code > 1 && (olen = cur_peek_u8(o, 1)) == -1)
			return DEC_IPOPT_GAVEUP;
		if (olen < 2 && code > 1) {
			dec_sum(ctx, " [bad length %d]", olen);
			break;
		}
		if (olen > len) {
			dec_sum(ctx, " [bad length %d]", olen);
			break;
		}
		if ((p = cur_pull(o, (size_t)olen)) == NULL)
			goto cut;
		if (code == 0)
			break;
		if ((code == 7 || code == 131 || code == 137) &&
		    ipopt_route(ctx, p, olen) == -1)
			goto cut;
		if (code == 68 && ipopt_ts(ctx, p, olen) == -1)
			goto cut;
		if (code == 148 && olen < 4)
			dec_sum(ctx, " [bad length %d]", olen);
		else if (code == 148 && (p[2] << 8 | p[3]) != 0)
			dec_sum(ctx, " value %d", p[2] << 8 | p[3]);
	}
	dec_sum(ctx, ")");
	return 0;
cut:
	dec_sum(ctx, " [truncated-option])");
	return -1;
}

static const char *
ipopt_name(int code)
{
	switch (code) {
	case 0:		return "EOL";
	case 1:		return "NOP";
	case 7:		return "RR";
	case 68:	return "timestamp";
	case 82:	return "traceroute";
	case 130:	return "security";
	case 131:	return "LSRR";
	case 137:	return "SSRR";
	case 148:	return "RA";
	default:	return NULL;
	}
}

/* Record route and source routes: the addresses, "," after those done. */
static int
ipopt_route(struct dec_ctx *ctx, const uint8_t *p, int len)
{
	char	a[DEC_ADDRSTRLEN];
	int	ptr, i;

	if (len < 3) {
		dec_sum(ctx, " [bad length %d]", len);
		return 0;
	}
	if ((len + 1) & 3)
		dec_sum(ctx, " [bad length %d]", len);
	ptr = p[2] - 1;
	if (ptr < 3 || ((ptr + 1) & 3) || ptr > len + 1)
		dec_sum(ctx, " [bad ptr %d]", p[2]);
	for (i = 3; i < len; i += 4) {
		if (i + 4 > len)
			return -1;
		dec_ntop(4, &p[i], a);
		dec_sum(ctx, " %s%s", a, ptr > i ? "," : "");
	}
	return 0;
}

/* Timestamp: " TS{TSONLY 123 ^ }", tcpdump's form. */
static int
ipopt_ts(struct dec_ctx *ctx, const uint8_t *p, int len)
{
	char		 a[DEC_ADDRSTRLEN];
	const char	*sep = " ";
	int		 ptr, i = 4, hop, fl;

	if (len < 4) {
		dec_sum(ctx, "[bad length %d]", len);
		return 0;
	}
	dec_sum(ctx, " TS{");
	fl = p[3] & 0xf;
	hop = fl != 0 ? 8 : 4;
	if ((len - 4) & (hop - 1))
		dec_sum(ctx, "[bad length %d]", len);
	ptr = p[2] - 1;
	if (ptr < 4 || ((ptr - 4) & (hop - 1)) || ptr > len + 1)
		dec_sum(ctx, "[bad ptr %d]", p[2]);
	if (fl == 0 || fl == 1 || fl == 3) {
		dec_sum(ctx, "%s", fl == 0 ? "TSONLY" : fl == 1 ? "TS+ADDR" :
		    "PRESPEC");
		for (; i < len; i += hop, sep = " ") {
			if (ptr == i)
				sep = " ^ ";
			if (i + hop > len)
				return -1;
			if (hop == 8)
				dec_ntop(4, &p[i], a);
			dec_sum(ctx, "%s%u@%s", sep, (unsigned)p[i + hop - 4] <<
			    24 | (unsigned)p[i + hop - 3] << 16 |
			    (unsigned)p[i + hop - 2] << 8 | p[i + hop - 1],
			    hop == 8 ? a : "");
		}
	} else {
		dec_sum(ctx, "[bad ts type %d]", fl);
		i = 0;
	}
	dec_sum(ctx, "%s", ptr == i ? " ^ " : "");
	if (p[3] >> 4)
		dec_sum(ctx, " [%d hops not recorded]} ", p[3] >> 4);
	else
		dec_sum(ctx, "}");
	return 0;
}
