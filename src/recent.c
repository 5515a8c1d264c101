/*
 * The latest packets for the packet list.  Records of variable length in
 * one ring of bytes, a record never split at the end, plus a ring of
 * index entries in frame order, binary searched by frame number.  Adding
 * evicts the oldest records the new one overlaps, or the oldest entry
 * when the index is full; a quarter of the budget goes to the index.
 * One mutex, taken by the engine once per buffer and by the screen once
 * per refresh, never per packet on both sides.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "recent.h"
#include "xmalloc.h"

/*
 * The header of a record in the ring, 24 bytes; data follows, 8-byte
 * aligned, the first RECENT_SNAP bytes of origcap.  Every byte here is
 * written per packet into memory that is cold by then (the ring is 64
 * MiB by default), so it is kept small (README, "Performance").
 */
struct recent_rec {
	int64_t		 sec;
	uint32_t	 nsec;		/* bit 31: the display filter's verdict */
	uint32_t	 origcap;	/* bytes captured */
	uint32_t	 len;		/* bytes on the wire */
	uint16_t	 ring;		/* < CAP_MAXRINGS */
	uint8_t		 iface;		/* cap_pkt's */
	uint8_t		 pkttype;
};

#define RECENT_MATCH	0x80000000u	/* in nsec: the verdict, see mgen */
#define RECENT_ALIGN	8		/* records start at multiples of it */

/*
 * An index entry, 16 bytes: the record's offset in RECENT_ALIGN units
 * (a ring of at most 32 GiB); mgen: the display filter generation whose
 * verdict the record holds (0: none).
 */
struct recent_ent {
	uint64_t	 no;
	uint32_t	 off;
	uint32_t	 mgen;
};

_Static_assert(sizeof(struct recent_rec) == 24, "record header size");
_Static_assert(sizeof(struct recent_ent) == 16, "index entry size");
_Static_assert(CAP_MAXRINGS <= UINT16_MAX, "ring numbers fit");

struct recent {
	pthread_mutex_t		 lock;
	uint8_t			*buf;
	size_t			 bufsz;
	size_t			 wpos;	/* where the next record goes */
	struct recent_ent	*ent;
	size_t			 icap;
	size_t			 head;	/* oldest entry */
	size_t			 count;
};

static struct recent_ent	*recent_ent(struct recent *, size_t);
static void			 recent_evict(struct recent *, size_t, size_t,
				    size_t);
static size_t			 recent_find(struct recent *, uint64_t);
static const uint8_t		*recent_at(struct recent *, uint64_t,
				    struct recent_rec *, uint32_t *);
static void			 recent_touch(void *, size_t);
static uint8_t			*recent_rec(struct recent *,
				    const struct recent_ent *);

struct recent *
recent_new(size_t bytes)
{
	struct recent	*r;

	if (bytes < RECENT_MINB)
		bytes = RECENT_MINB;
	r = xcalloc(1, sizeof *r);
	pthread_mutex_init(&r->lock, NULL);
	r->icap = bytes / 4 / sizeof *r->ent;
	r->bufsz = bytes - r->icap * sizeof *r->ent;
	/* An offset in 32 bits of RECENT_ALIGN units: 32 GiB at most. */
	if ((uint64_t)r->bufsz / RECENT_ALIGN > UINT32_MAX)
		r->bufsz = (size_t)UINT32_MAX * RECENT_ALIGN;
	r->buf = xmalloc(r->bufsz);
	r->ent = xcalloc(r->icap, sizeof *r->ent);
	recent_touch(r->buf, r->bufsz);
	recent_touch(r->ent, r->icap * sizeof *r->ent);
	return r;
}

/*
 * Fault every page in now, before capture starts, instead of one page
 * per 40 packets during the first pass through the ring: at full rate
 * that first pass (about 0.4 s for the default 64 MiB of 64-byte
 * frames) cost some 60 ns a packet more than the later ones, the
 * kernel zeroing pages while the ring fills (README, "Performance").
 * The budget is --keep's either way.
 */
