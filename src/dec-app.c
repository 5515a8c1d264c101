/*
 * Application and routing protocols tcpdump names on one line from their
 * binary header: IGMP, OSPF, VRRP, PIM, NTP, syslog, RADIUS, DHCPv6 and
 * EAPOL; and SIP over UDP, whose text dec-text.c writes.  Only what
 * tcpdump -n 4.99 prints without -v (syslog's -v aside), so lines
 * compare whole; the wording is read from its output for the tcpdump
 * corpus, the layouts from RFC 3376 (IGMP), RFC 2328 (OSPF), RFC 5798
 * (VRRP), RFC 7761 (PIM), RFC 5905 (NTP), RFC 5424 (syslog), RFC 2865
 * (RADIUS), RFC 8415 (DHCPv6) and IEEE 802.1X (EAPOL).  Packet bytes
 * reach the text only through tbuf_vis().  The text protocols (HTTP/1,
 * SIP, the SSH banner) and the TCP port table are in dec-text.c.
 */
#include <stdint.h>
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

static const char *app_name(const char *const *, unsigned, int);
static const uint8_t *app_head(struct dec_ctx *, struct cur *, size_t,
		    const char *, const char *, const char *);
static void	igmp_format(struct dec_ctx *, struct cur *);
static int	igmp_body(struct dec_ctx *, struct cur *);
static int	igmp_query2(struct dec_ctx *, int, const uint8_t *,
		    const char *);
static void	igmp_query3(struct dec_ctx *, struct cur *);
static void	igmp_report3(struct dec_ctx *, struct cur *);
static int	igmp_sources(struct dec_ctx *, struct cur *, size_t, int);
static void	ospf_format(struct dec_ctx *, struct cur *);
static void	vrrp_format(struct dec_ctx *, struct cur *);
static void	pim_format(struct dec_ctx *, struct cur *);
static void	ntp_format(struct dec_ctx *, struct cur *);
static void	syslog_format(struct dec_ctx *, struct cur *);
static void	syslog_v(struct dec_ctx *, struct cur *, size_t);
static void	radius_format(struct dec_ctx *, struct cur *);
static void	dhcp6_format(struct dec_ctx *, struct cur *);
static void	eapol_format(struct dec_ctx *, struct cur *);
static void	sip_format(struct dec_ctx *, struct cur *);

/*
 * The light parse stops at these (no parse function): the transport is
 * what the mix counts.  The keys come last, one or more.
 */
#define APP_PROTO(sym, nm, fmt, ...)					\
const struct dec_proto sym = {						\
	.name = nm, .keys = { __VA_ARGS__ }, .id = DEC_P_OTHER,		\
	.format = fmt							\
}

APP_PROTO(dec_igmp_proto, "igmp", igmp_format, DEC_KEY(DEC_S_IP, 2));
APP_PROTO(dec_ospf_proto, "ospf", ospf_format, DEC_KEY(DEC_S_IP, 89));
APP_PROTO(dec_vrrp_proto, "vrrp", vrrp_format, DEC_KEY(DEC_S_IP, 112));
APP_PROTO(dec_pim_proto, "pim", pim_format, DEC_KEY(DEC_S_IP, 103));
APP_PROTO(dec_ntp_proto, "ntp", ntp_format, DEC_KEY(DEC_S_PORT, 123));
APP_PROTO(dec_syslog_proto, "syslog", syslog_format,
    DEC_KEY(DEC_S_PORT, 514));
/* Authentication and accounting. */
APP_PROTO(dec_radius_proto, "radius", radius_format,
    DEC_KEY(DEC_S_PORT, 1812), DEC_KEY(DEC_S_PORT, 1813));
/* Client and server port. */
APP_PROTO(dec_dhcp6_proto, "dhcp6", dhcp6_format,
    DEC_KEY(DEC_S_PORT, 546), DEC_KEY(DEC_S_PORT, 547));
APP_PROTO(dec_eapol_proto, "eapol", eapol_format,
    DEC_KEY(DEC_S_ETHER, 0x888e));
APP_PROTO(dec_sip_proto, "sip", sip_format, DEC_KEY(DEC_S_PORT, 5060));

static const char *
app_name(const char *const *names, unsigned n, int v)
{
	if (v < 0 || (unsigned)v >= n || names[v] == NULL)
		return NULL;
	return names[v];
}

/*
 * The tree's layer name, then the first n bytes of the header; when they
 * were not captured, tcpdump's word and marker ("OSPF [|ospf]") and NULL.
 */
