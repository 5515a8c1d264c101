/*
 * Counters and what is derived from them.  Writers are the engine's
 * consumer threads, one per queue.  Plain counters are C11 atomics added
 * with relaxed order once per buffer, never per packet; each queue parses
 * into its own protocol mix and talker table (a shard) behind its own
 * mutex, taken once per buffer, so consumers never wait for each other.
 * A talker is an address pair, and a queue gets every packet of a pair
 * (cap-zbuf-steer.c), so shards never hold the same talker twice.
 * Buffers and history sit behind one more mutex.  Readers copy.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

#define TALK_SLOTS	4096		/* talker table, fixed: evicts */
#define TALK_PROBE	16

struct talk {
	struct stats_talker	 t;
	uint64_t		 sampled;	/* packets at the last sample */
	int			 used;
};

/* Counters that only grow; the reader subtracts the base set by clear. */
struct counters {
	_Atomic uint64_t	 packets, bytes, kpackets, kdrops, kfreezes;
	_Atomic uint64_t	 rejected, wdrops, epoch_packets, kcut;
	_Atomic uint64_t	 busy_ns, wbusy_ns;
	_Atomic uint64_t	 rot[CAP_ROT_NREASONS];
	_Atomic uint64_t	 ring_pkts[CAP_MAXRINGS];
	_Atomic uint64_t	 ring_forced[CAP_MAXRINGS];
	_Atomic uint64_t	 if_kpkts[CAP_MAXIF];	/* several -i */
	_Atomic uint64_t	 if_kdrops[CAP_MAXIF];
	_Atomic uint64_t	 if_kfreezes[CAP_MAXIF];
	_Atomic uint64_t	 ring_bytes[CAP_MAXRINGS];
	_Atomic uint64_t	 ring_rot[CAP_MAXRINGS][CAP_ROT_NREASONS];
};

/* What one queue's consumer parses into. */
struct shard {
	pthread_mutex_t		 lock;
	uint64_t		 proto[DEC_P_NPROTO];
	struct talk		*last;		/* the previous packet's talker */
	struct talk		 talk[TALK_SLOTS];
};

struct stats {
	struct counters		 c;
	struct shard		*shard;
	unsigned		 nshards;
	_Atomic uint64_t	 ifdrops;
	_Atomic int		 have_ifdrops;
	struct timespec		 start;
	pthread_mutex_t		 lock;
	/* Behind the lock. */
	struct stats_snap	 info;		/* mode, source, filter... */
	uint64_t		 base[sizeof(struct counters) / 8];
	uint64_t		 ifbase, ifstart;
	int			 nbufs;
	struct stats_buf	 bufs[CAP_MAXBUFS];
	struct timespec		 changed[CAP_MAXBUFS];
	int			 nhist;
	double			 hist_pps[STATS_HIST], hist_dps[STATS_HIST];
	double			 pps, bps, dps, rotps[CAP_ROT_NREASONS];
	double			 ifdps, busy, wbusy, drop_busy, drop_wbusy;
	uint64_t		 iflast;
	double			 ring_pps[CAP_MAXRINGS];
	uint64_t		 last[sizeof(struct counters) / 8];
	struct timespec		 lastsample;
	int			 sampled;	/* stats_sample() ran */
	int			 peak_held;	/* since the last snapshot */
	double			 peak_fill;
	uint64_t		 freezes_seen;	/* at the last snapshot */
};

static void	stats_add(_Atomic uint64_t *, uint64_t);
static double	stats_since(const struct timespec *, const struct timespec *);
static void	stats_load(struct stats *, uint64_t *);
static void	stats_top(struct shard *, struct stats_snap *);
static void	stats_counters(struct stats_snap *, const uint64_t *);
static void	stats_rates(const struct stats *, struct stats_snap *);
static void	stats_ring_counts(struct stats_ring *, const uint64_t *,
		    unsigned);
static void	stats_rings(const struct stats *, struct stats_snap *,
		    const uint64_t *);
static void	stats_talkrate(struct shard *, double);
static void	stats_peaks(struct stats *, int *, double *);
static void	stats_cleared(const struct stats *, struct stats_cleared *);
static uint32_t	stats_hash(const struct dec_info *);
static void	stats_text(char *, size_t, const char *);
static void	stats_raw(char *, char *, size_t, const char *);
static int	stats_same(const struct talk *, const struct dec_info *);

static const char *stats_reasons[CAP_ROT_NREASONS] = {
	"-", "full", "timeout", "forced"
};
static const char *stats_owners[] = { "free", "kernel", "user" };

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

