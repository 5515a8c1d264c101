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

/* RFC 3376 section 4, RFC 2236 section 2: tcpdump's words. */
static void
igmp_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h, *g;
	char		 buf[DEC_ADDRSTRLEN];
	int		 type, code, grp;

	if ((h = app_head(ctx, c, 8, "IGMP", "igmp", "igmp")) == NULL)
		return;
	type = h[0];
	code = h[1];
	g = &h[4];
	dec_ntop(4, g, buf);
	grp = g[0] | g[1] | g[2] | g[3];
	if (ctx->opt->quick) {
		dec_sum(ctx, "igmp");
		return;
	}
	dec_fld(ctx, "type: 0x%02x, code: %d, group: %s", type, code, buf);
	switch (type) {
	case 0x11:
		dec_sum(ctx, "igmp query");
		if (ctx->l4len >= 12) {
			dec_sum(ctx, " v3");
			if (code != 100)
				dec_sum(ctx, " [max resp code %d]", code);
		} else if (code == 0)
			dec_sum(ctx, " v1");
		else {
			dec_sum(ctx, " v2");
			if (code != 100)
				dec_sum(ctx, " [max resp time %d]", code);
		}
		if (grp)
			dec_sum(ctx, " [gaddr %s]", buf);
		if (ctx->l4len < 12 && ctx->l4len != 8)
			dec_sum(ctx, " [len %u]", ctx->l4len);
		break;
	case 0x12:
	case 0x16:
		dec_sum(ctx, "igmp v%d report %s", type == 0x12 ? 1 : 2, buf);
		break;
	case 0x17:
		dec_sum(ctx, "igmp leave %s", buf);
		break;
	case 0x22:
		/* The reserved word and the record count sit where a group is. */
		dec_sum(ctx, "igmp v3 report, %d group record(s)",
		    g[2] << 8 | g[3]);
		break;
	default:
		dec_sum(ctx, "igmp-%d", type);
		break;
	}
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

	if ((h = app_head(ctx, c, 1, "NTP", "NTP", "ntp")) == NULL)
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

	if ((h = app_head(ctx, c, 4, "RADIUS", "RADIUS", "radius")) == NULL)
		return;
	code = h[0];
	id = h[1];
	len = h[2] << 8 | h[3];
	dec_fld(ctx, "code: %d, id: %d, length: %d", code, id, len);
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
