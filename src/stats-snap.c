/*
 * What readers take out of stats: the snapshot (stats_snapshot, by
 * value, at the reader's pace), the totals for the exit line, clearing
 * the display counters, and the names readers print for rotation reasons
 * and buffer owners.  The counters are read as one vector (stats_load)
 * less the base the last clear recorded; nothing here runs per packet.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "stats-int.h"

static void	stats_top(struct shard *, struct stats_snap *);
static void	stats_counters(struct stats_snap *, const uint64_t *);
static void	stats_cleared(const struct stats *, struct stats_cleared *);
static void	stats_zero(struct stats *, int);

static const char *stats_reasons[CAP_ROT_NREASONS] = {
	"-", "full", "timeout", "forced"
};
static const char *stats_owners[] = { "free", "kernel", "user" };

/*
 * A copy of everything, by value, for one reader: the counters less the
 * clear base, the rates (stats-rate.c), the busiest talkers and the mix
 * merged from every shard, the buffers and rings, the peaks since the
 * last copy and the clear base itself.  Holds st->lock for one copy.
 */
void
stats_snapshot(struct stats *st, struct stats_snap *sn)
{
	uint64_t	 v[STATS_NSLOTS], k;
	struct timespec	 now;
	int		 i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	stats_load(st, v);
	pthread_mutex_lock(&st->lock);
	*sn = st->info;
	for (i = 0; i < (int)(sizeof v / 8); i++)
		v[i] -= st->base[i];
	sn->uptime = stats_since(&st->start, &now);
	stats_counters(sn, v);
	sn->have_ifdrops = atomic_load(&st->have_ifdrops);
	sn->ifdrops = atomic_load(&st->ifdrops) - st->ifbase;
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
	stats_rings(st, sn, v);
	/* The next interval starts from the state now. */
	sn->peak_held = st->peak_held;
	sn->peak_fill = st->peak_fill;
	stats_peaks(st, &st->peak_held, &st->peak_fill);
	k = v[STATS_SLOT(kfreezes)];
	sn->peak_freezes = k >= st->freezes_seen ? k - st->freezes_seen : k;
	st->freezes_seen = k;
	stats_cleared(st, &sn->cleared);
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

/* The counters since the last clear (v, one uint64_t per field). */
static void
stats_counters(struct stats_snap *sn, const uint64_t *v)
{
	int	i;

	sn->packets = v[STATS_SLOT(packets)];
	sn->bytes = v[STATS_SLOT(bytes)];
	sn->kpackets = v[STATS_SLOT(kpackets)];
	sn->kdrops = v[STATS_SLOT(kdrops)];
	sn->kfreezes = v[STATS_SLOT(kfreezes)];
	sn->rejected = v[STATS_SLOT(rejected)];
	sn->wdrops = v[STATS_SLOT(wdrops)];
	sn->kcut = v[STATS_SLOT(kcut)];
	sn->epoch_packets = v[STATS_SLOT(epoch_packets)];
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		sn->rot[i] = v[STATS_SLOT(rot) + i];
	for (i = 0; i < CAP_MAXIF; i++) {
		sn->if_kpackets[i] = v[STATS_SLOT(if_kpkts) +
		    (size_t)i];
		sn->if_kdrops[i] = v[STATS_SLOT(if_kdrops) +
		    (size_t)i];
		sn->if_kfreezes[i] = v[STATS_SLOT(if_kfreezes) + (size_t)i];
	}
}

/* The clear base, by the same offsets the snapshot subtracts.  Locked. */
static void
stats_cleared(const struct stats *st, struct stats_cleared *c)
{
	const uint64_t	*b = st->base;
	int		 i;

	c->packets = b[STATS_SLOT(packets)];
	c->bytes = b[STATS_SLOT(bytes)];
	c->kpackets = b[STATS_SLOT(kpackets)];
	c->kdrops = b[STATS_SLOT(kdrops)];
	c->kfreezes = b[STATS_SLOT(kfreezes)];
	/* ifbase is the interface's own count, from before zbtop too. */
	c->ifdrops = st->ifbase - st->ifstart;
	c->rejected = b[STATS_SLOT(rejected)];
	c->wdrops = b[STATS_SLOT(wdrops)];
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		c->rot[i] = b[STATS_SLOT(rot) + i];
	for (i = 0; i < CAP_MAXRINGS; i++) {
		c->ring_packets[i] =
		    b[STATS_SLOT(ring_pkts) + i];
		c->ring_forced[i] =
		    b[STATS_SLOT(ring_forced) + i];
		c->ring_bytes[i] = b[STATS_SLOT(ring_bytes) + i];
		memcpy(c->ring_rot[i], b + STATS_SLOT(ring_rot[i]),
		    sizeof c->ring_rot[i]);
	}
	for (i = 0; i < CAP_MAXIF; i++) {
		c->if_kpackets[i] = b[STATS_SLOT(if_kpkts) + i];
		c->if_kdrops[i] = b[STATS_SLOT(if_kdrops) + i];
		c->if_kfreezes[i] = b[STATS_SLOT(if_kfreezes) + i];
	}
}

void
stats_totals(struct stats *st, struct stats_totals *t)
{
	uint64_t	 v[STATS_NSLOTS];
	size_t		 k;
	int		 i;

	stats_load(st, v);
	pthread_mutex_lock(&st->lock);
	for (k = 0; k < STATS_NSLOTS; k++)
		v[k] -= st->runbase[k];
	t->ifdrops = atomic_load(&st->ifdrops) - st->ifrun;
	pthread_mutex_unlock(&st->lock);
	t->packets = v[STATS_SLOT(packets)];
	t->kpackets = v[STATS_SLOT(kpackets)];
	t->kdrops = v[STATS_SLOT(kdrops)];
	t->rejected = v[STATS_SLOT(rejected)];
	t->wdrops = v[STATS_SLOT(wdrops)];
	t->have_ifdrops = atomic_load(&st->have_ifdrops);
	t->kcut = v[STATS_SLOT(kcut)];
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		t->rot[i] = v[STATS_SLOT(rot) + i];
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
