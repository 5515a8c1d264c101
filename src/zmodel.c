/*
 * The zero-copy BPF model.  The producer follows catchpacket() and
 * ROTATE_BUFFERS in sys/net/bpf.c and the zbuf hooks in
 * sys/net/bpf_zerocopy.c (bufheld, buffull, buf_reclaimed, canfreebuf,
 * canwritebuf, ioctl_rotzbuf) rule for rule; the user side is the
 * generation protocol libpcap's pcap-bpf.c speaks.  Never locks, never
 * allocates after zmodel_init(): the caller serializes producer calls.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

#include "cap.h"
#include "zmodel.h"

static struct bpfc_zhdr *zmodel_hdr(struct zmodel *, int);
static void	 zmodel_setup(struct zmodel *, size_t, unsigned);
static int	 zmodel_assign(struct zmodel *, int, uint32_t);
static void	 zmodel_rotate_buffers(struct zmodel *, enum zmodel_reason);
static void	 zmodel_store(struct zmodel *, const struct zmodel_pkt *,
		    uint32_t, uint32_t);

/*
 * Two buffers of half the total each, rounded to whole pages like the
 * user's allocation for BIOCSETZBUF; gen0 lets tests start the generation
 * counters just short of their wrap.
 */
int
zmodel_init(struct zmodel *m, size_t total, unsigned linkhdr, uint32_t gen0,
    char *errbuf)
{
	long	 page;
	size_t	 size;
	int	 i, e;

	memset(m, 0, sizeof *m);
	if ((page = sysconf(_SC_PAGESIZE)) <= 0)
		page = 4096;
	size = total / ZMODEL_NBUFS;
	size = (size + page - 1) / page * page;
	if (size == 0)
		size = page;
	if (size > UINT32_MAX / 2) {
		snprintf(errbuf, ZB_ERRBUFSZ, "buffer of %zu bytes too large", size);
		return -1;
	}
	for (i = 0; i < ZMODEL_NBUFS; i++) {
		if ((e = posix_memalign((void **)&m->buf[i].base, page,
		    size)) != 0) {
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot allocate 2 x %zu bytes: "
			    "%s", size, strerror(e));
			zmodel_free(m);
			return -1;
		}
		memset(m->buf[i].base, 0, size);
		zmodel_hdr(m, i)->kernel_gen = gen0;
		zmodel_hdr(m, i)->user_gen = gen0;
	}
	zmodel_setup(m, size, linkhdr);
	return 0;
}

/*
 * The same on two buffers of size bytes the caller owns (the fake
 * device's BIOCSETZBUF), which zmodel_free() leaves alone.  Like the
 * kernel, zeroes both headers.
 */
void
zmodel_attach(struct zmodel *m, void *a, void *b, size_t size,
    unsigned linkhdr)
{
	memset(m, 0, sizeof *m);
	m->buf[0].base = a;
	m->buf[1].base = b;
	memset(a, 0, sizeof(struct bpfc_zhdr));
	memset(b, 0, sizeof(struct bpfc_zhdr));
	m->ext = 1;
	zmodel_setup(m, size, linkhdr);
}

static void
zmodel_setup(struct zmodel *m, size_t size, unsigned linkhdr)
{
	m->bufsize = size;
	m->datasize = size - sizeof(struct bpfc_zhdr);
	/* bpf_hdrlen(): pad so that the link payload is long-aligned. */
	m->hdrlen = BPFC_ALIGN(linkhdr + BPFC_XHDRLEN) - linkhdr;
	/* bpf_zerocopy_ioctl_setzbuf(): buffer A is filled first. */
	m->sbuf = 0;
	m->fbuf = 1;
	m->hbuf = -1;
}

void
zmodel_free(struct zmodel *m)
{
	int	 i;

	for (i = 0; i < ZMODEL_NBUFS; i++) {
		if (!m->ext)
			free(m->buf[i].base);
		m->buf[i].base = NULL;
	}
}

static struct bpfc_zhdr *
zmodel_hdr(struct zmodel *m, int i)
{
	return (struct bpfc_zhdr *)(void *)m->buf[i].base;
}

/*
 * bpf_zerocopy_bufheld() and bpf_zerocopy_buffull(): hand a buffer over
 * once, kernel_len first, then the generation with release order.
 */
static int
zmodel_assign(struct zmodel *m, int i, uint32_t len)
{
	struct bpfc_zhdr	*h = zmodel_hdr(m, i);

	if (m->buf[i].assigned)
		return 0;
	m->buf[i].assigned = 1;
	__atomic_store_n(&h->kernel_len, len, __ATOMIC_RELAXED);
	__atomic_fetch_add(&h->kernel_gen, 1, __ATOMIC_RELEASE);
	return 1;
}

