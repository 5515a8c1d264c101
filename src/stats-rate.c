/*
 * Rates and what else is derived from the counters rather than counted:
 * the once-a-second sample (packets, bits, drops, rotations, each ring
 * and each talker per second; how busy the consumers were; the history
 * the sparklines draw), the rates a snapshot shows, and its per-ring rows
 * built from the counters and the buffer states.  Runs on the reader's
 * clock, never on the packet path.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "stats-int.h"

static void	stats_talkrate(struct shard *, double);
static double	stats_rate(const struct stats *, const struct stats_snap *,
		    double, double);

/* Once a second: rates over the interval, history, talker rates. */
void
stats_sample(struct stats *st)
{
	uint64_t	 now[STATS_NSLOTS];
	struct timespec	 ts;
	double		 dt;
	int		 i;
	size_t		 pk = STATS_SLOT(packets);
	size_t		 by = STATS_SLOT(bytes);
	size_t		 dr = STATS_SLOT(kdrops);
	size_t		 ro = STATS_SLOT(rot);
	size_t		 rp = STATS_SLOT(ring_pkts);
	size_t		 bu = STATS_SLOT(busy_ns);
	size_t		 wb = STATS_SLOT(wbusy_ns);
	uint64_t	 ifd;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ifd = atomic_load(&st->ifdrops);
	stats_load(st, now);
	pthread_mutex_lock(&st->lock);
	dt = stats_since(&st->lastsample, &ts);
	if (dt <= 0)
		dt = 1;
	st->pps = (double)(now[pk] - st->last[pk]) / dt;
	st->bps = (double)(now[by] - st->last[by]) * 8 / dt;
	st->dps = (double)(now[dr] - st->last[dr]) / dt;
	st->ifdps = ifd >= st->iflast ? (double)(ifd - st->iflast) / dt : 0;
	st->iflast = ifd;
	/* Averaged over the consumer threads: 1 means all always busy. */
	st->busy = (double)(now[bu] - st->last[bu]) / 1e9 / dt / st->nshards;
	st->wbusy = (double)(now[wb] - st->last[wb]) / 1e9 / dt / st->nshards;
	if (st->dps > 0) {
		st->drop_busy = st->busy;
		st->drop_wbusy = st->wbusy;
	}
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		st->rotps[i] = (double)(now[ro + i] - st->last[ro + i]) / dt;
	for (i = 0; i < CAP_MAXRINGS; i++)
		st->ring_pps[i] = (double)(now[rp + i] - st->last[rp + i]) / dt;
	if (st->nhist == STATS_HIST) {
		memmove(st->hist_pps, st->hist_pps + 1,
		    sizeof st->hist_pps - sizeof st->hist_pps[0]);
		memmove(st->hist_dps, st->hist_dps + 1,
		    sizeof st->hist_dps - sizeof st->hist_dps[0]);
		st->nhist--;
	}
	st->hist_pps[st->nhist] = st->pps;
	st->hist_dps[st->nhist++] = st->dps;
	for (i = 0; i < (int)st->nshards; i++)
		stats_talkrate(&st->shard[i], dt);
	memcpy(st->last, now, sizeof st->last);
	st->lastsample = ts;
	st->sampled = 1;
	pthread_mutex_unlock(&st->lock);
}

/*
 * A sample over the last few milliseconds, the drained blocks in them,
 * gave the final batch snapshot 0 or some 30,000 packets a second beside
 * a capture of 45 whenever the run ended just after the once-a-second
 * sample.  Then the last one's rates stay, and the readers' next beat
 * (engine_snapshot) takes in the end.  The first sample is never
 * skipped: the rate of a run shorter than that is its average.
 */
int
stats_sample_last(struct stats *st)
{
	struct timespec	ts;
	int		recent;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	pthread_mutex_lock(&st->lock);
	recent = st->sampled &&
	    stats_since(&st->lastsample, &ts) < STATS_SAMPLE_MIN;
	pthread_mutex_unlock(&st->lock);
	if (recent)
		return 0;
	stats_sample(st);
	return 1;
}

static void
stats_talkrate(struct shard *sh, double dt)
{
	struct talk	*t;
	int		 i;

	pthread_mutex_lock(&sh->lock);
	for (i = 0; i < TALK_SLOTS; i++) {
		t = &sh->talk[i];
		if (!t->used)
			continue;
		t->t.pps = (double)(t->t.packets - t->sampled) / dt;
		t->sampled = t->t.packets;
	}
	pthread_mutex_unlock(&sh->lock);
}

/*
 * The rates of the last one-second sample, and its history; called with
 * st->lock held, after sn->uptime, the counters and the talkers are in.
 */
void
stats_rates(const struct stats *st, struct stats_snap *sn)
{
	int	i;

	sn->pps = stats_rate(st, sn, st->pps, (double)sn->c.packets);
	sn->bps = stats_rate(st, sn, st->bps, (double)sn->c.bytes * 8);
	sn->dps = stats_rate(st, sn, st->dps, (double)sn->c.kdrops);
	sn->ifdps = st->ifdps;
	sn->busy = st->busy;
	sn->wbusy = st->wbusy;
	sn->drop_busy = st->drop_busy;
	sn->drop_wbusy = st->drop_wbusy;
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		sn->rotps[i] = stats_rate(st, sn, st->rotps[i],
		    (double)sn->c.rot[i]);
	for (i = 0; i < sn->ntalkers; i++)
		sn->talkers[i].pps = stats_rate(st, sn, sn->talkers[i].pps,
		    (double)sn->talkers[i].packets);
	sn->nhist = st->nhist;
	memcpy(sn->hist_pps, st->hist_pps, sizeof sn->hist_pps);
	memcpy(sn->hist_dps, st->hist_dps, sizeof sn->hist_dps);
}

/*
 * The rate a reader sees for a count: the last one-second sample's, or
 * before the first sample the average since start (a file replayed
 * faster than a second has no sample at all).
 */
static double
stats_rate(const struct stats *st, const struct stats_snap *sn,
    double sampled, double count)
{
	if (!st->sampled && sn->uptime > 0)
		return count / sn->uptime;
	return sampled;
}

/*
 * Per-ring rows from the counters since clear (sn->c) and the buffer
 * states just copied.  Rings are numbered queue by queue, so a
 * ring's lane follows from the ring and queue counts.  Locked.
 */
void
stats_rings(const struct stats *st, struct stats_snap *sn)
{
	struct stats_ring	*r;
	const struct stats_buf	*b;
	unsigned		 i, per;

	per = sn->nrings > st->nshards ? sn->nrings / st->nshards : 1;
	memset(sn->rings, 0, sizeof sn->rings);
	for (i = 0; i < sn->nrings; i++) {
		r = &sn->rings[i];
		r->lane = i / per;
		r->iface = st->info.rings[i].iface;
		r->packets = sn->c.ring_packets[i];
		r->forced = sn->c.ring_forced[i];
		r->bytes = sn->c.ring_bytes[i];
		memcpy(r->rot, sn->c.ring_rot[i], sizeof r->rot);
		r->pps = stats_rate(st, sn, st->ring_pps[i],
		    (double)r->packets);
	}
	for (b = sn->bufs; b < sn->bufs + sn->nbufs; b++) {
		if (b->st.ring >= sn->nrings)
			continue;
		r = &sn->rings[b->st.ring];
		r->iface = b->st.iface;
		r->nbufs++;
		if (b->st.owner <= CAP_OWN_USER)
			r->owner[b->st.owner]++;
		r->used += b->st.used;
		r->size += b->st.size;
		r->active |= b->st.active != 0;
	}
}
