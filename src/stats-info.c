/*
 * The capture as the headers name it: mode, source, geometry, filter,
 * snap length, interfaces (given once at start by stats_info), and what
 * changes now and then (paused, end of file, the -w file, the link, a
 * new filter's epoch).  Text from outside is kept twice, escaped for
 * terminals and raw for JSON; readers get it in every snapshot.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "stats-int.h"
#include "tbuf.h"

static void	stats_text(char *, size_t, const char *);
static void	stats_raw(char *, size_t, char *, size_t, const char *,
		    void (*)(char *, size_t, const void *, size_t));

/*
 * Mode, source, geometry and the initial filter, set once at start.
 * Copies the strings (cut to the snapshot's fields, NULL as ""); keeps
 * no pointer into *info.
 */
void
stats_info(struct stats *st, const struct stats_info *info)
{
	struct stats_snap	*in = &st->info;
	unsigned		 i;

	pthread_mutex_lock(&st->lock);
	stats_text(in->mode, sizeof in->mode, info->mode);
	stats_raw(in->source, sizeof in->source, in->raw_source,
	    sizeof in->raw_source, info->source, esc_str);
	stats_text(in->geometry, sizeof in->geometry, info->geometry);
	stats_text(in->note, sizeof in->note, info->note);
	stats_raw(in->filter, sizeof in->filter, in->raw_filter,
	    sizeof in->raw_filter, info->filter, esc_text);
	in->snaplen = info->snaplen;
	in->dlt = info->dlt;
	in->nifs = info->nifs;
	if (info->ifname != NULL)
		memcpy(in->ifname, info->ifname, sizeof in->ifname);
	in->parsing = info->parsing;
	in->printing = info->printing;
	in->nrings = info->nrings < CAP_MAXRINGS ? info->nrings :
	    CAP_MAXRINGS;
	/* Several -i: each ring's interface, whatever buffers() reports. */
	for (i = 0; info->ringif != NULL && i < in->nrings; i++)
		in->rings[i].iface = info->ringif[i];
	pthread_mutex_unlock(&st->lock);
}

/*
 * Text the user gave (the source, the filter) that may be NULL, into two
 * fields: esc (escsz bytes) for text output, through escape (tbuf.h:
 * esc_str for a name, esc_text for a filter shown as typed), raw (rawsz
 * bytes) as given, for JSON's own escaping, for compiling it again and
 * for the screen, which shows what the locale can.
 */
static void
stats_raw(char *esc, size_t escsz, char *raw, size_t rawsz, const char *src,
    void (*escape)(char *, size_t, const void *, size_t))
{
	if (src == NULL)
		src = "";
	snprintf(raw, rawsz, "%s", src);
	escape(esc, escsz, src, strlen(src));
}

/* Copy text that may be NULL into a field of dstsz bytes. */
static void
stats_text(char *dst, size_t dstsz, const char *src)
{
	snprintf(dst, dstsz, "%s", src != NULL ? src : "");
}

/* A filter change starts a new epoch; the text arrives escaped. */
void
stats_epoch(struct stats *st, const char *filter)
{
	pthread_mutex_lock(&st->lock);
	st->info.epoch++;
	atomic_store_explicit(&st->c.epoch_packets, 0, memory_order_relaxed);
	st->base[STATS_SLOT(epoch_packets)] = 0;
	stats_raw(st->info.filter, sizeof st->info.filter,
	    st->info.raw_filter, sizeof st->info.raw_filter, filter, esc_text);
	pthread_mutex_unlock(&st->lock);
}

/*
 * What changes now and then, set together each tick so a snapshot never
 * has half of it; the file name is copied (cut to the field) when it
 * differs from the one kept, that is when -C, -G or write opened another.
 * A file closed at the end (stats_wclosed) stays named, with its count,
 * until another is opened.
 */
void
stats_flags(struct stats *st, const struct stats_flags *f)
{
	const char	*name = f->wfile != NULL ? f->wfile : "";

	pthread_mutex_lock(&st->lock);
	st->info.paused = f->paused;
	st->info.eof = f->eof;
	st->info.rotate_ms = f->rotate_ms;
	st->info.linkdown = f->linkdown;
	if (f->writing || st->info.writing != STATS_W_DONE) {
		st->info.writing = f->writing ? STATS_W_OPEN : 0;
		if (strcmp(st->info.wfile, name) != 0)
			stats_text(st->info.wfile, sizeof st->info.wfile,
			    name);
		st->info.wframes = f->wframes;
	}
	pthread_mutex_unlock(&st->lock);
}

/*
 * After the last reading (its stats_flags counted every frame): the file
 * is closed, "wrote" from now on; one that failed to close is not named.
 */
void
stats_wclosed(struct stats *st, int ok)
{
	pthread_mutex_lock(&st->lock);
	if (st->info.writing == STATS_W_OPEN)
		st->info.writing = ok ? STATS_W_DONE : 0;
	pthread_mutex_unlock(&st->lock);
}

/* 1 once the engine takes no more buffers; 0 again when a file is reread. */
void
stats_ended(struct stats *st, int ended)
{
	pthread_mutex_lock(&st->lock);
	st->info.ended = ended;
	pthread_mutex_unlock(&st->lock);
}

void
stats_snaplen(struct stats *st, unsigned snaplen)
{
	pthread_mutex_lock(&st->lock);
	st->info.snaplen = snaplen;
	pthread_mutex_unlock(&st->lock);
}
