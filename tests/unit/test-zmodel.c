/*
 * The zero-copy BPF model driven by hand, one thread playing both sides:
 * ownership through the generation counters, rotation when full, on
 * timeout and forced (BIOCROTZBUF and its no-op cases, including the
 * acknowledged buffer that stays in the hold slot), drops when both
 * buffers are the user's, flushes, and counters that wrap.  The user's
 * side is bpfz.c, the consumer core.
 */
#include "zmodel.h"

#include <stdint.h>
#include <string.h>

#include "bpfz.h"

#include "unit.h"

static uint8_t	 frame[2048];
static struct bpfz z;		/* the user's side: the consumer core */

static void	 user(struct zmodel *);
static void	 pkt(struct zmodel_pkt *, uint32_t, int64_t, uint32_t);
static int	 owner(struct zmodel *, unsigned);
static uint32_t	 kgen(struct zmodel *, unsigned);
static void	 test_layout(void);
static void	 test_full(void);
static void	 test_drop(void);
static void	 test_rotzbuf(void);
static void	 test_nodrop(void);
static void	 test_wrap(void);
static void	 test_order(void);

static void
pkt(struct zmodel_pkt *p, uint32_t len, int64_t sec, uint32_t seq)
{
	memset(p, 0, sizeof *p);
	memcpy(frame, &seq, sizeof seq);
	p->sec = sec;
	p->nsec = seq;
	p->data = frame;
	p->caplen = len;
	p->len = len;
	p->snap = 262144;
}

static void
user(struct zmodel *m)
{
	bpfz_init(&z, m->buf[0].base, m->buf[1].base, m->bufsize,
	    BPFZ_TS_NANO);
}

static int
owner(struct zmodel *m, unsigned i)
{
	struct zmodel_state	 st;

	zmodel_state(m, i, &st);
	return st.owner;
}

static uint32_t
kgen(struct zmodel *m, unsigned i)
{
	struct bpfc_zhdr	 h;

	memcpy(&h, m->buf[i].base, sizeof h);
	return h.kernel_gen;
}

/* Record format: bpf_xhdr, bpf_hdrlen() padding, BPF_WORDALIGN steps. */
static void
test_layout(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 v;
	struct bpfz_rec	 r;
	char			 err[256];
	uint32_t		 seq;

	CHECK(zmodel_init(&m, 8192, 14, 0, err) == 0);
	user(&m);
	CHECK(m.bufsize == 4096);
	CHECK(m.datasize == 4096 - 32);
	CHECK(m.hdrlen == 26);		/* ALIGN(14 + 26) - 14 */
	CHECK(((uintptr_t)m.buf[0].base & 4095) == 0);
	CHECK(owner(&m, 0) == ZMODEL_OWN_KERNEL);
	CHECK(owner(&m, 1) == ZMODEL_OWN_FREE);
	pkt(&p, 60, 100, 7);
	p.snap = 50;			/* the filter's return value */
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	CHECK(m.slen == 26 + 50);
	pkt(&p, 61, 101, 8);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	CHECK(m.slen == 80 + 26 + 61);	/* second record at ALIGN(76) */
	CHECK(bpfz_next(&z, &v) == 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(bpfz_next(&z, &v) == 1);
	CHECK(v.index == 0 && m.buf[v.index].pkts == 2 && v.len == 167);
	CHECK(m.buf[v.index].reason == ZMODEL_ROT_FORCED);
	CHECK(bpfz_rec(&z, &v, &r) == 1);
	memcpy(&seq, r.data, sizeof seq);
	CHECK(r.caplen == 50 && r.len == 60 && r.sec == 100 && seq == 7);
	CHECK(v.off == 80);
	CHECK(bpfz_rec(&z, &v, &r) == 1);
	memcpy(&seq, r.data, sizeof seq);
	CHECK(r.caplen == 61 && r.len == 61 && r.nsec == 8 && seq == 8);
	CHECK(bpfz_rec(&z, &v, &r) == 0);
	zmodel_free(&m);
}

/* A record that does not fit rotates store -> hold; B fills next. */
static void
test_full(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 v;
	char			 err[256];
	int			 i;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	user(&m);
	CHECK(m.hdrlen == 32);
	/* 32 + 968 = 1000 -> 1000 per record: 4 fit in 4064 bytes. */
	for (i = 0; i < 4; i++) {
		pkt(&p, 968, 1, i);
		CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	}
	CHECK(bpfz_next(&z, &v) == 0);
	pkt(&p, 968, 1, 4);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_ROTATED);
	CHECK(m.sbuf == 1 && m.hbuf == 0 && m.fbuf == -1);
	CHECK(owner(&m, 0) == ZMODEL_OWN_USER);
	CHECK(owner(&m, 1) == ZMODEL_OWN_KERNEL);
	CHECK(bpfz_next(&z, &v) == 1);
	CHECK(v.index == 0 && m.buf[v.index].pkts == 4 &&
	    m.buf[v.index].reason == ZMODEL_ROT_FULL);
	CHECK(v.gen == 1);
	CHECK(bpfz_next(&z, &v) == 0);
	zmodel_free(&m);
}

