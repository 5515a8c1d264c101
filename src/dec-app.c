/*
 * Application and routing protocols tcpdump names on one line: IGMP,
 * OSPF, VRRP, PIM, NTP, syslog, RADIUS, DHCPv6, EAPOL, and the first line
 * of HTTP/1, SIP and the SSH banner.  Only what tcpdump -n 4.99 prints
 * without -v, so lines compare whole; the wording is read from its output
 * for the tcpdump corpus, the layouts from RFC 3376 (IGMP), RFC 2328
 * (OSPF), RFC 5798 (VRRP), RFC 7761 (PIM), RFC 5905 (NTP), RFC 5424
 * (syslog), RFC 2865 (RADIUS), RFC 8415 (DHCPv6), IEEE 802.1X (EAPOL),
 * RFC 9112 (HTTP/1.1), RFC 3261 (SIP) and RFC 4253 (SSH).  Packet bytes
 * reach the text only through tbuf_esc().  TCP payloads go by a table of
 * ports (app_tcp); the TLS ports and, elsewhere, what looks like TLS go
 * to dec-tls.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define APP_MAXLINE	512		/* bytes searched for a text line */
#define APP_MAXLINES	1024		/* -v: lines shown */
#define APP_MAXTOKEN	128		/* tcpdump's MAX_TOKEN */

static int	app_parse(struct dec_ctx *, struct cur *);
static const char *app_name(const char *const *, unsigned, int);
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
static void	dns_tcp(struct dec_ctx *, struct cur *);
static int	app_line(struct cur *, const uint8_t **, size_t *);
static size_t	txt_token(const uint8_t *, size_t, size_t, size_t, char *,
		    size_t);
static size_t	txt_line(struct dec_ctx *, const uint8_t *, size_t, size_t,
		    size_t, const char *, const char *, int *);
static void	app_txt(struct dec_ctx *, struct cur *, const char *,
		    const char *, const char *const *);
static void	app_bgp(struct dec_ctx *, struct cur *);
static void	app_http(struct dec_ctx *, struct cur *);
static void	app_sip(struct dec_ctx *, struct cur *);
static void	app_ssh(struct dec_ctx *, struct cur *);
static void	app_tls(struct dec_ctx *, struct cur *);

#define APP_PROTO(sym, nm, k, fmt)					\
const struct dec_proto sym = {						\
	.name = nm, .key = k, .id = DEC_P_OTHER, .parse = app_parse,	\
	.format = fmt							\
}

APP_PROTO(dec_igmp_proto, "igmp", DEC_KEY(DEC_S_IP, 2), igmp_format);
APP_PROTO(dec_ospf_proto, "ospf", DEC_KEY(DEC_S_IP, 89), ospf_format);
APP_PROTO(dec_vrrp_proto, "vrrp", DEC_KEY(DEC_S_IP, 112), vrrp_format);
APP_PROTO(dec_pim_proto, "pim", DEC_KEY(DEC_S_IP, 103), pim_format);
APP_PROTO(dec_ntp_proto, "ntp", DEC_KEY(DEC_S_PORT, 123), ntp_format);
APP_PROTO(dec_syslog_proto, "syslog", DEC_KEY(DEC_S_PORT, 514),
    syslog_format);
APP_PROTO(dec_radius_proto, "radius", DEC_KEY(DEC_S_PORT, 1812),
    radius_format);
APP_PROTO(dec_radacct_proto, "radius", DEC_KEY(DEC_S_PORT, 1813),
    radius_format);
APP_PROTO(dec_dhcp6c_proto, "dhcp6", DEC_KEY(DEC_S_PORT, 546),
    dhcp6_format);
APP_PROTO(dec_dhcp6s_proto, "dhcp6", DEC_KEY(DEC_S_PORT, 547),
    dhcp6_format);
APP_PROTO(dec_eapol_proto, "eapol", DEC_KEY(DEC_S_ETHER, 0x888e),
    eapol_format);
APP_PROTO(dec_sip_proto, "sip", DEC_KEY(DEC_S_PORT, 5060), sip_format);

