/*
 * Random put/consume/rotate/flush sequences through zmodel.c (the kernel)
 * and bpfz.c (the consumer core), checked after every step against the
 * invariants of FreeBSD's zero-copy BPF (../shared/freebsd-zbuf.md): A is
 * handed over first and hand-overs strictly alternate; a drop hands over
 * the store buffer in place; rotate after an ack does nothing until the
 * next packet and the core then says CAP_NOTHING, not CAP_AGAIN; the
 * consumer sees every stored record once, in order; counts add up.
 */
#include "bpfz.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "zmodel.h"

#define RUNS	200
#define STEPS	2000

/* One run's bookkeeping, beside the model. */
struct run {
	struct zmodel	 m;
	struct bpfz	 z;
	uint64_t	 rng;
	uint32_t	 seq;		/* next sequence number to store */
	uint32_t	 want;		/* next the consumer must see */
	uint32_t	 gen[2];	/* kernel_gen as last seen */
	int		 last;		/* buffer handed over last, -1 none */
	uint64_t	 stored, dropped, walked, lost;
	uint32_t	 rc0;		/* stored + dropped since the flush */
};

static uint8_t	 frame[2048];
/* Over all runs: the cases the invariants are about did happen. */
static uint64_t	 n_handover, n_afterack, n_nothing, n_lost;

static uint64_t	 draw(struct run *);
static uint32_t	 kgen(struct run *, int);
static void	 handovers(struct run *, int);
static void	 consume(struct run *);
static void	 step(struct run *);
static void	 one(uint64_t);

