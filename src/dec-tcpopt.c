/*
 * TCP options as tcpdump 4.99 lists them after "options [": the kinds of
 * RFC 9293 3.1 (eol, nop, mss), RFC 7323 (wscale, TS), RFC 2018 (sackOK,
 * sack, edges relative to the acknowledged side), RFC 7413 (tfo), RFC
 * 8684 (mptcp, named only) and RFC 6994's experiments, and how tcpdump
 * ends a list that is cut or carries a bad length.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cur.h"
#include "dec-int.h"

static void	tcp_app(char *, size_t, size_t *, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static const char *tcp_optname(int);
static int	tcp_opt1(struct cur *, int, int, uint32_t, char *, size_t,
		    size_t *);
static void	tcp_tfo(struct cur *, int, const char *, char *, size_t,
		    size_t *);

static void
tcp_app(char *buf, size_t sz, size_t *n, const char *fmt, ...)
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
 * The hdr bytes of options as tcpdump lists them, o holding what the
 * capture has of them; -1 when they were cut off in a kind or length
 * byte, which tcpdump reads with GET_ macros (it gives up on the whole
 * packet), -2 in a value, which it tests first and stops at; 2 when an
 * option's length is under 2 or runs past the header, captured or not
 * (tcpdump's "[bad opt]").  As tcpdump's, a cut list keeps what was
 * read whole: the "," before an option whose kind or length is missing,
 * the name of one whose value is missing.
 */
int
dec_tcp_opts(struct cur *o, size_t hdr, uint32_t base, char *buf, size_t sz)
{
	size_t	n = 0, start = cur_off(o);
	int	kind, len, i;

	buf[0] = '\0';
	for (i = 0; i < 40 && cur_off(o) - start < hdr; i++) {
		if (i > 0)
			tcp_app(buf, sz, &n, ",");
		if ((kind = cur_u8(o)) == -1)
			return -1;
		if (kind == 0 || kind == 1) {
			tcp_app(buf, sz, &n, kind ? "nop" : "eol");
			if (kind == 0)
				break;
			continue;
		}
		if ((len = cur_u8(o)) == -1)
			return -1;
		/* tcpdump's "[bad opt]": under 2, or past the header's end. */
		if (len < 2 || (size_t)len - 2 > hdr - (cur_off(o) - start))
			return 2;
		if (tcp_opt1(o, kind, len - 2, base, buf, sz, &n) == -1) {
			tcp_app(buf, sz, &n, "%s", tcp_optname(kind));
			return -2;
		}
	}
	return 0;
}

/* The name tcpdump prints before an option's value, for a cut value. */
static const char *
tcp_optname(int kind)
{
	static const struct {
		int		 kind;
		const char	*name;
	} names[] = {
		{ 2, "mss" }, { 3, "wscale" }, { 4, "sackOK" }, { 5, "sack" },
		{ 8, "TS" }, { 30, "mptcp" }, { 34, "tfo" }, { 253, "exp" },
		{ 254, "exp" }
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].kind == kind)
			return names[i].name;
	return "";
}

static int
tcp_opt1(struct cur *o, int kind, int len, uint32_t base, char *buf,
    size_t sz, size_t *n)
{
	struct cur	b;
	int64_t		a1, a2;

	if (cur_sub(o, (size_t)len, &b))
		return -1;
	if ((kind == 2 && len == 2) || (kind == 3 && len == 1)) {
		tcp_app(buf, sz, n, kind == 2 ? "mss %d" : "wscale %d",
		    kind == 2 ? cur_u16(&b) : cur_u8(&b));
	} else if (kind == 4 && len == 0)
		tcp_app(buf, sz, n, "sackOK");
	else if (kind == 5 && len % 8 == 0) {
		tcp_app(buf, sz, n, "sack %d", len / 8);
		/* Relative to the acknowledged side, as the ack is. */
		while ((a1 = cur_u32(&b)) != -1 && (a2 = cur_u32(&b)) != -1)
			tcp_app(buf, sz, n, " {%u:%u}", (uint32_t)a1 - base,
			    (uint32_t)a2 - base);
	} else if (kind == 8 && len == 8) {
		a1 = cur_u32(&b);
		a2 = cur_u32(&b);
		tcp_app(buf, sz, n, "TS val %lld ecr %lld", (long long)a1,
		    (long long)a2);
	} else if (kind == 30)
		tcp_app(buf, sz, n, "mptcp");
	else if (kind == 34)
		tcp_tfo(&b, len, "tfo", buf, sz, n);
	else if ((kind == 253 || kind == 254) && len >= 2) {
		/* RFC 6994 experiments, named by their magic number. */
		if ((a1 = cur_u16(&b)) == 0xf989)
			tcp_tfo(&b, len - 2, "exp-tfo", buf, sz, n);
		else
			tcp_app(buf, sz, n, "exp-%04llx", (long long)a1);
	} else if (kind >= 2 && kind <= 8)
		tcp_app(buf, sz, n, "[bad opt %d len %d]", kind, len + 2);
	else
		tcp_app(buf, sz, n, "unknown-%d", kind);
	return 0;
}

/* TCP Fast Open (RFC 7413): a cookie request, or the cookie. */
static void
tcp_tfo(struct cur *b, int len, const char *name, char *buf, size_t sz,
    size_t *n)
{
	int	v;

	tcp_app(buf, sz, n, "%s", name);
	if (len == 0) {
		tcp_app(buf, sz, n, " cookiereq");
		return;
	}
	if (len % 2 != 0 || len < 4 || len > 16) {
		tcp_app(buf, sz, n, " invalid");
		return;
	}
	tcp_app(buf, sz, n, " cookie ");
	while ((v = cur_u8(b)) != -1)
		tcp_app(buf, sz, n, "%02x", v);
}