static const char *const http_cmds[] = {
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST",
	"BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE",
	"SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE",
	"CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST",
	"SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT",
	"MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
	"VERSION-CONTROL", "BASELINE-CONTROL", NULL
};
static const char *const sip_cmds[] = {
	"ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY",
	"OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK",
	"SUBSCRIBE", "UPDATE", "PUBLISH", NULL
};

/* The light parse stops here: the transport is what the mix counts. */
static int
app_parse(struct dec_ctx *ctx, struct cur *c)
{
	return DEC_DONE;
}

static const char *
app_name(const char *const *names, unsigned n, int v)
{
	if (v < 0 || (unsigned)v >= n || names[v] == NULL)
		return NULL;
	return names[v];
}

/* RFC 3376 section 4, RFC 2236 section 2: tcpdump's words. */
static void
igmp_format(struct dec_ctx *ctx, struct cur *c)
{
	uint8_t	g[4];
	char	buf[DEC_ADDRSTRLEN];
	int	type, code, grp;

	dec_layer(ctx, "IGMP");
	if ((type = cur_u8(c)) == -1 || (code = cur_u8(c)) == -1 ||
	    cur_skip(c, 2) == -1 || cur_copy(c, g, 4) == -1) {
		dec_sum(ctx, "igmp");
		dec_trunc(ctx, "igmp");
		return;
	}
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
	const char	*t;
	uint32_t	 len = ctx->l4len;
	int		 ver, type, at, alen;

	dec_layer(ctx, "OSPF");
	if ((ver = cur_u8(c)) == -1 || (type = cur_u8(c)) == -1) {
		dec_sum(ctx, "OSPF");
		dec_trunc(ctx, "ospf");
		return;
	}
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
	const char	*a;
	int		 vt, vrid, prio, naddr, at, intvl;

	dec_layer(ctx, "VRRP");
	if ((vt = cur_u8(c)) == -1 || (vrid = cur_u8(c)) == -1 ||
	    (prio = cur_u8(c)) == -1 || (naddr = cur_u8(c)) == -1 ||
	    (at = cur_u8(c)) == -1 || (intvl = cur_u8(c)) == -1) {
		dec_sum(ctx, "VRRP");
		dec_trunc(ctx, "vrrp");
		return;
	}
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
	const char	*t;
	int		 vt;

	dec_layer(ctx, "PIM");
	if ((vt = cur_u8(c)) == -1) {
		dec_sum(ctx, "PIM");
		dec_trunc(ctx, "pim");
		return;
	}
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
	int	b;

	dec_layer(ctx, "NTP");
	if ((b = cur_u8(c)) == -1) {
		dec_sum(ctx, "NTP");
		dec_trunc(ctx, "ntp");
		return;
	}
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
	const char	*t;
	int		 code, id, len;

	dec_layer(ctx, "RADIUS");
	if ((code = cur_u8(c)) == -1 || (id = cur_u8(c)) == -1 ||
	    (len = cur_u16(c)) == -1) {
		dec_sum(ctx, "RADIUS");
		dec_trunc(ctx, "radius");
		return;
	}
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
	const char	*t;
	int		 type;

	dec_layer(ctx, "DHCPv6");
	if ((type = cur_u8(c)) == -1) {
		dec_sum(ctx, "dhcp6");
		dec_trunc(ctx, "dhcp6");
		return;
	}
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
	const char	*t;
	int		 ver, type, len;

	dec_layer(ctx, "EAPOL");
	if ((ver = cur_u8(c)) == -1 || (type = cur_u8(c)) == -1 ||
	    (len = cur_u16(c)) == -1) {
		dec_sum(ctx, "EAPOL");
		dec_trunc(ctx, "eapol");
		return;
	}
	dec_fld(ctx, "version: %d, type: %d, length: %d", ver, type, len);
	if ((t = app_name(types, 5, type)) == NULL)
		t = "unknown";
	dec_sum(ctx, "%s (%d) v%d, len %d", t, type, ver, len);
}

