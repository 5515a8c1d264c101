/*
 * BOOTP/DHCP as tcpdump -v prints it (print-bootp.c, bootp_print and
 * rfc1048_print): the header fields that are set, then each option on a
 * line of its own, by tcpdump's name and in its form.  Text from the
 * packet goes through tbuf_vis().  Layouts: RFC 951, RFC 2131, RFC 2132,
 * RFC 3004 (user class), RFC 3046 (relay agent), RFC 3442 (classless
 * routes), RFC 4702 (client FQDN).  The summary and the tree are in
 * dec-dhcp.c, which takes the message type names from here.
 */
#include <stdint.h>
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define BOOTP_FIXLEN	236		/* up to the magic cookie */

/* How an option's value is printed (RFC 2132 gives each option's layout). */
enum dhcp_form {
	DHCP_UNKNOWN,		/* not in the table: guessed from the length */
	DHCP_NONE,		/* no value (PAD, END) */
	DHCP_TEXT,		/* quoted text */
	DHCP_ADDRS,		/* IPv4 addresses */
	DHCP_U32,		/* unsigned 32-bit words */
	DHCP_S32,		/* signed 32-bit words */
	DHCP_U16,		/* 16-bit words */
	DHCP_DEC,		/* bytes in decimal */
	DHCP_HEX,		/* bytes in hex */
	DHCP_BOOL,		/* Y or N a byte */
	DHCP_PAIRS,		/* address pairs */
	DHCP_OWN		/* its own printer, dhcp_special() */
};

struct dhcp_opt {
	enum dhcp_form	 form;
	const char	*name;		/* as tcpdump -v prints it */
};

