/*
 * The lanes: one per queue.  Without --threads there is one, walked
 * inline by the engine thread (engine.c); with --threads N each has a
 * consumer thread that walks its buffers through the same packet path
 * (engine-walk.c) while the engine thread keeps only the control work.
 * Whatever changes what consumers read (a filter, the -w file, the snap
 * length) happens while every consumer is parked between two buffers, so
 * a lane never sees half a change and each lane's boundary is exactly
 * where it was parked; parking costs one buffer's walk at most, and is
 * nothing at all with one inline lane.  Rotations are not parked: they
 * are frequent (every 1 ms with "rotate every 1"), the backend publishes
 * them itself, and the consumers keep walking through the flip's grace
 * period.  A refresh asks each consumer to walk what is handed over and
 * say so (engine_lanes_sync), so the counters read next hold it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "engine.h"
#include "engine-int.h"

static void	*engine_worker_main(void *);
static int	 engine_worker_hold(struct engine_worker *, unsigned long *);
static int	 engine_worker_sync(struct engine_worker *, unsigned long);
static void	 engine_worker_end(struct engine *, int, const char *);
static void	 engine_poke(int);

int
engine_workers_start(struct engine *e, char *errbuf)
{
	unsigned	q;

	for (q = 0; q < e->nq; q++) {
		pthread_mutex_lock(&e->lock);
		e->wlive++;
		pthread_mutex_unlock(&e->lock);
		if (pthread_create(&e->workers[q].thread, NULL,
		    engine_worker_main, &e->workers[q]) != 0) {
			pthread_mutex_lock(&e->lock);
			e->wlive--;
			pthread_mutex_unlock(&e->lock);
			engine_workers_stop(e, ENGINE_QUIT);
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot start consumer "
			    "thread %u", q);
			return -1;
		}
		e->nworkers++;
	}
	return 0;
}

static void
engine_poke(int fd)
{
	uint64_t	one = 1;

	if (write(fd, &one, sizeof one) == -1 && errno != EAGAIN)
		return;
}

static void *
engine_worker_main(void *arg)
{
	struct engine_worker	*w = arg;
	struct engine		*e = w->e;
	struct cap_block	 blk;
	char			 errbuf[ZB_ERRBUFSZ];
	uint64_t		 v;
	unsigned long		 sync;
	int			 rc, how;

	for (;;) {
		if ((how = engine_worker_hold(w, &sync)) != 0)
			break;
		if (sync != 0 && engine_worker_sync(w, sync) == 1) {
			engine_worker_end(e, ENGINE_QUIT, NULL);
			return NULL;
		}
		rc = e->cap.ops->next(&e->cap, w->q, &blk, ENGINE_TICK_MS,
		    errbuf);
		if (rc == -1) {
			engine_worker_end(e, ENGINE_QUIT, errbuf);
			return NULL;
		}
		if (rc == 1 && engine_block(e, &blk) == 1) {
			engine_worker_end(e, ENGINE_QUIT, NULL);
			return NULL;
		}
		if (rc == 0 && read(w->wakefd, &v, sizeof v) == -1 &&
		    errno != EAGAIN)
			break;
	}
	if (how == ENGINE_DRAIN)
		(void)engine_walk_drain(e, w->q);
	engine_worker_end(e, 0, NULL);
	return NULL;
}

/*
 * Between two buffers: wait while parked; how to end, or 0 to go on.  In
 * *sync a refresh's ticket this consumer has not met yet, or 0.
 */
static int
engine_worker_hold(struct engine_worker *w, unsigned long *sync)
{
	struct engine	*e = w->e;
	int		 how;

	pthread_mutex_lock(&e->lock);
	if (e->park && !e->wstop) {
		e->parked++;
		pthread_cond_broadcast(&e->cond);
		while (e->park && !e->wstop)
			pthread_cond_wait(&e->cond, &e->lock);
		e->parked--;
	}
	how = e->wstop;
	*sync = e->wsync != w->synced ? e->wsync : 0;
	pthread_mutex_unlock(&e->lock);
	return how;
}

/*
 * Meet a refresh's ticket: walk every buffer handed over by now (the old
 * side of a rotation first), then count in.  A ticket the control thread
 * stopped waiting for is met again for the newer one.  1: -c reached.
 */
