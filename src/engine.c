/*
 * The capture engine: one thread owns the backend's control slots, so
 * backends need no locks.  This file is that thread: it walks every
 * buffer handed over, counts, writes, keeps recent packets and runs the
 * timers; with --threads the walking is done by one consumer thread per
 * queue instead (engine-queue.c).  Requests from other threads arrive
 * through the mailbox in engine-req.c.  Never calls the screen; per packet
 * it does no allocation and no syscall.
 */
#include <sys/eventfd.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "cur.h"
#include "dec.h"
#include "engine.h"
#include "filter.h"
#include "pcapw.h"
#include "recent.h"
#include "stats.h"
#include "tbuf.h"
#include "work.h"
#include "xmalloc.h"
#include "engine-int.h"

static int	 engine_wakefds(struct engine *, struct cap_conf *, char *);
static void	*engine_main(void *);
static int	 engine_claim(struct engine *);
static void	 engine_packet(struct engine *, struct cap_pkt *,
		    const struct cap_block *, int);
static void	 engine_seqlog(struct engine *, const struct cap_pkt *,
		    unsigned, char);
static void	 engine_rotate_tick(struct engine *, unsigned);
static void	 engine_drain(struct engine *);
static void	 engine_info(struct engine *);
static int	 engine_write_sync(struct engine *);
static void	 engine_gap(struct engine *, const struct cap_kstats *);
static uint64_t	 engine_ns(const struct timespec *, const struct timespec *);

struct engine *
engine_new(const struct engine_conf *conf, char *errbuf)
{
	struct engine		*e;
	const struct cap_ops	*ops;
	struct cap_conf		 cc;

	e = xcalloc(1, sizeof *e);
	e->conf = *conf;
	e->rotate_ms = conf->rotate_ms;
	e->speed = conf->cap.speed;
	e->wakefd = -1;
	pthread_mutex_init(&e->lock, NULL);
	pthread_mutex_init(&e->reqlock, NULL);
	pthread_mutex_init(&e->wlock, NULL);
	pthread_cond_init(&e->cond, NULL);
	if ((ops = cap_find(conf->mode)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "unknown capture mode: %s "
		    "(zbuf or copy)", conf->mode);
		goto fail;
	}
	cc = conf->cap;
	if (engine_wakefds(e, &cc, errbuf) == -1 ||
	    cap_open(&e->cap, ops, &cc, errbuf) == -1)
		goto fail;
	if (cc.file == NULL && cc.iface != NULL &&
	    (e->fl = filter_live_open(cc.iface, e->cap.dlt, errbuf)) == NULL)
		goto fail;
	e->stats = stats_new(e->nq);
	if (conf->keep != 0)
		e->recent = recent_new(conf->keep);
	if (engine_set_filter(e, conf->filter, e->cap.snaplen, errbuf) != 0)
		goto fail;
	if (conf->wfile != NULL && (e->w = pcapw_open(conf->wfile,
	    e->cap.dlt, e->cap.snaplen, conf->wconf, errbuf)) == NULL)
		goto fail;
	if (conf->seqlog != NULL &&
	    (e->seqlog = fopen(conf->seqlog, "w")) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s",
		    conf->seqlog, strerror(errno));
		goto fail;
	}
	engine_info(e);
	return e;
fail:
	engine_free(e);
	return NULL;
}

/*
 * One eventfd for the engine thread, which is queue 0's consumer too
 * unless --threads asks for more; then one more per consumer thread.
 */
static int
engine_wakefds(struct engine *e, struct cap_conf *cc, char *errbuf)
{
	unsigned	q;

	if ((e->wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) == -1)
		goto fail;
	e->nq = cc->threads > 1 ? cc->threads : 1;
	if (e->nq > CAP_MAXQ)
		e->nq = CAP_MAXQ;
	cc->wakefd[0] = e->wakefd;
	if (e->nq == 1)
		return 0;
	e->workers = xcalloc(e->nq, sizeof *e->workers);
	for (q = 0; q < e->nq; q++)
		e->workers[q].wakefd = -1;
	for (q = 0; q < e->nq; q++) {
		e->workers[q].e = e;
		e->workers[q].q = q;
		e->workers[q].wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if ((cc->wakefd[q] = e->workers[q].wakefd) == -1)
			goto fail;
	}
	return 0;
fail:
	snprintf(errbuf, ZB_ERRBUFSZ, "eventfd: %s", strerror(errno));
	return -1;
}

