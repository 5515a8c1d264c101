/*
 * What readers take out of stats: the snapshot (stats_snapshot, by
 * value, at the reader's pace), the totals for the exit line, clearing
 * the display counters, and the names readers print for rotation reasons
 * and buffer owners.  The counters are read as one vector (stats_load)
 * into struct stats_counts by one function, less a base: the last
 * clear's, none (since start) or the exit lines' (stats_totals); nothing
 * here runs per packet.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "stats-int.h"

static void	stats_top(struct shard *, struct stats_snap *);
static void	stats_count(struct stats *, struct stats_counts *,
		    const uint64_t *, const uint64_t *, uint64_t);
static void	stats_zero(struct stats *, int);

static const char *stats_reasons[CAP_ROT_NREASONS] = {
	"-", "full", "timeout", "forced"
};
static const char *stats_owners[] = { "free", "kernel", "user" };

/*
 * A copy of everything, by value, for one reader: the counters since the
 * last clear and since start, the rates (stats-rate.c), the busiest
 * talkers and the mix merged from every shard, the buffers and rings and
 * the peaks since the last copy.  Holds st->lock for one copy.
 */
void
stats_snapshot(struct stats *st, struct stats_snap *sn)
{
	uint64_t	 v[STATS_NSLOTS], ifd, k;
	struct timespec	 now;
	int		 i, keep = sn->keep_peaks;

	clock_gettime(CLOCK_MONOTONIC, &now);
	stats_load(st, v);
	pthread_mutex_lock(&st->lock);
	*sn = st->info;
	sn->uptime = stats_since(&st->start, &now);
	ifd = atomic_load(&st->ifdrops);
	stats_count(st, &sn->c, v, st->base, ifd - st->ifbase);
	stats_count(st, &sn->total, v, st->runbase, ifd - st->ifrun);
	sn->epoch_packets = v[STATS_SLOT(epoch_packets)] -
	    st->base[STATS_SLOT(epoch_packets)];
	memset(sn->proto, 0, sizeof sn->proto);
	sn->ntalkers = 0;
	for (i = 0; i < (int)st->nshards; i++) {
		pthread_mutex_lock(&st->shard[i].lock);
		stats_top(&st->shard[i], sn);
		pthread_mutex_unlock(&st->shard[i].lock);
	}
	stats_rates(st, sn);
	sn->nbufs = st->nbufs;
	memcpy(sn->bufs, st->bufs, sizeof sn->bufs[0] * (size_t)st->nbufs);
	stats_rings(st, sn);
	sn->peak_held = st->peak_held;
	sn->peak_fill = st->peak_fill;
	k = sn->c.kfreezes;
	sn->peak_freezes = k >= st->freezes_seen ? k - st->freezes_seen : k;
	sn->keep_peaks = keep;
	/* A refresh: the next interval starts from the state now. */
	if (!keep) {
		stats_peaks(st, &st->peak_held, &st->peak_fill);
		st->freezes_seen = k;
	}
	pthread_mutex_unlock(&st->lock);
}

/*
 * Merge one shard into the busiest talkers by packets and its mix into
 * the snapshot's: a partial selection, N is small.  Shard locked.
 */
static void
stats_top(struct shard *sh, struct stats_snap *sn)
{
	int	 i, j, k;

	for (i = 0; i < DEC_P_NPROTO; i++)
		sn->proto[i] += sh->proto[i];
	for (i = 0; i < TALK_SLOTS; i++) {
		struct talk	*t = &sh->talk[i];

		if (!t->used)
			continue;
		k = sn->ntalkers;
		if (k == STATS_TOPN) {
			if (t->t.packets <= sn->talkers[k - 1].packets)
				continue;
			k--;
		} else
			sn->ntalkers++;
		for (j = k; j > 0 && sn->talkers[j - 1].packets <
		    t->t.packets; j--)
			sn->talkers[j] = sn->talkers[j - 1];
		sn->talkers[j] = t->t;
	}
}

/*
 * The counters v less base (one uint64_t per field; NULL: since start,
 * read from v as they are) into c, with ifdrops, the interface's drops
 * less their own base.
 */
