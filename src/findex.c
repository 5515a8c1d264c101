/*
 * Indexes a pcap or pcapng file by frame number.  Two libpcap handles on
 * the same file, both opened before privileges are dropped: the indexer
 * thread reads every record once with pcap_next_ex() and notes ftell()
 * of pcap_file() before every FINDEX_STEP-th frame the capture filter
 * passes; the reader seeks there and reads forward.  libpcap reads a
 * savefile record by record through that FILE (sf_next_packet, and
 * block by block for pcapng), so a seek to a record's start is where the
 * next pcap_next_ex() begins.  Numbers follow the capture filter given,
 * the one the replay runs, so frame N here is the replay's frame N.
 */
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "compat.h"
#include "filter.h"
#include "findex.h"
#include "recent.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

struct findex {
	pcap_t			*scan;		/* the indexer's handle */
	pcap_t			*rd;		/* the reader's handle */
	int			 dlt;
	long			 start;		/* the first record */
	pthread_t		 thread;
	int			 running;
	pthread_mutex_t		 lock;
	/* Under lock. */
	int			 stop;
	long			*off;		/* frame i * STEP + 1 starts */
	size_t			 noff, capoff;
	struct findex_info	 info;
	/* Read by both threads; changed only with the indexer stopped. */
	struct bpf_program	 prog;
	/* Reader only. */
	uint64_t		 rnext;		/* frame the next read gives */
};

static void	*findex_run(void *);
static void	 findex_stop(struct findex *);
static pcap_t	*findex_pcap(const char *, char *);

static pcap_t *
findex_pcap(const char *path, char *errbuf)
{
	char	 perr[PCAP_ERRBUF_SIZE];
	pcap_t	*p;

	if ((p = pcap_open_offline(path, perr)) == NULL)
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot index %s: %s", path,
		    perr);
	else if (pcap_file(p) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot index %s: not a file",
		    path);
		pcap_close(p);
		p = NULL;
	}
	return p;
}

/*
 * Opens the file twice and starts indexing every frame.  Only a regular
 * file: a second open of a FIFO (or /dev/stdin) is a second reader of
 * the one stream, and the indexer took records from under the replay.
 */
struct findex *
findex_open(const char *path, char *errbuf)
{
	struct findex	*fx;
	struct stat	 sb;
	char		 name[256];

	if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		esc_str(name, sizeof name, path, strlen(path));
		snprintf(errbuf, ZB_ERRBUFSZ, "%s is not a regular file: only "
		    "the kept packets can be listed", name);
		return NULL;
	}
	fx = xcalloc(1, sizeof *fx);
	pthread_mutex_init(&fx->lock, NULL);
	if ((fx->scan = findex_pcap(path, errbuf)) == NULL ||
	    (fx->rd = findex_pcap(path, errbuf)) == NULL) {
		findex_free(fx);
		return NULL;
	}
	fx->dlt = pcap_datalink(fx->scan);
	/* findex_run asks ftell() before every record. */
	compat_ftell_cheap(pcap_file(fx->scan));
	fx->start = ftell(pcap_file(fx->scan));
	if (findex_filter(fx, NULL, errbuf) == -1) {
		findex_free(fx);
		return NULL;
	}
	return fx;
}

void
findex_free(struct findex *fx)
{
	if (fx == NULL)
		return;
	findex_stop(fx);
	if (fx->scan != NULL)
		pcap_close(fx->scan);
	if (fx->rd != NULL)
		pcap_close(fx->rd);
	filter_free(&fx->prog);
	free(fx->off);
	pthread_mutex_destroy(&fx->lock);
	free(fx);
}

static void
findex_stop(struct findex *fx)
{
	if (!fx->running)
		return;
	pthread_mutex_lock(&fx->lock);
	fx->stop = 1;
	pthread_mutex_unlock(&fx->lock);
	pthread_join(fx->thread, NULL);
	fx->running = 0;
}

/*
 * Index again from the start for the capture filter expr (NULL or "":
 * every record): 0, or -1 and why, the old index kept.
 */
