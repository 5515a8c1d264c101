/*
 * The capture engine: its lifecycle (new, start, stop, free, and reading
 * a replayed file again) and the engine thread's control loop.  One
 * thread owns the backend's control slots, so backends need no locks.
 * Without --threads that thread walks the one lane inline, through the
 * packet path in engine-walk.c, between serving requests and running the
 * timers; with --threads the lanes' consumer threads walk
 * (engine-lane.c) and the loop here keeps only requests, timers and
 * counters.  Requests arrive through the mailbox (engine-mbox.c) and
 * take effect in engine-req.c; the tick, the rates and the timers are
 * engine-tick.c's.  Never calls the screen.
 */
#include <sys/eventfd.h>

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "engine.h"
#include "filter.h"
#include "pcapw.h"
#include "recent.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "engine-int.h"

static int	 engine_wakefds(struct engine *, struct cap_conf *, char *);
static void	 engine_info(struct engine *);
static void	*engine_main(void *);
static void	 engine_control(struct engine *);
static void	 engine_sleep(struct engine *, int);
static void	 engine_drain(struct engine *);
static void	 engine_lanes_drain(struct engine *);
static void	 engine_finish(struct engine *, const char *);
static int	 engine_reread(struct engine *, struct engine_filter *,
		    char *);
static int	 engine_wlate(const struct engine_conf *);
static int	 engine_go(struct engine *, char *);

struct engine *
engine_new(const struct engine_conf *conf, char *errbuf)
{
	struct engine		*e;
	const struct cap_ops	*ops;
	struct cap_conf		 cc;
	unsigned		 k;

	e = xcalloc(1, sizeof *e);
	e->conf = *conf;
	e->rotate_ms = conf->rotate_ms;
	e->speed = conf->cap.speed;
	e->wakefd = -1;
	pthread_mutex_init(&e->lock, NULL);
	pthread_mutex_init(&e->reqlock, NULL);
	pthread_mutex_init(&e->snaplock, NULL);
	pthread_mutex_init(&e->wlock, NULL);
	pthread_cond_init(&e->cond, NULL);
	if ((ops = cap_find(conf->mode)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "unknown capture mode: %s "
		    "(zbuf or copy)", conf->mode);
		goto fail;
	}
	cc = conf->cap;
	/* Several -i: a ring set of that backend per interface. */
	if (cc.nifaces > 1) {
		cc.each = ops;
		ops = &cap_multi_ops;
	}
	if (engine_wakefds(e, &cc, errbuf) == -1 ||
	    cap_open(&e->cap, ops, &cc, errbuf) == -1)
		goto fail;
	if (conf->opened != NULL && cc.file != NULL)
		conf->opened(cc.file, e->cap.dlt, e->cap.filesnap);
	for (k = 0; cc.file == NULL && cc.iface != NULL && k < e->cap.nifs;
	    k++)
		if ((e->fl[k] = filter_live_open(e->cap.ifname[k],
		    e->cap.ifdlt[k], errbuf)) == NULL)
			goto fail;
	e->stats = stats_new(e->nq);
	if (conf->keep != 0)
		e->recent = recent_new(conf->keep);
	if (engine_set_filter(e, conf->filter, e->cap.snaplen, errbuf) != 0)
		goto fail;
	if (conf->wfile != NULL && !engine_wlate(conf) &&
	    engine_open_write(e, conf->wfile, conf->wconf, &e->w,
	    errbuf) == -1)
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
	e->nq = CAP_NQ(cc);
	if (e->nq > CAP_MAXQ) {
		snprintf(errbuf, ZB_ERRBUFSZ, "--threads %u on %u interfaces: "
		    "at most %d consumer queues", cc->threads, cc->nifaces,
		    CAP_MAXQ);
		return -1;
	}
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
	struct stats_info	 in;

	memset(&in, 0, sizeof in);
	/* Several -i: the backend the user chose, not the wrapper. */
	in.mode = e->cap.ops == &cap_multi_ops ? e->conf.mode :
	    e->cap.ops->name;
	in.source = e->conf.cap.file != NULL ? e->conf.cap.file :
	    e->conf.cap.label != NULL ? e->conf.cap.label : e->conf.cap.iface;
	in.geometry = e->cap.geometry;
	in.note = e->cap.note;
	in.filter = e->expr;
	in.snaplen = e->cap.snaplen;
	in.dlt = e->cap.dlt;
	in.nifs = e->cap.nifs;
	in.ifname = e->cap.ifname;
	in.nrings = e->cap.nrings;
	in.qbytes = e->cap.qbytes;
	in.ringif = e->cap.nifs > 1 ? e->cap.ringif : NULL;
	in.parsing = e->conf.parse;
	in.printing = e->conf.print != NULL;
	stats_info(e->stats, &in);
}

