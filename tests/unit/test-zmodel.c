/*
 * The zero-copy BPF model driven by hand, one thread playing both sides:
 * ownership through the generation counters, rotation when full, on
 * timeout and forced (BIOCROTZBUF and its no-op cases), drops when both
 * buffers are the user's, and counters that wrap.
 */
#include "zmodel.h"

#include <stdint.h>
#include <string.h>

#include "unit.h"

static uint8_t	 frame[2048];

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
	struct zmodel_hdr	 h;

	memcpy(&h, m->buf[i].base, sizeof h);
	return h.kernel_gen;
}

/* Record format: bpf_xhdr, bpf_hdrlen() padding, BPF_WORDALIGN steps. */
static void
test_layout(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct zmodel_view	 v;
	struct zmodel_rec	 r;
	char			 err[256];
	uint32_t		 off = 0, seq;

	CHECK(zmodel_init(&m, 8192, 14, 0, err) == 0);
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
	CHECK(zmodel_user_next(&m, &v) == 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(zmodel_user_next(&m, &v) == 1);
	CHECK(v.index == 0 && v.pkts == 2 && v.len == 167);
	CHECK(v.reason == ZMODEL_ROT_FORCED);
	CHECK(zmodel_user_rec(&v, &off, &r) == 1);
	memcpy(&seq, r.data, sizeof seq);
	CHECK(r.caplen == 50 && r.len == 60 && r.sec == 100 && seq == 7);
	CHECK(off == 80);
	CHECK(zmodel_user_rec(&v, &off, &r) == 1);
	memcpy(&seq, r.data, sizeof seq);
	CHECK(r.caplen == 61 && r.len == 61 && r.nsec == 8 && seq == 8);
	CHECK(zmodel_user_rec(&v, &off, &r) == 0);
	zmodel_free(&m);
}

/* A record that does not fit rotates store -> hold; B fills next. */
static void
test_full(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct zmodel_view	 v;
	char			 err[256];
	int			 i;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	CHECK(m.hdrlen == 32);
	/* 32 + 968 = 1000 -> 1000 per record: 4 fit in 4064 bytes. */
	for (i = 0; i < 4; i++) {
		pkt(&p, 968, 1, i);
		CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	}
	CHECK(zmodel_user_next(&m, &v) == 0);
	pkt(&p, 968, 1, 4);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_ROTATED);
	CHECK(m.sbuf == 1 && m.hbuf == 0 && m.fbuf == -1);
	CHECK(owner(&m, 0) == ZMODEL_OWN_USER);
	CHECK(owner(&m, 1) == ZMODEL_OWN_KERNEL);
	CHECK(zmodel_user_next(&m, &v) == 1);
	CHECK(v.index == 0 && v.pkts == 4 && v.reason == ZMODEL_ROT_FULL);
	CHECK(v.gen == 1);
	CHECK(zmodel_user_next(&m, &v) == 0);
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
	struct zmodel_view	 va, vb, vc;
	char			 err[256];
	int			 i;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	for (i = 0; i < 8; i++) {
		pkt(&p, 968, 1, i);
		CHECK(zmodel_put(&m, &p, 0) ==
		    (i == 4 ? ZMODEL_ROTATED : ZMODEL_STORED));
	}
	CHECK(zmodel_user_next(&m, &va) == 1);	/* A held, not acked */
	pkt(&p, 968, 1, 8);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_DROPPED);
	CHECK(m.ndrops == 1 && m.nfreezes == 1 && m.npackets == 9);
	CHECK(owner(&m, 0) == ZMODEL_OWN_USER);
	CHECK(owner(&m, 1) == ZMODEL_OWN_USER);	/* buffull */
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_DROPPED);
	CHECK(m.ndrops == 2 && m.nfreezes == 1);
	CHECK(zmodel_user_next(&m, &vb) == 1);
	CHECK(vb.index == 1 && vb.pkts == 4 && vb.reason == ZMODEL_ROT_FULL);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	zmodel_user_ack(&m, &va);
	/* The next packet reclaims A and rotates the given-away B to hold. */
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_ROTATED);
	CHECK(m.sbuf == 0 && m.hbuf == 1 && m.slen != 0);
	CHECK(m.ndrops == 2);
	CHECK(zmodel_user_next(&m, &vc) == 0);	/* B was not handed twice */
	zmodel_user_ack(&m, &vb);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_TIMEOUT) == ZMODEL_STORED);
	CHECK(zmodel_user_next(&m, &vc) == 1);
	CHECK(vc.index == 0 && vc.pkts == 1 && vc.reason == ZMODEL_ROT_TIMEOUT);
	zmodel_free(&m);
}

