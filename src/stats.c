/*
 * The writers' side of stats: what the engine's consumer threads, one
 * per queue, count.  Plain counters are C11 atomics added with relaxed
 * order once per buffer, never per packet; each queue parses into its
 * own protocol mix and talker table (a shard) behind its own mutex,
 * taken once per buffer, so consumers never wait for each other.  A
 * talker is an address pair, and a queue gets every packet of a pair
 * (cap-zbuf-steer.c), so shards never hold the same talker twice.
 * Buffers sit behind one more mutex.  Readers copy (stats-snap.c); rates
 * are derived once a second (stats-rate.c); the capture's names and
 * flags are stats-info.c's.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stats-int.h"
#include "xmalloc.h"

static void	stats_add(_Atomic uint64_t *, uint64_t);
static uint32_t	stats_hash(const struct dec_info *);
static int	stats_same(const struct talk *, const struct dec_info *);

struct stats *
stats_new(unsigned nshards)
{
	struct stats	*st;
	unsigned	 i;

	st = xcalloc(1, sizeof *st);
	st->nshards = nshards > 0 ? nshards : 1;
	st->shard = xcalloc(st->nshards, sizeof *st->shard);
	for (i = 0; i < st->nshards; i++)
		pthread_mutex_init(&st->shard[i].lock, NULL);
	pthread_mutex_init(&st->lock, NULL);
	clock_gettime(CLOCK_MONOTONIC, &st->start);
	st->lastsample = st->start;
	return st;
}

void
stats_free(struct stats *st)
{
	unsigned	i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nshards; i++)
		pthread_mutex_destroy(&st->shard[i].lock);
	pthread_mutex_destroy(&st->lock);
	free(st->shard);
	free(st);
}

/* Once per buffer, so one locked add is cheap; no order needed. */
static void
stats_add(_Atomic uint64_t *v, uint64_t n)
{
	atomic_fetch_add_explicit(v, n, memory_order_relaxed);
}

double
stats_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The counters in struct order, as plain numbers. */
void
stats_load(struct stats *st, uint64_t *v)
{
	_Atomic uint64_t	*a = (_Atomic uint64_t *)&st->c;
	size_t			 i;

	for (i = 0; i < sizeof st->c / 8; i++)
		v[i] = atomic_load_explicit(&a[i], memory_order_relaxed);
}

/* One handed-over buffer of ring r: pkts went to zbtop, rejected did not. */
void
stats_block(struct stats *st, unsigned r, uint64_t pkts, uint64_t bytes,
    uint64_t rejected, enum cap_reason reason)
{
	stats_add(&st->c.packets, pkts);
	stats_add(&st->c.epoch_packets, pkts);
	stats_add(&st->c.bytes, bytes);
	if (rejected > 0)
		stats_add(&st->c.rejected, rejected);
	if (reason != CAP_ROT_NONE)
		stats_add(&st->c.rot[reason], 1);
	if (r >= CAP_MAXRINGS)
		return;
	if (pkts > 0) {
		stats_add(&st->c.ring_pkts[r], pkts);
		stats_add(&st->c.ring_bytes[r], bytes);
	}
	if (reason == CAP_ROT_FORCED)
		stats_add(&st->c.ring_forced[r], 1);
	if (reason != CAP_ROT_NONE)
		stats_add(&st->c.ring_rot[r][reason], 1);
}

void
stats_kernel(struct stats *st, const struct cap_kstats *ks)
{
	unsigned	k;

	stats_add(&st->c.kpackets, ks->packets);
	stats_add(&st->c.kdrops, ks->drops);
	stats_add(&st->c.kfreezes, ks->freezes);
	for (k = 0; k < CAP_MAXIF; k++) {
		if (ks->if_packets[k] > 0)
			stats_add(&st->c.if_kpkts[k], ks->if_packets[k]);
		if (ks->if_drops[k] > 0)
			stats_add(&st->c.if_kdrops[k], ks->if_drops[k]);
		if (ks->if_freezes[k] > 0)
			stats_add(&st->c.if_kfreezes[k], ks->if_freezes[k]);
	}
	for (k = 0; k < CAP_MAXRINGS; k++)
		if (ks->ring_packets[k] > 0)
			stats_add(&st->c.ring_kpkts[k], ks->ring_packets[k]);
	if (ks->cut > 0)
		stats_add(&st->c.kcut, ks->cut);
}

/*
 * The interface's rx_dropped counts since it came up: what it was at the
 * first reading is where this capture starts from.
 */
void
stats_ifdrops(struct stats *st, uint64_t n)
{
	if (!atomic_load_explicit(&st->have_ifdrops, memory_order_relaxed)) {
		pthread_mutex_lock(&st->lock);
		st->ifbase = st->ifrun = st->iflast = n;
		pthread_mutex_unlock(&st->lock);
	}
	atomic_store_explicit(&st->ifdrops, n, memory_order_relaxed);
	atomic_store_explicit(&st->have_ifdrops, 1, memory_order_relaxed);
}

void
stats_wdrop(struct stats *st)
{
	stats_add(&st->c.wdrops, 1);
}

/* Nanoseconds a consumer spent on one buffer, and of those in -w writes. */
void
stats_busy(struct stats *st, uint64_t ns, uint64_t wns)
{
	stats_add(&st->c.busy_ns, ns);
	stats_add(&st->c.wbusy_ns, wns);
}

