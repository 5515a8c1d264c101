/*
 * PPP's control and authentication protocols, as tcpdump -n and -v print
 * them inside PPPoE sessions: LCP (RFC 1661), IPCP (RFC 1332, RFC 1877),
 * IPV6CP (RFC 5072) by code, with -v their options, and PAP (RFC 1334)
 * and CHAP (RFC 1994) with their names and messages.  Names and messages
 * come from the packet and go through tbuf_vis().
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define PPPCP_MAXOPTS	32

static void	pppcp_opts(struct dec_ctx *, int, struct cur *, int);
static int	pppcp_opt(struct dec_ctx *, int, int, int, struct cur *,
		    int);
static void	pppcp_cut(struct dec_ctx *, const char *);
static const char *pppcp_optname(int, int);
static void	pppcp_optval(struct dec_ctx *, int, int, struct cur *);
static void	pppcp_lcpdata(struct dec_ctx *, int, struct cur *, int);
static void	pppcp_auth(struct dec_ctx *, int, struct cur *);
static int	pppcp_text(struct dec_ctx *, const char *, struct cur *, int);

const char *
dec_ppp_name(int proto)
{
	switch (proto) {
	case 0x0021:	return "IP";
	case 0x0057:	return "IP6";
	case 0x0281:	return "MPLS";
	case 0x0283:	return "MPLS mcast";
	case 0xc021:	return "LCP";
	case 0x8021:	return "IPCP";
	case 0x8057:	return "IP6CP";
	case 0xc023:	return "PAP";
	case 0xc223:	return "CHAP";
	default:	return NULL;
	}
}

/*
 * A control or authentication packet for PPP protocol proto; len is the
 * PPP frame's length (protocol field included), which tcpdump shows.
 * Other protocols are shown in hex.
 */
void
dec_ppp_ctl(struct dec_ctx *ctx, int proto, struct cur *c, int len)
{
	static const char *const cp[] = {
		NULL, "Conf-Request", "Conf-Ack", "Conf-Nack", "Conf-Reject",
		"Term-Request", "Term-Ack", "Code-Reject", "Prot-Reject",
		"Echo-Request", "Echo-Reply", "Disc-Req"
	};
	struct cur	 body;
	const char	*name = dec_ppp_name(proto);
	int		 code, id, clen, cut;
	int		 ncodes = proto == 0xc021 ? 12 : 8;

	if (name == NULL) {
		dec_sum(ctx, "unknown PPP protocol (0x%04x) ", proto);
		dec_hexdump(ctx, c, "\n\t");
		return;
	}
	dec_sum(ctx, "%s, ", name);
	if (proto == 0xc023 || proto == 0xc223) {
		pppcp_auth(ctx, proto, c);
		return;
	}
	code = cur_u8(c);
	if ((id = cur_u8(c)) == -1) {
		dec_trunc(ctx, "ppp");
		return;
	}
	dec_sum(ctx, "%s (0x%02x), id %d, length %d", code > 0 &&
	    code < ncodes ? cp[code] : "unknown", code, id, len);
	if (!ctx->opt->verbose)
		return;
	if ((clen = cur_u16(c)) == -1) {
		dec_trunc(ctx, "ppp");
		return;
	}
	dec_sum(ctx, "\n\tencoded length %d (=Option(s) length %d)", clen,
	    clen - 4);
	/* -vv: the header in hex, protocol field first (tcpdump's). */
	if (ctx->opt->verbose > 1 && !ctx->opt->extra && clen > 4)
		dec_sum(ctx, "\n\t0x0000:  %04x %02x%02x %04x", proto, code,
		    id, clen);
	if (clen < 4)
		return;
	cut = cur_sub(c, (size_t)clen - 4, &body);
	if (code >= 1 && code <= 4)
		pppcp_opts(ctx, proto, &body, cut);
	else if (proto == 0xc021)
		pppcp_lcpdata(ctx, code, &body, cut);
}

/*
 * Configuration options: type, length (header included), value; cut: not
 * all of them were captured.
 */
static void
pppcp_opts(struct dec_ctx *ctx, int proto, struct cur *c, int cut)
{
	const char	*cp = proto == 0xc021 ? "lcp" : proto == 0x8021 ?
			    "ipcp" : "ip6cp";

	struct cur	v, dump;
	int		type, len, i, r;

	for (i = 0; i < PPPCP_MAXOPTS && cur_left(c) > 0; i++) {
		type = cur_u8(c);
		if ((len = cur_u8(c)) == -1) {
			/* tcpdump's own marker here, with no space. */
			pppcp_cut(ctx, cp);
			return;
		}
		if (len < 2) {
			dec_sum(ctx, "\n\t  Option (0x%02x), length %d (length "
			    "bogus, should be >= 2)", type, len);
			return;
		}
		r = cur_sub(c, (size_t)len - 2, &v);
		dump = v;
		if ((r = pppcp_opt(ctx, proto, type, len, &v, r)) == -1)
			return;
		/* -vv: each known option's value in hex as well. */
		if (r == 1 && ctx->opt->verbose > 1)
			dec_hexdump(ctx, &dump, "\n\t    ");
	}
	if (cut)
		pppcp_cut(ctx, cp);
}

