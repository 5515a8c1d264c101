/*
 * The one message formatter.  Text is escaped before it is shown, because
 * it may quote a file name, a filter or an interface name typed by someone
 * else.  Modules never print: they fill an errbuf and their caller comes
 * here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "tbuf.h"

static void	(*msg_sink)(int, const char *);
static void	(*msg_fatal_hook)(void);

static void	msg_clean(char *, size_t, const char *);
static void	msg_emit(int, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

void
msg_set_sink(void (*sink)(int, const char *))
{
	msg_sink = sink;
}

void
msg_set_fatal_hook(void (*hook)(void))
{
	msg_fatal_hook = hook;
}

/*
 * Escape control bytes but leave backslashes alone: modules may already
 * have escaped what they quote, and a backslash cannot drive a terminal.
 */
static void
msg_clean(char *dst, size_t dstsz, const char *src)
{
	size_t		 n = 0;
	unsigned char	 c;

	for (; (c = (unsigned char)*src) != '\0' && n + 5 < dstsz; src++) {
		if (c >= 0x20 && c < 0x7f)
			dst[n++] = (char)c;
		else
			n += (size_t)snprintf(dst + n, dstsz - n, "\\x%02x", c);
	}
	dst[n] = '\0';
}

static void
msg_emit(int level, const char *fmt, va_list ap)
{
	char	raw[1024], safe[1024];

	vsnprintf(raw, sizeof raw, fmt, ap);
	msg_clean(safe, sizeof safe, raw);
	if (msg_sink != NULL)
		msg_sink(level, safe);
	else
		fprintf(stderr, MSG_PREFIX "%s\n", safe);
}

void
msg_log(int level, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	msg_emit(level, fmt, ap);
	va_end(ap);
}

void
msg_fatal(const char *fmt, ...)
{
	va_list	ap;

	if (msg_fatal_hook != NULL)
		msg_fatal_hook();
	msg_sink = NULL;
	va_start(ap, fmt);
	msg_emit(MSG_ERROR, fmt, ap);
	va_end(ap);
	exit(1);
}

void
msg_json(struct tbuf *tb, const char *text)
{
	tbuf_puts(tb, "{\"message\":");
	tbuf_json(tb, text, strlen(text));
	tbuf_puts(tb, "}\n");
}