/* What the header of every view says about this capture. */
static void
engine_info(struct engine *e)
{
	struct stats_snap	*sn;
	const char		*src;

	sn = xcalloc(1, sizeof *sn);
	snprintf(sn->mode, sizeof sn->mode, "%s", e->cap.ops->name);
	src = e->conf.cap.file != NULL ? e->conf.cap.file :
	    e->conf.cap.label != NULL ? e->conf.cap.label : e->conf.cap.iface;
	if (src != NULL)
		esc_str(sn->source, sizeof sn->source, src, strlen(src));
	snprintf(sn->geometry, sizeof sn->geometry, "%s", e->cap.geometry);
	snprintf(sn->note, sizeof sn->note, "%s", e->cap.note);
	if (e->expr != NULL)
		esc_str(sn->filter, sizeof sn->filter, e->expr,
		    strlen(e->expr));
	sn->snaplen = e->cap.snaplen;
	sn->dlt = e->cap.dlt;
	sn->nrings = e->cap.nrings;
	sn->parsing = e->conf.parse;
	sn->printing = e->conf.print != NULL;
	stats_info(e->stats, sn);
	free(sn);
}

int
engine_start(struct engine *e, char *errbuf)
{
	struct timespec	now;
	int		n;

	if (cap_start(&e->cap, errbuf) == -1)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	/* So that the first snapshot, before the first tick, has buffers. */
	if ((n = e->cap.ops->buffers(&e->cap, e->bufs, CAP_MAXBUFS)) >= 0)
		stats_buffers(e->stats, e->bufs, n);
	e->next_tick = e->next_sample = e->next_rotate = now;
	engine_after(&e->next_sample, &now, 1000);
	if (e->nq > 1 && engine_workers_start(e, errbuf) == -1)
		return -1;
	if (pthread_create(&e->thread, NULL, engine_main, e) != 0) {
		if (e->nq > 1)
			engine_workers_stop(e, ENGINE_QUIT);
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot start capture thread");
		return -1;
	}
	e->started = 1;
	return 0;
}

/* 1 once the engine has finished (count, end of file, error, stop). */
int
engine_wait(struct engine *e, int ms)
{
	struct timespec	 until;
	int		 done;

	clock_gettime(CLOCK_REALTIME, &until);
	engine_after(&until, &until, (unsigned)ms);
	pthread_mutex_lock(&e->lock);
	while (!e->finished && ms > 0 &&
	    pthread_cond_timedwait(&e->cond, &e->lock, &until) == 0)
		;
	done = e->finished;
	pthread_mutex_unlock(&e->lock);
	return done;
}

/* Wake the engine thread; "woken" tells it to read the eventfd. */
void
engine_wake(struct engine *e)
{
	uint64_t	one = 1;

	pthread_mutex_lock(&e->lock);
	e->woken = 1;
	if (write(e->wakefd, &one, sizeof one) == -1 && errno != EAGAIN)
		e->woken = 0;
	pthread_mutex_unlock(&e->lock);
}

/* Ask the engine to drain what is already captured and finish. */
void
engine_stop(struct engine *e)
{
	pthread_mutex_lock(&e->lock);
	e->stop = 1;
	pthread_mutex_unlock(&e->lock);
	if (e->wakefd != -1)
		engine_wake(e);
	if (e->started) {
		pthread_join(e->thread, NULL);
		e->started = 0;
	}
}

/* What the backend adjusted when it opened (a raised block size), or NULL. */
const char *
engine_note(struct engine *e)
{
	return e->cap.note[0] != '\0' ? e->cap.note : NULL;
}

const char *
engine_error(struct engine *e)
{
	const char	*err;

	pthread_mutex_lock(&e->lock);
	err = e->error[0] != '\0' ? e->error : NULL;
	pthread_mutex_unlock(&e->lock);
	return err;
}