/* The first line of a text protocol, without its CR LF; 0: none. */
static int
app_line(struct cur *c, const uint8_t **line, size_t *len)
{
	const uint8_t	*p;
	size_t		 n = cur_left(c), i;

	if (n > APP_MAXLINE)
		n = APP_MAXLINE;
	if (n == 0 || (p = cur_peek(c, n)) == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] == '\n')
			break;
	if (i == n)
		return 0;
	*line = p;
	*len = i > 0 && p[i - 1] == '\r' ? i - 1 : i;
	return 1;
}

/*
 * tcpdump's fetch_token: from idx, a token of printable ASCII into tok
 * and the blanks after it; the index after them, 0 when there is no
 * token, it is not text, or the capture ends inside it.
 */
static size_t
txt_token(const uint8_t *p, size_t avail, size_t idx, size_t len,
    char *tok, size_t toksz)
{
	size_t	n = 0;

	for (; idx < len; idx++) {
		if (idx >= avail || p[idx] >= 0x80)
			return 0;
		if (p[idx] == ' ' || p[idx] == '\t' || p[idx] == '\r' ||
		    p[idx] == '\n')
			break;
		if (p[idx] < 0x20 || p[idx] == 0x7f || n + 2 > toksz)
			return 0;
		tok[n++] = (char)p[idx];
	}
	if (n == 0)
		return 0;
	tok[n] = '\0';
	while (idx < len && idx < avail && (p[idx] == ' ' || p[idx] == '\t'))
		idx++;
	return idx;
}

/*
 * tcpdump's print_txt_line: the line at idx after prefix, without its
 * CR LF; the index of the next line, or 0 at the end, at binary data, or
 * when cut.  A last line without an end gets a marker; a capture that
 * ends before the wire length does gives up whole (*cut: 1).
 */
static size_t
txt_line(struct dec_ctx *ctx, const uint8_t *p, size_t avail, size_t idx,
    size_t len, const char *prefix, const char *proto, int *cut)
{
	size_t	start = idx, end;

	for (; idx < len; idx++) {
		if (idx >= avail || (p[idx] == '\r' && idx + 1 < len &&
		    idx + 1 >= avail)) {
			*cut = 1;
			return 0;
		}
		if (p[idx] == '\n' || (p[idx] == '\r' && idx + 1 < len &&
		    p[idx + 1] == '\n'))
			break;
		if (p[idx] == '\r' ||
		    ((p[idx] < 0x20 || p[idx] >= 0x7f) && p[idx] != '\t'))
			return 0;
	}
	end = idx;
	tbuf_puts(ctx->out, prefix);
	/* Printable ASCII, and tabs, which tbuf_esc() shows as "\x09". */
	tbuf_esc(ctx->out, p + start, end - start);
	if (idx >= len) {
		tbuf_printf(ctx->out, " [|%s]", proto);
		return 0;
	}
	return idx + (p[idx] == '\r' ? 2 : 1);
}

/*
 * tcpdump's text protocols (txtproto_print): "NAME", then, when the
 * payload starts with a request word of cmds or its second token is a
 * three-digit status, ": " and the first line, or with -v the length and
 * every line, tab-indented.  The payload is ctx->l4len bytes on the wire.
 */
static void
app_txt(struct dec_ctx *ctx, struct cur *c, const char *name,
    const char *proto, const char *const *cmds)
{
	const uint8_t	*p;
	char		 tok[APP_MAXTOKEN + 1];
	size_t		 avail = cur_left(c), len = ctx->l4len, idx;
	int		 i, show = 0, cut = 0;

	if (ctx->out == NULL || ctx->tree)
		return;
	p = avail > 0 ? cur_peek(c, avail) : NULL;
	idx = p != NULL ? txt_token(p, avail, 0, len, tok, sizeof tok) : 0;
	if (idx != 0) {
		for (i = 0; cmds[i] != NULL && !show; i++)
			show = strcasecmp(tok, cmds[i]) == 0;
		idx = txt_token(p, avail, idx, len, tok, sizeof tok);
		if (idx != 0 && strlen(tok) == 3 && tok[0] >= '0' &&
		    tok[0] <= '9' && tok[1] >= '0' && tok[1] <= '9' &&
		    tok[2] >= '0' && tok[2] <= '9')
			show = 1;
	}
	tbuf_puts(ctx->out, name);
	if (!show)
		return;
	if (ctx->opt->verbose) {
		tbuf_printf(ctx->out, ", length: %zu", len);
		for (idx = 0, i = 0; idx < len && i < APP_MAXLINES; i++)
			if ((idx = txt_line(ctx, p, avail, idx, len, "\n\t",
			    proto, &cut)) == 0)
				break;
	} else
		txt_line(ctx, p, avail, 0, len, ": ", proto, &cut);
	if (cut)
		dec_trunc(ctx, proto);
}