static const uint8_t *
app_head(struct dec_ctx *ctx, struct cur *c, size_t n, const char *layer,
    const char *word, const char *marker)
{
	const uint8_t	*h;

	dec_layer(ctx, layer);
	if ((h = cur_pull(c, n)) == NULL) {
		dec_sum(ctx, "%s", word);
		dec_trunc(ctx, marker);
	}
	return h;
}

/*
 * RFC 3376 section 4, RFC 2236 section 2: tcpdump's words.  tcpdump
 * reads each field as it prints it, through GET_ macros: a cut gives up
 * on the packet after what was printed ("igmp query v2 [|igmp]").
 */
static void
igmp_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	m = *c;

	if (igmp_body(ctx, c) == 0 && dec_cksum_wrong(ctx, &m) != -1)
		dec_sum(ctx, " bad igmp cksum %x!", cur_peek_u16(&m, 2));
}

/*
 * What igmp_format prints before the -v checksum verdict: 0, or -1 when
 * there is no verdict ("[|igmp]", or -q's "igmp").
 */
static int
igmp_body(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 buf[DEC_ADDRSTRLEN];
	int		 type, code;

	dec_layer(ctx, "IGMP");
	if (ctx->opt->quick) {
		dec_sum(ctx, "igmp");
		return -1;
	}
	type = cur_peek_u8(c, 0);
	code = cur_peek_u8(c, 1);
	/* The tree names what was captured, the marker says the rest. */
	if ((h = cur_peek(c, 8)) != NULL) {
		dec_ntop(4, &h[4], buf);
		dec_fld(ctx, "type: 0x%02x, code: %d, group: %s", type, code,
		    buf);
	} else if (code != -1)
		dec_fld(ctx, "type: 0x%02x, code: %d", type, code);
	switch (type) {
	case -1:
		break;
	case 0x11:
		dec_sum(ctx, "igmp query");
		if (ctx->l4len >= 12)
			igmp_query3(ctx, c);
		else if (igmp_query2(ctx, code, h, buf) == -1)
			break;
		return 0;
	case 0x12:
	case 0x16:
		if (h == NULL)
			break;
		dec_sum(ctx, "igmp v%d report %s", type == 0x12 ? 1 : 2, buf);
		/* tcpdump 4.99 checks a v1 report's length, not a v2's. */
		if (type == 0x12 && ctx->l4len != 8)
			dec_sum(ctx, " [len %u]", ctx->l4len);
		return 0;
	case 0x17:
		if (h == NULL)
			break;
		dec_sum(ctx, "igmp leave %s", buf);
		return 0;
	case 0x22:
		dec_sum(ctx, "igmp v3 report");
		igmp_report3(ctx, c);
		return 0;
	default:
		dec_sum(ctx, "igmp-%d", type);
		return 0;
	}
	dec_trunc(ctx, "igmp");
	return -1;
}

/*
 * An IGMPv1 or v2 query (RFC 2236 2), v1 when its code is 0, after
 * "igmp query"; h is its 8 bytes (NULL when cut), buf the group as text.
 * -1 when cut before the end of what tcpdump prints.
 */
static int
igmp_query2(struct dec_ctx *ctx, int code, const uint8_t *h, const char *buf)
{
	if (code == -1)
		return -1;
	dec_sum(ctx, " v%d", code == 0 ? 1 : 2);
	if (code != 0 && code != 100)
		dec_sum(ctx, " [max resp time %d]", code);
	if (h == NULL)
		return -1;
	if (h[4] | h[5] | h[6] | h[7])
		dec_sum(ctx, " [gaddr %s]", buf);
	if (ctx->l4len != 8)
		dec_sum(ctx, " [len %u]", ctx->l4len);
	return 0;
}

/*
 * -vv: n IPv4 source addresses from byte off of the message, as tcpdump
 * lists a v3 query's or group record's (" { a b }"); -1 when cut.
 */
static int
igmp_sources(struct dec_ctx *ctx, struct cur *c, size_t off, int n)
{
	const uint8_t	*h;
	char		 buf[DEC_ADDRSTRLEN];
	int		 i;

	dec_sum(ctx, " {");
	for (i = 0; i < n; i++) {
		if ((h = cur_peek(c, off + 4 + 4 * (size_t)i)) == NULL)
			return -1;
		dec_ntop(4, &h[off + 4 * (size_t)i], buf);
		dec_sum(ctx, " %s", buf);
	}
	dec_sum(ctx, " }");
	return 0;
}

/*
 * An IGMPv3 report (RFC 3376 4.2): the number of group records where a
 * group is elsewhere; under -v each record's group, type and number of
 * sources (-vv: the sources), as tcpdump's print_igmpv3_report.
 */
