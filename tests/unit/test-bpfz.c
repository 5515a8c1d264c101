/*
 * The zero-copy BPF consumer core on hand-made buffers: the generation
 * check and A/B order, the record walk (bpf_hdr with microseconds,
 * bpf_xhdr with nano and bintime, BPF_WORDALIGN, records that lie),
 * kernel_len past the buffer, the ack, what a BIOCROTZBUF answer means,
 * and BIOCGSTATS' 32-bit counters across a wrap.
 */
#include "bpfz.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "unit.h"

#define BUFLEN	4096

static uint8_t	*bufa, *bufb;

static void	 hdr(uint8_t *, uint32_t, uint32_t, uint32_t);
static uint32_t	 rec(uint8_t *, uint32_t, uint64_t, uint32_t, uint16_t);
static void	 test_order(void);
static void	 test_walk(void);
static void	 test_lies(void);
static void	 test_rotated(void);
static void	 test_kstats(void);

static void
hdr(uint8_t *b, uint32_t kgen, uint32_t klen, uint32_t ugen)
{
	struct bpfc_zhdr	 h;

	memset(&h, 0, sizeof h);
	h.kernel_gen = kgen;
	h.kernel_len = klen;
	h.user_gen = ugen;
	memcpy(b, &h, sizeof h);
}

/* A record of caplen bytes at data offset off; returns the next offset. */
static uint32_t
rec(uint8_t *b, uint32_t off, uint64_t frac, uint32_t caplen,
    uint16_t hdrlen)
{
	struct bpfc_xhdr	 x;

	memset(&x, 0, sizeof x);
	x.sec = 1000 + off;
	x.frac = frac;
	x.caplen = caplen;
	x.datalen = caplen + 4;
	x.hdrlen = hdrlen;
	memcpy(b + BPFC_ZHDRLEN + off, &x, BPFC_XHDRLEN);
	memset(b + BPFC_ZHDRLEN + off + hdrlen, (int)(off & 0xff), caplen);
	return BPFC_ALIGN(off + hdrlen + caplen);
}

/* A first; B before A again is not looked at; the ack gives it back. */
static void
test_order(void)
{
	struct bpfz		 z;
	struct bpfz_view	 v;

	memset(bufa, 0, BUFLEN);
	memset(bufb, 0, BUFLEN);
	bpfz_init(&z, bufa, bufb, BUFLEN, BPFZ_TS_MICRO);
	CHECK(z.datalen == BUFLEN - 32);
	CHECK(bpfz_next(&z, &v) == 0);
	hdr(bufb, 1, 0, 0);		/* B bumped first: not the protocol */
	CHECK(bpfz_next(&z, &v) == 0);
	hdr(bufa, 1, 0, 0);
	CHECK(bpfz_next(&z, &v) == 1 && v.index == 0 && v.gen == 1);
	CHECK(v.reason == CAP_ROT_FULL);
	CHECK(bpfz_owned(&z, 0) && bpfz_owned(&z, 1));
	bpfz_ack(&z, &v);
	CHECK(!bpfz_owned(&z, 0));
	CHECK(bpfz_next(&z, &v) == 1 && v.index == 1);
	bpfz_ack(&z, &v);
	CHECK(bpfz_next(&z, &v) == 0 && z.taken == 2);
}

/* Three records, the last not padded; each stamp format. */
static void
test_walk(void)
{
	struct bpfz		 z;
	struct bpfz_view	 v;
	struct bpfz_rec		 r;
	uint32_t		 off = 0, o1, o2;

	memset(bufa, 0, BUFLEN);
	memset(bufb, 0, BUFLEN);
	o1 = off = rec(bufa, 0, 999999, 60, 26);
	CHECK(o1 == 88);		/* BPF_WORDALIGN(86) */
	o2 = off = rec(bufa, off, 5, 61, 26);
	off = rec(bufa, off, 7, 3, 26);
	hdr(bufa, 1, o2 + 26 + 3, 0);	/* kernel_len: the last unpadded */
	bpfz_init(&z, bufa, bufb, BUFLEN, BPFZ_TS_MICRO);
	CHECK(bpfz_next(&z, &v) == 1);
	CHECK(bpfz_count(&z, &v) == 3 && v.off == 0);
	CHECK(bpfz_rec(&z, &v, &r) == 1);
	CHECK(r.sec == 1000 && r.nsec == 999999000 && r.caplen == 60);
	CHECK(r.len == 64 && r.data == bufa + 32 + 26 && v.off == o1);
	CHECK(bpfz_rec(&z, &v, &r) == 1 && r.nsec == 5000 && r.caplen == 61);
	CHECK(bpfz_rec(&z, &v, &r) == 1 && r.caplen == 3);
	CHECK(bpfz_rec(&z, &v, &r) == 0 && z.bad == 0);
	z.ts = BPFZ_TS_NANO;
	v.off = 0;
	CHECK(bpfz_rec(&z, &v, &r) == 1 && r.nsec == 999999);
	z.ts = BPFZ_TS_BIN;
	v.off = o1;
	*(uint64_t *)(void *)(bufa + 32 + o1 + 8) = 1ULL << 63;	/* 0.5 s */
	CHECK(bpfz_rec(&z, &v, &r) == 1 && r.nsec == 500000000);
}