static void
sip_format(struct dec_ctx *ctx, struct cur *c)
{
	dec_layer(ctx, "SIP");
	app_txt(ctx, c, "SIP", "sip", sip_cmds);
}

/* DNS over TCP: a two-byte length, then the message (RFC 1035 4.2.2). */
static void
dns_tcp(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	msg;
	int		len;

	if ((len = cur_u16(c)) == -1)
		return;
	cur_sub(c, (size_t)len, &msg);
	tbuf_putc(ctx->out, ' ');
	ctx->l4len = (uint32_t)len;
	dec_next(ctx, DEC_KEY(DEC_S_PORT, 53), &msg);
}

static void
app_bgp(struct dec_ctx *ctx, struct cur *c)
{
	/* tcpdump names the messages only from -v on. */
	tbuf_puts(ctx->out, ": BGP");
}

static void
app_http(struct dec_ctx *ctx, struct cur *c)
{
	tbuf_puts(ctx->out, ": ");
	app_txt(ctx, c, "HTTP", "http", http_cmds);
}

static void
app_sip(struct dec_ctx *ctx, struct cur *c)
{
	tbuf_puts(ctx->out, ": ");
	app_txt(ctx, c, "SIP", "sip", sip_cmds);
}

static void
app_ssh(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*line;
	size_t		 len;

	if (cur_left(c) > 4 && app_line(c, &line, &len) && len > 4 &&
	    memcmp(line, "SSH-", 4) == 0) {
		tbuf_puts(ctx->out, ": SSH: ");
		tbuf_esc(ctx->out, line, len);
	}
}

/* TLS ports: any record (dec-tls.c). */
static void
app_tls(struct dec_ctx *ctx, struct cur *c)
{
	dec_tls_tcp(ctx, c, ctx->l4len, 1);
}

/*
 * TCP applications by port, source or destination, first match wins:
 * tcpdump's names (BGP, DNS, HTTP, SIP, SSH), then the TLS ports
 * (IANA: https, submissions, nntps, ldaps, domain-s, ftps, telnets,
 * imaps, ircs, pop3s, sips, and 8443).
 */
static const struct app_tcp {
	int	 port;
	void	(*fn)(struct dec_ctx *, struct cur *);
} app_tcp[] = {
	{ 179, app_bgp }, { 22, app_ssh }, { 80, app_http },
	{ 8080, app_http }, { 53, dns_tcp }, { 5060, app_sip },
	{ 443, app_tls }, { 465, app_tls }, { 563, app_tls },
	{ 636, app_tls }, { 853, app_tls }, { 989, app_tls },
	{ 990, app_tls }, { 992, app_tls }, { 993, app_tls },
	{ 994, app_tls }, { 995, app_tls }, { 5061, app_tls },
	{ 8443, app_tls }, { 0, NULL }
};

/*
 * After a TCP segment's "length N" (ctx->l4len: N): the application by
 * port, as tcpdump names it; on other ports TLS if dec_tls_tcp() finds a
 * hello or records that fill the segment.
 */
void
dec_tcp_app(struct dec_ctx *ctx, struct cur *c, int sport, int dport)
{
	const struct app_tcp	*a;

	if (ctx->out == NULL || ctx->l4len == 0)
		return;
	/* The tree has a TLS layer; the others are summary text only. */
	for (a = app_tcp; a->fn != NULL; a++)
		if (sport == a->port || dport == a->port) {
			/* Only HTTP is named with nothing of it captured. */
			if (cur_left(c) == 0 && a->fn != app_http)
				return;
			if (!ctx->tree || a->fn == app_tls)
				a->fn(ctx, c);
			return;
		}
	dec_tls_tcp(ctx, c, ctx->l4len, 0);
}
