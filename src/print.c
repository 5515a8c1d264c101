/*
 * Print mode runs on the engine thread, so it must be cheap: the date
 * prefix is formatted once per second, the text is built in one reused
 * buffer and written with one fwrite into a large stdio buffer.  When
 * a write fails it stops writing and keeps the errno in "failed" (EPIPE:
 * the reader went away, e.g. "| head"); batch_print() ends on it.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cap.h"
#include "dec.h"
#include "print.h"
#include "tbuf.h"

static void	print_usec(struct tbuf *, long);

/* ".uuuuuu " without printf: this runs for every packet. */
static void
print_usec(struct tbuf *tb, long usec)
{
	char	buf[9];
	int	i;

	buf[0] = '.';
	for (i = 6; i >= 1; i--) {
		buf[i] = (char)('0' + usec % 10);
		usec /= 10;
	}
	buf[7] = ' ';
	buf[8] = '\0';
	tbuf_puts(tb, buf);
}

void
print_init(struct print_ctx *pc, FILE *out, int hex, int tree)
{
	memset(pc, 0, sizeof *pc);
	pc->out = out;
	pc->hex = hex;
	pc->tree = tree;
	pc->cached_sec = -1;
	tbuf_init(&pc->tb);
}

void
print_free(struct print_ctx *pc)
{
	tbuf_free(&pc->tb);
}

/* The first failed write's errno over n contexts, or 0. */
int
print_failed(struct print_ctx *pc, unsigned n)
{
	unsigned	i;
	int		err;

	for (i = 0; i < n; i++)
		if ((err = pc[i].failed) != 0)
			return err;
	return 0;
}

void
print_packet(void *arg, const struct cap_pkt *pkt, int dlt)
{
	struct print_ctx	*pc = arg;
	struct tm		 tm;
	time_t			 t;

	if (pc->failed)
		return;
	if (pkt->ts.tv_sec != pc->cached_sec) {
		t = pkt->ts.tv_sec;
		gmtime_r(&t, &tm);
		strftime(pc->cached, sizeof pc->cached, "%Y-%m-%d %H:%M:%S",
		    &tm);
		pc->cached_sec = pkt->ts.tv_sec;
	}
	tbuf_reset(&pc->tb);
	tbuf_puts(&pc->tb, pc->cached);
	print_usec(&pc->tb, pkt->ts.tv_nsec / 1000);
	dec_summary(&pc->tb, dlt, pkt->data, pkt->caplen, pkt->len);
	tbuf_putc(&pc->tb, '\n');
	if (pc->tree)
		dec_tree(&pc->tb, dlt, pkt->data, pkt->caplen, pkt->len);
	if (pc->hex)
		dec_hex(&pc->tb, pkt->data, pkt->caplen);
	if (fwrite(pc->tb.s, 1, pc->tb.len, pc->out) != pc->tb.len)
		pc->failed = errno != 0 ? errno : EIO;
}