/*
 * catchpacket()'s prologue and reset_d(): the hold buffer becomes free
 * once the user has set user_gen to kernel_gen (bpf_zerocopy_canfreebuf).
 * FreeBSD looks only when a packet arrives or on a reset, never on
 * BIOCROTZBUF; the file producer also calls it where it is about to put
 * a record, or at the end of the file.
 */
int
zmodel_reclaim(struct zmodel *m)
{
	struct bpfc_zhdr	*h;

	if (m->fbuf != -1 || m->hbuf == -1)
		return 0;
	h = zmodel_hdr(m, m->hbuf);
	if (__atomic_load_n(&h->kernel_gen, __ATOMIC_RELAXED) !=
	    __atomic_load_n(&h->user_gen, __ATOMIC_ACQUIRE))
		return 0;
	m->fbuf = m->hbuf;
	m->hbuf = -1;
	m->hlen = 0;
	m->buf[m->fbuf].assigned = 0;	/* bpf_zerocopy_buf_reclaimed */
	m->ev |= ZMODEL_EV_RECLAIM;
	return 1;
}

/* ROTATE_BUFFERS(): store -> hold, free -> store, then bpf_bufheld(). */
static void
zmodel_rotate_buffers(struct zmodel *m, enum zmodel_reason why)
{
	struct zmodel_buf	*b = &m->buf[m->sbuf];

	/* A buffer buffull() gave away early keeps its first reason. */
	if (!b->assigned)
		b->reason = why;
	m->hbuf = m->sbuf;
	m->hlen = m->slen;
	m->sbuf = m->fbuf;
	m->fbuf = -1;
	zmodel_assign(m, m->hbuf, m->slen);
	m->slen = 0;
	m->frozen = 0;
}

/*
 * catchpacket(): rotate when the record does not fit or the store buffer
 * was given to the user by buffull(); with no free buffer, give the store
 * buffer away (so both are the user's) and drop.  With nodrop the model
 * does neither and returns ZMODEL_BLOCKED: replaying a file as fast as
 * possible waits for the user instead of losing packets.
 */
int
zmodel_put(struct zmodel *m, const struct zmodel_pkt *p, int nodrop)
{
	uint32_t	 caplen, totlen, curlen;
	int		 ret = ZMODEL_STORED;

	m->ev = 0;
	zmodel_reclaim(m);
	/*
	 * The kernel's min(snap, len), as min(snap, caplen): the kernel's
	 * caplen is len, and a file's record that claims a wire length
	 * below its captured length keeps its bytes, so print mode can say
	 * that it lies (cap.h, CAP_PKT_LIES).
	 */
	caplen = p->snap < p->caplen ? p->snap : p->caplen;
	totlen = m->hdrlen + caplen;
	if (totlen > m->datasize)
		totlen = m->datasize;
	curlen = BPFC_ALIGN(m->slen);
	if (curlen + totlen > m->datasize || m->buf[m->sbuf].assigned) {
		if (m->fbuf == -1) {
			if (!m->frozen)
				m->nfreezes++;
			m->frozen = 1;
			if (nodrop)
				return ZMODEL_BLOCKED;
			m->npackets++;
			m->ndrops++;
			m->rcount++;
			m->dcount++;
			/* bpf_zerocopy_buffull(); the reason before the gen. */
			if (!m->buf[m->sbuf].assigned)
				m->buf[m->sbuf].reason = ZMODEL_ROT_FULL;
			if (zmodel_assign(m, m->sbuf, m->slen))
				m->ev |= ZMODEL_EV_HANDOVER;
			return ZMODEL_DROPPED;
		}
		zmodel_rotate_buffers(m, ZMODEL_ROT_FULL);
		m->ev |= ZMODEL_EV_WAKEUP;
		curlen = 0;
		ret = ZMODEL_ROTATED;
	}
	m->npackets++;
	m->rcount++;
	zmodel_store(m, p, curlen, totlen);
	return ret;
}

/*
 * Nanoseconds for timeout arithmetic.  Seconds are clamped to +-4.5e9 (a
 * capture file can claim anything) so that a difference cannot overflow.
 */
int64_t
zmodel_ns(int64_t sec, uint32_t nsec)
{
	if (sec > ZMODEL_MAXSEC)
		sec = ZMODEL_MAXSEC;
	if (sec < -ZMODEL_MAXSEC)
		sec = -ZMODEL_MAXSEC;
	return sec * 1000000000 + nsec % 1000000000;
}

