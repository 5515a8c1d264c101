/*
 * The helpers the protocol decoders write their text with: summary
 * pieces (dec_sum), tree fields and layers (dec_fld, dec_layer), the
 * cut and bad-header markers tcpdump prints, the address and port
 * prefix, escaped packet text and hex dumps, address formatting.  Text
 * goes only to the caller's tbuf; packet text through tbuf_vis(), other
 * bytes as numbers or as printable ASCII.  The dispatch is in dec.c.
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

static void	dec_vfld(struct dec_ctx *, int, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));
static void	dec_sep(struct dec_ctx *);
static char	*dec_fmt_addr(char *, int, const uint8_t *);

/* Bytes left on the wire from the cursor on. */
uint32_t
dec_wire(const struct dec_ctx *ctx, const struct cur *c)
{
	size_t	off = cur_off(c);

	return off < ctx->len ? ctx->len - (uint32_t)off : 0;
}

void
dec_sum(struct dec_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	if (ctx->out == NULL || ctx->tree)
		return;
	if (strchr(fmt, '%') == NULL) {
		tbuf_puts(ctx->out, fmt);
		return;
	}
	va_start(ap, fmt);
	tbuf_vprintf(ctx->out, fmt, ap);
	va_end(ap);
}

/* A number in the summary, the common case, without printf. */
void
dec_sumu(struct dec_ctx *ctx, unsigned long v)
{
	if (ctx->out != NULL && !ctx->tree)
		tbuf_putu(ctx->out, v);
}

static void
dec_vfld(struct dec_ctx *ctx, int extra, const char *fmt, va_list ap)
{
	char	buf[256];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	tbuf_printf(ctx->out, "%*s%s\n", ctx->indent + extra, "", buf);
}

/* One field of the tree, two spaces deeper than its layer (dec_fld). */
void
dec_fld_tree(struct dec_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	if (ctx->out == NULL || !ctx->tree)
		return;
	va_start(ap, fmt);
	dec_vfld(ctx, 2, fmt, ap);
	va_end(ap);
}

void
dec_layer(struct dec_ctx *ctx, const char *name)
{
	if (ctx->out == NULL || !ctx->tree)
		return;
	tbuf_printf(ctx->out, "%*s%s\n", ctx->indent, "", name);
}

/* Start a tree field to be written piecewise; NULL in summary mode. */
struct tbuf *
dec_line(struct dec_ctx *ctx)
{
	if (ctx->out == NULL || !ctx->tree)
		return NULL;
	tbuf_printf(ctx->out, "%*s", ctx->indent + 2, "");
	return ctx->out;
}

void
dec_endline(struct dec_ctx *ctx)
{
	if (ctx->out != NULL && ctx->tree)
		tbuf_putc(ctx->out, '\n');
}

static void
dec_sep(struct dec_ctx *ctx)
{
	struct tbuf	*tb = ctx->out;

	if (tb->len > 0 && tb->s[tb->len - 1] != ' ')
		tbuf_putc(tb, ' ');
}

/* A header cut off by the capture: tcpdump's "[|tcp]". */
void
dec_trunc(struct dec_ctx *ctx, const char *name)
{
	/*
	 * tcpdump 4.99's printers of these read with GET_ macros, which
	 * give up on the whole packet (longjmp) when cut, leaving the link
	 * header length unset: -x dumps from byte 0.  Its IP, IPv6, UDP,
	 * TCP header and DNS printers stop and return instead.
	 */
	static const char	*whole[] = { "arp", "icmp", "icmp6", "igmp",
	    "bootp", "vxlan", "http", "sip", "syslog", "cdp", "llc",
	    "loopback", "msnlb", "ntp", "ppp", "pppoe", "slow", "stp" };
	size_t			 i;

	for (i = 0; i < sizeof whole / sizeof whole[0]; i++)
		if (strcmp(name, whole[i]) == 0)
			ctx->gaveup = 1;
	if (ctx->out == NULL)
		return;
	if (ctx->tree) {
		dec_fld(ctx, "[|%s]", name);
		return;
	}
	/* Always one space, as tcpdump's: "IP  [|ip]" after "IP ". */
	tbuf_printf(ctx->out, " [|%s]", name);
}