static void
igmp_report3(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const types[] = { NULL, "is_in", "is_ex", "to_in",
	    "to_ex", "allow", "block" };
	const uint8_t	*h;
	char		 buf[DEC_ADDRSTRLEN];
	uint32_t	 off;
	int		 n, i, ns;

	/* At least a header and one record, in words: before any read. */
	if (ctx->l4len < 16 || ctx->l4len % 4 != 0) {
		dec_sum(ctx, " [invalid len %u]", ctx->l4len);
		return;
	}
	if ((h = cur_peek(c, 8)) == NULL)
		goto cut;
	dec_sum(ctx, ", %d group record(s)", n = h[6] << 8 | h[7]);
	for (i = 0, off = 8; ctx->opt->verbose && i < n; i++) {
		if (ctx->l4len < off + 8) {
			dec_sum(ctx, " [invalid number of groups]");
			return;
		}
		if ((h = cur_peek(c, off + 8)) == NULL)
			goto cut;
		dec_ntop(4, &h[off + 4], buf);
		dec_sum(ctx, " [gaddr %s", buf);
		if (h[off] >= 1 && h[off] <= 6)
			dec_sum(ctx, " %s", types[h[off]]);
		else
			dec_sum(ctx, "  [v3-report-#%d]", h[off]);
		ns = h[off + 2] << 8 | h[off + 3];
		if (ctx->l4len < off + 8 + 4 * (uint32_t)ns) {
			dec_sum(ctx, " [invalid number of sources %d]", ns);
			return;
		}
		if (ctx->opt->verbose == 1)
			dec_sum(ctx, ", %d source(s)", ns);
		else if (igmp_sources(ctx, c, off + 8, ns) == -1)
			goto cut;
		off += 8 + 4 * (uint32_t)ns;
		dec_sum(ctx, "]");
	}
	return;
cut:
	dec_trunc(ctx, "igmp");
}

/*
 * An IGMPv3 query (RFC 3376 4.1) as tcpdump's print_igmpv3_query: the
 * maximum response time from its code (4.1.1), the group and its number
 * of sources (-vv: the sources).
 */
static void
igmp_query3(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 buf[DEC_ADDRSTRLEN];
	int		 mrc, n;
	int64_t		 mrt;

	dec_sum(ctx, " v3");
	if (ctx->l4len % 4 != 0) {
		dec_sum(ctx, " [invalid len %u]", ctx->l4len);
		return;
	}
	if ((mrc = cur_peek_u8(c, 1)) == -1)
		goto cut;
	mrt = mrc < 128 ? mrc : (int64_t)((mrc & 0x0f) | 0x10) <<
	    (((mrc & 0x70) >> 4) + 3);
	if (mrc != 100 && mrt < 600)
		dec_sum(ctx, " [max resp time %.1fs]", (double)mrt * 0.1);
	else if (mrc != 100 && ctx->out != NULL && !ctx->tree) {
		dec_sum(ctx, " [max resp time ");
		dec_relts(ctx->out, mrt / 10);
		dec_sum(ctx, "]");
	}
	if ((h = cur_peek(c, 8)) == NULL)
		goto cut;
	if ((h[4] | h[5] | h[6] | h[7]) == 0)
		return;
	dec_ntop(4, &h[4], buf);
	dec_sum(ctx, " [gaddr %s", buf);
	if ((h = cur_peek(c, 12)) == NULL)
		goto cut;
	if ((n = h[10] << 8 | h[11]) > 0 && ctx->l4len < 12 + 4 * (uint32_t)n)
		dec_sum(ctx, " [invalid number of sources]");
	else if (n > 0 && ctx->opt->verbose > 1) {
		if (igmp_sources(ctx, c, 12, n) == -1)
			goto cut;
	} else if (n > 0)
		dec_sum(ctx, ", %d source(s)", n);
	dec_sum(ctx, "]");
	return;
cut:
	dec_trunc(ctx, "igmp");
}

static void
ospf_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const types[] = { NULL, "Hello",
	    "Database Description", "LS-Request", "LS-Update", "LS-Ack" };
	const uint8_t	*h;
	const char	*t;
	uint32_t	 len = ctx->l4len;
	int		 ver, type, at, alen;

	if ((h = app_head(ctx, c, 2, "OSPF", "OSPF", "ospf")) == NULL)
		return;
	ver = h[0];
	type = h[1];
	dec_fld(ctx, "version: %d, type: %d", ver, type);
	dec_sum(ctx, "OSPFv%d, ", ver);
	if ((t = app_name(types, 6, type)) != NULL)
		dec_sum(ctx, "%s", t);
	else
		dec_sum(ctx, "unknown packet type (%d)", type);
	/* tcpdump leaves out the digest of cryptographic authentication. */
	at = cur_peek_u16(c, 12);
	alen = cur_peek_u8(c, 17);
	if (ver == 2 && at == 2 && alen > 0 && (uint32_t)alen < len)
		len -= (uint32_t)alen;
	dec_sum(ctx, ", length %u", len);
}

