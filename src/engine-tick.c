/*
 * The engine's clock: what the control loop does on time rather than on
 * packets.  Each tick (ENGINE_TICK_MS) the kernel counters, interface
 * drops, buffer states and the flags the headers show go to the
 * statistics; each second the rates are sampled; the forced rotation
 * ("rotate every") runs on its own timer; a replayed file's skipped gap
 * becomes an event.  engine_snapshot_tick() asks for a tick out of turn
 * and waits for it.  Runs on the engine thread, but for the two reader
 * calls; never calls engine.c, which calls it.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cap.h"
#include "engine.h"
#include "pcapw.h"
#include "stats.h"
#include "engine-int.h"

static void	 engine_flags(struct engine *, int, unsigned);
static void	 engine_gap(struct engine *, const struct cap_kstats *);
static void	 engine_rotate_tick(struct engine *, unsigned);
static int	 engine_tick(struct engine *, struct stats_snap *);
static void	 engine_user(struct engine *, struct stats_snap *);

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

/*
 * Every loop: kernel counters and buffer states each tick, rates each
 * second, and the forced rotation timer.  "last" reads everything now,
 * for the end: the snapshot then says the capture has ended.
 */
void
engine_periodic(struct engine *e, int last)
{
	const struct cap_ops	*ops = e->cap.ops;
	struct cap_kstats	 ks;
	struct timespec		 now;
	uint64_t		 ifd;
	unsigned		 every;
	unsigned long		 ticket;
	int			 n, paused, pending;

	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&e->lock);
	every = e->rotate_ms;
	paused = e->paused;
	/* A waiting filter change needs the drained moment more. */
	pending = e->req != NULL && !e->req->done;
	ticket = e->tick_asked;
	pthread_mutex_unlock(&e->lock);
	if (every != 0 && ops->rotate != NULL && !last && !pending &&
	    engine_due(&e->next_rotate, &now))
		engine_rotate_tick(e, every);
	if (!last && ticket == e->tick_done && !engine_due(&e->next_tick,
	    &now))
		return;
	engine_after(&e->next_tick, &now, ENGINE_TICK_MS);
	/* A refresh: what the consumers were handed counts in it. */
	if (!last && ticket != e->tick_done)
		engine_lanes_sync(e, ticket);
	memset(&ks, 0, sizeof ks);
	if (ops->kstats(&e->cap, &ks) == 0)
		stats_kernel(e->stats, &ks);
	if (ks.gaps > 0)
		engine_gap(e, &ks);
	if (ops->ifdrops != NULL && ops->ifdrops(&e->cap, &ifd) == 0)
		stats_ifdrops(e->stats, ifd);
	if ((n = ops->buffers(&e->cap, e->bufs, CAP_MAXBUFS)) >= 0)
		stats_buffers(e->stats, e->bufs, n);
	engine_flags(e, paused, every);
	/* engine_finish()'s reading: no buffer is taken after it. */
	stats_ended(e->stats, last);
	if (engine_due(&e->next_sample, &now)) {
		engine_after(&e->next_sample, &now, 1000);
		stats_sample(e->stats);
	} else if (last && stats_sample_last(e->stats))
		engine_after(&e->next_sample, &now, 1000);
	pthread_mutex_lock(&e->lock);
	/* Asked for this tick: the counters as they were read, walkers still. */
	if (e->tsnap != NULL && e->tsnap_ticket == ticket) {
		stats_snapshot(e->stats, e->tsnap);
		e->tsnap_taken = 1;
	}
	e->tick_done = ticket;
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
	engine_lanes_release(e);
}

/*
 * The flags the headers show, in one call so a snapshot never has half
 * of them.  -C and -G change the -w file on a consumer thread: with
 * --threads its name is read, and copied, under the -w lock.
 */
