/*
 * Growable text buffer.  Everything that reaches a terminal, stdout or a
 * JSON line is built here; bytes from outside (packets, files, filter text)
 * only enter through tbuf_esc(), tbuf_vis() or tbuf_json(), which escape
 * control bytes
 * so that a packet can never drive the terminal.
 */
#ifndef ZBTOP_TBUF_H
#define ZBTOP_TBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct tbuf {
	char	*s;		/* always NUL-terminated once used */
	size_t	 len;
	size_t	 cap;
};

void	 tbuf_init(struct tbuf *);
void	 tbuf_free(struct tbuf *);
void	 tbuf_reset(struct tbuf *);
void	 tbuf_printf(struct tbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 tbuf_vprintf(struct tbuf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 tbuf_putc(struct tbuf *, char);
void	 tbuf_putu(struct tbuf *, unsigned long);
void	 tbuf_put0n(struct tbuf *, unsigned long, int);
void	 tbuf_ip4(struct tbuf *, const uint8_t *);
void	 tbuf_puts(struct tbuf *, const char *);
void	 tbuf_putn(struct tbuf *, const char *, size_t);
/* Writing in place, for the per-packet lines: room, formats, end. */
char	*tbuf_room(struct tbuf *, size_t);
void	 tbuf_end(struct tbuf *, char *);
char	*tbuf_fmt_u(char *, unsigned long);
char	*tbuf_fmt_ip4(char *, const uint8_t *);
void	 tbuf_esc(struct tbuf *, const void *, size_t);
/* As tcpdump prints packet text: "^J" for controls, "M-" for bit 7. */
void	 tbuf_vis(struct tbuf *, const void *, size_t);
void	 tbuf_json(struct tbuf *, const void *, size_t);
void	 tbuf_truncate(struct tbuf *, size_t);
/*
 * tb's text written to f and flushed: 0, or the errno of the write that
 * failed (EIO when the stream set none), for "| head" gone (EPIPE) or a
 * full disk.
 */
int	 tbuf_write(const struct tbuf *, FILE *);
void	 esc_str(char *, size_t, const void *, size_t);
void	 esc_text(char *, size_t, const void *, size_t);

#endif /* ZBTOP_TBUF_H */
