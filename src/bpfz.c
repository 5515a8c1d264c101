/*
 * The zero-copy BPF consumer core: who owns a buffer (an acquire load of
 * bzh_kernel_gen against bzh_user_gen), which buffer comes next (A first,
 * then strictly A, B, A, B, as bpf_zerocopy.c hands them over), the
 * bounded walk over bpf_hdr/bpf_xhdr records by BPF_WORDALIGN, the
 * acknowledgement (a release store of bzh_user_gen), what a BIOCROTZBUF
 * answer means, and BIOCGSTATS' 32-bit counters widened.  Never calls the
 * system, never allocates, never trusts a length the buffer claims.
 */
#include <stdint.h>
#include <string.h>

#include "bpfz.h"
#include "cap.h"

static struct bpfc_zhdr *bpfz_hdr(const struct bpfz *, unsigned);

/*
 * a and b are bz_bufa and bz_bufb as given to BIOCSETZBUF, each buflen
 * bytes with the shared header first.  The kernel zeroed both headers.
 */
void
bpfz_init(struct bpfz *z, void *a, void *b, size_t buflen, enum bpfz_ts ts)
{
	memset(z, 0, sizeof *z);
	z->buf[0] = a;
	z->buf[1] = b;
	z->datalen = buflen > BPFC_ZHDRLEN ? (uint32_t)(buflen - BPFC_ZHDRLEN) :
	    0;
	z->ts = ts;
}

static struct bpfc_zhdr *
bpfz_hdr(const struct bpfz *z, unsigned i)
{
	return (struct bpfc_zhdr *)(void *)z->buf[i];
}

/* 1 while the user owns buffer i: the kernel bumped kernel_gen past ours. */
int
bpfz_owned(const struct bpfz *z, unsigned i)
{
	struct bpfc_zhdr	*h = bpfz_hdr(z, i);

	return __atomic_load_n(&h->kernel_gen, __ATOMIC_ACQUIRE) !=
	    __atomic_load_n(&h->user_gen, __ATOMIC_RELAXED);
}

/*
 * Take the next buffer if it is ours: 1 and v filled, 0 not yet.  Only
 * the buffer after the last one taken is looked at (libpcap does the
 * same): when a drop gave both away, the older comes first.  kernel_len
 * is read only after the acquire load saw the new generation.
 */
int
bpfz_next(struct bpfz *z, struct bpfz_view *v)
{
	struct bpfc_zhdr	*h = bpfz_hdr(z, z->next);
	uint32_t	 kgen;

	kgen = __atomic_load_n(&h->kernel_gen, __ATOMIC_ACQUIRE);
	if (__atomic_load_n(&h->user_gen, __ATOMIC_RELAXED) == kgen)
		return 0;
	memset(v, 0, sizeof *v);
	v->index = z->next;
	v->gen = kgen;
	v->data = z->buf[z->next] + BPFC_ZHDRLEN;
	v->len = __atomic_load_n(&h->kernel_len, __ATOMIC_RELAXED);
	if (v->len > z->datalen) {
		v->len = z->datalen;
		z->bad++;
	}
	v->reason = CAP_ROT_FULL;
	if (z->rotpend[z->next]) {
		v->reason = z->rotwhy[z->next];
		z->rotpend[z->next] = 0;
	}
	z->why[z->next] = v->reason;
	z->next = (z->next + 1) % BPFZ_NBUFS;
	z->taken++;
	return 1;
}

/*
 * The next record of v: 1 and r filled, 0 at the end.  A header that
 * claims more than is left ends the walk and counts as bad.
 */
int
bpfz_rec(struct bpfz *z, struct bpfz_view *v, struct bpfz_rec *r)
{
	struct bpfc_xhdr	 x;
	uint32_t		 left;

	if (v->off >= v->len || v->len - v->off < BPFC_XHDRLEN)
		return 0;
	left = v->len - v->off;
	memset(&x, 0, sizeof x);
	memcpy(&x, v->data + v->off, BPFC_XHDRLEN);
	if (x.hdrlen < BPFC_XHDRLEN || x.hdrlen > left ||
	    x.caplen > left - x.hdrlen) {
		v->off = v->len;
		z->bad++;
		return 0;
	}
	r->sec = x.sec;
	switch (z->ts) {
	case BPFZ_TS_MICRO:
		r->nsec = (uint32_t)(x.frac % 1000000) * 1000;
		break;
	case BPFZ_TS_NANO:
		r->nsec = (uint32_t)(x.frac % 1000000000);
		break;
	default:
		r->nsec = (uint32_t)(((x.frac >> 32) * 1000000000) >> 32);
		break;
	}
	r->caplen = x.caplen;
	r->len = x.datalen;
	r->data = v->data + v->off + x.hdrlen;
	/* The last record is not padded: kernel_len ends at its end. */
	left = BPFC_ALIGN(x.hdrlen + x.caplen);
	v->off = left < v->len - v->off ? v->off + left : v->len;
	return 1;
}

