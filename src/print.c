/*
 * Print mode runs on the engine thread, so it must be cheap: the time
 * prefix is formatted once per second, the text is built in one reused
 * buffer and written with one fwrite.  When a write fails it stops
 * writing and keeps the errno in "failed" (EPIPE: the reader went away,
 * e.g. "| head"); print mode's loop, print_run() at the bottom, ends on
 * it.  The forms of the time stamp and of the dumps are tcpdump 4.99's
 * (print.c, util-print.c), read from its output, not its code.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pcap/pcap.h>

#include "batch.h"
#include "cap.h"
#include "cur.h"
#include "dec.h"
#include "engine.h"
#include "msg.h"
#include "print.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PRINT_FLOWS	4096		/* TCP connections remembered */

static void	print_frac(struct tbuf *, long, int);
static void	print_hms(struct tbuf *, const struct timespec *, int);
static void	print_since(struct print_ctx *, const struct timespec *);
static void	print_ts(struct print_ctx *, const struct cap_pkt *);
static void	print_dump(struct print_ctx *, const struct cap_pkt *, int,
		    int);
static void	print_ascii(struct tbuf *, struct cur *);
static int	print_invalid(struct tbuf *, const struct cap_pkt *);
static void	print_linktype(struct tbuf *, int);

/* ".uuuuuu" or ".nnnnnnnnn" without printf: this runs for every packet. */
static void
print_frac(struct tbuf *tb, long nsec, int nano)
{
	if (!nano)
		nsec /= 1000;
	tbuf_putc(tb, '.');
	tbuf_put0n(tb, (unsigned long)nsec, nano ? 9 : 6);
}

/*
 * A time difference as -ttt and -ttttt print it: "HH:MM:SS.frac", the
 * hours of the day only, as tcpdump 4.99 (ts_date_hmsfrac_format formats
 * the difference with gmtime(3)): 25 h prints as 01:00:00.
 */
static void
print_hms(struct tbuf *tb, const struct timespec *d, int nano)
{
	long	s = (long)d->tv_sec;

	tbuf_printf(tb, "%02ld:%02ld:%02ld", s / 3600 % 24, s / 60 % 60,
	    s % 60);
	print_frac(tb, d->tv_nsec, nano);
}

/*
 * -ttt and -ttttt: the distance from pc->ref, as tcpdump 4.99 (print.c,
 * ts_print): " " before it, or "-" when the stamp is earlier than the
 * reference (stamps out of order); a reference that reads 0.000000 is
 * none yet, so a packet stamped 0 leaves the next one to be the first.
 * Stamps are compared as printed (microseconds unless --nano): a 6 ns
 * step across a microsecond boundary is 0.000001, the lines' difference.
 */
static void
print_since(struct print_ctx *pc, const struct timespec *ts)
{
	struct timespec	 a, b, d;
	long		 q = pc->o.nano ? 1 : 1000;
	int		 neg;

	a.tv_sec = ts->tv_sec;
	a.tv_nsec = ts->tv_nsec / q * q;
	if (pc->ref.tv_sec == 0 && pc->ref.tv_nsec / q == 0)
		pc->ref = *ts;
	b.tv_sec = pc->ref.tv_sec;
	b.tv_nsec = pc->ref.tv_nsec / q * q;
	neg = a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec &&
	    a.tv_nsec < b.tv_nsec);
	d.tv_sec = neg ? b.tv_sec - a.tv_sec : a.tv_sec - b.tv_sec;
	d.tv_nsec = neg ? b.tv_nsec - a.tv_nsec : a.tv_nsec - b.tv_nsec;
	if (d.tv_nsec < 0) {
		d.tv_nsec += 1000000000L;
		d.tv_sec--;
	}
	tbuf_putc(&pc->tb, neg ? '-' : ' ');
	print_hms(&pc->tb, &d, pc->o.nano);
	if (pc->o.ts == PRINT_TS_DELTA)
		pc->ref = *ts;
}

static void
print_ts(struct print_ctx *pc, const struct cap_pkt *pkt)
{
	struct tm	 tm;
	time_t		 t;
	int		 ts = pc->o.ts;

	switch (ts) {
	case PRINT_TS_NONE:
		return;
	case PRINT_TS_EPOCH:
		tbuf_putu(&pc->tb, (unsigned long)pkt->ts.tv_sec);
		print_frac(&pc->tb, pkt->ts.tv_nsec, pc->o.nano);
		break;
	case PRINT_TS_DELTA:
	case PRINT_TS_SINCE:
		print_since(pc, &pkt->ts);
		break;
	default:
		if (pkt->ts.tv_sec != pc->cached_sec) {
			t = pkt->ts.tv_sec;
			localtime_r(&t, &tm);
			pc->cachedlen = strftime(pc->cached, sizeof pc->cached,
			    ts == PRINT_TS_DATE ? "%Y-%m-%d %H:%M:%S" :
			    "%H:%M:%S", &tm);
			pc->cached_sec = pkt->ts.tv_sec;
		}
		tbuf_putn(&pc->tb, pc->cached, pc->cachedlen);
		print_frac(&pc->tb, pkt->ts.tv_nsec, pc->o.nano);
		break;
	}
	tbuf_putc(&pc->tb, ' ');
}