/*
 * With -C or -G every file of the ring is made once privileges are
 * dropped (engine_start runs after priv_drop), as tcpdump -Z makes
 * every -w file: one owner for all, so -W can reopen and remove them,
 * and a directory the user cannot write fails at start, not at the
 * first rotation.  A single -w file is opened at once, as root.
 */
static int
engine_wlate(const struct engine_conf *conf)
{
	return conf->wconf != NULL && (conf->wconf->file_mb != 0 ||
	    conf->wconf->rotate_secs != 0);
}

int
engine_start(struct engine *e, char *errbuf)
{
	if (e->conf.wfile != NULL && e->w == NULL && engine_wlate(&e->conf) &&
	    engine_open_write(e, e->conf.wfile, e->conf.wconf, &e->w,
	    errbuf) == -1)
		return -1;
	return engine_go(e, errbuf);
}

/*
 * Start the capture and the threads: engine_start() on the first run,
 * engine_reread() on every other (which opens no -w file).
 */
static int
engine_go(struct engine *e, char *errbuf)
{
	struct timespec	now;
	int		n;

	if (cap_start(&e->cap, errbuf) == -1)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	/* So that the first snapshot, before the first tick, has buffers. */
	if ((n = e->cap.ops->buffers(&e->cap, e->bufs, CAP_MAXBUFS)) >= 0)
		stats_buffers(e->stats, e->bufs, n);
	stats_ended(e->stats, 0);	/* a file read again */
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
	for (q = 0; q < CAP_MAXIF; q++) {
		if (e->prog[q].bf_insns != NULL)
			filter_free(&e->prog[q]);
		filter_live_close(e->fl[q]);
	}
	free(e->expr);
	recent_free(e->recent);
	stats_free(e->stats);
	pthread_mutex_destroy(&e->lock);
	pthread_mutex_destroy(&e->reqlock);
	pthread_mutex_destroy(&e->snaplock);
	pthread_mutex_destroy(&e->wlock);
	pthread_cond_destroy(&e->cond);
	free(e);
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

/* The engine thread with --threads: requests, timers and counters. */
static void
engine_control(struct engine *e)
{
	int	stop, done;

	for (;;) {
		pthread_mutex_lock(&e->lock);
		stop = e->stop;
		done = e->wdone || e->wlive == 0;
		pthread_mutex_unlock(&e->lock);
		if (stop || done)
			break;
		engine_serve(e);
		engine_periodic(e, 0);
		engine_sleep(e, engine_timeout(e));
	}
	if (!done)
		engine_lanes_drain(e);
	engine_workers_stop(e, done ? ENGINE_QUIT : ENGINE_DRAIN);
	/* A consumer's error is in e->error already. */
	engine_finish(e, NULL);
}

static void
engine_sleep(struct engine *e, int ms)
{
	struct pollfd	pfd;

	pfd.fd = e->wakefd;
	pfd.events = POLLIN;
	(void)poll(&pfd, 1, ms);
}

/*
 * On stop: force the partly filled blocks out, as engine_drain() does
 * without --threads, while the consumers keep walking; a rotation that
 * must wait for them to empty the other side is tried again in 1 ms.
 */
static void
engine_lanes_drain(struct engine *e)
{
	struct timespec	now, limit, ms1 = { 0, 1000000 };
	char		errbuf[ZB_ERRBUFSZ];
	unsigned	pass = 0;
	int		rc;

	clock_gettime(CLOCK_MONOTONIC, &now);
	engine_after(&limit, &now, ENGINE_AGAIN_MS);
	while (pass < 3) {
		rc = engine_rotate_now(e, errbuf);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (rc == CAP_AGAIN && !engine_due(&limit, &now)) {
			nanosleep(&ms1, NULL);
			continue;
		}
		if (rc != 0)
			break;
		pass++;
	}
}

/*
 * On stop, without --threads: walk what the kernel already handed over,
 * then force the partly filled buffers out too, so nothing captured is
 * left behind.
 */
static void
engine_drain(struct engine *e)
{
	char		 errbuf[ZB_ERRBUFSZ];
	unsigned	 pass;

	for (pass = 0; pass < 3; pass++) {
		if (engine_walk_drain(e, 0) == 1)
			return;
		if (e->cap.ops->rotate == NULL ||
		    e->cap.ops->rotate(&e->cap, errbuf) != 0)
			break;
	}
}

static void
engine_finish(struct engine *e, const char *err)
{
	char	errbuf[ZB_ERRBUFSZ];
	int	rc;

	engine_periodic(e, 1);
	if (e->w != NULL) {
		rc = pcapw_close(e->w, errbuf);
		if (rc == -1)
			engine_event(e, errbuf, 1);
		stats_wclosed(e->stats, rc == 0);
	}
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

/*
 * A new capture filter, compiled here and swapped in by the engine.
 */
int
engine_filter(struct engine *e, const char *expr, char *errbuf)
{
	struct engine_filter	*ef;
	int			 rc;

	if ((ef = engine_filter_new(e, expr, errbuf)) == NULL)
		return -1;
	rc = engine_filter_set(e, ef, errbuf);
	engine_filter_free(ef);
	return rc;
}

/*
 * Swap in a compiled filter.  After the end of a replayed file it reads
 * the file again from the start with that filter, frames numbered from 1.
 */
int
engine_filter_set(struct engine *e, struct engine_filter *ef, char *errbuf)
{
	struct engine_req	 req;
	int			 ended;

	pthread_mutex_lock(&e->lock);
	ended = e->finished && e->started && e->error[0] == '\0';
	pthread_mutex_unlock(&e->lock);
	if (ended && strcmp(e->cap.ops->name, "file") == 0)
		return engine_reread(e, ef, errbuf);
	memset(&req, 0, sizeof req);
	req.type = REQ_FILTER;
	req.filt = ef;
	return engine_send(e, &req, errbuf);
}

/*
 * The engine thread has ended at the end of the file: open the file
 * again (by name: if the user zbtop runs as may not read it, this says
 * so and nothing else changes), restart the counters, the frame numbers
 * and the kept packets, attach the filter and start again.  The -w file
 * was closed at the end and stays closed.
 */
static int
engine_reread(struct engine *e, struct engine_filter *ef, char *errbuf)
{
	struct cap_conf		 cc = e->conf.cap;
	struct cap		 old = e->cap;

	cc.wakefd[0] = e->wakefd;
	cc.speed = e->speed;
	pthread_join(e->thread, NULL);
	e->started = 0;
	if (cap_open(&e->cap, e->cap.ops, &cc, errbuf) == -1) {
		e->cap = old;		/* joined: engine_stop joins no more */
		return -1;
	}
	cap_close(&old);
	stats_rerun(e->stats);
	atomic_store(&e->frames, 0);
	atomic_store(&e->claimed, 0);
	atomic_fetch_add(&e->run, 1);
	if (e->recent != NULL)
		recent_clear(e->recent);
	if (engine_resnap(e, ef->expr, ef->prog, ef->snaplen, e->cap.snaplen,
	    errbuf) != 0)
		return -1;
	e->epoch++;
	stats_epoch(e->stats, ef->expr);
	pthread_mutex_lock(&e->lock);
	e->finished = 0;
	pthread_mutex_unlock(&e->lock);
	/*
	 * Not engine_start(): a -C/-G ring opened again would start over and
	 * truncate what the first reading wrote.
	 */
	return engine_go(e, errbuf);
}

void
engine_totals(struct engine *e, struct stats_counts *t)
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
engine_ifdlt(struct engine *e, unsigned iface)
{
	return iface < e->cap.nifs ? e->cap.ifdlt[iface] : e->cap.dlt;
}

unsigned
engine_ifdlts(struct engine *e, int *dlt)
{
	memcpy(dlt, e->cap.ifdlt, sizeof e->cap.ifdlt);
	return e->cap.nifs;
}

/* The --bench-work kind, and in *sum what it has added up so far. */
int
engine_work(struct engine *e, uint64_t *sum)
{
	*sum = atomic_load_explicit(&e->worksum, memory_order_relaxed);
	return e->conf.work;
}
