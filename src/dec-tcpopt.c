/*
 * TCP options as tcpdump 4.99 lists them after "options [": the kinds of
 * RFC 9293 3.1 (eol, nop, mss), RFC 7323 (wscale, TS), RFC 2018 (sackOK,
 * sack, edges relative to the acknowledged side), RFC 7413 (tfo), RFC
 * 8684 (mptcp, whose contents are dec-mptcp.c's) and RFC 6994's
 * experiments, and how tcpdump ends a list that is cut or carries a bad
 * length.
 */
#include <stdio.h>

#include "cur.h"
#include "dec-int.h"

static const char *tcp_optname(int);
static int	tcp_opt1(struct cur *, int, int, uint32_t, char *, size_t,
		    size_t *);
static int	tcp_sack(struct cur *, int, uint32_t, char *, size_t, size_t *);
static int	tcp_optfix(struct cur *, int, int, size_t, char *, size_t,
		    size_t *);
static void	tcp_tfo(struct cur *, int, const char *, char *, size_t,
		    size_t *);

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
dec_tcp_opts(struct cur *o, size_t hdr, uint32_t base, int flags, char *buf,
    size_t sz)
{
	size_t	n = 0, start = cur_off(o), rem;
	int	kind, len, i, r;

	buf[0] = '\0';
	for (i = 0; i < 40 && cur_off(o) - start < hdr; i++) {
		if (i > 0)
			dec_append(buf, sz, &n, ",");
		if ((kind = cur_u8(o)) == -1)
			return -1;
		if (kind == 0 || kind == 1) {
			dec_append(buf, sz, &n, kind ? "nop" : "eol");
			if (kind == 0)
				break;
			continue;
		}
		if ((len = cur_u8(o)) == -1)
			return -1;
		/* tcpdump's "[bad opt]": under 2, or past the header's end. */
		rem = hdr - (cur_off(o) - start);
		if (len < 2 || (size_t)len - 2 > rem)
			return 2;
		if (kind == 30)
			r = dec_mptcp(o, len, flags, buf, sz, &n);
		else if ((r = tcp_optfix(o, kind, len, rem, buf, sz, &n)) == 1)
			r = tcp_opt1(o, kind, len - 2, base, buf, sz, &n);
		if (r == 2)
			return 2;
		/* An invalid sack not captured: the list ends, or a kind is cut. */
		if (r == 1 && (size_t)len - 2 == rem)
			return 0;
		if (r == 1) {
			dec_append(buf, sz, &n, ",");
			return -1;
		}
		if (r == -1)
			dec_append(buf, sz, &n, "%s", tcp_optname(kind));
		if (r < 0)
			return -2;
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
		{ 6, "echo" }, { 7, "echoreply" }, { 8, "TS" }, { 30, "mptcp" },
		{ 34, "tfo" }, { 253, "exp" }, { 254, "exp" }
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].kind == kind)
			return names[i].name;
	return "";
}

/*
 * The options of a fixed size (RFC 9293 3.1 mss, RFC 7323 wscale and TS,
 * RFC 2018 sackOK, RFC 1072 echo and echoreply) as tcpdump 4.99 reads
 * them: the value from the option's third byte whatever len (the whole
 * option's) says, "[len L]" when len is not the size, and the next option
 * right after the value; "[bad opt]" after the name when fewer than the
 * value's bytes are left in the header (rem).  1 when kind is not one of
 * them; else 0, -1 when the value was not captured, 2 for "[bad opt]".
 */
static int
tcp_optfix(struct cur *o, int kind, int len, size_t rem, char *buf,
    size_t sz, size_t *n)
{
	struct cur	b;
	int		d;

	switch (kind) {
	case 2:		d = 2; break;
	case 3:		d = 1; break;
	case 4:		d = 0; break;
	case 6:
	case 7:		d = 4; break;
	case 8:		d = 8; break;
	default:	return 1;
	}
	if ((size_t)d > rem) {
		dec_append(buf, sz, n, "%s", tcp_optname(kind));
		return 2;
	}
	if (cur_sub(o, (size_t)d, &b))
		return -1;
	if (kind == 2 || kind == 3)
		dec_append(buf, sz, n, "%s %d", tcp_optname(kind),
		    kind == 2 ? cur_u16(&b) : cur_u8(&b));
	else if (kind == 4)
		dec_append(buf, sz, n, "sackOK");
	else if (kind == 8) {
		dec_append(buf, sz, n, "TS val %lld", (long long)cur_u32(&b));
		dec_append(buf, sz, n, " ecr %lld", (long long)cur_u32(&b));
	} else
		dec_append(buf, sz, n, "%s %lld", tcp_optname(kind),
		    (long long)cur_u32(&b));
	if (d + 2 != len)
		dec_append(buf, sz, n, "[len %d]", len);
	return 0;
}

static int
tcp_opt1(struct cur *o, int kind, int len, uint32_t base, char *buf,
    size_t sz, size_t *n)
{
	struct cur	b;
	int64_t		a1;

	if (kind == 5)
		return tcp_sack(o, len, base, buf, sz, n);
	if (cur_sub(o, (size_t)len, &b))
		return -1;
	if (kind == 34)
		tcp_tfo(&b, len, "tfo", buf, sz, n);
	else if ((kind == 253 || kind == 254) && len >= 2) {
		/* RFC 6994 experiments, named by their magic number. */
		if ((a1 = cur_u16(&b)) == 0xf989)
			tcp_tfo(&b, len - 2, "exp-tfo", buf, sz, n);
		else
			dec_append(buf, sz, n, "exp-%04llx", (long long)a1);
	} else
		dec_append(buf, sz, n, "unknown-%d", kind);
	return 0;
}

/*
 * SACK (RFC 2018 3) as tcpdump 4.99: the count and each block's edges,
 * relative to the acknowledged side as the ack is; -3 when a block was
 * not captured (tcpdump tests and stops after "sack N ").  A length not
 * in blocks is "invalid", its bytes skipped untested: 1 when they were not
 * all captured.
 */
static int
tcp_sack(struct cur *o, int len, uint32_t base, char *buf, size_t sz,
    size_t *n)
{
	int64_t	a1, a2;
	int	i;

	if (len % 8 != 0) {
		dec_append(buf, sz, n, "sack invalid sack");
		return cur_skip(o, (size_t)len) == -1 ? 1 : 0;
	}
	dec_append(buf, sz, n, "sack %d ", len / 8);
	for (i = 0; i < len; i += 8) {
		if ((a1 = cur_u32(o)) == -1 || (a2 = cur_u32(o)) == -1)
			return -3;
		dec_append(buf, sz, n, "{%u:%u}", (uint32_t)a1 - base,
		    (uint32_t)a2 - base);
	}
	return 0;
}

/* TCP Fast Open (RFC 7413): a cookie request, or the cookie. */
static void
tcp_tfo(struct cur *b, int len, const char *name, char *buf, size_t sz,
    size_t *n)
{
	int	v;

	dec_append(buf, sz, n, "%s", name);
	if (len == 0) {
		dec_append(buf, sz, n, " cookiereq");
		return;
	}
	if (len % 2 != 0 || len < 4 || len > 16) {
		dec_append(buf, sz, n, " invalid");
		return;
	}
	dec_append(buf, sz, n, " cookie ");
	while ((v = cur_u8(b)) != -1)
		dec_append(buf, sz, n, "%02x", v);
}
