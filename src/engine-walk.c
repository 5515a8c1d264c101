/*
 * The packet path: one handed-over buffer walked packet by packet, on
 * the thread of its queue (the engine thread without --threads, a lane's
 * consumer with it).  Per packet, in this order: the re-check filter,
 * the -c count, --bench-work, then the sinks in engine_packet(): the -w
 * file (under wlock with --threads), parsing (the queue's stats lock,
 * held for the whole buffer), keeping for the list (the recent lock,
 * held for the buffer's last recent_cap() packets), printing, and the
 * test sequence log.  No allocation and no syscall per packet.  When
 * only the screen's sinks are on, engine_plain() walks instead, with
 * those tests made once per buffer.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "cur.h"
#include "dec.h"
#include "engine.h"
#include "filter.h"
#include "pcapw.h"
#include "recent.h"
#include "stats.h"
#include "work.h"
#include "engine-int.h"

/* What one walk over a buffer adds up. */
struct engine_acc {
	uint64_t	 n, bytes, rejected, sum;
	int		 kept;		/* the recent lock is held */
	int		 full;		/* -c COUNT reached */
};

static int	 engine_claim(struct engine *);
static uint64_t	 engine_keepfrom(struct engine *, const struct cap_block *);
static void	 engine_keep(struct engine *, const struct cap_pkt *,
		    const struct cap_block *, uint64_t, struct engine_acc *);
static void	 engine_each(struct engine *, struct cap_block *,
		    struct cap_pkt *, struct engine_acc *);
static int	 engine_plain_ok(const struct engine *,
		    const struct cap_block *);
static void	 engine_plain(struct engine *, struct cap_block *,
		    struct cap_pkt *, struct engine_acc *);
static void	 engine_vlancut(const struct engine *, struct cap_pkt *);
static void	 engine_parse(struct engine *, const struct cap_pkt *,
		    unsigned);
static int	 engine_recheck(struct engine *, const struct cap_block *,
		    struct cap_pkt *);
static uint64_t	 engine_ns(const struct timespec *, const struct timespec *);
static void	 engine_packet(struct engine *, struct cap_pkt *,
		    const struct cap_block *, struct engine_acc *);
static void	 engine_seqlog(struct engine *, const struct cap_pkt *,
		    unsigned, char);
static int	 engine_write_sync(struct engine *);

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
	struct engine_acc	 a = { 0 };
	struct cap_pkt		 pkt;
	struct timespec		 t0, t1, t2;
	int			 gone = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (e->conf.parse)
		stats_lock(e->stats, blk->queue);
	pkt.vlan = 0;		/* a backend that never puts tags back */
	pkt.pkttype = CAP_PKTTYPE_NONE;	/* one that does not know */
	pkt.iface = e->cap.nifs > 1 ? (uint8_t)blk->iface : 0;
	if (engine_plain_ok(e, blk))
		engine_plain(e, blk, &pkt, &a);
	else
		engine_each(e, blk, &pkt, &a);
	if (a.kept)
		recent_unlock(e->recent);
	if (e->conf.parse)
		stats_unlock(e->stats, blk->queue);
	e->cap.ops->release(&e->cap, blk);
	stats_block(e->stats, blk->ring, a.n, a.bytes, a.rejected,
	    blk->reason);
	if (a.sum != 0)
		atomic_fetch_add_explicit(&e->worksum, a.sum,
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
	return a.full || (e->conf.count != 0 &&
	    atomic_load_explicit(&e->claimed, memory_order_relaxed) >=
	    e->conf.count);
}

/*
 * How many packets of blk come before the last recent_cap() ones, which
 * alone are kept; all of them when nothing is kept.
 */
static uint64_t
engine_keepfrom(struct engine *e, const struct cap_block *blk)
{
	size_t	cap;

	if (e->recent == NULL)
		return UINT64_MAX;
	cap = recent_cap(e->recent);
	return blk->npkts > cap ? blk->npkts - cap : 0;
}

/*
 * Keep frame no for the list; the first kept of a buffer takes the
 * recent lock, which engine_block() drops after the walk.
 */
static inline void
engine_keep(struct engine *e, const struct cap_pkt *pkt,
    const struct cap_block *blk, uint64_t no, struct engine_acc *a)
{
	if (!a->kept) {
		recent_lock(e->recent);
		a->kept = 1;
	}
	recent_add(e->recent, pkt, blk->ring, no);
}

/*
 * The general walk: every sink, the filter re-check, -c and
 * --bench-work, tested per packet.
 */
static void
engine_each(struct engine *e, struct cap_block *blk, struct cap_pkt *pkt,
    struct engine_acc *a)
{
	const struct cap_ops	*ops = e->cap.ops;
	uint64_t		 i = 0, skip = engine_keepfrom(e, blk);

	while (ops->pkt(&e->cap, blk, pkt) == 1) {
		i++;
		engine_vlancut(e, pkt);
		if (blk->recheck != NULL && !engine_recheck(e, blk, pkt)) {
			a->rejected++;
			continue;
		}
		if (e->conf.count != 0 && !engine_claim(e)) {
			a->full = 1;
			break;
		}
		a->n++;
		a->bytes += pkt->len;
		if (e->conf.work != WORK_NONE)
			a->sum += work_pkt(e->conf.work, pkt->data,
			    pkt->caplen);
		engine_packet(e, pkt, blk, i > skip ? a : NULL);
	}
}