/* By option code: the names tcpdump -v prints, and each value's form. */
static const struct dhcp_opt	dhcp_opts[256] = {
	[0] = { DHCP_NONE, "PAD" },
	[1] = { DHCP_ADDRS, "Subnet-Mask" },
	[2] = { DHCP_S32, "Time-Zone" },
	[3] = { DHCP_ADDRS, "Default-Gateway" },
	[4] = { DHCP_ADDRS, "Time-Server" },
	[5] = { DHCP_ADDRS, "IEN-Name-Server" },
	[6] = { DHCP_ADDRS, "Domain-Name-Server" },
	[7] = { DHCP_ADDRS, "LOG" },
	[8] = { DHCP_ADDRS, "CS" },
	[9] = { DHCP_ADDRS, "LPR-Server" },
	[10] = { DHCP_ADDRS, "IM" },
	[11] = { DHCP_ADDRS, "RL" },
	[12] = { DHCP_TEXT, "Hostname" },
	[13] = { DHCP_U16, "BS" },
	[14] = { DHCP_TEXT, "DP" },
	[15] = { DHCP_TEXT, "Domain-Name" },
	[16] = { DHCP_ADDRS, "SS" },
	[17] = { DHCP_TEXT, "RP" },
	[18] = { DHCP_TEXT, "EP" },
	[19] = { DHCP_BOOL, "IPF" },
	[20] = { DHCP_BOOL, "SRT" },
	[21] = { DHCP_PAIRS, "PF" },
	[22] = { DHCP_U16, "RSZ" },
	[23] = { DHCP_DEC, "TTL" },
	[24] = { DHCP_U32, "MTU-Timeout" },
	[25] = { DHCP_U16, "MTU-Table" },
	[26] = { DHCP_U16, "MTU" },
	[27] = { DHCP_BOOL, "LSN" },
	[28] = { DHCP_ADDRS, "BR" },
	[29] = { DHCP_BOOL, "MD" },
	[30] = { DHCP_BOOL, "MS" },
	[31] = { DHCP_BOOL, "Router-Discovery" },
	[32] = { DHCP_ADDRS, "RSA" },
	[33] = { DHCP_PAIRS, "Static-Route" },
	[34] = { DHCP_BOOL, "UT" },
	[35] = { DHCP_U32, "AT" },
	[36] = { DHCP_BOOL, "IE" },
	[37] = { DHCP_DEC, "TT" },
	[38] = { DHCP_U32, "KI" },
	[39] = { DHCP_BOOL, "KG" },
	[40] = { DHCP_TEXT, "YD" },
	[41] = { DHCP_ADDRS, "YS" },
	[42] = { DHCP_ADDRS, "NTP" },
	[43] = { DHCP_DEC, "Vendor-Option" },
	[44] = { DHCP_ADDRS, "Netbios-Name-Server" },
	[45] = { DHCP_ADDRS, "WDD" },
	[46] = { DHCP_OWN, "Netbios-Node" },
	[47] = { DHCP_TEXT, "Netbios-Scope" },
	[48] = { DHCP_ADDRS, "XFS" },
	[49] = { DHCP_ADDRS, "XDM" },
	[50] = { DHCP_ADDRS, "Requested-IP" },
	[51] = { DHCP_U32, "Lease-Time" },
	[52] = { DHCP_OWN, "OO" },
	[53] = { DHCP_NONE, "DHCP-Message" },
	[54] = { DHCP_ADDRS, "Server-ID" },
	[55] = { DHCP_DEC, "Parameter-Request" },
	[56] = { DHCP_TEXT, "MSG" },
	[57] = { DHCP_U16, "MSZ" },
	[58] = { DHCP_U32, "RN" },
	[59] = { DHCP_U32, "RB" },
	[60] = { DHCP_TEXT, "Vendor-Class" },
	[61] = { DHCP_OWN, "Client-ID" },
	[64] = { DHCP_U16, "N+D" },
	[65] = { DHCP_ADDRS, "N+S" },
	[66] = { DHCP_TEXT, "TFTP" },
	[67] = { DHCP_TEXT, "BF" },
	[68] = { DHCP_ADDRS, "MH" },
	[69] = { DHCP_ADDRS, "SMTP" },
	[70] = { DHCP_ADDRS, "POP3" },
	[71] = { DHCP_ADDRS, "NNTP" },
	[72] = { DHCP_ADDRS, "WWW" },
	[73] = { DHCP_ADDRS, "FG" },
	[74] = { DHCP_ADDRS, "IRC" },
	[75] = { DHCP_ADDRS, "STS" },
	[76] = { DHCP_ADDRS, "STDA" },
	[77] = { DHCP_OWN, "User-Class" },
	[78] = { DHCP_DEC, "SLP-DA" },
	[79] = { DHCP_DEC, "SLP-SCOPE" },
	[80] = { DHCP_TEXT, "SLP-NA" },
	[81] = { DHCP_OWN, "FQDN" },
	[82] = { DHCP_OWN, "Agent-Information" },
	[83] = { DHCP_DEC, "ARMT" },
	[88] = { DHCP_TEXT, "TZSTR" },
	[89] = { DHCP_DEC, "FQDNS" },
	[90] = { DHCP_DEC, "AUTH" },
	[91] = { DHCP_S32, "Last-Transaction-Time" },
	[92] = { DHCP_ADDRS, "Associated-IP" },
	[93] = { DHCP_U16, "ARCH" },
	[94] = { DHCP_DEC, "NDI" },
	[95] = { DHCP_TEXT, "LDAP" },
	[97] = { DHCP_DEC, "GUID" },
	[98] = { DHCP_TEXT, "UAP" },
	[100] = { DHCP_TEXT, "POSIX-TZ" },
	[101] = { DHCP_TEXT, "TZ-Name" },
	[112] = { DHCP_ADDRS, "NI" },
	[113] = { DHCP_TEXT, "NITAG" },
	[114] = { DHCP_TEXT, "URL" },
	[116] = { DHCP_BOOL, "NOAUTO" },
	[117] = { DHCP_U16, "NSSEARCH" },
	[118] = { DHCP_ADDRS, "SUBNET" },
	[121] = { DHCP_OWN, "Classless-Static-Route" },
	[150] = { DHCP_ADDRS, "TFTP-Server-Address" },
	[161] = { DHCP_TEXT, "MUD-URL" },
	[249] = { DHCP_OWN, "Classless-Static-Route-Microsoft" },
	[255] = { DHCP_NONE, "END" },
};

static void	dhcp_addr(struct dec_ctx *, const char *, const uint8_t *);
static int	dhcp_name(struct dec_ctx *, struct cur *, const char *,
		    size_t, size_t);
static int	dhcp_vopt(struct dec_ctx *, struct cur *);
static void	dhcp_val(struct dec_ctx *, int, enum dhcp_form,
		    struct cur *);