/*
 * Both buffers the user's: buffull() hands the store buffer over too and
 * every packet drops until the user acks the hold buffer.
 */
static void
test_drop(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 va, vb, vc;
	char			 err[256];
	int			 i;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	user(&m);
	for (i = 0; i < 8; i++) {
		pkt(&p, 968, 1, i);
		CHECK(zmodel_put(&m, &p, 0) ==
		    (i == 4 ? ZMODEL_ROTATED : ZMODEL_STORED));
	}
	CHECK(bpfz_next(&z, &va) == 1);	/* A held, not acked */
	pkt(&p, 968, 1, 8);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_DROPPED);
	CHECK(m.ndrops == 1 && m.nfreezes == 1 && m.npackets == 9);
	CHECK(owner(&m, 0) == ZMODEL_OWN_USER);
	CHECK(owner(&m, 1) == ZMODEL_OWN_USER);	/* buffull */
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_DROPPED);
	CHECK(m.ndrops == 2 && m.nfreezes == 1);
	CHECK(bpfz_next(&z, &vb) == 1);
	CHECK(vb.index == 1 && m.buf[vb.index].pkts == 4 &&
	    m.buf[vb.index].reason == ZMODEL_ROT_FULL);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	bpfz_ack(&z, &va);
	/* The next packet reclaims A and rotates the given-away B to hold. */
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_ROTATED);
	CHECK(m.sbuf == 0 && m.hbuf == 1 && m.slen != 0);
	CHECK(m.ndrops == 2);
	CHECK(bpfz_next(&z, &vc) == 0);	/* B was not handed twice */
	bpfz_ack(&z, &vb);
	/* B acked but in the hold slot until the next packet: no rotation. */
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_TIMEOUT) == ZMODEL_BUSY);
	CHECK(bpfz_next(&z, &vc) == 0);
	CHECK(zmodel_flush(&m) == ZMODEL_CLEAR && m.hbuf == -1);
	CHECK(m.slen == 0 && m.rcount == 0 && m.npackets == 11);
	pkt(&p, 968, 1, 9);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_TIMEOUT) == ZMODEL_STORED);
	CHECK(bpfz_next(&z, &vc) == 1);
	CHECK(vc.index == 0 && m.buf[vc.index].pkts == 1 &&
	    m.buf[vc.index].reason == ZMODEL_ROT_TIMEOUT);
	zmodel_free(&m);
}

/* BIOCROTZBUF: nothing with an empty store or a held hold slot. */
static void
test_rotzbuf(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 v;
	char			 err[256];
	uint32_t		 gen;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	user(&m);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_EMPTY);
	pkt(&p, 100, 1, 0);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_EMPTY);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	gen = kgen(&m, 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	CHECK(kgen(&m, 0) == gen && kgen(&m, 1) == 0 && m.sbuf == 1);
	CHECK(bpfz_next(&z, &v) == 1);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	bpfz_ack(&z, &v);
	CHECK(owner(&m, 0) == ZMODEL_OWN_FREE);
	/* The after-ack rule: A stays in the hold slot until a packet. */
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	CHECK(m.hbuf == 0 && (m.ev & ZMODEL_EV_RECLAIM) == 0);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	CHECK(m.hbuf == -1 && (m.ev & ZMODEL_EV_RECLAIM));
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(bpfz_next(&z, &v) == 1);
	CHECK(v.index == 1 && m.buf[v.index].pkts == 2 &&
	    m.buf[v.index].reason == ZMODEL_ROT_FORCED);
	zmodel_free(&m);
}