/* The copy: header, then the bytes, at the word-aligned end. */
static void
zmodel_store(struct zmodel *m, const struct zmodel_pkt *p, uint32_t curlen,
    uint32_t totlen)
{
	struct zmodel_buf	*b = &m->buf[m->sbuf];
	struct bpfc_xhdr	 x;
	uint8_t			*dst;

	memset(&x, 0, sizeof x);
	x.sec = p->sec;
	x.frac = p->nsec;
	x.caplen = totlen - m->hdrlen;
	x.datalen = p->len;
	x.hdrlen = m->hdrlen;
	dst = b->base + sizeof(struct bpfc_zhdr) + curlen;
	memcpy(dst, &x, BPFC_XHDRLEN);
	if (x.caplen > 0)
		memcpy(dst + m->hdrlen, p->data, x.caplen);
	if (curlen == 0) {
		b->pkts = 0;
		b->epoch = p->epoch;
		m->sfirst = zmodel_ns(p->sec, p->nsec);
	}
	b->pkts++;
	m->slen = curlen + totlen;
	m->lastcap = x.caplen;
}

/*
 * bpf_zerocopy_ioctl_rotzbuf(): rotate only when the hold slot is empty
 * and the store buffer is not.  An acknowledged buffer still in the hold
 * slot counts as busy: only the next packet or a reset frees it.  Also
 * the reader's rotation after its read timeout (FreeBSD never rotates on
 * a timeout by itself).  Wakes no reader.
 */
int
zmodel_rotate(struct zmodel *m, enum zmodel_reason why)
{
	m->ev = 0;
	if (m->slen == 0)
		return ZMODEL_EMPTY;
	if (m->hbuf != -1)
		return ZMODEL_BUSY;
	zmodel_rotate_buffers(m, why);
	return ZMODEL_STORED;
}

/* Ownership by the generation protocol, fill levels from the kernel. */
void
zmodel_state(struct zmodel *m, unsigned i, struct zmodel_state *st)
{
	struct bpfc_zhdr	*h = zmodel_hdr(m, i);
	uint32_t		 kgen;

	memset(st, 0, sizeof *st);
	kgen = __atomic_load_n(&h->kernel_gen, __ATOMIC_ACQUIRE);
	st->gen = kgen;
	st->reason = m->buf[i].reason;
	st->active = (int)i == m->sbuf;
	if (__atomic_load_n(&h->user_gen, __ATOMIC_RELAXED) != kgen) {
		st->owner = ZMODEL_OWN_USER;
		st->used = __atomic_load_n(&h->kernel_len, __ATOMIC_RELAXED);
		st->pkts = m->buf[i].pkts;
	} else if ((int)i == m->sbuf) {
		st->owner = ZMODEL_OWN_KERNEL;
		st->used = m->slen;
		st->pkts = m->slen == 0 ? 0 : m->buf[i].pkts;
	} else
		st->owner = ZMODEL_OWN_FREE;
}

/*
 * BIOCFLUSH, and what BIOCSETF and attaching do: reset_d().  Frees an
 * acknowledged hold buffer, empties the store buffer unless a drop handed
 * it over (bpf_canwritebuf), zeroes the counters; generations stay.
 */
int
zmodel_flush(struct zmodel *m)
{
	int	 ret = ZMODEL_KEEP;

	m->ev = 0;
	zmodel_reclaim(m);
	if (!m->buf[m->sbuf].assigned) {
		m->slen = 0;
		m->buf[m->sbuf].pkts = 0;
		ret = ZMODEL_CLEAR;
	}
	m->rcount = 0;
	m->dcount = 0;
	m->frozen = 0;
	return ret;
}

/*
 * bpf_ready(): readable when the hold buffer holds data the user has not
 * acknowledged, or, in immediate mode (or after a read timeout), when
 * the store buffer holds data.
 */
int
zmodel_ready(struct zmodel *m, int immediate)
{
	struct bpfc_zhdr	*h;
	int			 canfree = 0;

	if (m->hbuf != -1) {
		h = zmodel_hdr(m, m->hbuf);
		canfree = __atomic_load_n(&h->kernel_gen, __ATOMIC_RELAXED) ==
		    __atomic_load_n(&h->user_gen, __ATOMIC_ACQUIRE);
	}
	if (!canfree && m->hlen != 0)
		return 1;
	return immediate && m->slen != 0;
}