static void
vrrp_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const auth[] = { "none", "simple", "ah" };
	const uint8_t	*h;
	const char	*a;
	int		 vt, vrid, prio, at, intvl;

	/*
	 * RFC 5798 5.1: version and type, id, priority, address count,
	 * then VRRPv2's auth type and interval, or v3's 12-bit interval.
	 */
	if ((h = app_head(ctx, c, 6, "VRRP", "VRRP", "vrrp")) == NULL)
		return;
	vt = h[0];
	vrid = h[1];
	prio = h[2];
	at = h[4];
	intvl = h[5];
	dec_fld(ctx, "version: %d, vrid: %d, priority: %d", vt >> 4, vrid,
	    prio);
	dec_sum(ctx, "VRRPv%d, %s", vt >> 4, (vt & 0xf) == 1 ?
	    "Advertisement" : "unknown");
	dec_sum(ctx, ", vrid %d, prio %d", vrid, prio);
	if (vt >> 4 == 2) {
		if ((a = app_name(auth, 3, at)) != NULL)
			dec_sum(ctx, ", authtype %s", a);
		else
			dec_sum(ctx, ", authtype %d", at);
		dec_sum(ctx, ", intvl %ds", intvl);
	} else
		dec_sum(ctx, ", intvl %dcs", (at & 0xf) << 8 | intvl);
	dec_sum(ctx, ", length %u", ctx->l4len);
}

static void
pim_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const types[] = { "Hello", "Register",
	    "Register Stop", "Join / Prune", "Bootstrap", "Assert", "Graft",
	    "Graft ACK", "Candidate RP Advertisement" };
	const uint8_t	*h;
	const char	*t;
	int		 vt;

	if ((h = app_head(ctx, c, 1, "PIM", "PIM", "pim")) == NULL)
		return;
	vt = h[0];
	dec_fld(ctx, "version: %d, type: %d", vt >> 4, vt & 0xf);
	dec_sum(ctx, "PIMv%d, ", vt >> 4);
	if ((t = app_name(types, 9, vt & 0xf)) != NULL)
		dec_sum(ctx, "%s", t);
	else
		dec_sum(ctx, "unknown type (%d)", vt & 0xf);
	dec_sum(ctx, ", length %u", ctx->l4len);
}

static void
ntp_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const modes[] = { "unspecified",
	    "symmetric active", "symmetric passive", "Client", "Server",
	    "Broadcast", "Control Message", "Reserved" };
	const uint8_t	*h;
	int		 b;

	/* tcpdump's first GET_ gives up on the packet: " [|ntp]" alone. */
	if ((h = app_head(ctx, c, 1, "NTP", "", "ntp")) == NULL)
		return;
	b = h[0];
	dec_fld(ctx, "version: %d, mode: %s", b >> 3 & 7, modes[b & 7]);
	dec_sum(ctx, "NTPv%d, %s, length %u", b >> 3 & 7, modes[b & 7],
	    ctx->l4len);
}

/* "<PRI>": facility and severity (RFC 5424 section 6.2.1). */
static void
syslog_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const fac[] = { "kernel", "user", "mail",
	    "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
	    "authpriv", "ftp", "ntp", "security", "console", "cron",
	    "local0", "local1", "local2", "local3", "local4", "local5",
	    "local6", "local7" };
	static const char *const sev[] = { "emergency", "alert", "critical",
	    "error", "warning", "notice", "info", "debug" };
	struct cur	msg = *c;
	int		ch, pri = 0, n = 0;

	dec_layer(ctx, "Syslog");
	/* Cut inside "<pri>", tcpdump prints the marker alone. */
	if ((ch = cur_u8(c)) != '<') {
		if (ch != -1)
			dec_sum(ctx, "SYSLOG");
		dec_trunc(ctx, "syslog");
		return;
	}
	while ((ch = cur_u8(c)) >= '0' && ch <= '9' && n++ < 3)
		pri = pri * 10 + ch - '0';
	if (ch != '>' || n == 0 || pri > 191) {
		if (ch != -1)
			dec_sum(ctx, "SYSLOG");
		dec_trunc(ctx, "syslog");
		return;
	}
	dec_fld(ctx, "facility: %s, severity: %s", fac[pri >> 3],
	    sev[pri & 7]);
	if (!ctx->opt->verbose || ctx->out == NULL || ctx->tree) {
		dec_sum(ctx, "SYSLOG %s.%s, length: %u", fac[pri >> 3],
		    sev[pri & 7], ctx->l4len);
		return;
	}
	dec_sum(ctx, "SYSLOG, length: %u\n\tFacility %s (%d), Severity %s "
	    "(%d)\n\tMsg: ", ctx->l4len, fac[pri >> 3], pri >> 3,
	    sev[pri & 7], pri & 7);
	syslog_v(ctx, &msg, cur_off(c) - cur_off(&msg));
}