/* "[|name]" right after the text, as tcpdump prints some of its cuts. */
static void
pppcp_cut(struct dec_ctx *ctx, const char *name)
{
	if (ctx->out != NULL && !ctx->tree)
		tbuf_printf(ctx->out, "[|%s]", name);
}

/*
 * One option of length len (header included); cut: its value was not all
 * captured.  1 if shown, 0 if unknown (then already in hex), -1 if cut.
 */
static int
pppcp_opt(struct dec_ctx *ctx, int proto, int type, int len, struct cur *v,
    int cut)
{
	struct cur	 dump;
	const char	*name = pppcp_optname(proto, type);
	int64_t		 x;

	if (name == NULL && proto == 0xc021) {
		dec_sum(ctx, "\n\tunknown LCP option 0x%02x", type);
		return 0;
	}
	if (name == NULL) {
		dec_sum(ctx, "\n\t  unknown Option (0x%02x), length %d", type,
		    len);
		dec_hexdump(ctx, v, "\n\t    ");
		return 0;
	}
	dec_sum(ctx, "\n\t  %s Option (0x%02x), length %d", name, type, len);
	/* How tcpdump 4.99 marks a cut value differs by option. */
	if (cut && proto == 0x8057) {
		pppcp_cut(ctx, "ip6cp");
		return -1;
	}
	if (proto == 0x8021 && type == 2) {
		dump = *v;
		if ((x = cur_u16(v)) != -1)
			dec_sum(ctx, ": %s (0x%02llx):", x == 0x2d ? "VJ-Comp" :
			    "unknown", (long long)x);
		/* A cut compression option ends the list, without a mark. */
		if (cut && x != -1) {
			if (ctx->opt->verbose > 1)
				dec_hexdump(ctx, &dump, "\n\t    ");
			return -1;
		}
	}
	if (cut) {
		dec_trunc(ctx, "ppp");
		return -1;
	}
	if (!(proto == 0x8021 && type == 2))
		pppcp_optval(ctx, proto, type, v);
	return 1;
}

/* The names of the options decoded (RFC 1661, 1332, 1877, 5072). */
static const char *
pppcp_optname(int proto, int type)
{
	if (proto == 0x8057)
		return type == 1 ? "Interface-ID" : NULL;
	if (proto == 0x8021) {
		switch (type) {
		case 2:		return "IP-Comp";
		case 3:		return "IP-Addr";
		case 129:	return "Pri-DNS";
		case 130:	return "Pri-NBNS";
		case 131:	return "Sec-DNS";
		case 132:	return "Sec-NBNS";
		default:	return NULL;
		}
	}
	switch (type) {
	case 1:		return "MRU";
	case 2:		return "ACCM";
	case 3:		return "Auth-Prot";
	case 5:		return "Magic-Num";
	case 7:		return "PFC";
	case 8:		return "ACFC";
	case 17:	return "MRRU";
	default:	return NULL;
	}
}