void
engine_free(struct engine *e)
{
	char		errbuf[ZB_ERRBUFSZ];
	unsigned	q;

	if (e == NULL)
		return;
	engine_stop(e);
	cap_close(&e->cap);
	if (e->w != NULL)
		pcapw_close(e->w, errbuf);
	if (e->seqlog != NULL)
		fclose(e->seqlog);
	if (e->wakefd != -1)
		close(e->wakefd);
	for (q = 0; e->workers != NULL && q < e->nq; q++)
		if (e->workers[q].wakefd != -1)
			close(e->workers[q].wakefd);
	free(e->workers);
	if (e->prog.bf_insns != NULL)
		filter_free(&e->prog);
	filter_live_close(e->fl);
	free(e->expr);
	recent_free(e->recent);
	stats_free(e->stats);
	pthread_mutex_destroy(&e->lock);
	pthread_mutex_destroy(&e->reqlock);
	pthread_mutex_destroy(&e->wlock);
	pthread_cond_destroy(&e->cond);
	free(e);
}

void
engine_after(struct timespec *t, const struct timespec *from, unsigned ms)
{
	t->tv_sec = from->tv_sec + ms / 1000;
	t->tv_nsec = from->tv_nsec + (long)(ms % 1000) * 1000000;
	if (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

int
engine_due(const struct timespec *when, const struct timespec *now)
{
	return now->tv_sec > when->tv_sec || (now->tv_sec == when->tv_sec &&
	    now->tv_nsec >= when->tv_nsec);
}

/* How long next() may sleep: until the next tick or forced rotation. */
int
engine_timeout(struct engine *e)
{
	struct timespec	 now;
	long		 ms;
	unsigned	 every;

	pthread_mutex_lock(&e->lock);
	every = e->rotate_ms;
	ms = e->req != NULL ? 1 : ENGINE_TICK_MS;
	pthread_mutex_unlock(&e->lock);
	if (every == 0)
		return (int)ms;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (engine_due(&e->next_rotate, &now))
		return 0;
	/* Round up: a timeout of 0 for the last fraction would spin. */
	ms = ((e->next_rotate.tv_sec - now.tv_sec) * 1000000000 +
	    (e->next_rotate.tv_nsec - now.tv_nsec) + 999999) / 1000000;
	return ms < ENGINE_TICK_MS ? (int)ms : ENGINE_TICK_MS;
}

static void *
engine_main(void *arg)
{
	struct engine		*e = arg;
	struct cap_block	 blk;
	char			 errbuf[ZB_ERRBUFSZ];
	int			 rc = 0, stop;

	if (e->nq > 1) {
		engine_control(e);
		return NULL;
	}
	errbuf[0] = '\0';
	for (;;) {
		pthread_mutex_lock(&e->lock);
		stop = e->stop;
		pthread_mutex_unlock(&e->lock);
		if (stop) {
			engine_drain(e);
			break;
		}
		engine_serve(e);
		rc = e->cap.ops->next(&e->cap, 0, &blk, engine_timeout(e),
		    errbuf);
		if (rc == -1)
			break;
		if (rc == 1 && engine_block(e, &blk) == 1)
			break;
		if (rc == 0 && e->cap.eof)
			break;
		engine_periodic(e, 0);
	}
	engine_finish(e, rc == -1 ? errbuf : NULL);
	return NULL;
}

/* One more packet for -c COUNT; 0 once the count is reached. */
static int
engine_claim(struct engine *e)
{
	return atomic_fetch_add_explicit(&e->claimed, 1,
	    memory_order_relaxed) < e->conf.count;
}

/*
 * Walk one handed-over buffer, on the thread of its queue.  Returns 1
 * when -c COUNT is reached.  Only the last recent_cap() packets of a
 * buffer are copied for display: the earlier ones would be overwritten
 * before anyone could look, so the shared list is locked only for those.
 */
int
engine_block(struct engine *e, struct cap_block *blk)
{
	const struct cap_ops	*ops = e->cap.ops;
	struct cap_pkt		 pkt;
	struct timespec		 t0, t1, t2;
	uint64_t		 n = 0, bytes = 0, rejected = 0, i = 0, sum = 0;
	uint32_t		 npkts = blk->npkts;
	unsigned		 snap;
	int			 keep, kept = 0, full = 0, gone = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	keep = e->recent != NULL;
	if (e->conf.parse)
		stats_lock(e->stats, blk->queue);
	pkt.vlan = 0;		/* a backend that never puts tags back */
	while (ops->pkt(&e->cap, blk, &pkt) == 1) {
		i++;
		if (blk->recheck != NULL) {
			snap = filter_run(blk->recheck, &pkt);
			if (snap == 0) {
				rejected++;
				if (e->seqlog != NULL)
					engine_seqlog(e, &pkt, blk->ring, 'R');
				continue;
			}
			if (snap < pkt.caplen)
				pkt.caplen = snap;
		}
		if (e->conf.count != 0 && !engine_claim(e)) {
			full = 1;
			break;
		}
		n++;
		bytes += pkt.len;
		if (e->conf.work != WORK_NONE)
			sum += work_pkt(e->conf.work, pkt.data, pkt.caplen);
		if (keep && !kept && npkts - i < recent_cap(e->recent)) {
			recent_lock(e->recent);
			kept = 1;
		}
		engine_packet(e, &pkt, blk, kept);
	}
	if (kept)
		recent_unlock(e->recent);
	if (e->conf.parse)
		stats_unlock(e->stats, blk->queue);
	ops->release(&e->cap, blk);
	stats_block(e->stats, blk->ring, n, bytes, rejected, blk->reason);
	if (sum != 0)
		atomic_fetch_add_explicit(&e->worksum, sum,
		    memory_order_relaxed);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	t2 = t1;
	if (e->w != NULL) {
		gone = engine_write_sync(e);
		clock_gettime(CLOCK_MONOTONIC, &t2);
	}
	/* The busy share names the slow stage in the drop verdict (diag.c). */
	stats_busy(e->stats, engine_ns(&t0, &t2), engine_ns(&t1, &t2));
	if (gone)
		return 1;
	return full || (e->conf.count != 0 &&
	    atomic_load_explicit(&e->claimed, memory_order_relaxed) >=
	    e->conf.count);
}

/* Nanoseconds from a to b (monotonic, b not before a). */
static uint64_t
engine_ns(const struct timespec *a, const struct timespec *b)
{
	return (uint64_t)(b->tv_sec - a->tv_sec) * 1000000000u +
	    (uint64_t)(b->tv_nsec - a->tv_nsec);
}

/* With --threads, the -w file is one stream: a packet at a time. */
static void
engine_packet(struct engine *e, struct cap_pkt *pkt,
    const struct cap_block *blk, int keep)
{
	struct dec_info	di;
	uint64_t	no;
	int		rc = 0;

	/*
	 * The frame number: with --threads it is taken with the -w lock
	 * held, so the file's order is the numbers' order.
	 */
	if (e->w != NULL && e->nq > 1) {
		pthread_mutex_lock(&e->wlock);
		no = atomic_fetch_add_explicit(&e->frames, 1,
		    memory_order_relaxed) + 1;
		rc = pcapw_put(e->w, pkt);
		pthread_mutex_unlock(&e->wlock);
	} else {
		/* One thread numbers: a plain store, no locked add. */
		no = atomic_load_explicit(&e->frames, memory_order_relaxed) + 1;
		if (e->nq > 1)
			no = atomic_fetch_add_explicit(&e->frames, 1,
			    memory_order_relaxed) + 1;
		else
			atomic_store_explicit(&e->frames, no,
			    memory_order_relaxed);
		if (e->w != NULL)
			rc = pcapw_put(e->w, pkt);
	}
	if (rc == -1)
		stats_wdrop(e->stats);
	if (e->conf.parse) {
		dec_parse(e->cap.dlt, pkt->data, pkt->caplen, pkt->len, &di);
		stats_parsed(e->stats, blk->queue, &di, CAP_PKT_LEN(pkt));
	}
	if (keep)
		recent_add(e->recent, pkt, blk->ring, no);
	if (e->conf.print != NULL)
		e->conf.print(e->conf.print_arg[blk->queue], pkt, e->cap.dlt);
	if (e->seqlog != NULL)
		engine_seqlog(e, pkt, blk->ring, 'S');
}

/*
 * The test traffic's sequence numbers (tests/gen/zbgen.c): Ethernet,
 * IPv4, UDP, then "ZBSQ" and a 64-bit big-endian number.
 */
static void
engine_seqlog(struct engine *e, const struct cap_pkt *pkt, unsigned ring,
    char what)
{
	struct cur	 c;
	const uint8_t	*m;
	uint64_t	 seq = 0;
	int		 ihl, i;

	if (e->cap.dlt != DLT_EN10MB)
		return;
	cur_init(&c, pkt->data, pkt->caplen);
	if (cur_skip(&c, 12) == -1 || cur_u16(&c) != 0x0800 ||
	    (ihl = cur_peek_u8(&c, 0)) == -1 || (ihl & 0x0f) < 5 ||
	    cur_peek_u8(&c, 9) != 17 ||
	    cur_skip(&c, (size_t)(ihl & 0x0f) * 4 + 8) == -1 ||
	    (m = cur_pull(&c, 12)) == NULL || memcmp(m, "ZBSQ", 4) != 0)
		return;
	for (i = 4; i < 12; i++)
		seq = seq << 8 | m[i];
	fprintf(e->seqlog, "%u %llu %u %c\n", ring, (unsigned long long)seq,
	    e->epoch, what);
}

/*
 * A failed write is something the front end should say; not fatal.  A
 * pipe whose reader went away ("-w - | tcpdump -r - -c 3") got what it
 * wanted: 1, capture ends quietly, as print mode does for "| head".
 */
static int
engine_write_sync(struct engine *e)
{
	char	errbuf[ZB_ERRBUFSZ];
	int	rc;

	if (e->nq > 1)
		pthread_mutex_lock(&e->wlock);
	rc = pcapw_sync(e->w, errbuf);
	if (e->nq > 1)
		pthread_mutex_unlock(&e->wlock);
	if (rc == -1 && pcapw_gone(e->w))
		return 1;
	if (rc == -1)
		engine_event(e, errbuf);
	return 0;
}

/*
 * Every loop: kernel counters and buffer states each tick, rates each
 * second, and the forced rotation timer.  "last" reads everything now.
 */
void
engine_periodic(struct engine *e, int last)
{
	const struct cap_ops	*ops = e->cap.ops;
	struct cap_kstats	 ks;
	struct timespec		 now;
	uint64_t		 ifd;
	unsigned		 every;
	int			 n, paused, pending, now_req;

	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&e->lock);
	every = e->rotate_ms;
	paused = e->paused;
	/* A waiting filter change needs the drained moment more. */
	pending = e->req != NULL && !e->req->done;
	now_req = e->tick_now;
	e->tick_now = 0;
	pthread_mutex_unlock(&e->lock);
	if (every != 0 && ops->rotate != NULL && !last && !pending &&
	    engine_due(&e->next_rotate, &now))
		engine_rotate_tick(e, every);
	if (!last && !now_req && !engine_due(&e->next_tick, &now))
		return;
	engine_after(&e->next_tick, &now, ENGINE_TICK_MS);
	memset(&ks, 0, sizeof ks);
	if (ops->kstats(&e->cap, &ks) == 0)
		stats_kernel(e->stats, &ks);
	if (ks.gaps > 0)
		engine_gap(e, &ks);
	if (ops->ifdrops != NULL && ops->ifdrops(&e->cap, &ifd) == 0)
		stats_ifdrops(e->stats, ifd);
	if ((n = ops->buffers(&e->cap, e->bufs, CAP_MAXBUFS)) >= 0)
		stats_buffers(e->stats, e->bufs, n);
	stats_flags(e->stats, paused, e->cap.eof, e->w != NULL, every);
	stats_link(e->stats, __atomic_load_n(&e->cap.linkdown,
	    __ATOMIC_RELAXED));
	/* -C and -G change the file on a consumer thread. */
	if (e->nq > 1)
		pthread_mutex_lock(&e->wlock);
	stats_wfile(e->stats, e->w != NULL ? pcapw_file(e->w) : NULL,
	    e->w != NULL ? pcapw_frames(e->w) : 0);
	if (e->nq > 1)
		pthread_mutex_unlock(&e->wlock);
	if (last || engine_due(&e->next_sample, &now)) {
		engine_after(&e->next_sample, &now, 1000);
		stats_sample(e->stats);
	}
}

/* A file's silent gap the replay did not sleep through, on the status line. */
static void
engine_gap(struct engine *e, const struct cap_kstats *ks)
{
	char	 text[ZB_ERRBUFSZ];

	snprintf(text, sizeof text, "gap of %llu s in the file's timestamps "
	    "skipped%s", (unsigned long long)ks->gap_s, ks->gaps > 1 ?
	    " (and more)" : "");
	engine_event(e, text);
}

/*
 * A timed rotation.  The flip can block for a grace period, so the next
 * one is timed from when this one returned, giving the consumer at least
 * "every" ms to walk what it got; a busy backend is asked again in 1 ms
 * rather than in a spin.
 */
static void
engine_rotate_tick(struct engine *e, unsigned every)
{
	struct timespec	now;
	char		errbuf[ZB_ERRBUFSZ];
	int		rc;

	rc = engine_rotate_now(e, errbuf);
	clock_gettime(CLOCK_MONOTONIC, &now);
	engine_after(&e->next_rotate, &now, rc == CAP_AGAIN ? 1 : every);
}

/*
 * On stop: walk what the kernel already handed over, then force the
 * partly filled buffers out too, so nothing captured is left behind.
 * Bounded: a file replay would otherwise keep producing.
 */
static void
engine_drain(struct engine *e)
{
	struct cap_block	 blk;
	char			 errbuf[ZB_ERRBUFSZ];
	unsigned		 pass, n;

	for (pass = 0; pass < 3; pass++) {
		for (n = 0; n < e->cap.nbufs + 2; n++) {
			if (e->cap.ops->next(&e->cap, 0, &blk, 0, errbuf) != 1)
				break;
			if (engine_block(e, &blk) == 1)
				return;
		}
		if (e->cap.ops->rotate == NULL ||
		    e->cap.ops->rotate(&e->cap, errbuf) != 0)
			break;
	}
}

void
engine_finish(struct engine *e, const char *err)
{
	char	errbuf[ZB_ERRBUFSZ];

	engine_periodic(e, 1);
	if (e->w != NULL && pcapw_close(e->w, errbuf) == -1)
		engine_event(e, errbuf);
	e->w = NULL;
	if (e->seqlog != NULL)
		fflush(e->seqlog);
	pthread_mutex_lock(&e->lock);
	e->finished = 1;
	if (err != NULL)
		snprintf(e->error, sizeof e->error, "%s", err);
	if (e->req != NULL && !e->req->done) {
		snprintf(e->req->errbuf, ZB_ERRBUFSZ, "capture has ended");
		e->req->rc = -1;
		e->req->done = 1;
	}
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
}

void
engine_snapshot(struct engine *e, struct stats_snap *sn)
{
	stats_snapshot(e->stats, sn);
}

void
engine_refresh(struct engine *e)
{
	pthread_mutex_lock(&e->lock);
	e->tick_now = 1;
	pthread_mutex_unlock(&e->lock);
	engine_wake(e);
}

void
engine_totals(struct engine *e, struct stats_totals *t)
{
	stats_totals(e->stats, t);
}

/* Frames numbered so far: the number of the newest one. */
uint64_t
engine_frames(struct engine *e)
{
	return atomic_load_explicit(&e->frames, memory_order_relaxed);
}

/* Which run: 0, plus one each time a file is read again from the start. */
unsigned
engine_run(struct engine *e)
{
	return atomic_load_explicit(&e->run, memory_order_relaxed);
}

struct recent *
engine_recent(struct engine *e)
{
	return e->recent;
}

int
engine_dlt(struct engine *e)
{
	return e->cap.dlt;
}

/* The --bench-work kind, and in *sum what it has added up so far. */
int
engine_work(struct engine *e, uint64_t *sum)
{
	*sum = atomic_load_explicit(&e->worksum, memory_order_relaxed);
	return e->conf.work;
}