int
findex_filter(struct findex *fx, const char *expr, char *errbuf)
{
	struct bpf_program	 prog;

	memset(&prog, 0, sizeof prog);
	if (expr != NULL && *expr != '\0' && filter_compile(fx->dlt, 262144,
	    expr, &prog, errbuf) == -1)
		return -1;
	findex_stop(fx);
	filter_free(&fx->prog);
	fx->prog = prog;
	fx->stop = 0;
	fx->noff = 0;
	memset(&fx->info, 0, sizeof fx->info);
	fx->rnext = 0;
	if (fseek(pcap_file(fx->scan), fx->start, SEEK_SET) == -1 ||
	    pthread_create(&fx->thread, NULL, findex_run, fx) != 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot index the file: %s",
		    strerror(errno));
		return -1;
	}
	fx->running = 1;
	return 0;
}

/*
 * The indexer.  pcap_open_offline() has read the file's header (pcap) or
 * its first section and interface blocks (pcapng): records start where
 * the handle stood after opening, fx->start.
 */
static void *
findex_run(void *arg)
{
	struct findex		*fx = arg;
	struct pcap_pkthdr	*h;
	const u_char		*d;
	FILE			*fp = pcap_file(fx->scan);
	struct timespec		 ts;
	long			 pos;
	uint64_t		 n = 0;
	int			 stop = 0;

	for (;;) {
		pos = ftell(fp);
		if (pcap_next_ex(fx->scan, &h, &d) != 1)
			break;
		if (filter_frame(&fx->prog, d, h->len, h->caplen) == 0)
			continue;
		ts.tv_sec = h->ts.tv_sec;
		ts.tv_nsec = (long)h->ts.tv_usec * (pcap_get_tstamp_precision(
		    fx->scan) == PCAP_TSTAMP_PRECISION_NANO ? 1 : 1000);
		pthread_mutex_lock(&fx->lock);
		if (n % FINDEX_STEP == 0) {
			if (fx->noff == fx->capoff) {
				fx->capoff = fx->capoff ? fx->capoff * 2 : 1024;
				fx->off = xrealloc(fx->off, fx->capoff *
				    sizeof *fx->off);
			}
			fx->off[fx->noff++] = pos;
		}
		if (n == 0)
			fx->info.first = ts;
		fx->info.last = ts;
		fx->info.frames = ++n;
		stop = fx->stop;
		pthread_mutex_unlock(&fx->lock);
		if (stop)
			return NULL;
	}
	pthread_mutex_lock(&fx->lock);
	fx->info.done = 1;
	pthread_mutex_unlock(&fx->lock);
	return NULL;
}

void
findex_info(struct findex *fx, struct findex_info *fi)
{
	pthread_mutex_lock(&fx->lock);
	*fi = fx->info;
	pthread_mutex_unlock(&fx->lock);
}

/*
 * Frame no (from 1) read back into out: 0, or -1 when it is not indexed
 * yet or the file cannot be read.  Reads forward when the frame is just
 * ahead, else seeks to the nearest offset before it.
 */
int
findex_get(struct findex *fx, uint64_t no, struct recent_pkt *out)
{
	struct pcap_pkthdr	*h;
	const u_char		*d;
	long			 pos;
	int			 nano;

	pthread_mutex_lock(&fx->lock);
	if (no == 0 || no > fx->info.frames) {
		pthread_mutex_unlock(&fx->lock);
		return -1;
	}
	pos = fx->off[(no - 1) / FINDEX_STEP];
	pthread_mutex_unlock(&fx->lock);
	if (fx->rnext == 0 || no < fx->rnext || no - fx->rnext >= FINDEX_STEP) {
		if (fseek(pcap_file(fx->rd), pos, SEEK_SET) == -1)
			return -1;
		fx->rnext = (no - 1) / FINDEX_STEP * FINDEX_STEP + 1;
	}
	nano = pcap_get_tstamp_precision(fx->rd) ==
	    PCAP_TSTAMP_PRECISION_NANO;
	for (;;) {
		if (pcap_next_ex(fx->rd, &h, &d) != 1) {
			fx->rnext = 0;
			return -1;
		}
		if (filter_frame(&fx->prog, d, h->len, h->caplen) == 0)
			continue;
		if (fx->rnext++ == no)
			break;
	}
	out->no = no;
	out->ts.tv_sec = h->ts.tv_sec;
	out->ts.tv_nsec = (long)h->ts.tv_usec * (nano ? 1 : 1000);
	out->origcap = h->caplen;
	out->len = h->len;
	out->caplen = h->caplen < RECENT_SNAP ? h->caplen : RECENT_SNAP;
	out->ring = 0;
	memcpy(out->data, d, out->caplen);
	return 0;
}