/* A whole option's value, after its name. */
static void
pppcp_optval(struct dec_ctx *ctx, int proto, int type, struct cur *v)
{
	const uint8_t	*a;
	char		 buf[DEC_ADDRSTRLEN];
	int64_t		 x;

	if (proto == 0x8057) {
		if ((a = cur_pull(v, 8)) != NULL)
			dec_sum(ctx, ": %02x%02x:%02x%02x:%02x%02x:%02x%02x",
			    a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
	} else if (proto == 0x8021) {
		if ((a = cur_pull(v, 4)) != NULL) {
			dec_ntop(4, a, buf);
			dec_sum(ctx, ": %s", buf);
		}
	} else if (type == 1 || type == 17) {
		if ((x = cur_u16(v)) != -1)
			dec_sum(ctx, ": %lld", (long long)x);
	} else if (type == 2 || type == 5) {
		if ((x = cur_u32(v)) != -1)
			dec_sum(ctx, ": 0x%08llx", (long long)x);
	} else if (type == 3 && (x = cur_u16(v)) != -1) {
		if (x == 0xc023)
			dec_sum(ctx, ": PAP");
		else if (x == 0xc223) {
			x = cur_u8(v);
			dec_sum(ctx, ": CHAP, %s", x == 5 ? "MD5" : x == 0x80 ?
			    "MS-CHAPv1" : x == 0x81 ? "MS-CHAPv2" : "unknown");
		} else if (x == 0xc227)
			dec_sum(ctx, ": EAP");
		else
			dec_sum(ctx, ": unknown (0x%04llx)", (long long)x);
	}
}

/*
 * LCP's other codes: the magic number of echoes, a rejected protocol;
 * cut: the data was not all captured.
 */
static void
pppcp_lcpdata(struct dec_ctx *ctx, int code, struct cur *c, int cut)
{
	const char	*name;
	int64_t		 magic;
	int		 proto;

	if (code >= 9 && code <= 11) {
		if ((magic = cur_u32(c)) == -1) {
			dec_trunc(ctx, "ppp");
			return;
		}
		dec_sum(ctx, "\n\t  Magic-Num 0x%08llx", (long long)magic);
		if (cur_left(c) > 0 || cut) {
			dec_sum(ctx, "\n\t  -----trailing data-----");
			if (cut) {
				pppcp_cut(ctx, "LCP");
				return;
			}
			dec_hexdump(ctx, c, "\n\t  ");
		}
	} else if (code == 8) {
		if ((proto = cur_u16(c)) == -1) {
			dec_trunc(ctx, "ppp");
			return;
		}
		name = dec_ppp_name(proto);
		dec_sum(ctx, "\n\t  Rejected %s Protocol (0x%04x)\n\t  Rejected "
		    "Packet", name != NULL ? name : "unknown", proto);
		dec_hexdump(ctx, c, "\n\t    ");
	}
}

/*
 * PAP: peer and password, or a message; CHAP: value and name, or a
 * message.  Each field is shown as far as it was captured, as tcpdump's.
 */
static void
pppcp_auth(struct dec_ctx *ctx, int proto, struct cur *c)
{
	static const char *const pap[] = {
		NULL, "Auth-Req", "Auth-ACK", "Auth-NACK"
	};
	static const char *const chap[] = {
		NULL, "Challenge", "Response", "Success", "Fail"
	};
	struct cur	 body;
	int		 code, id, len, n, i, cut;

	code = cur_u8(c);
	if ((id = cur_u8(c)) == -1) {
		dec_trunc(ctx, "ppp");
		return;
	}
	if (proto == 0xc023)
		dec_sum(ctx, "%s (0x%02x), id %d", code > 0 && code < 4 ?
		    pap[code] : "unknown", code, id);
	else
		dec_sum(ctx, "%s (0x%02x), id %d", code > 0 && code < 5 ?
		    chap[code] : "unknown", code, id);
	if ((len = cur_u16(c)) == -1) {
		dec_trunc(ctx, "ppp");
		return;
	}
	cut = cur_sub(c, len > 4 ? (size_t)len - 4 : 0, &body);
	if (proto == 0xc023 && code == 1) {
		if (pppcp_text(ctx, ", Peer ", &body, cur_u8(&body)) == 0)
			pppcp_text(ctx, ", Name ", &body, cur_u8(&body));
	} else if (proto == 0xc223 && (code == 1 || code == 2)) {
		if ((n = cur_u8(&body)) == -1) {
			dec_trunc(ctx, "ppp");
			return;
		}
		dec_sum(ctx, ", Value ");
		for (i = 0; i < n; i++) {
			if (cur_left(&body) == 0) {
				dec_trunc(ctx, "ppp");
				return;
			}
			dec_sum(ctx, "%02x", cur_u8(&body));
		}
		pppcp_text(ctx, ", Name ", &body, (int)cur_left(&body) +
		    (cut ? 1 : 0));
	} else if (proto == 0xc023 && (code == 2 || code == 3))
		pppcp_text(ctx, ", Msg ", &body, cur_u8(&body));
	else if (proto == 0xc223 && (code == 3 || code == 4))
		pppcp_text(ctx, ", Msg ", &body, (int)cur_left(&body) +
		    (cut ? 1 : 0));
}

/*
 * what, then n bytes of text (-1: the length was not captured); -1 after
 * a "[|ppp]" when fewer were captured.
 */
static int
pppcp_text(struct dec_ctx *ctx, const char *what, struct cur *c, int n)
{
	if (n == -1) {
		dec_trunc(ctx, "ppp");
		return -1;
	}
	dec_sum(ctx, "%s", what);
	if (dec_vis(ctx, c, (size_t)n) < (size_t)n) {
		dec_trunc(ctx, "ppp");
		return -1;
	}
	return 0;
}