static void	dhcp_special(struct dec_ctx *, int, struct cur *);
static void	dhcp_fqdn(struct dec_ctx *, struct cur *);
static void	dhcp_routes(struct dec_ctx *, struct cur *);
static void	dhcp_uclass(struct dec_ctx *, struct cur *);
static void	dhcp_agent(struct dec_ctx *, struct cur *);
static void	dhcp_quoted(struct dec_ctx *, struct cur *, size_t);

/*
 * tcpdump -v (bootp_print): the header fields that are set, then the
 * options, one a line; c is at the start of the BOOTP message.  A cut
 * ends with the marker where tcpdump's reads stop.
 */
void
dec_dhcp_v(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const addrs[] = { "Client-IP", "Your-IP",
	    "Server-IP", "Gateway-IP" };
	const uint8_t	*h;
	uint32_t	 x;
	int		 i, v;

	if ((h = cur_peek(c, 10)) == NULL)
		goto trunc;
	if (h[1] != 1)
		dec_sum(ctx, ", htype %u", h[1]);
	if (h[1] != 1 || h[2] != 6)
		dec_sum(ctx, ", hlen %u", h[2]);
	if (h[3] != 0)
		dec_sum(ctx, ", hops %u", h[3]);
	if ((x = cur_be32(&h[4])) != 0)
		dec_sum(ctx, ", xid 0x%x", x);
	if (h[8] << 8 | h[9])
		dec_sum(ctx, ", secs %u", h[8] << 8 | h[9]);
	if ((h = cur_peek(c, 12)) == NULL)
		goto trunc;
	dec_sum(ctx, ", Flags [%s]", h[10] & 0x80 ? "Broadcast" : "none");
	if (ctx->opt->verbose > 1)
		dec_sum(ctx, " (0x%04x)", h[10] << 8 | h[11]);
	for (i = 0; i < 4; i++) {
		if ((h = cur_peek(c, 16 + 4 * (size_t)i)) == NULL)
			goto trunc;
		if (cur_be32(&h[12 + 4 * i]) != 0)
			dhcp_addr(ctx, addrs[i], &h[12 + 4 * i]);
	}
	if (h[1] == 1 && h[2] == 6) {
		if ((h = cur_peek(c, 34)) == NULL)
			goto trunc;
		dec_sum(ctx, "\n\t  Client-Ethernet-Address %02x:%02x:%02x:"
		    "%02x:%02x:%02x", h[28], h[29], h[30], h[31], h[32], h[33]);
	}
	if (dhcp_name(ctx, c, "sname", 44, 64) == -1 ||
	    dhcp_name(ctx, c, "file", 108, 128) == -1)
		return;
	if ((h = cur_peek(c, BOOTP_FIXLEN + 4)) == NULL)
		goto trunc;
	if ((x = cur_be32(&h[BOOTP_FIXLEN])) == 0x63825363) {
		cur_skip(c, BOOTP_FIXLEN + 4);
		dec_sum(ctx, "\n\t  Vendor-rfc1048 Extensions\n\t    "
		    "Magic Cookie 0x%08x", x);
		for (v = 0; v == 0; )
			v = dhcp_vopt(ctx, c);
		if (v == -1)
			goto trunc;
	} else if (x != 0 && x != 0x434d5500)	/* "CMU": not decoded */
		dec_sum(ctx, "\n\t  Vendor-#0x%x", x);
	return;
trunc:
	dec_trunc(ctx, "bootp");
}

/* tcpdump's name for a DHCP message type (RFC 2131, RFC 4388). */
const char *
dec_dhcp_typename(int t)
{
	static const char *const names[] = {
		"?", "Discover", "Offer", "Request", "Decline", "ACK", "NACK",
		"Release", "Inform", NULL, "LeaseQuery", "LeaseUnassigned",
		"LeaseUnknown", "LeaseActive"
	};

	if (t < 1 || t > 13)
		return NULL;
	return names[t];
}

static void
dhcp_addr(struct dec_ctx *ctx, const char *what, const uint8_t *p)
{
	char	a[DEC_ADDRSTRLEN];

	dec_ntop(4, p, a);
	dec_sum(ctx, "\n\t  %s %s", what, a);
}

/*
 * sname or file at off, max bytes: printed when its first byte is set,
 * to its NUL; -1 after the marker when there is none (tcpdump).
 */