static void
stats_count(struct stats *st, struct stats_counts *c, const uint64_t *v,
    const uint64_t *base, uint64_t ifdrops)
{
	uint64_t	 diff[STATS_NSLOTS];
	const uint64_t	*d = v;
	size_t		 k;

	if (base != NULL) {
		for (k = 0; k < STATS_NSLOTS; k++)
			diff[k] = v[k] - base[k];
		d = diff;
	}
	c->packets = d[STATS_SLOT(packets)];
	c->bytes = d[STATS_SLOT(bytes)];
	c->kpackets = d[STATS_SLOT(kpackets)];
	c->kdrops = d[STATS_SLOT(kdrops)];
	c->kfreezes = d[STATS_SLOT(kfreezes)];
	c->ifdrops = ifdrops;
	c->have_ifdrops = atomic_load(&st->have_ifdrops);
	c->rejected = d[STATS_SLOT(rejected)];
	c->wdrops = d[STATS_SLOT(wdrops)];
	c->kcut = d[STATS_SLOT(kcut)];
	memcpy(c->rot, d + STATS_SLOT(rot), sizeof c->rot);
	memcpy(c->if_kpackets, d + STATS_SLOT(if_kpkts),
	    sizeof c->if_kpackets);
	memcpy(c->if_kdrops, d + STATS_SLOT(if_kdrops), sizeof c->if_kdrops);
	memcpy(c->if_kfreezes, d + STATS_SLOT(if_kfreezes),
	    sizeof c->if_kfreezes);
	memcpy(c->ring_packets, d + STATS_SLOT(ring_pkts),
	    sizeof c->ring_packets);
	memcpy(c->ring_forced, d + STATS_SLOT(ring_forced),
	    sizeof c->ring_forced);
	memcpy(c->ring_bytes, d + STATS_SLOT(ring_bytes),
	    sizeof c->ring_bytes);
	memcpy(c->ring_rot, d + STATS_SLOT(ring_rot), sizeof c->ring_rot);
	memcpy(c->ring_kpackets, d + STATS_SLOT(ring_kpkts),
	    sizeof c->ring_kpackets);
}

/* Since start, or since stats_rerun; clear leaves them. */
void
stats_totals(struct stats *st, struct stats_counts *t)
{
	uint64_t	 v[STATS_NSLOTS];

	stats_load(st, v);
	pthread_mutex_lock(&st->lock);
	stats_count(st, t, v, st->runbase,
	    atomic_load(&st->ifdrops) - st->ifrun);
	pthread_mutex_unlock(&st->lock);
}

/* Display counters start again from zero; totals for the exit line stay. */
void
stats_clear(struct stats *st)
{
	stats_zero(st, 0);
}

/*
 * A file read again from its start: the totals start again too, as the
 * frame numbers do, so the exit lines count what the screen shows.
 */
void
stats_rerun(struct stats *st)
{
	stats_zero(st, 1);
}

/* Counters from zero: the display's, and with run the totals' too. */
static void
stats_zero(struct stats *st, int run)
{
	uint64_t	 v[STATS_NSLOTS];
	unsigned	 i;

	stats_load(st, v);
	pthread_mutex_lock(&st->lock);
	memcpy(st->base, v, sizeof st->base);
	st->ifbase = atomic_load(&st->ifdrops);
	if (run) {
		memcpy(st->runbase, v, sizeof st->runbase);
		st->ifrun = st->ifbase;
	}
	/* The rates too: after the end of a file no sample replaces them. */
	st->pps = st->bps = st->dps = st->ifdps = 0;
	memset(st->rotps, 0, sizeof st->rotps);
	memset(st->ring_pps, 0, sizeof st->ring_pps);
	for (i = 0; i < st->nshards; i++) {
		pthread_mutex_lock(&st->shard[i].lock);
		memset(st->shard[i].proto, 0, sizeof st->shard[i].proto);
		memset(st->shard[i].talk, 0, sizeof st->shard[i].talk);
		st->shard[i].last = NULL;
		pthread_mutex_unlock(&st->shard[i].lock);
	}
	st->nhist = 0;
	pthread_mutex_unlock(&st->lock);
}

const char *
stats_reason_name(enum cap_reason r)
{
	return (unsigned)r < CAP_ROT_NREASONS ? stats_reasons[r] : "?";
}

const char *
stats_owner_name(enum cap_owner o)
{
	return (unsigned)o < 3 ? stats_owners[o] : "?";
}

/* A buffer's owner as its backend names it (FreeBSD: store, hold, free). */
const char *
stats_buf_owner(const struct cap_bufstate *st)
{
	return st->name != NULL ? st->name : stats_owner_name(st->owner);
}