static void
recent_touch(void *p, size_t n)
{
	volatile uint8_t	*v = p;
	size_t			 i;

	for (i = 0; i < n; i += 4096)
		v[i] = 0;
}

void
recent_free(struct recent *r)
{
	if (r == NULL)
		return;
	pthread_mutex_destroy(&r->lock);
	free(r->buf);
	free(r->ent);
	free(r);
}

void
recent_lock(struct recent *r)
{
	pthread_mutex_lock(&r->lock);
}

void
recent_unlock(struct recent *r)
{
	pthread_mutex_unlock(&r->lock);
}

/* Most records the ring can hold: a buffer's earlier packets are not kept. */
size_t
recent_cap(struct recent *r)
{
	return r->icap;
}

/* Entry i from the oldest; a compare, not a division: it runs per packet. */
static struct recent_ent *
recent_ent(struct recent *r, size_t i)
{
	i += r->head;
	return &r->ent[i < r->icap ? i : i - r->icap];
}

/*
 * Drop the oldest records that lie in [p, p + size), and when the write
 * position wrapped, those left between the old position and the end.
 */
static void
recent_evict(struct recent *r, size_t p, size_t size, size_t old)
{
	size_t	 off;

	while (r->count > 0) {
		off = (size_t)recent_ent(r, 0)->off * RECENT_ALIGN;
		if (!((p < old && off >= old) || (off >= p && off < p + size)))
			break;
		if (++r->head == r->icap)
			r->head = 0;
		r->count--;
	}
}

/* Entry e's record: its header, then its bytes. */
static uint8_t *
recent_rec(struct recent *r, const struct recent_ent *e)
{
	return r->buf + (size_t)e->off * RECENT_ALIGN;
}

/* Frame number: the packet counters' (engine.c), from 1. */
void
recent_add(struct recent *r, const struct cap_pkt *pkt, unsigned ring,
    uint64_t no)
{
	struct recent_rec	 rec;
	struct recent_ent	*e;
	size_t			 size, p, caplen;

	if (r->count > 0 && recent_ent(r, r->count - 1)->no >= no)
		return;		/* out of order: never from one engine */
	caplen = pkt->caplen < RECENT_SNAP ? pkt->caplen : RECENT_SNAP;
	size = (sizeof rec + caplen + RECENT_ALIGN - 1) &
	    ~(size_t)(RECENT_ALIGN - 1);
	p = r->wpos + size > r->bufsz ? 0 : r->wpos;
	recent_evict(r, p, size, r->wpos);
	if (r->count == r->icap) {
		if (++r->head == r->icap)
			r->head = 0;
		r->count--;
	}
	rec.sec = pkt->ts.tv_sec;
	rec.nsec = (uint32_t)pkt->ts.tv_nsec;
	rec.origcap = pkt->caplen;
	rec.len = CAP_PKT_LEN(pkt);
	rec.ring = (uint16_t)ring;
	rec.iface = pkt->iface;
	rec.pkttype = pkt->pkttype;
	memcpy(r->buf + p, &rec, sizeof rec);
	memcpy(r->buf + p + sizeof rec, pkt->data, caplen);
	e = recent_ent(r, r->count++);
	e->no = no;
	e->off = (uint32_t)(p / RECENT_ALIGN);
	e->mgen = 0;
	r->wpos = p + size;
}

/* [first, last] kept, empty (0, 0) when nothing is. */
void
recent_range(struct recent *r, uint64_t *first, uint64_t *last)
{
	*first = *last = 0;
	if (r->count == 0)
		return;
	*first = recent_ent(r, 0)->no;
	*last = recent_ent(r, r->count - 1)->no;
}

