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
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		tbuf_grow(tb, 0);
		tb->s[tb->len] = '\0';
		return;
	}
	tbuf_grow(tb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(tb->s + tb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	tb->len += (size_t)n;
}

void
tbuf_putc(struct tbuf *tb, char c)
{
	tbuf_grow(tb, 1);
	tb->s[tb->len++] = c;
	tb->s[tb->len] = '\0';
}

void
tbuf_puts(struct tbuf *tb, const char *s)
{
	size_t	n = strlen(s);

	tbuf_grow(tb, n);
	memcpy(tb->s + tb->len, s, n + 1);
	tb->len += n;
}

void
tbuf_esc(struct tbuf *tb, const void *v, size_t n)
{
	const unsigned char	*p = v;
	size_t			 i;

	tbuf_grow(tb, n);
	for (i = 0; i < n; i++) {
		if (p[i] == '\\')
			tbuf_puts(tb, "\\\\");
		else if (p[i] >= 0x20 && p[i] < 0x7f)
			tbuf_putc(tb, (char)p[i]);
		else
			tbuf_printf(tb, "\\x%02x", p[i]);
	}
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
	size_t		len;

	if (dstsz == 0)
		return;
	tbuf_init(&tb);
	tbuf_esc(&tb, src, n);
	len = tb.len < dstsz - 1 ? tb.len : dstsz - 1;
	if (len > 0)
		memcpy(dst, tb.s, len);
	dst[len] = '\0';
	tbuf_free(&tb);
}