/* SplitMix64. */
static uint64_t
draw(struct run *r)
{
	uint64_t	 x = (r->rng += 0x9e3779b97f4a7c15ULL);

	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint32_t
kgen(struct run *r, int i)
{
	struct bpfc_zhdr	*h = (struct bpfc_zhdr *)(void *)r->m.buf[i].base;

	return __atomic_load_n(&h->kernel_gen, __ATOMIC_ACQUIRE);
}

/*
 * Generation bumps since the last look: at most one per step, A first,
 * never the same buffer twice in a row.  "store" says which buffer a
 * drop must have handed over.
 */
static void
handovers(struct run *r, int store)
{
	int	 i, n = 0;

	for (i = 0; i < 2; i++) {
		if (kgen(r, i) == r->gen[i])
			continue;
		CHECK(kgen(r, i) == r->gen[i] + 1);
		CHECK(r->last == -1 ? i == 0 : i != r->last);
		if (store != -1)
			CHECK(i == store && r->m.sbuf == store);
		r->gen[i] = kgen(r, i);
		r->last = i;
		n++;
	}
	CHECK(n <= 1);
}

/* Take every buffer that is ours, walk it in order, acknowledge it. */
static void
consume(struct run *r)
{
	struct bpfz_view	 v;
	struct bpfz_rec		 rec;
	uint32_t		 s;

	while (bpfz_next(&r->z, &v)) {
		while (bpfz_rec(&r->z, &v, &rec)) {
			CHECK(rec.caplen >= sizeof s);
			memcpy(&s, rec.data, sizeof s);
			/* Records lost to a flush leave a gap, never a repeat. */
			CHECK(s >= r->want);
			r->want = s + 1;
			r->walked++;
		}
		bpfz_ack(&r->z, &v);
	}
	CHECK(r->z.bad == 0);
}

static void
step(struct run *r)
{
	struct zmodel_pkt	 p;
	uint64_t		 d = draw(r) % 100;
	int			 res, hold, pkts, owned;

	if (d < 70) {
		memset(&p, 0, sizeof p);
		memcpy(frame, &r->seq, sizeof r->seq);
		p.data = frame;
		p.caplen = p.len = p.snap = 40 + draw(r) % 1500;
		res = zmodel_put(&r->m, &p, 0);
		if (res == ZMODEL_DROPPED) {
			r->dropped++;
			handovers(r, (r->m.ev & ZMODEL_EV_HANDOVER) ?
			    r->m.sbuf : -1);
			n_handover += (r->m.ev & ZMODEL_EV_HANDOVER) != 0;
			CHECK(r->m.fbuf == -1);
		} else {
			r->stored++;
			r->seq++;
			handovers(r, -1);
		}
		r->rc0++;
	} else if (d < 88)
		consume(r);
	else if (d < 98) {
		hold = r->m.hbuf;
		if (hold != -1 && !bpfz_owned(&r->z, hold))
			n_afterack++;
		owned = bpfz_owned(&r->z, 0) || bpfz_owned(&r->z, 1);
		res = zmodel_rotate(&r->m, ZMODEL_ROT_FORCED);
		handovers(r, -1);
		/* The after-ack rule: an acked hold buffer blocks rotation. */
		if (hold != -1)
			CHECK(res != ZMODEL_STORED && r->m.hbuf == hold);
		res = bpfz_rotated(&r->z, res == ZMODEL_STORED ?
		    r->m.buf[r->m.hbuf].base : NULL, CAP_ROT_FORCED);
		if (res != 0)
			CHECK(res == (owned ? CAP_AGAIN : CAP_NOTHING));
		n_nothing += res == CAP_NOTHING;
	} else {
		pkts = r->m.slen != 0 && !r->m.buf[r->m.sbuf].assigned ?
		    (int)r->m.buf[r->m.sbuf].pkts : 0;
		res = zmodel_flush(&r->m);
		r->lost += res == ZMODEL_CLEAR ? pkts : 0;
		n_lost += res == ZMODEL_CLEAR ? pkts : 0;
		CHECK(r->m.rcount == 0 && r->m.dcount == 0 && r->m.slen ==
		    (res == ZMODEL_CLEAR ? 0 : r->m.slen));
		r->rc0 = 0;
		handovers(r, -1);
	}
	/* Slots: store always, exactly one of hold and free. */
	CHECK(r->m.sbuf == 0 || r->m.sbuf == 1);
	CHECK((r->m.hbuf == -1) != (r->m.fbuf == -1));
	CHECK(r->m.hbuf != r->m.sbuf && r->m.fbuf != r->m.sbuf);
	CHECK(r->m.rcount == r->rc0);
	CHECK(r->m.npackets == r->stored + r->dropped);
	CHECK(r->m.ndrops == r->dropped);
}

static void
one(uint64_t seed)
{
	struct run	 r;
	char		 err[256];
	uint32_t	 left;
	int		 i, f0 = failed;

	memset(&r, 0, sizeof r);
	r.rng = seed;
	r.last = -1;
	CHECK(zmodel_init(&r.m, 8192, 14, 0, err) == 0);
	bpfz_init(&r.z, r.m.buf[0].base, r.m.buf[1].base, r.m.bufsize,
	    BPFZ_TS_NANO);
	for (i = 0; i < STEPS && failed == f0; i++)
		step(&r);
	consume(&r);
	/* What is still in an unhanded store buffer is not lost either. */
	left = r.m.slen != 0 && !r.m.buf[r.m.sbuf].assigned ?
	    r.m.buf[r.m.sbuf].pkts : 0;
	CHECK(r.walked + r.lost + left == r.stored);
	if (failed != f0)
		fprintf(stderr, "seed %llu failed at step %d\n",
		    (unsigned long long)seed, i);
	zmodel_free(&r.m);
}

int
main(void)
{
	uint64_t	 s;

	for (s = 1; s <= RUNS && failed == 0; s++)
		one(s);
	CHECK(n_handover > 0 && n_afterack > 0 && n_nothing > 0 && n_lost > 0);
	fprintf(stderr, "%d runs: %llu drop hand-overs, %llu rotations after "
	    "an ack, %llu CAP_NOTHING, %llu records flushed\n", RUNS,
	    (unsigned long long)n_handover, (unsigned long long)n_afterack,
	    (unsigned long long)n_nothing, (unsigned long long)n_lost);
	CHECK_DONE();
}
