/*
 * Growable text buffer and the one escaping rule of zbtop: printable ASCII
 * passes, backslash is doubled, every other byte (C0, DEL, C1, ESC, and any
 * byte >= 0x80, since UTF-8 from a packet is not trusted) becomes \xHH.
 * JSON strings follow RFC 8259 section 7 instead.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tbuf.h"
#include "xmalloc.h"

static void	tbuf_grow(struct tbuf *, size_t);
static size_t	esc_one(char *, unsigned, int);
static void	esc_fixed(char *, size_t, const void *, size_t, int);
static int	esc_needed(const unsigned char *, size_t);

/* "00" to "99": two digits per lookup for the per-packet numbers. */
static const char tbuf_pairs[] =
    "00010203040506070809101112131415161718192021222324"
    "25262728293031323334353637383940414243444546474849"
    "50515253545556575859606162636465666768697071727374"
    "75767778798081828384858687888990919293949596979899";

/*
 * Each octet 0 to 255 in decimal followed by a dot, in four bytes (the
 * unused ones zero): a dotted quad is four 4-byte copies.
 */
#define TBUF_OCT(v) {							\
	(char)('0' + ((v) >= 100 ? (v) / 100 : (v) >= 10 ? (v) / 10 : (v))), \
	(char)((v) >= 100 ? '0' + (v) / 10 % 10 : (v) >= 10 ?		\
	    '0' + (v) % 10 : '.'),					\
	(char)((v) >= 100 ? '0' + (v) % 10 : (v) >= 10 ? '.' : 0),	\
	(char)((v) >= 100 ? '.' : 0) }
#define TBUF_OCT4(v)	TBUF_OCT(v), TBUF_OCT((v) + 1), TBUF_OCT((v) + 2), \
			TBUF_OCT((v) + 3)
#define TBUF_OCT16(v)	TBUF_OCT4(v), TBUF_OCT4((v) + 4), TBUF_OCT4((v) + 8), \
			TBUF_OCT4((v) + 12)
#define TBUF_OCT64(v)	TBUF_OCT16(v), TBUF_OCT16((v) + 16), \
			TBUF_OCT16((v) + 32), TBUF_OCT16((v) + 48)
static const char tbuf_oct[256][4] = {
	TBUF_OCT64(0), TBUF_OCT64(64), TBUF_OCT64(128), TBUF_OCT64(192)
};

void
tbuf_init(struct tbuf *tb)
{
	tb->s = NULL;
	tb->len = tb->cap = 0;
}

void
tbuf_free(struct tbuf *tb)
{
	free(tb->s);
	tbuf_init(tb);
}

void
tbuf_reset(struct tbuf *tb)
{
	tb->len = 0;
	if (tb->s != NULL)
		tb->s[0] = '\0';
}

void
tbuf_truncate(struct tbuf *tb, size_t len)
{
	if (len < tb->len) {
		tb->len = len;
		tb->s[len] = '\0';
	}
}

int
tbuf_write(const struct tbuf *tb, FILE *f)
{
	errno = 0;
	if (fputs(tb->s, f) == EOF || fflush(f) == EOF)
		return errno != 0 ? errno : EIO;
	return 0;
}

static void
tbuf_grow(struct tbuf *tb, size_t more)
{
	size_t	need = tb->len + more + 1;

	if (need <= tb->cap)
		return;
	if (tb->cap == 0)
		tb->cap = 128;
	while (tb->cap < need)
		tb->cap *= 2;
	tb->s = xrealloc(tb->s, tb->cap);
}

void
tbuf_printf(struct tbuf *tb, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	tbuf_vprintf(tb, fmt, ap);
	va_end(ap);
}