void
print_init(struct print_ctx *pc, FILE *out, const struct print_opts *o)
{
	memset(pc, 0, sizeof *pc);
	pc->out = out;
	pc->o = *o;
	pc->cached_sec = -1;
	if (!o->dec.abs_seq)
		pc->o.dec.flows = dec_flows_new(PRINT_FLOWS);
	/* tcpdump's default print, which -q, -x and -X turn off. */
	pc->o.dec.dump = !o->dec.quick && !o->hex && !o->hexascii;
	tbuf_init(&pc->tb);
}

void
print_free(struct print_ctx *pc)
{
	dec_flows_free(pc->o.dec.flows);
	tbuf_free(&pc->tb);
}

/* Does any option ask for a particular form of line (so for lines)? */
int
print_shaped(const struct print_opts *o)
{
	return o->ts != PRINT_TS_TIME || o->nano || o->number || o->hex ||
	    o->hexascii || o->ascii || o->tree || o->dec.link ||
	    o->dec.verbose || o->dec.quick || o->dec.abs_seq;
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

/* Packets seen over n contexts (--count). */
unsigned long
print_count(struct print_ctx *pc, unsigned n)
{
	unsigned long	sum = 0;
	unsigned	i;

	for (i = 0; i < n; i++)
		sum += pc[i].count;
	return sum;
}

/*
 * -A: printable bytes, newlines and tabs as they are, others '.'; as
 * tcpdump 4.99, a CR is left out before a LF and when fewer than two
 * bytes follow it ("AB\r" is "AB", "AB\rC" is "ABC", "AB\rCD" "AB.CD").
 */
static void
print_ascii(struct tbuf *tb, struct cur *c)
{
	int	ch;

	/* tcpdump's ascii_print is not called for nothing. */
	if (cur_left(c) == 0)
		return;
	tbuf_putc(tb, '\n');
	while ((ch = cur_u8(c)) != -1) {
		if (ch == '\r' && (cur_left(c) < 2 ||
		    cur_peek_u8(c, 0) == '\n'))
			continue;
		tbuf_putc(tb, (ch >= 0x20 && ch < 0x7f) || ch == '\t' ||
		    ch == '\n' ? (char)ch : '.');
	}
}

/*
 * -x, -X, -A: from the network header; doubled, or when the decoder gave
 * up on the packet as tcpdump's does (dec_print()), from the link header.
 */
static void
print_dump(struct print_ctx *pc, const struct cap_pkt *pkt, int dlt,
    int gaveup)
{
	struct dec_info	 di;
	struct cur	 c;
	const uint8_t	*net;
	size_t		 n;
	int		 whole;

	whole = gaveup ||
	    (pc->o.hexascii ? pc->o.hexascii > 1 : pc->o.hex > 1);
	cur_init(&c, pkt->data, pkt->caplen);
	/* Offsets count from the network header, as tcpdump's do. */
	if (!whole) {
		dec_parse(dlt, pkt->data, pkt->caplen, pkt->len, &di);
		if (di.l3off > 0 && cur_skip(&c, di.l3off) == 0) {
			n = cur_left(&c);
			net = cur_peek(&c, n);
			cur_init(&c, net, n);
		}
	}
	if (pc->o.hexascii)
		dec_hexlines(&pc->tb, "\n\t", &c, 1);
	else if (pc->o.hex)
		dec_hexlines(&pc->tb, "\n\t", &c, 0);
	else
		print_ascii(&pc->tb, &c);
}

/*
 * A record header that lies, as tcpdump 4.99 says it in place of the
 * whole line (no time, no decode, no dump): "[Invalid header: caplen==0,
 * len==0]", "[Invalid header: len(10) < caplen(42)]", "[Invalid header:
 * len(300000) > 262144]".  1 when said.  Only a file makes such records;
 * cap.h's CAP_PKT_LIES counts them with their captured length.
 */
static int
print_invalid(struct tbuf *tb, const struct cap_pkt *pkt)
{
	const char	*sep = "[Invalid header:";

	if (pkt->caplen == 0) {
		tbuf_puts(tb, "[Invalid header: caplen==0");
		sep = ",";
	}
	if (pkt->len == 0) {
		tbuf_printf(tb, "%s len==0", sep);
		sep = ",";
	} else if (pkt->len < pkt->caplen) {
		tbuf_printf(tb, "%s len(%u) < caplen(%u)", sep, pkt->len,
		    pkt->caplen);
		sep = ",";
	}
	if (pkt->len > CAP_MAXWIRE) {
		tbuf_printf(tb, "%s len(%u) > %u", sep, pkt->len, CAP_MAXWIRE);
		sep = ",";
	}
	if (*sep != ',')
		return 0;
	tbuf_putc(tb, ']');
	return 1;
}

void
print_packet(void *arg, const struct cap_pkt *pkt, int dlt)
{
	struct print_ctx	*pc = arg;
	int			 gaveup;

	pc->count++;
	if (pc->failed || pc->o.count_only || pc->o.silent)
		return;
	tbuf_reset(&pc->tb);
	if (pc->o.number)
		tbuf_printf(&pc->tb, "%5lu  ", pc->count);
	if (print_invalid(&pc->tb, pkt))
		tbuf_putc(&pc->tb, '\n');
	else {
		print_ts(pc, pkt);
		if (pc->o.nifs > 1 && pkt->iface < pc->o.nifs)
			dec_where(&pc->tb, pc->o.ifname[pkt->iface],
			    pkt->pkttype);
		gaveup = dec_print(&pc->tb, &pc->o.dec, dlt, pkt->data,
		    pkt->caplen, pkt->len);
		if (pc->o.hex || pc->o.hexascii || pc->o.ascii)
			print_dump(pc, pkt, dlt, gaveup);
		tbuf_putc(&pc->tb, '\n');
		if (pc->o.tree)
			dec_tree(&pc->tb, dlt, pkt->data, pkt->caplen,
			    pkt->len);
	}
	/*
	 * Line-buffered (-l, -U, a terminal), glibc's fwrite counts the
	 * line as written when the flush that follows it fails: only the
	 * stream's error flag tells that the reader of "| head" has gone.
	 */
	errno = 0;
	if (fwrite(pc->tb.s, 1, pc->tb.len, pc->out) != pc->tb.len ||
	    ferror(pc->out))
		pc->failed = errno != 0 ? errno : EIO;
}

/*
 * ", link-type EN10MB (Ethernet)", or ", link-type 147" for a number
 * libpcap has no name for, as tcpdump 4.99 words it (tcpdump.c, main).
 */
static void
print_linktype(struct tbuf *tb, int dlt)
{
	const char	*what;

	if (pcap_datalink_val_to_name(dlt) == NULL) {
		tbuf_printf(tb, ", link-type %u", (unsigned)dlt);
		return;
	}
	what = pcap_datalink_val_to_description(dlt);
	tbuf_printf(tb, ", link-type %s (%s)", pcap_datalink_val_to_name(dlt),
	    what != NULL ? what : "");
}

void
print_reading(const char *file, int dlt, int snaplen)
{
	struct tbuf	 tb;
	char		 name[256];

	esc_str(name, sizeof name, file, strlen(file));
	tbuf_init(&tb);
	tbuf_printf(&tb, "reading from file %s", name);
	print_linktype(&tb, dlt);
	tbuf_printf(&tb, ", snapshot length %d\n", snaplen);
	/* tcpdump's own warning: SLL2 carries interface numbers only. */
	if (dlt == DLT_LINUX_SLL2)
		tbuf_puts(&tb, "Warning: interface names might be incorrect\n");
	fputs(tb.s, stderr);
	tbuf_free(&tb);
}

void
print_listening(struct engine *eng)
{
	struct stats_snap	*sn;
	struct tbuf		 tb;
	const char		*name;
	char			 shown[64];
	unsigned		 k, n;

	sn = xmalloc(sizeof *sn);
	sn->keep_peaks = 1;
	engine_snapshot(eng, sn);
	n = sn->nifs > 1 ? sn->nifs : 1;
	tbuf_init(&tb);
	for (k = 0; k < n; k++) {
		name = sn->source;	/* escaped */
		if (n > 1) {
			esc_str(shown, sizeof shown, sn->ifname[k],
			    strlen(sn->ifname[k]));
			name = shown;
		}
		tbuf_reset(&tb);
		print_linktype(&tb, engine_ifdlt(eng, k));
		msg_info("listening on %s%s, snapshot length %u bytes", name,
		    tb.s, sn->snaplen);
	}
	tbuf_free(&tb);
	free(sn);
}

/*
 * Print mode: the engine prints, through one context per consumer
 * thread; this only waits for the end.
 */
int
print_run(struct engine *eng, struct print_ctx *pc, unsigned npc,
    volatile sig_atomic_t *quit, volatile sig_atomic_t *info)
{
	unsigned	seen = 0;
	int		events = 0, err;

	while (!engine_wait(eng, 100) && !*quit &&
	    print_failed(pc, npc) == 0) {
		events += batch_events(eng, &seen);
		batch_info(eng, info);
	}
	engine_stop(eng);
	events += batch_events(eng, &seen);
	errno = 0;
	if ((err = print_failed(pc, npc)) == 0 && fflush(pc->out) == EOF)
		err = errno != 0 ? errno : EIO;
	/* tcpdump's lines, then the closing line the benchmarks read. */
	if (pc->o.live)
		batch_tcpdump(eng, stderr);
	batch_final(eng, stderr);
	if (batch_outerr(err) != 0)
		events++;
	return engine_error(eng) != NULL || events > 0 ? 1 : 0;
}