/* A field that makes the rest undecodable: "[bad ip hlen 12]". */
void
dec_bad(struct dec_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;
	char	buf[200];

	if (ctx->out == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ctx->tree) {
		dec_fld(ctx, "[bad %s]", buf);
		return;
	}
	dec_sep(ctx);
	tbuf_printf(ctx->out, "[bad %s]", buf);
}

/*
 * zbtop's additions after the whole of tcpdump's line: " {NAME ...}"
 * (tests/corpus/compare.awk lists the names it accepts).  In the tree
 * the same text is a layer NAME with one field, "summary: ...".
 */
void
dec_add_begin(struct dec_ctx *ctx, const char *name)
{
	if (ctx->out == NULL)
		return;
	if (ctx->tree) {
		dec_layer(ctx, name);
		dec_line(ctx);
		tbuf_puts(ctx->out, "summary:");
		return;
	}
	tbuf_puts(ctx->out, " {");
	tbuf_puts(ctx->out, name);
}

void
dec_add_end(struct dec_ctx *ctx)
{
	if (ctx->out == NULL)
		return;
	if (ctx->tree)
		dec_endline(ctx);
	else
		tbuf_putc(ctx->out, '}');
}

/* "a > b: " once per IP header, before a payload that has no ports. */
void
dec_addrs(struct dec_ctx *ctx)
{
	char	*o;

	if (!ctx->addrs_due || ctx->out == NULL || ctx->tree)
		return;
	ctx->addrs_due = 0;
	o = tbuf_room(ctx->out, 2 * DEC_ADDRSTRLEN + 5);
	o = dec_fmt_addr(o, ctx->af, ctx->src);
	memcpy(o, " > ", 3);
	o = dec_fmt_addr(o + 3, ctx->af, ctx->dst);
	memcpy(o, ": ", 2);
	tbuf_end(ctx->out, o + 2);
}

/*
 * "a.1 > b.2: ", the hottest line of print mode: no printf, and written
 * in place (tbuf_room), not a call per piece.
 */
void
dec_addrports(struct dec_ctx *ctx, int sport, int dport)
{
	struct tbuf	*tb = ctx->out;
	int		 addrs = ctx->addrs_due;
	char		*o;

	if (tb == NULL || ctx->tree)
		return;
	ctx->addrs_due = 0;
	o = tbuf_room(tb, 2 * (DEC_ADDRSTRLEN + 1 + 5) + 5);
	if (addrs) {
		o = dec_fmt_addr(o, ctx->af, ctx->src);
		*o++ = '.';
	}
	o = tbuf_fmt_u(o, (unsigned)sport);
	memcpy(o, " > ", 3);
	o += 3;
	if (addrs) {
		o = dec_fmt_addr(o, ctx->af, ctx->dst);
		*o++ = '.';
	}
	o = tbuf_fmt_u(o, (unsigned)dport);
	memcpy(o, ": ", 2);
	tbuf_end(tb, o + 2);
}

/* An address at o (at most DEC_ADDRSTRLEN - 1 characters); the end. */
static char *
dec_fmt_addr(char *o, int af, const uint8_t *a)
{
	if (af == 6) {
		dec_ntop(af, a, o);
		return o + strlen(o);
	}
	return tbuf_fmt_ip4(o, a);
}

/*
 * Up to n bytes of c, as many as were captured, as text on the summary
 * line (tbuf_vis() escapes them).  The tree and the light parse leave c
 * where it was.  Returns how many of the n were captured.
 */
size_t
dec_vis(struct dec_ctx *ctx, struct cur *c, size_t n)
{
	if (n > cur_left(c))
		n = cur_left(c);
	if (ctx->out != NULL && !ctx->tree)
		tbuf_vis(ctx->out, cur_pull(c, n), n);
	return n;
}

/* Payload nobody decodes: only its size, in the tree. */
void
dec_data(struct dec_ctx *ctx, struct cur *c)
{
	if (cur_left(c) == 0)
		return;
	dec_layer(ctx, "Data");
	dec_fld(ctx, "length: %zu", cur_left(c));
}

/*
 * The names of the bits set in v (names[i] for bit i, NULL: not shown),
 * ", " between them, "none" if no named bit is set: tcpdump's flag lists.
 */
void
dec_bits(struct dec_ctx *ctx, const char *const *names, int n, unsigned v)
{
	const char	*sep = "";
	int		 i;

	for (i = 0; i < n; i++)
		if (v & 1u << i && names[i] != NULL) {
			dec_sum(ctx, "%s%s", sep, names[i]);
			sep = ", ";
		}
	if (*sep == '\0')
		dec_sum(ctx, "none");
}