static int
engine_worker_sync(struct engine_worker *w, unsigned long sync)
{
	struct engine	*e = w->e;
	int		 full;

	full = engine_walk_drain(e, w->q);
	pthread_mutex_lock(&e->lock);
	w->synced = sync;
	if (sync == e->wsync) {
		e->wsynced++;
		pthread_cond_broadcast(&e->cond);
		/* Still while the tick reads: nothing walked meanwhile. */
		while (e->whold && e->wsync == sync && !e->wstop && !full)
			pthread_cond_wait(&e->cond, &e->lock);
	}
	pthread_mutex_unlock(&e->lock);
	return full;
}

/*
 * For a refresh with --threads: the control thread's tick alone would
 * read the counters while a consumer may still be walking a buffer
 * handed over before it (the old side of an "r" just answered).  Ask
 * each consumer to meet the ticket and wait, at most ENGINE_SYNC_MS,
 * until every live one has; those that have then hold still until
 * engine_lanes_release(), so the kernel's counters, the buffer states
 * and the packets counted are read at one moment.  Nothing to do for the
 * inline lane, which walks before it ticks.
 */
void
engine_lanes_sync(struct engine *e, unsigned long ticket)
{
	struct timespec	limit;
	unsigned	q;

	if (e->nq == 1 || e->nworkers == 0)
		return;
	/* pthread_cond_timedwait() counts on CLOCK_REALTIME by default. */
	clock_gettime(CLOCK_REALTIME, &limit);
	engine_after(&limit, &limit, ENGINE_SYNC_MS);
	pthread_mutex_lock(&e->lock);
	e->wsync = ticket;
	e->wsynced = 0;
	e->whold = 1;
	pthread_mutex_unlock(&e->lock);
	for (q = 0; q < e->nworkers; q++)
		engine_poke(e->workers[q].wakefd);
	pthread_mutex_lock(&e->lock);
	while (e->wsynced < e->wlive && !e->wdone &&
	    pthread_cond_timedwait(&e->cond, &e->lock, &limit) == 0)
		;
	pthread_mutex_unlock(&e->lock);
}

/*
 * A consumer leaves.  "done" (the count was reached, or an error) tells
 * the engine thread to end the capture; the first error is kept.
 */
static void
engine_worker_end(struct engine *e, int done, const char *err)
{
	pthread_mutex_lock(&e->lock);
	if (err != NULL && e->error[0] == '\0')
		snprintf(e->error, sizeof e->error, "%s", err);
	if (done)
		e->wdone = 1;
	e->wlive--;
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
	if (done)
		engine_wake(e);
}

/*
 * Hold every consumer between two buffers; returns once all are (or have
 * ended).  Nothing to do without --threads: the engine thread is the
 * consumer and is between two buffers whenever it gets here.
 */
void
engine_park(struct engine *e)
{
	unsigned	q;

	if (e->nq == 1)
		return;
	pthread_mutex_lock(&e->lock);
	e->park = 1;
	pthread_mutex_unlock(&e->lock);
	for (q = 0; q < e->nworkers; q++)
		engine_poke(e->workers[q].wakefd);
	pthread_mutex_lock(&e->lock);
	while (e->parked < e->wlive)
		pthread_cond_wait(&e->cond, &e->lock);
	pthread_mutex_unlock(&e->lock);
}

void
engine_unpark(struct engine *e)
{
	if (e->nq == 1)
		return;
	pthread_mutex_lock(&e->lock);
	e->park = 0;
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
}

/*
 * A rotation, with the consumers walking on: each is poked so that it
 * drains its old side and waits on the new one at once, rather than at
 * its next timeout.
 */
int
engine_rotate_now(struct engine *e, char *errbuf)
{
	unsigned	q;
	int		rc;

	rc = e->cap.ops->rotate(&e->cap, errbuf);
	if (rc == 0)
		for (q = 0; q < e->nworkers; q++)
			engine_poke(e->workers[q].wakefd);
	return rc;
}

/* The tick of engine_lanes_sync() is read: the consumers walk on. */
void
engine_lanes_release(struct engine *e)
{
	if (e->nq == 1)
		return;
	pthread_mutex_lock(&e->lock);
	if (e->whold) {
		e->whold = 0;
		pthread_cond_broadcast(&e->cond);
	}
	pthread_mutex_unlock(&e->lock);
}

/* End every consumer: ENGINE_DRAIN walks what is ready first. */
void
engine_workers_stop(struct engine *e, int how)
{
	unsigned	q;

	pthread_mutex_lock(&e->lock);
	e->wstop = how;
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
	for (q = 0; q < e->nworkers; q++)
		engine_poke(e->workers[q].wakefd);
	for (q = 0; q < e->nworkers; q++)
		pthread_join(e->workers[q].thread, NULL);
	e->nworkers = 0;
}