static double
stats_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The counters in struct order, as plain numbers. */
static void
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
		st->ifbase = st->ifstart = st->iflast = n;
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
static void
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

/* A filter change starts a new epoch; the text arrives escaped. */
void
stats_epoch(struct stats *st, const char *filter)
{
	pthread_mutex_lock(&st->lock);
	st->info.epoch++;
	atomic_store_explicit(&st->c.epoch_packets, 0, memory_order_relaxed);
	st->base[offsetof(struct counters, epoch_packets) / 8] = 0;
	stats_raw(st->info.filter, st->info.raw_filter, STATS_TEXTSZ,
	    filter);
	pthread_mutex_unlock(&st->lock);
}

/* Once a second: rates over the interval, history, talker rates. */
void
stats_sample(struct stats *st)
{
	uint64_t	 now[sizeof(struct counters) / 8];
	struct timespec	 ts;
	double		 dt;
	int		 i;
	size_t		 pk = offsetof(struct counters, packets) / 8;
	size_t		 by = offsetof(struct counters, bytes) / 8;
	size_t		 dr = offsetof(struct counters, kdrops) / 8;
	size_t		 ro = offsetof(struct counters, rot) / 8;
	size_t		 rp = offsetof(struct counters, ring_pkts) / 8;
	size_t		 bu = offsetof(struct counters, busy_ns) / 8;
	size_t		 wb = offsetof(struct counters, wbusy_ns) / 8;
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
 * Mode, source, geometry and the initial filter, set once at start.
 * Copies the strings (cut to the snapshot's fields, NULL as ""); keeps
 * no pointer into *info.
 */
void
stats_info(struct stats *st, const struct stats_info *info)
{
	struct stats_snap	*in = &st->info;
	unsigned		 i;

	pthread_mutex_lock(&st->lock);
	stats_text(in->mode, sizeof in->mode, info->mode);
	stats_raw(in->source, in->raw_source, STATS_NAMESZ, info->source);
	stats_text(in->geometry, sizeof in->geometry, info->geometry);
	stats_text(in->note, sizeof in->note, info->note);
	stats_raw(in->filter, in->raw_filter, STATS_TEXTSZ, info->filter);
	in->snaplen = info->snaplen;
	in->dlt = info->dlt;
	in->nifs = info->nifs;
	if (info->ifname != NULL)
		memcpy(in->ifname, info->ifname, sizeof in->ifname);
	in->parsing = info->parsing;
	in->printing = info->printing;
	in->nrings = info->nrings < CAP_MAXRINGS ? info->nrings :
	    CAP_MAXRINGS;
	for (i = 0; info->ringif != NULL && i < in->nrings; i++)
		in->rings[i].iface = info->ringif[i];
	pthread_mutex_unlock(&st->lock);
}

/*
 * Text from outside that may be NULL, into two fields of sz bytes: esc
 * for terminals (tbuf.h esc_str), raw as given (for JSON's own escaping).
 */
static void
stats_raw(char *esc, char *raw, size_t sz, const char *src)
{
	if (src == NULL)
		src = "";
	snprintf(raw, sz, "%s", src);
	esc_str(esc, sz, src, strlen(src));
}

/* Copy text that may be NULL into a field of dstsz bytes. */
static void
stats_text(char *dst, size_t dstsz, const char *src)
{
	snprintf(dst, dstsz, "%s", src != NULL ? src : "");
}

void
stats_flags(struct stats *st, int paused, int eof, int writing,
    unsigned rotate_ms)
{
	pthread_mutex_lock(&st->lock);
	st->info.paused = paused;
	st->info.eof = eof;
	st->info.writing = writing;
	st->info.rotate_ms = rotate_ms;
	pthread_mutex_unlock(&st->lock);
}

/* The second the capture link went down (time(3)), or 0 while it is up. */
void
stats_link(struct stats *st, int64_t since)
{
	pthread_mutex_lock(&st->lock);
	st->info.linkdown = since;
	pthread_mutex_unlock(&st->lock);
}

/* The file being written (escaped) and its frames; NULL: none. */
void
stats_wfile(struct stats *st, const char *name, uint64_t frames)
{
	pthread_mutex_lock(&st->lock);
	snprintf(st->info.wfile, sizeof st->info.wfile, "%s",
	    name != NULL ? name : "");
	st->info.wframes = frames;
	pthread_mutex_unlock(&st->lock);
}

void
stats_snaplen(struct stats *st, unsigned snaplen)
{
	pthread_mutex_lock(&st->lock);
	st->info.snaplen = snaplen;
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

	sn->packets = v[offsetof(struct counters, packets) / 8];
	sn->bytes = v[offsetof(struct counters, bytes) / 8];
	sn->kpackets = v[offsetof(struct counters, kpackets) / 8];
	sn->kdrops = v[offsetof(struct counters, kdrops) / 8];
	sn->kfreezes = v[offsetof(struct counters, kfreezes) / 8];
	sn->rejected = v[offsetof(struct counters, rejected) / 8];
	sn->wdrops = v[offsetof(struct counters, wdrops) / 8];
	sn->kcut = v[offsetof(struct counters, kcut) / 8];
	sn->epoch_packets = v[offsetof(struct counters, epoch_packets) / 8];
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		sn->rot[i] = v[offsetof(struct counters, rot) / 8 + i];
	for (i = 0; i < CAP_MAXIF; i++) {
		sn->if_kpackets[i] = v[offsetof(struct counters, if_kpkts) / 8 +
		    (size_t)i];
		sn->if_kdrops[i] = v[offsetof(struct counters, if_kdrops) / 8 +
		    (size_t)i];
		sn->if_kfreezes[i] = v[offsetof(struct counters, if_kfreezes) /
		    8 + (size_t)i];
	}
}

/*
 * The rates of the last one-second sample, and its history; called with
 * st->lock held, after sn->uptime and the counters are in.
 */
static void
stats_rates(const struct stats *st, struct stats_snap *sn)
{
	int	i;

	sn->pps = st->pps;
	sn->bps = st->bps;
	sn->dps = st->dps;
	/* Before the first one-second sample: the average since start. */
	if (!st->sampled && sn->uptime > 0) {
		sn->pps = (double)sn->packets / sn->uptime;
		sn->bps = (double)sn->bytes * 8 / sn->uptime;
		sn->dps = (double)sn->kdrops / sn->uptime;
	}
	sn->ifdps = st->ifdps;
	sn->busy = st->busy;
	sn->wbusy = st->wbusy;
	sn->drop_busy = st->drop_busy;
	sn->drop_wbusy = st->drop_wbusy;
	memcpy(sn->rotps, st->rotps, sizeof sn->rotps);
	for (i = 0; i < CAP_ROT_NREASONS && !st->sampled && sn->uptime > 0;
	    i++)
		sn->rotps[i] = (double)sn->rot[i] / sn->uptime;
	sn->nhist = st->nhist;
	memcpy(sn->hist_pps, st->hist_pps, sizeof sn->hist_pps);
	memcpy(sn->hist_dps, st->hist_dps, sizeof sn->hist_dps);
}

void
stats_snapshot(struct stats *st, struct stats_snap *sn)
{
	uint64_t	 v[sizeof(struct counters) / 8], k;
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
	stats_rates(st, sn);
	memset(sn->proto, 0, sizeof sn->proto);
	sn->ntalkers = 0;
	for (i = 0; i < (int)st->nshards; i++) {
		pthread_mutex_lock(&st->shard[i].lock);
		stats_top(&st->shard[i], sn);
		pthread_mutex_unlock(&st->shard[i].lock);
	}
	/* Before the first sample, as stats_rates(). */
	for (i = 0; i < sn->ntalkers && !st->sampled && sn->uptime > 0; i++)
		sn->talkers[i].pps = (double)sn->talkers[i].packets /
		    sn->uptime;
	sn->nbufs = st->nbufs;
	memcpy(sn->bufs, st->bufs, sizeof sn->bufs[0] * (size_t)st->nbufs);
	stats_rings(st, sn, v);
	/* The next interval starts from the state now. */
	sn->peak_held = st->peak_held;
	sn->peak_fill = st->peak_fill;
	stats_peaks(st, &st->peak_held, &st->peak_fill);
	k = v[offsetof(struct counters, kfreezes) / 8];
	sn->peak_freezes = k >= st->freezes_seen ? k - st->freezes_seen : k;
	st->freezes_seen = k;
	stats_cleared(st, &sn->cleared);
	pthread_mutex_unlock(&st->lock);
}

/* The clear base, by the same offsets the snapshot subtracts.  Locked. */
static void
stats_cleared(const struct stats *st, struct stats_cleared *c)
{
	const uint64_t	*b = st->base;
	int		 i;

	c->packets = b[offsetof(struct counters, packets) / 8];
	c->bytes = b[offsetof(struct counters, bytes) / 8];
	c->kpackets = b[offsetof(struct counters, kpackets) / 8];
	c->kdrops = b[offsetof(struct counters, kdrops) / 8];
	c->kfreezes = b[offsetof(struct counters, kfreezes) / 8];
	c->ifdrops = st->ifbase;
	c->rejected = b[offsetof(struct counters, rejected) / 8];
	c->wdrops = b[offsetof(struct counters, wdrops) / 8];
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		c->rot[i] = b[offsetof(struct counters, rot) / 8 + i];
	for (i = 0; i < CAP_MAXRINGS; i++) {
		c->ring_packets[i] =
		    b[offsetof(struct counters, ring_pkts) / 8 + i];
		c->ring_forced[i] =
		    b[offsetof(struct counters, ring_forced) / 8 + i];
		c->ring_bytes[i] =
		    b[offsetof(struct counters, ring_bytes) / 8 + i];
		memcpy(c->ring_rot[i], b + offsetof(struct counters,
		    ring_rot[i]) / 8, sizeof c->ring_rot[i]);
	}
	for (i = 0; i < CAP_MAXIF; i++) {
		c->if_kpackets[i] = b[offsetof(struct counters, if_kpkts) / 8 +
		    i];
		c->if_kdrops[i] = b[offsetof(struct counters, if_kdrops) / 8 +
		    i];
		c->if_kfreezes[i] =
		    b[offsetof(struct counters, if_kfreezes) / 8 + i];
	}
}

/* Ring i's bytes and hand-overs by reason, from v as stats_rings(). */
static void
stats_ring_counts(struct stats_ring *r, const uint64_t *v, unsigned i)
{
	r->bytes = v[offsetof(struct counters, ring_bytes) / 8 + i];
	memcpy(r->rot, v + offsetof(struct counters, ring_rot[i]) / 8,
	    sizeof r->rot);
}

/*
 * Per-ring rows from the counters (already less the clear base) and the
 * buffer states just copied.  Rings are numbered queue by queue, so a
 * ring's lane follows from the ring and queue counts.  Locked.
 */
static void
stats_rings(const struct stats *st, struct stats_snap *sn, const uint64_t *v)
{
	struct stats_ring	*r;
	const struct stats_buf	*b;
	size_t			 rp, rf;
	unsigned		 i, per;

	rp = offsetof(struct counters, ring_pkts) / 8;
	rf = offsetof(struct counters, ring_forced) / 8;

	per = sn->nrings > st->nshards ? sn->nrings / st->nshards : 1;
	memset(sn->rings, 0, sizeof sn->rings);
	for (i = 0; i < sn->nrings; i++) {
		r = &sn->rings[i];
		r->lane = i / per;
		r->iface = st->info.rings[i].iface;
		r->packets = v[rp + i];
		r->forced = v[rf + i];
		stats_ring_counts(r, v, i);
		r->pps = st->ring_pps[i];
		/* Before the first sample, as stats_rates(). */
		if (!st->sampled && sn->uptime > 0)
			r->pps = (double)r->packets / sn->uptime;
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

void
stats_totals(struct stats *st, struct stats_totals *t)
{
	uint64_t	 v[sizeof(struct counters) / 8];
	int		 i;

	stats_load(st, v);
	t->packets = v[offsetof(struct counters, packets) / 8];
	t->kpackets = v[offsetof(struct counters, kpackets) / 8];
	t->kdrops = v[offsetof(struct counters, kdrops) / 8];
	t->rejected = v[offsetof(struct counters, rejected) / 8];
	t->wdrops = v[offsetof(struct counters, wdrops) / 8];
	t->have_ifdrops = atomic_load(&st->have_ifdrops);
	pthread_mutex_lock(&st->lock);
	t->ifdrops = atomic_load(&st->ifdrops) - st->ifstart;
	pthread_mutex_unlock(&st->lock);
	t->kcut = v[offsetof(struct counters, kcut) / 8];
	for (i = 0; i < CAP_ROT_NREASONS; i++)
		t->rot[i] = v[offsetof(struct counters, rot) / 8 + i];
}

/* Display counters start again from zero; totals for the exit line stay. */
void
stats_clear(struct stats *st)
{
	uint64_t	 v[sizeof(struct counters) / 8];
	unsigned	 i;

	stats_load(st, v);
	pthread_mutex_lock(&st->lock);
	memcpy(st->base, v, sizeof st->base);
	st->ifbase = atomic_load(&st->ifdrops);
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