/* Replay at full speed: the producer is told to wait, nothing drops. */
static void
test_nodrop(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 v;
	char			 err[256];
	int			 i;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	user(&m);
	for (i = 0; i < 8; i++) {
		pkt(&p, 968, 1, i);
		zmodel_put(&m, &p, 1);
	}
	pkt(&p, 968, 1, 8);
	CHECK(zmodel_put(&m, &p, 1) == ZMODEL_BLOCKED);
	CHECK(zmodel_put(&m, &p, 1) == ZMODEL_BLOCKED);
	CHECK(m.ndrops == 0 && m.npackets == 8 && m.nfreezes == 1);
	CHECK(owner(&m, 1) == ZMODEL_OWN_KERNEL);
	CHECK(bpfz_next(&z, &v) == 1);
	bpfz_ack(&z, &v);
	CHECK(zmodel_put(&m, &p, 1) == ZMODEL_ROTATED);
	CHECK(m.npackets == 9);
	zmodel_free(&m);
}

/* Generations are 32-bit and only ever compared for equality. */
static void
test_wrap(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 v;
	char			 err[256];
	uint32_t		 gens[2] = { 0, 0 };
	int			 i, got = 0, seen0 = 0;

	CHECK(zmodel_init(&m, 8192, 0, UINT32_MAX - 2, err) == 0);
	user(&m);
	for (i = 0; i < 12; i++) {
		pkt(&p, 100, 1, i);
		CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
		CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
		CHECK(bpfz_next(&z, &v) == 1);
		CHECK(v.index == (unsigned)(i % 2) && m.buf[v.index].pkts == 1);
		CHECK(v.gen == (uint32_t)(UINT32_MAX - 2 + i / 2 + 1));
		if (v.gen == 0)
			seen0 = 1;
		gens[v.index] = v.gen;
		got++;
		CHECK(bpfz_next(&z, &v) == 0);
		v.index = i % 2;
		v.gen = gens[v.index];
		bpfz_ack(&z, &v);
	}
	CHECK(got == 12 && seen0);
	CHECK(gens[0] == 3 && gens[1] == 3);
	zmodel_free(&m);
}

/* Both held: the user takes them in the order the kernel gave them. */
static void
test_order(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct bpfz_view	 v1, v2;
	struct bpfz_rec	 r;
	char			 err[256];
	uint32_t		 seq;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	user(&m);
	pkt(&p, 100, 1, 1);
	zmodel_put(&m, &p, 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(bpfz_next(&z, &v1) == 1);
	bpfz_ack(&z, &v1);
	pkt(&p, 100, 1, 2);
	zmodel_put(&m, &p, 0);		/* reclaims A */
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	pkt(&p, 100, 1, 3);
	zmodel_put(&m, &p, 0);
	CHECK(bpfz_next(&z, &v1) == 1);
	CHECK(v1.index == 1);
	bpfz_ack(&z, &v1);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	CHECK(zmodel_flush(&m) == ZMODEL_CLEAR);	/* frees B, loses 3 */
	pkt(&p, 100, 1, 4);
	zmodel_put(&m, &p, 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(bpfz_next(&z, &v2) == 1);
	CHECK(v2.index == 0 && bpfz_rec(&z, &v2, &r) == 1);
	memcpy(&seq, r.data, sizeof seq);
	CHECK(seq == 4);
	zmodel_free(&m);
}

int
main(void)
{
	memset(frame, 0xab, sizeof frame);
	test_layout();
	test_full();
	test_drop();
	test_rotzbuf();
	test_nodrop();
	test_wrap();
	test_order();
	CHECK_DONE();
}