/* BIOCROTZBUF: nothing with an empty store or a held hold slot. */
static void
test_rotzbuf(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct zmodel_view	 v;
	char			 err[256];
	uint32_t		 gen;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_EMPTY);
	pkt(&p, 100, 1, 0);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_EMPTY);
	CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
	gen = kgen(&m, 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	CHECK(kgen(&m, 0) == gen && kgen(&m, 1) == 0 && m.sbuf == 1);
	CHECK(zmodel_user_next(&m, &v) == 1);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_BUSY);
	zmodel_user_ack(&m, &v);
	CHECK(owner(&m, 0) == ZMODEL_OWN_FREE);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(zmodel_user_next(&m, &v) == 1);
	CHECK(v.index == 1 && v.pkts == 1 && v.reason == ZMODEL_ROT_FORCED);
	zmodel_free(&m);
}

/* Replay at full speed: the producer is told to wait, nothing drops. */
static void
test_nodrop(void)
{
	struct zmodel		 m;
	struct zmodel_pkt	 p;
	struct zmodel_view	 v;
	char			 err[256];
	int			 i;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	for (i = 0; i < 8; i++) {
		pkt(&p, 968, 1, i);
		zmodel_put(&m, &p, 1);
	}
	pkt(&p, 968, 1, 8);
	CHECK(zmodel_put(&m, &p, 1) == ZMODEL_BLOCKED);
	CHECK(zmodel_put(&m, &p, 1) == ZMODEL_BLOCKED);
	CHECK(m.ndrops == 0 && m.npackets == 8 && m.nfreezes == 1);
	CHECK(owner(&m, 1) == ZMODEL_OWN_KERNEL);
	CHECK(zmodel_user_next(&m, &v) == 1);
	zmodel_user_ack(&m, &v);
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
	struct zmodel_view	 v;
	char			 err[256];
	uint32_t		 gens[2] = { 0, 0 };
	int			 i, got = 0, seen0 = 0;

	CHECK(zmodel_init(&m, 8192, 0, UINT32_MAX - 2, err) == 0);
	for (i = 0; i < 12; i++) {
		pkt(&p, 100, 1, i);
		CHECK(zmodel_put(&m, &p, 0) == ZMODEL_STORED);
		CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
		CHECK(zmodel_user_next(&m, &v) == 1);
		CHECK(v.index == (unsigned)(i % 2) && v.pkts == 1);
		CHECK(v.gen == (uint32_t)(UINT32_MAX - 2 + i / 2 + 1));
		if (v.gen == 0)
			seen0 = 1;
		gens[v.index] = v.gen;
		got++;
		CHECK(zmodel_user_next(&m, &v) == 0);
		v.index = i % 2;
		v.gen = gens[v.index];
		zmodel_user_ack(&m, &v);
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
	struct zmodel_view	 v1, v2;
	struct zmodel_rec	 r;
	char			 err[256];
	uint32_t		 off = 0, seq;

	CHECK(zmodel_init(&m, 8192, 0, 0, err) == 0);
	pkt(&p, 100, 1, 1);
	zmodel_put(&m, &p, 0);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(zmodel_user_next(&m, &v1) == 1);
	zmodel_user_ack(&m, &v1);
	pkt(&p, 100, 1, 2);
	zmodel_put(&m, &p, 0);		/* reclaims A */
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	pkt(&p, 100, 1, 3);
	zmodel_put(&m, &p, 0);
	CHECK(zmodel_user_next(&m, &v1) == 1);
	CHECK(v1.index == 1);
	zmodel_user_ack(&m, &v1);
	CHECK(zmodel_rotate(&m, ZMODEL_ROT_FORCED) == ZMODEL_STORED);
	CHECK(zmodel_user_next(&m, &v2) == 1);
	CHECK(v2.index == 0 && zmodel_user_rec(&v2, &off, &r) == 1);
	memcpy(&seq, r.data, sizeof seq);
	CHECK(seq == 3);
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