int
bpfz_pkt(struct bpfz *z, struct bpfz_view *v, uint32_t *left,
    struct cap_pkt *p)
{
	struct bpfz_rec	r;

	if (*left == 0 || !bpfz_rec(z, v, &r)) {
		*left = 0;
		return 0;
	}
	(*left)--;
	p->data = r.data;
	p->caplen = r.caplen;
	p->len = r.len;
	p->ts.tv_sec = r.sec;
	p->ts.tv_nsec = r.nsec;
	return 1;
}

void
bpfz_block(const struct bpfz_view *v, uint32_t npkts, struct cap_block *blk)
{
	memset(blk, 0, sizeof *blk);
	blk->index = v->index;
	blk->npkts = npkts;
	blk->bytes = v->len;
	blk->seq = v->gen;
	blk->reason = v->reason;
	blk->pos = v->data;
	blk->left = npkts;
}

/* Records in v, by the same walk; for the block's packet count. */
uint32_t
bpfz_count(const struct bpfz *z, const struct bpfz_view *v)
{
	struct bpfz		 tmp = *z;
	struct bpfz_view	 w = *v;
	struct bpfz_rec		 r;
	uint32_t		 n = 0;

	w.off = 0;
	while (bpfz_rec(&tmp, &w, &r))
		n++;
	return n;
}

/* Give the buffer back: user_gen = the generation we saw, release order. */
void
bpfz_ack(struct bpfz *z, const struct bpfz_view *v)
{
	struct bpfc_zhdr	*h = bpfz_hdr(z, v->index);

	__atomic_store_n(&h->user_gen, v->gen, __ATOMIC_RELEASE);
}

/*
 * BIOCROTZBUF answered with bz_bufa = moved (NULL: nothing moved).  0:
 * a buffer was handed over (bpfz_next() will give it the reason why).
 * Nothing moved: CAP_AGAIN while we still own a buffer (walk and ack it
 * first), else CAP_NOTHING: the store buffer is empty, or the buffer we
 * acknowledged still sits in the hold slot, which the kernel frees only
 * when the next packet arrives (catchpacket) or on a reset (reset_d).
 * Asking again before a packet comes would spin, as libpcap's loop does.
 */
int
bpfz_rotated(struct bpfz *z, const void *moved, enum cap_reason why)
{
	unsigned	 i;

	for (i = 0; i < BPFZ_NBUFS && moved != NULL; i++)
		if (moved == (const void *)z->buf[i]) {
			z->rotpend[i] = 1;
			z->rotwhy[i] = why;
			z->rotations++;
			return 0;
		}
	z->idle++;
	if (bpfz_owned(z, 0) || bpfz_owned(z, 1))
		return CAP_AGAIN;
	return CAP_NOTHING;
}

/*
 * BIOCGSTATS' bs_recv and bs_drop are the kernel's 64-bit counters cut
 * to 32 bits: the difference modulo 2^32 is what arrived since the last
 * read.  Call bpfz_kreset() after anything that zeroes them (BIOCSETF,
 * BIOCFLUSH, BIOCSETIF: reset_d()).
 */
void
bpfz_kstats(struct bpfz *z, uint32_t recv, uint32_t drop,
    struct cap_kstats *ks)
{
	ks->packets = (uint32_t)(recv - z->last_recv);
	ks->drops = (uint32_t)(drop - z->last_drop);
	z->last_recv = recv;
	z->last_drop = drop;
}

void
bpfz_kreset(struct bpfz *z)
{
	z->last_recv = 0;
	z->last_drop = 0;
}

/*
 * What the user can tell of buffer i, in the seed's words: hold (ours),
 * store (the kernel's, handed over next) or free.  The kernel's slen is
 * not visible, so a kernel-owned buffer shows no fill; seq is the
 * buffer's kernel generation.
 */
void
bpfz_bufstate(const struct bpfz *z, unsigned i, struct cap_bufstate *bs)
{
	struct bpfc_zhdr	*h = bpfz_hdr(z, i);

	memset(bs, 0, sizeof *bs);
	bs->index = i;
	bs->size = z->datalen;
	bs->seq = __atomic_load_n(&h->kernel_gen, __ATOMIC_ACQUIRE);
	if (bpfz_owned(z, i)) {
		bs->owner = CAP_OWN_USER;
		bs->name = "hold";
		bs->used = __atomic_load_n(&h->kernel_len, __ATOMIC_RELAXED);
		if (bs->used > z->datalen)
			bs->used = z->datalen;
		/* Not taken yet and not ours to explain: the kernel's. */
		bs->reason = z->rotpend[i] ? z->rotwhy[i] : i == z->next ?
		    CAP_ROT_FULL : z->why[i];
	} else if (i == z->next) {
		bs->owner = CAP_OWN_KERNEL;
		bs->name = "store";
		bs->active = 1;
	} else
		bs->owner = CAP_OWN_FREE;	/* or an acked buffer in hold */
}
