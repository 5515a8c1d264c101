/*
 * The packet list's view of the kept packets, and of a replayed file's
 * frames through its index (findex.c), so frames the ring no longer
 * holds are read back from the file.  The display filter is a
 * pcap expression compiled for the link type and run in user space on
 * kept packets only (bpf_filter, what pcap_offline_filter runs): it never
 * touches capture.  Its verdict per frame is cached in the kept ring by
 * generation.  Search decodes summaries as the list shows them and looks
 * for the text, ignoring case unless the text has a capital (smartcase).
 * One list per process; a mutex because commands may come from another
 * thread than the screen's.  Lock order: the recent lock, then this one.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "dec.h"
#include "filter.h"
#include "findex.h"
#include "plist.h"
#include "recent.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

#define PLIST_BATCH	64	/* packets copied per lock while searching */
#define PLIST_SCAN	100000	/* file frames read for one step at most */

static struct {
	pthread_mutex_t		 lock;
	struct bpf_program	 prog[CAP_MAXIF];	/* one per interface */
	unsigned		 nprog;
	int			 have;		/* a display filter is set */
	char			*text;
	unsigned		 gen;		/* display filter changes */
	char			*search;
	int			 sdir;
	unsigned		 sgen;		/* search requests */
	/* Screen thread only. */
	struct findex		*fx;		/* a replayed file, or NULL */
	uint64_t		 frames;	/* numbered by the engine */
	uint64_t		 nfile;		/* readable from the file */
	char			*capf;		/* capture filter indexed */
	unsigned		 run;		/* the engine's, at the last sync */
	int			 stale;		/* filter changed during the run */
	struct recent_pkt	 one;		/* a file frame being tested */
} pl = { .lock = PTHREAD_MUTEX_INITIALIZER, .gen = 1 };

static int	plist_matches(const char *, const char *, int);
static uint64_t	plist_next(struct recent *, uint64_t, int);

/* A replayed file's index: frames the ring lost come from it. */
void
plist_file(struct findex *fx)
{
	pl.fx = fx;
}

/*
 * What the file's index knows: 0, 1 when its numbers are not the run's
 * (the filter changed during the run), -1 when no file is replayed.
 */
int
plist_file_info(struct findex_info *fi)
{
	if (pl.fx == NULL)
		return -1;
	findex_info(pl.fx, fi);
	return pl.stale;
}

/*
 * Before each walk: the frames numbered so far, the capture filter in
 * force and the engine's run (a new one each time a file is read again
 * from the start).  The index numbers frames as the replay did only if
 * the filter was the same from the run's first frame: a filter changed
 * during a run leaves the file out until the next run (the kept ring
 * still shows what it holds).
 */
void
plist_sync(uint64_t frames, const char *capfilter, unsigned run)
{
	struct findex_info	 fi;
	char			 errbuf[ZB_ERRBUFSZ];
	int			 first = pl.capf == NULL, ok;

	pl.frames = frames;
	if (pl.fx == NULL)
		return;
	if (first || strcmp(pl.capf, capfilter) != 0) {
		if ((ok = findex_filter(pl.fx, capfilter, errbuf) == 0)) {
			free(pl.capf);
			pl.capf = xstrdup(capfilter);
		}
		pl.stale = !ok || (!first && pl.run == run);
	} else if (pl.run != run)
		pl.stale = 0;
	pl.run = run;
	findex_info(pl.fx, &fi);
	pl.nfile = pl.stale ? 0 : fi.frames < frames ? fi.frames : frames;
}

/* A display filter compiled, not yet in force. */
struct plist_filter {
	struct bpf_program	 prog[CAP_MAXIF];
	unsigned		 n;
	char			*text;		/* NULL: none */
};

int
plist_display(const int *dlt, unsigned n, unsigned snaplen, const char *expr,
    char *errbuf)
{
	struct plist_filter	*pf;

	if ((pf = plist_display_new(dlt, n, snaplen, expr, errbuf)) == NULL)
		return -1;
	plist_display_set(pf);
	return 0;
}

struct plist_filter *
plist_display_new(const int *dlt, unsigned n, unsigned snaplen,
    const char *expr, char *errbuf)
{
	struct plist_filter	*pf;
	unsigned		 k;
	int			 have = expr != NULL && *expr != '\0';

	pf = xcalloc(1, sizeof *pf);
	pf->n = n > CAP_MAXIF ? CAP_MAXIF : n;
	for (k = 0; have && k < pf->n; k++)
		if (filter_compile(dlt[k], snaplen, expr, &pf->prog[k],
		    errbuf) == -1) {
			while (k-- > 0)
				filter_free(&pf->prog[k]);
			free(pf);
			return NULL;
		}
	pf->text = have ? xstrdup(expr) : NULL;
	return pf;
}

void
plist_display_set(struct plist_filter *pf)
{
	unsigned	 k;

	pthread_mutex_lock(&pl.lock);
	for (k = 0; pl.have && k < pl.nprog; k++)
		filter_free(&pl.prog[k]);
	memcpy(pl.prog, pf->prog, sizeof pl.prog);
	pl.nprog = pf->n;
	pl.have = pf->text != NULL;
	free(pl.text);
	pl.text = pf->text;
	pl.gen++;
	pthread_mutex_unlock(&pl.lock);
	free(pf);
}

void
plist_display_free(struct plist_filter *pf)
{
	unsigned	 k;

	if (pf == NULL)
		return;
	for (k = 0; pf->text != NULL && k < pf->n; k++)
		filter_free(&pf->prog[k]);
	free(pf->text);
	free(pf);
}

/* The display filter's text, "" when none. */
void
plist_display_text(char *buf, size_t size)
{
	pthread_mutex_lock(&pl.lock);
	snprintf(buf, size, "%s", pl.text != NULL ? pl.text : "");
	pthread_mutex_unlock(&pl.lock);
}