static int
dhcp_name(struct dec_ctx *ctx, struct cur *c, const char *what,
    size_t off, size_t max)
{
	const uint8_t	*h;
	size_t		 n, got;

	if ((h = cur_peek(c, off + 1)) == NULL) {
		dec_trunc(ctx, "bootp");
		return -1;
	}
	if (h[off] == 0)
		return 0;
	got = cur_left(c) - off < max ? cur_left(c) - off : max;
	h = cur_peek(c, off + got);
	for (n = 0; n < got && h[off + n] != 0; n++)
		continue;
	dec_sum(ctx, "\n\t  %s \"", what);
	tbuf_vis(ctx->out, &h[off], n);
	dec_sum(ctx, "\"");
	if (n == got) {
		dec_trunc(ctx, "bootp");
		return -1;
	}
	return 0;
}

/*
 * One option at c (rfc1048_print's loop): 0 to go on, 1 at the end of
 * the options or of the capture, -1 when cut inside the option.
 */
static int
dhcp_vopt(struct dec_ctx *ctx, struct cur *c)
{
	const struct dhcp_opt	*o;
	struct cur		 v;
	const char		*name;
	int			 tag, len, n;

	if ((tag = cur_u8(c)) == -1)
		return 1;
	if ((tag == 0 || tag == 255) && ctx->opt->verbose < 3)
		return tag == 255;
	o = &dhcp_opts[tag];
	name = o->name != NULL ? o->name : "Unknown";
	len = 0;
	if (tag != 0 && tag != 255 && (len = cur_u8(c)) == -1)
		return -1;
	dec_sum(ctx, "\n\t    %s (%d), length %d%s", name, tag, len,
	    len > 0 ? ": " : "");
	if (tag == 0) {
		for (n = 1; cur_peek_u8(c, 0) == 0; n++)
			cur_skip(c, 1);
		if (n > 1)
			dec_sum(ctx, ", occurs %d", n);
	}
	if (cur_left(c) < (size_t)len)
		return -1;
	cur_sub(c, (size_t)len, &v);
	if (tag == 53 && len == 1) {
		n = cur_u8(&v);
		if ((name = dec_dhcp_typename(n)) != NULL)
			dec_sum(ctx, "%s", name);
		else
			dec_sum(ctx, "Unknown (%d)", n);
		return 0;
	}
	if (tag == 55) {
		for (n = 0; (tag = cur_u8(&v)) != -1; n++)
			dec_sum(ctx, "%s%s (%d)", n % 4 == 0 ? "\n\t      " :
			    ", ", dhcp_opts[tag].name != NULL ?
			    dhcp_opts[tag].name : "Unknown", tag);
		return 0;
	}
	dhcp_val(ctx, tag, o->form, &v);
	if (cur_left(&v) > 0)
		dec_sum(ctx, "\n\t  trailing data length %zu", cur_left(&v));
	return 0;
}

/* An option's value by its form letter; what it leaves is trailing. */
static void
dhcp_val(struct dec_ctx *ctx, int tag, enum dhcp_form fmt, struct cur *v)
{
	const uint8_t	*p;
	char		 a[DEC_ADDRSTRLEN], b[DEC_ADDRSTRLEN];
	size_t		 n = cur_left(v);
	int		 first = 1, x;

	if (fmt == DHCP_UNKNOWN)
		fmt = n & 1 ? DHCP_DEC : n & 2 ? DHCP_U16 : DHCP_U32;
	switch (fmt) {
	case DHCP_TEXT:
		dhcp_quoted(ctx, v, n);
		break;
	case DHCP_ADDRS:
	case DHCP_U32:
	case DHCP_S32:
		for (; (p = cur_pull(v, 4)) != NULL; first = 0) {
			dec_ntop(4, p, a);
			if (fmt == DHCP_ADDRS)
				dec_sum(ctx, "%s%s", first ? "" : ",", a);
			else if (fmt == DHCP_S32)
				dec_sum(ctx, "%s%d", first ? "" : ",",
				    (int32_t)cur_be32(p));
			else
				dec_sum(ctx, "%s%u", first ? "" : ",",
				    cur_be32(p));
		}
		break;
	case DHCP_PAIRS:
		for (; cur_left(v) >= 8; first = 0) {
			dec_ntop(4, cur_pull(v, 4), a);
			dec_ntop(4, cur_pull(v, 4), b);
			dec_sum(ctx, "%s(%s:%s)", first ? "" : ",", a, b);
		}
		break;
	case DHCP_U16:
		for (; (x = cur_u16(v)) != -1; first = 0)
			dec_sum(ctx, "%s%d", first ? "" : ",", x);
		break;
	case DHCP_BOOL:
		for (; (x = cur_u8(v)) != -1; first = 0)
			if (x < 2)
				dec_sum(ctx, "%s%s", first ? "" : ",",
				    x ? "Y" : "N");
			else
				dec_sum(ctx, "%s%d?", first ? "" : ",", x);
		break;
	case DHCP_OWN:
		dhcp_special(ctx, tag, v);
		break;
	default:
		for (; (x = cur_u8(v)) != -1; first = 0)
			dec_sum(ctx, fmt == DHCP_HEX ? "%s%02x" : "%s%d",
			    first ? "" : fmt == DHCP_HEX ? ":" : ".", x);
		break;
	}
}

