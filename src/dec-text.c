/*
 * What follows TCP's "length N" on the summary line, and the text
 * protocols: the table of TCP ports tcpdump names (BGP, DNS over TCP,
 * HTTP, SIP, SSH, and the TLS ports, which go to dec-tls.c), and
 * tcpdump's txtproto_print for HTTP/1 and SIP (over TCP, and UDP 5060):
 * the first line, or with -v every line, when the payload starts with a
 * request word or a status; the SSH banner.  Only what tcpdump -n 4.99
 * prints, so lines compare whole.  RFC 9112 (HTTP/1.1), RFC 3261 (SIP),
 * RFC 4253 (SSH), RFC 1035 4.2.2 (DNS over TCP).  Packet bytes reach the
 * text only through tbuf_esc().
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
static int	ssh_cut(struct cur *, uint32_t);
static void	app_ssh(struct dec_ctx *, struct cur *);
static void	app_tls(struct dec_ctx *, struct cur *);

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

/*
 * SIP's text, as tcpdump's sip_print: over UDP 5060 (dec-app.c registers
 * it with the other one-line protocols) and over TCP.
 */
void
dec_text_sip(struct dec_ctx *ctx, struct cur *c)
{
	app_txt(ctx, c, "SIP", "sip", sip_cmds);
}

/*
 * DNS over TCP: a two-byte length, then the message (RFC 1035 4.2.2).
 * tcpdump skips the length and takes the rest of the segment as the
 * message; when the length is not there it gives up on the whole packet
 * (" [|domain]").
 */
static void
dns_tcp(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	msg;

	if (ctx->l4len < 2) {
		dec_sum(ctx, " [DNS over TCP: length %u < 2] (invalid)",
		    ctx->l4len);
		return;
	}
	if (cur_skip(c, 2) == -1) {
		ctx->gaveup = 1;	/* a GET_ of the length: -x from 0 */
		dec_trunc(ctx, "domain");
		return;
	}
	ctx->l4len -= 2;
	cur_sub(c, ctx->l4len, &msg);
	tbuf_putc(ctx->out, ' ');
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
	dec_text_sip(ctx, c);
}

/*
 * tcpdump reads the version line byte by byte with GET_ macros, up to
 * the segment's length (len): after "SSH-", a capture that ends before
 * the line does (a LF, or a CR and the byte after it) gives up on the
 * whole packet.  1 then.
 */
static int
ssh_cut(struct cur *c, uint32_t len)
{
	size_t	i, n = cur_left(c);
	int	ch;

	for (i = 0; i < len; i++) {
		if (i >= n)
			return 1;
		ch = cur_peek_u8(c, i);
		if (i < 4 && ch != "SSH-"[i])
			return 0;
		if (i >= 4 && ch == '\r')
			return i + 1 < len && i + 1 >= n;
		if (i >= 4 && ch == '\n')
			return 0;
	}
	return 0;
}

static void
app_ssh(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*line;
	size_t		 len;

	if (ssh_cut(c, ctx->l4len)) {
		ctx->gaveup = 1;
		dec_trunc(ctx, "ssh");
		return;
	}
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
			/* HTTP, DNS and SSH alone say so with nothing captured. */
			if (cur_left(c) == 0 && a->fn != app_http &&
			    a->fn != dns_tcp && a->fn != app_ssh)
				return;
			if (!ctx->tree || a->fn == app_tls)
				a->fn(ctx, c);
			return;
		}
	dec_tls_tcp(ctx, c, ctx->l4len, 0);
}