static void
engine_flags(struct engine *e, int paused, unsigned every)
{
	struct stats_flags	f;

	f.paused = paused;
	f.eof = e->cap.eof;
	f.rotate_ms = every;
	f.linkdown = __atomic_load_n(&e->cap.linkdown, __ATOMIC_RELAXED);
	if (e->nq > 1)
		pthread_mutex_lock(&e->wlock);
	f.writing = e->w != NULL;
	f.wfile = e->w != NULL ? pcapw_file(e->w) : NULL;
	f.wframes = e->w != NULL ? pcapw_frames(e->w) : 0;
	stats_flags(e->stats, &f);
	if (e->nq > 1)
		pthread_mutex_unlock(&e->wlock);
}

/* A file's silent gap the replay did not sleep through, on the status line. */
static void
engine_gap(struct engine *e, const struct cap_kstats *ks)
{
	char	 text[ZB_ERRBUFSZ];

	snprintf(text, sizeof text, "gap of %llu s in the file's timestamps "
	    "skipped%s", (unsigned long long)ks->gap_s, ks->gaps > 1 ?
	    " (and more)" : "");
	engine_event(e, text, 0);
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
 * The statistics, with the user's own settings as they are now: the
 * engine thread copies them into the statistics only every tick, and a
 * snapshot taken right after a key must already show it.
 */
void
engine_snapshot(struct engine *e, struct stats_snap *sn)
{
	struct timespec	 now;
	int		 due;

	/*
	 * Once the engine thread has ended (-c, end of file) nothing
	 * samples the rates, which then showed the last second's forever
	 * beside "capture ended".  Readers sample on the same 1 s beat.
	 */
	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&e->lock);
	if ((due = e->finished && engine_due(&e->next_sample, &now)))
		engine_after(&e->next_sample, &now, 1000);
	pthread_mutex_unlock(&e->lock);
	if (due)
		stats_sample(e->stats);
	stats_snapshot(e->stats, sn);
	engine_user(e, sn);
}

/* The user's own settings as they are now, over the tick's copy. */
static void
engine_user(struct engine *e, struct stats_snap *sn)
{
	pthread_mutex_lock(&e->lock);
	sn->paused = e->paused;
	sn->rotate_ms = e->rotate_ms;
	pthread_mutex_unlock(&e->lock);
}

/*
 * A tick now, and wait for it.  sn: the snapshot to take there, on the
 * engine's thread; 1 when it was (not when the capture had ended or the
 * engine was too slow).
 */
static int
engine_tick(struct engine *e, struct stats_snap *sn)
{
	struct timespec	 limit;
	unsigned long	 ticket;
	int		 rc = 0, taken;

	/* pthread_cond_timedwait() counts on CLOCK_REALTIME by default. */
	clock_gettime(CLOCK_REALTIME, &limit);
	engine_after(&limit, &limit, ENGINE_REFRESH_MS);
	pthread_mutex_lock(&e->snaplock);
	pthread_mutex_lock(&e->lock);
	ticket = ++e->tick_asked;
	e->tsnap = sn;
	e->tsnap_ticket = ticket;
	e->tsnap_taken = 0;
	pthread_mutex_unlock(&e->lock);
	engine_wake(e);
	pthread_mutex_lock(&e->lock);
	while (e->tick_done < ticket && !e->finished && e->started &&
	    rc == 0)
		rc = pthread_cond_timedwait(&e->cond, &e->lock, &limit);
	/* Given up: the engine must not write into it any more. */
	taken = e->tsnap_taken;
	e->tsnap = NULL;
	pthread_mutex_unlock(&e->lock);
	pthread_mutex_unlock(&e->snaplock);
	return taken;
}

/*
 * A tick and engine_snapshot() in one moment: the snapshot is taken at
 * the tick, with every walker between two buffers, so packets
 * never run ahead of the kernel's count read with them and the rings add
 * up; after the end, or if the engine is too slow, an ordinary snapshot.
 */
void
engine_snapshot_tick(struct engine *e, struct stats_snap *sn)
{
	if (!engine_tick(e, sn)) {
		engine_snapshot(e, sn);
		return;
	}
	engine_user(e, sn);
}