/* The position of the first entry numbered no or more (count if none). */
static size_t
recent_find(struct recent *r, uint64_t no)
{
	size_t	 lo = 0, hi = r->count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (recent_ent(r, mid)->no < no)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Frame no's header copied to rec and its bytes, or NULL: not kept.
 * *caplen: the bytes kept.
 */
static const uint8_t *
recent_at(struct recent *r, uint64_t no, struct recent_rec *rec,
    uint32_t *caplen)
{
	struct recent_ent	*e;
	size_t			 i = recent_find(r, no);

	if (i == r->count || (e = recent_ent(r, i))->no != no)
		return NULL;
	memcpy(rec, recent_rec(r, e), sizeof *rec);
	*caplen = rec->origcap < RECENT_SNAP ? rec->origcap : RECENT_SNAP;
	return recent_rec(r, e) + sizeof *rec;
}

/* Copies frame no out: 0, or -1 when it is not kept. */
int
recent_get(struct recent *r, uint64_t no, struct recent_pkt *out)
{
	struct recent_rec	 rec;
	const uint8_t		*d;
	uint32_t		 caplen;

	if ((d = recent_at(r, no, &rec, &caplen)) == NULL)
		return -1;
	out->no = no;
	out->ts.tv_sec = (time_t)rec.sec;
	out->ts.tv_nsec = (long)(rec.nsec & ~RECENT_MATCH);
	out->caplen = caplen;
	out->origcap = rec.origcap;
	out->len = rec.len;
	out->ring = rec.ring;
	out->iface = rec.iface;
	out->pkttype = rec.pkttype;
	memcpy(out->data, d, caplen);
	return 0;
}

/*
 * Frame no's bytes in place, valid while the lock is held: 0, or -1 when
 * it is not kept.  caplen: bytes at *data; len: bytes on the wire;
 * iface: its interface (several -i).
 */
int
recent_peek(struct recent *r, uint64_t no, const uint8_t **data,
    uint32_t *caplen, uint32_t *len, unsigned *iface)
{
	struct recent_rec	 rec;

	if ((*data = recent_at(r, no, &rec, caplen)) == NULL)
		return -1;
	*len = rec.len;
	*iface = rec.iface;
	return 0;
}

/* How many frames numbered between a and b (both excluded) are kept. */
uint64_t
recent_between(struct recent *r, uint64_t a, uint64_t b)
{
	size_t	 i, j;

	if (b <= a + 1)
		return 0;
	i = recent_find(r, a + 1);
	j = recent_find(r, b);
	return j - i;
}

/* The kept frame after (dir > 0) or before (dir < 0) no; 0: none. */
uint64_t
recent_step(struct recent *r, uint64_t no, int dir)
{
	size_t	 i;

	if (dir > 0) {
		i = recent_find(r, no + 1);
		return i < r->count ? recent_ent(r, i)->no : 0;
	}
	i = recent_find(r, no);
	return i > 0 ? recent_ent(r, i - 1)->no : 0;
}

/*
 * The display filter's cached verdict on frame no for filter generation
 * gen: with val -1 returns it, 0 or 1 (-1: not known yet); else stores
 * val, 0 or 1.
 */
int
recent_mark(struct recent *r, uint64_t no, unsigned gen, int val)
{
	struct recent_ent	*e;
	struct recent_rec	 rec;
	size_t			 i = recent_find(r, no);

	if (i == r->count || (e = recent_ent(r, i))->no != no)
		return -1;
	memcpy(&rec, recent_rec(r, e), sizeof rec);
	if (val == -1)
		return e->mgen == gen ? (rec.nsec & RECENT_MATCH) != 0 : -1;
	e->mgen = gen;
	rec.nsec = (rec.nsec & ~RECENT_MATCH) | (val ? RECENT_MATCH : 0);
	memcpy(recent_rec(r, e), &rec, sizeof rec);
	return val != 0;
}

void
recent_clear(struct recent *r)
{
	pthread_mutex_lock(&r->lock);
	r->count = 0;
	r->wpos = 0;
	pthread_mutex_unlock(&r->lock);
}