/* Headers that claim more than there is end the walk and count as bad. */
static void
test_lies(void)
{
	struct bpfz		 z;
	struct bpfz_view	 v;
	struct bpfz_rec		 r;

	memset(bufa, 0, BUFLEN);
	memset(bufb, 0, BUFLEN);
	rec(bufa, 0, 0, 100, 26);
	hdr(bufa, 1, 26 + 50, 0);	/* caplen past kernel_len */
	bpfz_init(&z, bufa, bufb, BUFLEN, BPFZ_TS_MICRO);
	CHECK(bpfz_next(&z, &v) == 1);
	CHECK(bpfz_rec(&z, &v, &r) == 0 && z.bad == 1 && v.off == v.len);
	rec(bufb, 0, 0, 10, 20);	/* hdrlen shorter than a header */
	hdr(bufb, 1, 4000, 0);
	CHECK(bpfz_next(&z, &v) == 1 && bpfz_rec(&z, &v, &r) == 0);
	CHECK(z.bad == 2);
	hdr(bufa, 3, 1u << 31, 1);	/* kernel_len past the buffer */
	CHECK(bpfz_next(&z, &v) == 1 && v.len == BUFLEN - 32 && z.bad == 3);
	hdr(bufb, 2, 10, 1);		/* shorter than one header */
	CHECK(bpfz_next(&z, &v) == 1 && bpfz_rec(&z, &v, &r) == 0);
}

/*
 * BIOCROTZBUF's answer: bz_bufa names the buffer now held (its reason
 * becomes forced); all zero means nothing moved: CAP_AGAIN while we own
 * a buffer, else CAP_NOTHING (never a reason to ask again at once).
 */
static void
test_rotated(void)
{
	struct bpfz		 z;
	struct bpfz_view	 v;
	struct cap_bufstate	 bs;

	memset(bufa, 0, BUFLEN);
	memset(bufb, 0, BUFLEN);
	bpfz_init(&z, bufa, bufb, BUFLEN, BPFZ_TS_MICRO);
	CHECK(bpfz_rotated(&z, NULL, CAP_ROT_FORCED) == CAP_NOTHING);
	hdr(bufa, 1, 0, 0);
	CHECK(bpfz_rotated(&z, bufa, CAP_ROT_FORCED) == 0);
	bpfz_bufstate(&z, 0, &bs);
	CHECK(bs.owner == CAP_OWN_USER && bs.reason == CAP_ROT_FORCED);
	CHECK(strcmp(stats_buf_owner(&bs), "hold") == 0 && bs.seq == 1);
	bpfz_bufstate(&z, 1, &bs);
	CHECK(bs.owner == CAP_OWN_FREE && bs.seq == 0);
	CHECK(strcmp(stats_buf_owner(&bs), "free") == 0);
	CHECK(bpfz_rotated(&z, NULL, CAP_ROT_FORCED) == CAP_AGAIN);
	CHECK(bpfz_next(&z, &v) == 1 && v.reason == CAP_ROT_FORCED);
	CHECK(bpfz_rotated(&z, NULL, CAP_ROT_FORCED) == CAP_AGAIN);
	bpfz_ack(&z, &v);
	/* Acked but still in the kernel's hold slot: nothing, not again. */
	CHECK(bpfz_rotated(&z, NULL, CAP_ROT_FORCED) == CAP_NOTHING);
	bpfz_bufstate(&z, 1, &bs);
	CHECK(bs.owner == CAP_OWN_KERNEL && bs.active);
	CHECK(strcmp(stats_buf_owner(&bs), "store") == 0);
	CHECK(z.rotations == 1 && z.idle == 4);
}

/* bs_recv and bs_drop are cut to 32 bits: deltas survive the wrap. */
static void
test_kstats(void)
{
	struct bpfz		 z;
	struct cap_kstats	 ks;

	bpfz_init(&z, bufa, bufb, BUFLEN, BPFZ_TS_MICRO);
	bpfz_kstats(&z, UINT32_MAX - 5, 7, &ks);
	CHECK(ks.packets == UINT32_MAX - 5 && ks.drops == 7);
	bpfz_kstats(&z, 10, 7, &ks);
	CHECK(ks.packets == 16 && ks.drops == 0);
	bpfz_kreset(&z);			/* BIOCSETF zeroed them */
	bpfz_kstats(&z, 3, 1, &ks);
	CHECK(ks.packets == 3 && ks.drops == 1);
}

int
main(void)
{
	if (posix_memalign((void **)&bufa, 4096, BUFLEN) != 0 ||
	    posix_memalign((void **)&bufb, 4096, BUFLEN) != 0)
		return 1;
	test_order();
	test_walk();
	test_lies();
	test_rotated();
	test_kstats();
	free(bufa);
	free(bufb);
	CHECK_DONE();
}