/*
 * tcpdump -v: the message after "<pri>" as it is, escaped; -vv then the
 * whole payload in hex.  Both go to the wire length, so a cut capture
 * ends in the marker.
 */
static void
syslog_v(struct dec_ctx *ctx, struct cur *msg, size_t off)
{
	struct cur	 hex, text = *msg;
	const uint8_t	*p;
	size_t		 len = ctx->l4len, got = cur_left(msg);

	if (got > len)
		got = len;
	p = cur_peek(msg, got);
	if (len > off && cur_skip(&text, off) == 0)
		tbuf_vis(ctx->out, cur_peek(&text, got - off), got - off);
	if (got < len) {
		dec_trunc(ctx, "syslog");
		return;
	}
	if (ctx->opt->verbose < 2)
		return;
	cur_init(&hex, p, got);
	dec_hexlines(ctx->out, "\n\t", &hex, 0);
}

static void
radius_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const codes[] = { NULL, "Access-Request",
	    "Access-Accept", "Access-Reject", "Accounting-Request",
	    "Accounting-Response", NULL, NULL, NULL, NULL, NULL,
	    "Access-Challenge", "Status-Server", "Status-Client" };
	const uint8_t	*h;
	const char	*t;
	int		 code, id, len;

	/* tcpdump wants the whole 20-byte header, and says nothing else. */
	if ((h = app_head(ctx, c, 20, "RADIUS", "", "radius")) == NULL)
		return;
	code = h[0];
	id = h[1];
	len = h[2] << 8 | h[3];
	dec_fld(ctx, "code: %d, id: %d, length: %d", code, id, len);
	if (len < 20) {
		dec_trunc(ctx, "radius");
		return;
	}
	if ((uint32_t)len > ctx->l4len)
		len = (int)ctx->l4len;
	if ((t = app_name(codes, 14, code)) == NULL)
		t = "Unknown Command";
	dec_sum(ctx, "RADIUS, %s (%d), id: 0x%02x length: %d", t, code, id,
	    len);
}

static void
dhcp6_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const types[] = { NULL, "solicit", "advertise",
	    "request", "confirm", "renew", "rebind", "reply", "release",
	    "decline", "reconfigure", "inf-req", "relay-fwd", "relay-reply",
	    "leasequery", "leasequery-reply" };
	const uint8_t	*h;
	const char	*t;
	int		 type;

	if ((h = app_head(ctx, c, 1, "DHCPv6", "dhcp6", "dhcp6")) == NULL)
		return;
	type = h[0];
	dec_fld(ctx, "message type: %d", type);
	if ((t = app_name(types, 16, type)) != NULL)
		dec_sum(ctx, "dhcp6 %s", t);
	else
		dec_sum(ctx, "dhcp6 msgtype-%d", type);
}

static void
eapol_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const types[] = { "EAP packet", "EAPOL start",
	    "EAPOL logoff", "EAPOL key", "Encapsulated ASF alert" };
	const uint8_t	*h;
	const char	*t;
	int		 ver, type, len;

	if ((h = app_head(ctx, c, 4, "EAPOL", "EAPOL", "eapol")) == NULL)
		return;
	ver = h[0];
	type = h[1];
	len = h[2] << 8 | h[3];
	dec_fld(ctx, "version: %d, type: %d, length: %d", ver, type, len);
	if ((t = app_name(types, 5, type)) == NULL)
		t = "unknown";
	dec_sum(ctx, "%s (%d) v%d, len %d", t, type, ver, len);
}

/* SIP over UDP: the same text as over TCP (dec-text.c). */
static void
sip_format(struct dec_ctx *ctx, struct cur *c)
{
	dec_layer(ctx, "SIP");
	dec_text_sip(ctx, c);
}