unsigned
plist_display_gen(void)
{
	unsigned	 g;

	pthread_mutex_lock(&pl.lock);
	g = pl.gen;
	pthread_mutex_unlock(&pl.lock);
	return g;
}

/* A search request (PLIST_ above); text NULL keeps the last one. */
void
plist_search(const char *text, int what)
{
	pthread_mutex_lock(&pl.lock);
	if (text != NULL) {
		free(pl.search);
		pl.search = xstrdup(text);
	}
	pl.sdir = what;
	pl.sgen++;
	pthread_mutex_unlock(&pl.lock);
}

/* The last request's text and kind, and its number (0: none yet). */
unsigned
plist_search_get(char *buf, size_t size, int *dir)
{
	unsigned	 g;

	pthread_mutex_lock(&pl.lock);
	snprintf(buf, size, "%s", pl.search != NULL ? pl.search : "");
	*dir = pl.sdir;
	g = pl.sgen;
	pthread_mutex_unlock(&pl.lock);
	return g;
}

/*
 * Does the display filter pass frame no, kept or in the file?  Recent
 * lock held.  Verdicts on kept frames are cached.
 */
int
plist_shown(struct recent *r, uint64_t no)
{
	const uint8_t	*data;
	uint32_t	 caplen, len;
	unsigned	 k = 0;
	int		 m, kept;

	kept = recent_peek(r, no, &data, &caplen, &len, &k) == 0;
	if (k >= pl.nprog)
		k = 0;
	if (!kept && (no == 0 || no > pl.nfile))
		return 0;
	pthread_mutex_lock(&pl.lock);
	if (!pl.have)
		m = 1;
	else if (kept && (m = recent_mark(r, no, pl.gen, -1)) != -1)
		;	/* cached */
	else if (kept)
		m = recent_mark(r, no, pl.gen,
		    filter_frame(&pl.prog[k], data, len, caplen) != 0);
	else if (findex_get(pl.fx, no, &pl.one) == -1)
		m = 0;
	else
		m = filter_frame(&pl.prog[0], pl.one.data, pl.one.len,
		    pl.one.caplen) != 0;
	pthread_mutex_unlock(&pl.lock);
	return m;
}

/*
 * The next frame kept or in the file, ignoring the display filter: the
 * file gives frames 1..nfile, the ring whatever it holds.
 */
static uint64_t
plist_next(struct recent *r, uint64_t no, int dir)
{
	uint64_t	 k;

	if (dir > 0)
		return no < pl.nfile ? no + 1 : recent_step(r, no, 1);
	k = recent_step(r, no, -1);
	if (no > 1 && pl.nfile > 0 && (no - 1 < pl.nfile ? no - 1 :
	    pl.nfile) > k)
		return no - 1 < pl.nfile ? no - 1 : pl.nfile;
	return k;
}

/* The shown frame after (dir > 0) or before (dir < 0) no; 0: none. */
uint64_t
plist_step(struct recent *r, uint64_t no, int dir)
{
	unsigned	 file = 0;

	while ((no = plist_next(r, no, dir)) != 0 && !plist_shown(r, no))
		if (no <= pl.nfile && ++file > PLIST_SCAN)
			return 0;
	return no;
}

/* Frame no from the ring, else from the file: 0, or -1. */
int
plist_get(struct recent *r, uint64_t no, struct recent_pkt *out)
{
	if (recent_get(r, no, out) == 0)
		return 0;
	if (pl.fx == NULL || no == 0 || no > pl.nfile)
		return -1;
	return findex_get(pl.fx, no, out);
}

/*
 * Frames between shown frames a and b (a 0: from the start) neither kept
 * nor in the file.
 */
uint64_t
plist_notkept(struct recent *r, uint64_t a, uint64_t b)
{
	uint64_t	 lo = a > pl.nfile ? a : pl.nfile;

	if (b <= lo + 1)
		return 0;
	return b - lo - 1 - recent_between(r, lo, b);
}

/* Smartcase: a capital in the text makes the search exact. */
static int
plist_matches(const char *hay, const char *needle, int exact)
{
	return exact ? strstr(hay, needle) != NULL :
	    strcasestr(hay, needle) != NULL;
}

/*
 * The first shown frame from `from` (included) on in direction dir whose
 * summary holds text; 0: none.  Copies a few packets per lock so that
 * the engine never waits for a decoder.
 */
uint64_t
plist_find(struct recent *r, const int *dlt, unsigned ndlt, uint64_t from,
    int dir, const char *text)
{
	struct recent_pkt	*pk;
	struct tbuf		 tb;
	uint64_t		 no = from, found = 0;
	const char		*c;
	int			 i, n, exact = 0;

	for (c = text; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			exact = 1;
	pk = xcalloc(PLIST_BATCH, sizeof *pk);
	tbuf_init(&tb);
	for (;;) {
		recent_lock(r);
		if (no == from && !plist_shown(r, no))
			no = plist_step(r, no, dir);
		for (n = 0; n < PLIST_BATCH && no != 0 &&
		    plist_get(r, no, &pk[n]) == 0; n++)
			no = plist_step(r, no, dir);
		recent_unlock(r);
		for (i = 0; i < n && found == 0; i++) {
			tbuf_reset(&tb);
			dec_summary(&tb, dlt[pk[i].iface < ndlt ?
			    pk[i].iface : 0], pk[i].data, pk[i].caplen,
			    pk[i].len);
			if (tb.s != NULL && plist_matches(tb.s, text, exact))
				found = pk[i].no;
		}
		if (found != 0 || n == 0 || no == 0)
			break;
	}
	tbuf_free(&tb);
	free(pk);
	return found;
}