/* The options tcpdump prints its own way. */
static void
dhcp_special(struct dec_ctx *ctx, int tag, struct cur *v)
{
	static const char *const hw[] = { NULL, "ether", NULL, NULL, NULL,
	    NULL, "ieee802", "arcnet", NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL, "frelay", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    "strip", "ieee1394" };
	size_t	n = cur_left(v);
	int	x, first = 1;

	switch (tag) {
	case 46:	/* NetBIOS node type */
	case 52:	/* option overload */
		if ((x = cur_u8(v)) == -1) {
			dec_sum(ctx, "[ERROR: length < 1 bytes]");
			break;
		}
		if (tag == 46 && (x == 1 || x == 2 || x == 4 || x == 8))
			dec_sum(ctx, "%c-node", "bpmh"[x == 1 ? 0 : x == 2 ?
			    1 : x == 4 ? 2 : 3]);
		else if (tag == 52 && x >= 1 && x <= 3)
			dec_sum(ctx, "%s", x == 1 ? "file" : x == 2 ? "sname" :
			    "file+sname");
		else
			dec_sum(ctx, "#%d", x);
		break;
	case 61:	/* client identifier */
		if ((x = cur_u8(v)) == -1) {
			dec_sum(ctx, "[ERROR: length < 1 bytes]");
			break;
		}
		if (x == 0) {
			dhcp_quoted(ctx, v, n - 1);
			break;
		}
		if (x < (int)(sizeof hw / sizeof hw[0]) && hw[x] != NULL)
			dec_sum(ctx, "%s ", hw[x]);
		else
			dec_sum(ctx, "hardware-type %d, ", x);
		for (; (x = cur_u8(v)) != -1; first = 0)
			dec_sum(ctx, "%s%02x", first ? "" : ":", x);
		break;
	case 81:	/* client FQDN, RFC 4702 */
		dhcp_fqdn(ctx, v);
		break;
	case 121:
	case 249:
		dhcp_routes(ctx, v);
		break;
	case 77:	/* user class, RFC 3004 */
		dhcp_uclass(ctx, v);
		break;
	case 82:	/* relay agent information, RFC 3046 */
		dhcp_agent(ctx, v);
		break;
	default:
		dec_sum(ctx, "[unknown special tag %d, size %zu]", tag, n);
		cur_skip(v, n);
		break;
	}
}

/* Client FQDN (RFC 4702): flags, the two RCODEs when set, the name. */
static void
dhcp_fqdn(struct dec_ctx *ctx, struct cur *v)
{
	const uint8_t	*p;
	size_t		 n = cur_left(v);

	if (n < 3) {
		dec_sum(ctx, "[ERROR: length < 3 bytes]");
		cur_skip(v, n);
		return;
	}
	p = cur_pull(v, 3);
	if (p[0] & 0xf0)
		dec_sum(ctx, "[ERROR: MBZ nibble 0x%x != 0] ", p[0] >> 4);
	if (p[0] & 0x0f)
		dec_sum(ctx, "[%s%s%s%s] ", p[0] & 1 ? "S" : "",
		    p[0] & 2 ? "O" : "", p[0] & 4 ? "E" : "",
		    p[0] & 8 ? "N" : "");
	if (p[1] || p[2])
		dec_sum(ctx, "%u/%u ", p[1], p[2]);
	dhcp_quoted(ctx, v, n - 3);
}