/*
 * The talker's slot: the two addresses as four 64-bit words (an IPv4
 * address leaves three bytes of each zero, as the parse does), each
 * multiplied by its own odd constant, then folded.  It runs for every
 * parsed packet: a few multiplies, where a byte-wise hash took ~100
 * instructions for an IPv6 pair.
 */
static uint32_t
stats_hash(const struct dec_info *di)
{
	uint64_t	w[4], h;

	memcpy(&w[0], di->src, 16);
	memcpy(&w[2], di->dst, 16);
	h = w[0] * 0x9e3779b97f4a7c15ull + w[1] * 0xc2b2ae3d27d4eb4full +
	    w[2] * 0x165667b19e3779f9ull + w[3] * 0xd6e8feb86659fd93ull +
	    di->proto;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	return (uint32_t)(h >> 32);
}

/*
 * Called with queue q's shard locked (stats_lock), once per parsed
 * packet.  The table never grows: a full probe window evicts its
 * quietest entry.
 */
void
stats_parsed(struct stats *st, unsigned q, const struct dec_info *di,
    uint32_t len)
{
	struct shard	*sh = &st->shard[q];
	struct talk	*t, *victim = NULL;
	uint32_t	 h;
	int		 i;

	if (di->proto < DEC_P_NPROTO)
		sh->proto[di->proto]++;
	if (di->af != 4 && di->af != 6)
		return;
	/* Packets come in trains of one talker: try the last one first. */
	if ((t = sh->last) != NULL && stats_same(t, di)) {
		t->t.packets++;
		t->t.bytes += len;
		return;
	}
	h = stats_hash(di);
	for (i = 0; i < TALK_PROBE; i++) {
		t = &sh->talk[(h + (uint32_t)i) % TALK_SLOTS];
		if (!t->used)
			break;
		if (stats_same(t, di)) {
			t->t.packets++;
			t->t.bytes += len;
			sh->last = t;
			return;
		}
		if (victim == NULL || t->t.packets < victim->t.packets)
			victim = t;
	}
	if (i == TALK_PROBE)
		t = victim;
	memset(t, 0, sizeof *t);
	t->used = 1;
	t->t.af = di->af;
	t->t.proto = (uint8_t)di->proto;
	memcpy(t->t.src, di->src, 16);
	memcpy(t->t.dst, di->dst, 16);
	t->t.packets = 1;
	t->t.bytes = len;
	sh->last = t;
}

/* Whether slot t holds the talker of di (t may be unused: no). */
static int
stats_same(const struct talk *t, const struct dec_info *di)
{
	return t->used && t->t.af == di->af && t->t.proto == di->proto &&
	    memcmp(t->t.src, di->src, 16) == 0 &&
	    memcmp(t->t.dst, di->dst, 16) == 0;
}

void
stats_lock(struct stats *st, unsigned q)
{
	pthread_mutex_lock(&st->shard[q].lock);
}

void
stats_unlock(struct stats *st, unsigned q)
{
	pthread_mutex_unlock(&st->shard[q].lock);
}

/* A buffer's age restarts whenever its owner changes. */
void
stats_buffers(struct stats *st, const struct cap_bufstate *bs, int n)
{
	struct timespec	 now;
	double		 fill;
	int		 i, held;

	if (n > CAP_MAXBUFS)
		n = CAP_MAXBUFS;
	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&st->lock);
	for (i = 0; i < n; i++) {
		if (i >= st->nbufs || st->bufs[i].st.owner != bs[i].owner ||
		    st->bufs[i].st.seq != bs[i].seq)
			st->changed[i] = now;
		st->bufs[i].st = bs[i];
		st->bufs[i].age = stats_since(&st->changed[i], &now);
	}
	st->nbufs = n;
	stats_peaks(st, &held, &fill);
	if (held > st->peak_held)
		st->peak_held = held;
	if (fill > st->peak_fill)
		st->peak_fill = fill;
	pthread_mutex_unlock(&st->lock);
}

/*
 * The fullest ring now: most buffers held by zbtop in one ring, and the
 * highest share of one ring's bytes in use (percent).  Locked.
 */
void
stats_peaks(struct stats *st, int *held, double *fill)
{
	uint64_t	 used[CAP_MAXRINGS], size[CAP_MAXRINGS];
	int		 nheld[CAP_MAXRINGS];
	unsigned	 r;
	int		 i;

	memset(used, 0, sizeof used);
	memset(size, 0, sizeof size);
	memset(nheld, 0, sizeof nheld);
	for (i = 0; i < st->nbufs; i++) {
		r = st->bufs[i].st.ring;
		if (r >= CAP_MAXRINGS)
			continue;
		used[r] += st->bufs[i].st.used;
		size[r] += st->bufs[i].st.size;
		nheld[r] += st->bufs[i].st.owner == CAP_OWN_USER;
	}
	*held = 0;
	*fill = 0;
	for (r = 0; r < CAP_MAXRINGS; r++) {
		if (nheld[r] > *held)
			*held = nheld[r];
		if (size[r] > 0 && 100.0 * (double)used[r] /
		    (double)size[r] > *fill)
			*fill = 100.0 * (double)used[r] / (double)size[r];
	}
}