/*
 * The bytes left in c as tcpdump's -v dumps unknown data: "0x0000:" and
 * 16 bytes per line in groups of two, each line after prefix.
 */
void
dec_hexdump(struct dec_ctx *ctx, struct cur *c, const char *prefix)
{
	size_t	off, i;
	int	v;

	/* The screen's list is one line a packet: no dumps there. */
	if (ctx->out == NULL || ctx->tree || ctx->opt->extra)
		return;
	for (off = 0; (v = cur_u8(c)) != -1; off++) {
		i = off % 16;
		if (i == 0)
			tbuf_printf(ctx->out, "%s0x%04zx: ", prefix, off);
		if (i % 2 == 0)
			tbuf_putc(ctx->out, ' ');
		tbuf_printf(ctx->out, "%02x", v);
	}
}

/* Append to buf (size sz, *n used so far), as snprintf; cut when full. */
void
dec_append(char *buf, size_t sz, size_t *n, const char *fmt, ...)
{
	va_list	ap;
	int	r;

	if (*n >= sz)
		return;
	va_start(ap, fmt);
	r = vsnprintf(buf + *n, sz - *n, fmt, ap);
	va_end(ap);
	if (r > 0)
		*n += (size_t)r;
}

/*
 * The bytes left in c as tcpdump's hex and ASCII dump, between before
 * and after: 16 bytes a line in groups of two, "." for a space or an
 * unprintable byte.
 */
void
dec_hexascii(struct dec_ctx *ctx, struct cur *c, const char *before,
    const char *after)
{
	const uint8_t	*p;
	size_t		 off, n, i, col;

	if (ctx->out == NULL || ctx->tree || ctx->opt->extra)
		return;
	tbuf_puts(ctx->out, before);
	for (off = 0; (n = cur_left(c)) > 0; off += n) {
		n = n < 16 ? n : 16;
		p = cur_pull(c, n);
		tbuf_printf(ctx->out, "\n\t0x%04zx: ", off);
		for (i = col = 0; i < n; i += 2, col += 5)
			if (i + 1 < n)
				tbuf_printf(ctx->out, " %02x%02x", p[i],
				    p[i + 1]);
			else
				tbuf_printf(ctx->out, " %02x", p[i]);
		col -= (n & 1) * 2;
		tbuf_printf(ctx->out, "%*s  ", (int)(40 - col), "");
		for (i = 0; i < n; i++)
			tbuf_putc(ctx->out, p[i] > 0x20 && p[i] < 0x7f ?
			    (char)p[i] : '.');
	}
	tbuf_puts(ctx->out, after);
}

void
dec_ntop(int af, const uint8_t *a, char *buf)
{
	if (af == 6) {
		if (inet_ntop(AF_INET6, a, buf, DEC_ADDRSTRLEN) == NULL)
			snprintf(buf, DEC_ADDRSTRLEN, "?");
		return;
	}
	/* tbuf_fmt_ip4 writes 4 bytes an octet: 16 of DEC_ADDRSTRLEN. */
	*tbuf_fmt_ip4(buf, a) = '\0';
}

/* Formats run for every frame shown, tree or not: no printf here. */
void
dec_mac(const uint8_t *a, char *buf)
{
	static const char	hex[] = "0123456789abcdef";
	int			i;

	for (i = 0; i < 6; i++) {
		*buf++ = hex[a[i] >> 4];
		*buf++ = hex[a[i] & 0xf];
		*buf++ = i < 5 ? ':' : '\0';
	}
}

/* t seconds as tcpdump's unsigned_relts_print: "1h2m3s", "0s". */
void
dec_relts(struct tbuf *tb, int64_t t)
{
	static const int64_t	 secs[] = { 31536000, 604800, 86400, 3600,
	    60, 1 };
	static const char	 unit[] = "ywdhms";
	size_t			 i;

	if (t == 0)
		tbuf_puts(tb, "0s");
	for (i = 0; i < sizeof secs / sizeof secs[0]; i++)
		if (t >= secs[i]) {
			tbuf_printf(tb, "%lld%c", (long long)(t / secs[i]),
			    unit[i]);
			t %= secs[i];
		}
}