/* Format straight into the spare room; only an overflow formats twice. */
void
tbuf_vprintf(struct tbuf *tb, const char *fmt, va_list ap)
{
	va_list	again;
	size_t	room;
	int	n;

	tbuf_grow(tb, 64);
	room = tb->cap - tb->len;
	va_copy(again, ap);
	n = vsnprintf(tb->s + tb->len, room, fmt, ap);
	if (n < 0)
		tb->s[tb->len] = '\0';
	else if ((size_t)n >= room) {
		tbuf_grow(tb, (size_t)n);
		vsnprintf(tb->s + tb->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n > 0)
		tb->len += (size_t)n;
}

void
tbuf_putc(struct tbuf *tb, char c)
{
	tbuf_grow(tb, 1);
	tb->s[tb->len++] = c;
	tb->s[tb->len] = '\0';
}

/* Room for n more characters: where they go; tbuf_end() closes. */
char *
tbuf_room(struct tbuf *tb, size_t n)
{
	tbuf_grow(tb, n);
	return tb->s + tb->len;
}

/* The text now ends at end, a pointer from tbuf_room() moved on. */
void
tbuf_end(struct tbuf *tb, char *end)
{
	tb->len = (size_t)(end - tb->s);
	*end = '\0';
}

/* v in decimal at o (at most 20 characters); returns the end. */
char *
tbuf_fmt_u(char *o, unsigned long v)
{
	unsigned long	 t = v;
	char		*end, *p;

	for (end = o + 1; t >= 10; end++)
		t /= 10;
	for (p = end; v >= 100; v /= 100) {
		p -= 2;
		memcpy(p, &tbuf_pairs[v % 100 * 2], 2);
	}
	if (v >= 10)
		memcpy(p - 2, &tbuf_pairs[v * 2], 2);
	else
		p[-1] = (char)('0' + v);
	return end;
}

/* Decimal without printf: summaries print several numbers per packet. */
void
tbuf_putu(struct tbuf *tb, unsigned long v)
{
	tbuf_end(tb, tbuf_fmt_u(tbuf_room(tb, 20), v));
}

/*
 * v in exactly width digits (at most 20), zero-padded, leading digits
 * beyond width dropped: a time stamp's fraction.
 */
void
tbuf_put0n(struct tbuf *tb, unsigned long v, int width)
{
	char	*o;
	int	 i = width;

	tbuf_grow(tb, (size_t)width);
	o = tb->s + tb->len;
	for (; i >= 2; i -= 2) {
		memcpy(&o[i - 2], &tbuf_pairs[v % 100 * 2], 2);
		v /= 100;
	}
	if (i == 1)
		o[0] = (char)('0' + v % 10);
	tb->len += (size_t)width;
	tb->s[tb->len] = '\0';
}

/*
 * A dotted quad at o (at most 15 characters, two per IPv4 packet line,
 * but 16 bytes are written); returns the end.  No division.
 */
char *
tbuf_fmt_ip4(char *o, const uint8_t *a)
{
	int	i;

	for (i = 0; i < 4; i++) {
		memcpy(o, tbuf_oct[a[i]], 4);
		o += 2 + (a[i] >= 10) + (a[i] >= 100);
	}
	return o - 1;		/* the last dot */
}

void
tbuf_ip4(struct tbuf *tb, const uint8_t *a)
{
	tbuf_end(tb, tbuf_fmt_ip4(tbuf_room(tb, 16), a));
}

void
tbuf_puts(struct tbuf *tb, const char *s)
{
	size_t	n = strlen(s);

	tbuf_grow(tb, n);
	memcpy(tb->s + tb->len, s, n + 1);
	tb->len += n;
}

/* n bytes of s, no NUL among them: for a length the caller knows. */
void
tbuf_putn(struct tbuf *tb, const char *s, size_t n)
{
	tbuf_grow(tb, n);
	memcpy(tb->s + tb->len, s, n);
	tb->len += n;
	tb->s[tb->len] = '\0';
}

/*
 * One byte in the escaping rule, into o (room for 4 bytes); with keepbs a
 * backslash stays one (esc_text).  The bytes written.
 */
static size_t
esc_one(char *o, unsigned c, int keepbs)
{
	static const char	hex[] = "0123456789abcdef";

	if (c == '\\' && !keepbs) {
		o[0] = o[1] = '\\';
		return 2;
	}
	if (c >= 0x20 && c < 0x7f) {
		o[0] = (char)c;
		return 1;
	}
	o[0] = '\\';
	o[1] = 'x';
	o[2] = hex[c >> 4];
	o[3] = hex[c & 0xf];
	return 4;
}

void
tbuf_esc(struct tbuf *tb, const void *v, size_t n)
{
	const unsigned char	*p = v;
	size_t			 i;
	char			*o;

	tbuf_grow(tb, n * 4);
	o = tb->s + tb->len;
	for (i = 0; i < n; i++)
		o += esc_one(o, p[i], 0);
	*o = '\0';
	tb->len = (size_t)(o - tb->s);
}

void
tbuf_vis(struct tbuf *tb, const void *v, size_t n)
{
	const unsigned char	*p = v;
	size_t			 i;
	char			*o;
	unsigned		 ch;

	tbuf_grow(tb, n * 4);
	o = tb->s + tb->len;
	for (i = 0; i < n; i++) {
		ch = p[i];
		if (ch & 0x80) {
			*o++ = 'M';
			*o++ = '-';
			ch &= 0x7f;
		}
		if (ch < 0x20 || ch == 0x7f) {
			*o++ = '^';
			*o++ = (char)(ch ^ 0x40);
		} else
			*o++ = (char)ch;
	}
	*o = '\0';
	tb->len = (size_t)(o - tb->s);
}

void
tbuf_json(struct tbuf *tb, const void *v, size_t n)
{
	const unsigned char	*p = v;
	size_t			 i;

	tbuf_putc(tb, '"');
	for (i = 0; i < n; i++) {
		if (p[i] == '"' || p[i] == '\\') {
			tbuf_putc(tb, '\\');
			tbuf_putc(tb, (char)p[i]);
		} else if (p[i] >= 0x20 && p[i] < 0x7f)
			tbuf_putc(tb, (char)p[i]);
		else
			tbuf_printf(tb, "\\u%04x", p[i]);
	}
	tbuf_putc(tb, '"');
}

/*
 * Into a fixed buffer of dstsz bytes, cut at a whole escape sequence
 * (never "\x1" or a lone "\" of a pair).
 */
static void
esc_fixed(char *dst, size_t dstsz, const void *src, size_t n, int keepbs)
{
	const unsigned char	*p = src;
	char			 one[4];
	size_t			 i, o = 0, w;

	if (dstsz == 0)
		return;
	for (i = 0; i < n; i++) {
		w = esc_one(one, p[i], keepbs);
		if (o + w >= dstsz)
			break;
		memcpy(dst + o, one, w);
		o += w;
	}
	dst[o] = '\0';
}

/*
 * Text the user typed (a filter), into a fixed buffer of dstsz bytes:
 * printable ASCII as typed, a backslash included (it is printable and a
 * pcap filter writes "ip proto \udp"), any other byte as "\xNN"; cut at a
 * whole escape sequence.  Unlike esc_str, "\x1b" typed and an ESC byte
 * look the same: harmless, as neither reaches the terminal raw.
 */
void
esc_text(char *dst, size_t dstsz, const void *src, size_t n)
{
	esc_fixed(dst, dstsz, src, n, 1);
}

/*
 * Whether a name needs esc_one's full rule to read back unambiguously:
 * it holds a byte shown as "\xNN", or the text "\x" itself.
 */
static int
esc_needed(const unsigned char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] >= 0x7f)
			return 1;
		if (p[i] == '\\' && i + 1 < n && p[i + 1] == 'x')
			return 1;
	}
	return 0;
}

/*
 * A name (file, interface, user) into a fixed buffer, cut at a whole
 * escape sequence.  A byte outside printable ASCII is "\xNN"; the rest
 * shows as tcpdump prints names, a backslash once ("C:\dir"), unless
 * the name holds a byte to escape or the text "\x": then every backslash
 * is doubled.  So output holding "\x" is escaped throughout (an ESC byte
 * and the four characters "\x1b" never look the same), and output
 * without it is the name itself.
 */
void
esc_str(char *dst, size_t dstsz, const void *src, size_t n)
{
	esc_fixed(dst, dstsz, src, n, !esc_needed(src, n));
}