/*
 * Whether blk can take engine_plain(): nothing on but the screen's
 * sinks (parsing, keeping), one queue.
 */
static int
engine_plain_ok(const struct engine *e, const struct cap_block *blk)
{
	return blk->recheck == NULL && e->conf.count == 0 &&
	    e->conf.work == WORK_NONE && e->w == NULL &&
	    e->conf.print == NULL && e->seqlog == NULL && e->nq == 1;
}

/*
 * The screen's walk (engine_plain_ok()): engine_each() and
 * engine_packet() with the tests for what is off made once per buffer,
 * not per packet (README, "Performance").  Same frame numbers, counts
 * and kept packets.
 */
static void
engine_plain(struct engine *e, struct cap_block *blk, struct cap_pkt *pkt,
    struct engine_acc *a)
{
	const struct cap_ops	*ops = e->cap.ops;
	uint64_t		 no, skip = engine_keepfrom(e, blk);

	no = atomic_load_explicit(&e->frames, memory_order_relaxed);
	while (ops->pkt(&e->cap, blk, pkt) == 1) {
		engine_vlancut(e, pkt);
		a->n++;
		a->bytes += pkt->len;
		no++;
		if (e->conf.parse)
			engine_parse(e, pkt, blk->queue);
		if (a->n > skip)
			engine_keep(e, pkt, blk, no, a);
	}
	/* One thread numbers: one plain store a buffer, no locked add. */
	atomic_store_explicit(&e->frames, no, memory_order_relaxed);
}

/*
 * A VLAN tag put back (4 bytes) may take a packet the filter cut at the
 * snap length past it: cut it there again, as libpcap does after putting
 * the tag back (pcap_handle_packet_mmap() in pcap-linux.c), so no packet
 * is longer than -s or the snaplen command say, nor than a -w file's
 * header.  The snap length changes only while consumers are parked.
 */
static inline void
engine_vlancut(const struct engine *e, struct cap_pkt *pkt)
{
	if (pkt->vlan != 0 && pkt->caplen > e->cap.snaplen)
		pkt->caplen = e->cap.snaplen;
}

/* The light parse of a packet for the mix and the talkers of queue q. */
static inline void
engine_parse(struct engine *e, const struct cap_pkt *pkt, unsigned q)
{
	struct dec_info	di;

	dec_parse(e->cap.ifdlt[pkt->iface], pkt->data, pkt->caplen,
	    CAP_PKT_LEN(pkt), &di);
	stats_parsed(e->stats, q, &di, CAP_PKT_LEN(pkt));
}

/*
 * The backend's own check of the filter (a buffer flipped across a
 * filter change): 0 when the packet is rejected, else 1 with the
 * capture length cut to the filter's snap length.
 */
static int
engine_recheck(struct engine *e, const struct cap_block *blk,
    struct cap_pkt *pkt)
{
	unsigned	snap;

	snap = filter_run(blk->recheck, pkt);
	if (snap == 0) {
		if (e->seqlog != NULL)
			engine_seqlog(e, pkt, blk->ring, 'R');
		return 0;
	}
	if (snap < pkt->caplen)
		pkt->caplen = snap;
	return 1;
}

/* Nanoseconds from a to b (monotonic, b not before a). */
static uint64_t
engine_ns(const struct timespec *a, const struct timespec *b)
{
	return (uint64_t)(b->tv_sec - a->tv_sec) * 1000000000u +
	    (uint64_t)(b->tv_nsec - a->tv_nsec);
}

/*
 * With --threads, the -w file is one stream: a packet at a time.  keep:
 * the walk's sums when the packet is kept for the list, else NULL.
 */
static void
engine_packet(struct engine *e, struct cap_pkt *pkt,
    const struct cap_block *blk, struct engine_acc *keep)
{
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
	} else if (e->nq > 1) {
		no = atomic_fetch_add_explicit(&e->frames, 1,
		    memory_order_relaxed) + 1;
	} else {
		/* One thread numbers: a plain store, no locked add. */
		no = atomic_load_explicit(&e->frames, memory_order_relaxed) + 1;
		atomic_store_explicit(&e->frames, no, memory_order_relaxed);
		if (e->w != NULL)
			rc = pcapw_put(e->w, pkt);
	}
	if (rc == -1)
		stats_wdrop(e->stats);
	if (e->conf.parse)
		engine_parse(e, pkt, blk->queue);
	if (keep != NULL)
		engine_keep(e, pkt, blk, no, keep);
	if (e->conf.print != NULL)
		e->conf.print(e->conf.print_arg[blk->queue], pkt,
		    e->cap.ifdlt[pkt->iface]);
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

	if (e->cap.ifdlt[pkt->iface] != DLT_EN10MB)
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
		engine_event(e, errbuf, 1);
	return 0;
}

/*
 * Walk what queue q has handed over already, without waiting; bounded
 * (a file replay would otherwise keep producing).  The one drain: a
 * consumer's on its way out, and the engine thread's on stop.  Returns
 * 1 when -c COUNT is reached (or the -w pipe is gone), else 0.
 */
int
engine_walk_drain(struct engine *e, unsigned q)
{
	struct cap_block	blk;
	char			errbuf[ZB_ERRBUFSZ];
	unsigned		n;

	for (n = 0; n < e->cap.nbufs + 2; n++) {
		if (e->cap.ops->next(&e->cap, q, &blk, 0, errbuf) != 1)
			break;
		if (engine_block(e, &blk) == 1)
			return 1;
	}
	return 0;
}