/* Classless static routes (RFC 3442): "(10.0.0.0/8:192.0.2.1)". */
static void
dhcp_routes(struct dec_ctx *ctx, struct cur *v)
{
	const uint8_t	*p;
	char		 a[DEC_ADDRSTRLEN];
	size_t		 sig, i;
	int		 w, first = 1;

	if (cur_left(v) < 5) {
		dec_sum(ctx, "[ERROR: length < 5 bytes]");
		cur_skip(v, cur_left(v));
		return;
	}
	for (; (w = cur_u8(v)) != -1; first = 0) {
		if (!first)
			dec_sum(ctx, ",");
		if (w > 32) {
			dec_sum(ctx, "[ERROR: Mask width (%d) > 32]", w);
			cur_skip(v, cur_left(v));
			return;
		}
		sig = ((size_t)w + 7) / 8;
		if (cur_left(v) < sig + 4) {
			dec_sum(ctx, "[ERROR: Remaining length (%zu) < %zu "
			    "bytes]", cur_left(v), sig + 4);
			cur_skip(v, cur_left(v));
			return;
		}
		p = cur_pull(v, sig);
		dec_sum(ctx, "(");
		if (w == 0)
			dec_sum(ctx, "default");
		else {
			for (i = 0; i < 4; i++)
				dec_sum(ctx, "%s%u", i > 0 ? "." : "",
				    i < sig ? p[i] : 0);
			dec_sum(ctx, "/%d", w);
		}
		dec_ntop(4, cur_pull(v, 4), a);
		dec_sum(ctx, ":%s)", a);
	}
}

/* User class (RFC 3004): each instance quoted, with its length. */
static void
dhcp_uclass(struct dec_ctx *ctx, struct cur *v)
{
	int	len, i;

	if (cur_left(v) < 2) {
		dec_sum(ctx, "[ERROR: length < 2 bytes]");
		cur_skip(v, cur_left(v));
		return;
	}
	for (i = 1; (len = cur_u8(v)) != -1; i++) {
		dec_sum(ctx, "\n\t      instance#%d: ", i);
		if (len == 0 || cur_left(v) < (size_t)len) {
			dec_sum(ctx, len == 0 ? "[ERROR: suboption length "
			    "must be non-zero]" : "[ERROR: invalid option]");
			cur_skip(v, cur_left(v));
			return;
		}
		dhcp_quoted(ctx, v, (size_t)len);
		dec_sum(ctx, ", length %d", len);
	}
}

/* Relay agent information (RFC 3046): sub-options, IDs as text. */
static void
dhcp_agent(struct dec_ctx *ctx, struct cur *v)
{
	const uint8_t	*p;
	const char	*name;
	int		 sub, len, i;

	while (cur_left(v) >= 2) {
		sub = cur_u8(v);
		len = cur_u8(v);
		name = sub == 1 ? "Circuit-ID" : sub == 2 ? "Remote-ID" :
		    sub == 6 ? "Subscriber-ID" : "Unknown";
		dec_sum(ctx, "\n\t      %s SubOption %d, length %d: ", name,
		    sub, len);
		if ((size_t)len > cur_left(v)) {
			dec_sum(ctx, "length goes past end of option");
			cur_skip(v, cur_left(v));
			return;
		}
		p = cur_pull(v, (size_t)len);
		if (sub == 1 || sub == 2 || sub == 6) {
			tbuf_vis(ctx->out, p, (size_t)len);
			continue;
		}
		for (i = 0; i < len; i++) {	/* tcpdump's hex_print */
			if (i % 16 == 0)
				dec_sum(ctx, "\n\t\t0x%04x: ", i);
			dec_sum(ctx, "%s%02x", i % 2 == 0 ? " " : "", p[i]);
		}
	}
}

/* n bytes at v as tcpdump quotes text: '"', nd_printn's notation, '"'. */
static void
dhcp_quoted(struct dec_ctx *ctx, struct cur *v, size_t n)
{
	dec_sum(ctx, "\"");
	tbuf_vis(ctx->out, cur_pull(v, n), n);
	dec_sum(ctx, "\"");
}
