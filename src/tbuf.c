/*
 * Growable text buffer and the one escaping rule of zbtop: printable ASCII
 * passes, backslash is doubled, every other byte (C0, DEL, C1, ESC, and any
 * byte >= 0x80, since UTF-8 from a packet is not trusted) becomes \xHH.
 * JSON strings follow RFC 8259 section 7 instead.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tbuf.h"
#include "xmalloc.h"

static void	tbuf_grow(struct tbuf *, size_t);

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

/* Decimal without printf: summaries print several numbers per packet. */
void
tbuf_putu(struct tbuf *tb, unsigned long v)
{
	char	buf[24], *p = buf + sizeof buf;

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	tbuf_putn(tb, p, (size_t)(buf + sizeof buf - p));
}

/*
 * Dotted quad straight into the buffer (at most 15 characters): two per
 * IPv4 packet line, the costliest piece of a summary when built from
 * tbuf_putc and tbuf_putu.
 */
void
tbuf_ip4(struct tbuf *tb, const uint8_t *a)
{
	char	*o;
	int	 i, v;

	tbuf_grow(tb, 15);
	o = tb->s + tb->len;
	for (i = 0; i < 4; i++) {
		if (i > 0)
			*o++ = '.';
		v = a[i];
		if (v >= 100)
			*o++ = (char)('0' + v / 100);
		if (v >= 10)
			*o++ = (char)('0' + v / 10 % 10);
		*o++ = (char)('0' + v % 10);
	}
	*o = '\0';
	tb->len = (size_t)(o - tb->s);
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

void
tbuf_esc(struct tbuf *tb, const void *v, size_t n)
{
	static const char	 hex[] = "0123456789abcdef";
	const unsigned char	*p = v;
	size_t			 i;
	char			*o;

	tbuf_grow(tb, n * 4);
	o = tb->s + tb->len;
	for (i = 0; i < n; i++) {
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '\\')
			*o++ = (char)p[i];
		else if (p[i] == '\\') {
			*o++ = '\\';
			*o++ = '\\';
		} else {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[p[i] >> 4];
			*o++ = hex[p[i] & 0xf];
		}
	}
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

/* Escape into a fixed buffer, cutting at a whole escape sequence. */
void
esc_str(char *dst, size_t dstsz, const void *src, size_t n)
{
	struct tbuf	tb;
	size_t		len, step;

	if (dstsz == 0)
		return;
	tbuf_init(&tb);
	tbuf_esc(&tb, src, n);
	for (len = 0; len < tb.len; len += step) {
		step = tb.s[len] != '\\' ? 1 : tb.s[len + 1] == 'x' ? 4 : 2;
		if (len + step > dstsz - 1)
			break;
	}
	if (len > 0)
		memcpy(dst, tb.s, len);
	dst[len] = '\0';
	tbuf_free(&tb);
}
