/*
 * Several -i: one ring set per interface, as dumpcap opens one capture per
 * -i.  Each interface is a whole handle of the backend -m names (zbuf or
 * copy) with its own sockets, rings, link type and consumer queues; this
 * file only numbers them as one handle: interface k's queues and rings
 * follow those of the interfaces before it (q0[k], r0[k]), so the engine's
 * lanes (--threads) carry them unchanged, one consumer per queue.  -B is
 * shared out, and a ring that differs from its share is said in one note
 * in the terms typed.  Never prints, never allocates per packet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "xmalloc.h"

struct multi {
	struct cap		 sub[CAP_MAXIF];
	unsigned		 n;
	unsigned		 q0[CAP_MAXIF + 1];	/* first queue of each */
	unsigned		 r0[CAP_MAXIF + 1];	/* first ring of each */
	/* setfilter: interfaces still to take these programs (CAP_AGAIN). */
	unsigned		 pend;
	struct bpf_program	 want[CAP_MAXIF];
};

static int	multi_open(struct cap *, const struct cap_conf *, char *);
static int	multi_open_one(struct cap *, struct multi *, unsigned,
		    const struct cap_conf *, char *);
static void	multi_geometry(struct cap *, const struct multi *);
static void	multi_note(struct cap *, const struct multi *,
		    const struct cap_conf *);
static void	multi_asked(const struct cap_conf *, unsigned, char *, size_t);
static unsigned	multi_share(const struct cap_conf *, unsigned);
static int	multi_start(struct cap *, char *);
static unsigned	multi_which(const struct multi *, unsigned);
static int	multi_next(struct cap *, unsigned, struct cap_block *, int,
		    char *);
static int	multi_pkt(struct cap *, struct cap_block *, struct cap_pkt *);
static void	multi_release(struct cap *, struct cap_block *);
static int	multi_rotate(struct cap *, char *);
static int	multi_same(const struct multi *, const struct bpf_program *);
static int	multi_setfilter(struct cap *, struct bpf_program *, char *);
static int	multi_kstats(struct cap *, struct cap_kstats *);
static int	multi_buffers(struct cap *, struct cap_bufstate *, int);
static int	multi_ifdrops(struct cap *, uint64_t *);
static void	multi_close(struct cap *);

const struct cap_ops cap_multi_ops = {
	.name = "multi",
	.open = multi_open,
	.start = multi_start,
	.next = multi_next,
	.pkt = multi_pkt,
	.release = multi_release,
	.rotate = multi_rotate,
	.setfilter = multi_setfilter,
	.kstats = multi_kstats,
	.buffers = multi_buffers,
	.ifdrops = multi_ifdrops,
	.close = multi_close
};

/* Each of n interfaces' share of -B, in KiB: -B's own lower bound. */
static unsigned
multi_share(const struct cap_conf *conf, unsigned n)
{
	return conf->buffer_kib / n < 16 ? 16 : conf->buffer_kib / n;
}

/*
 * Interface k as a capture of its own: -B, when given, is shared out (it
 * is the total over all rings); without it each interface gets the
 * backend's default, as each of dumpcap's captures gets its buffer.
 */
static int
multi_open_one(struct cap *cap, struct multi *m, unsigned k,
    const struct cap_conf *conf, char *errbuf)
{
	struct cap_conf	 sc = *conf;
	struct cap	*c = &m->sub[k];
	unsigned	 j, per = conf->threads > 1 ? conf->threads : 1;

	sc.iface = conf->ifaces[k];
	sc.nifaces = 0;
	sc.each = NULL;
	sc.label = NULL;
	sc.share = m->n;
	if (conf->buffer_kib != 0)
		sc.buffer_kib = multi_share(conf, m->n);
	for (j = 0; j < per && m->q0[k] + j < CAP_MAXQ; j++)
		sc.wakefd[j] = conf->wakefd[m->q0[k] + j];
	if (cap_open(c, conf->each, &sc, errbuf) == -1)
		return -1;
	m->q0[k + 1] = m->q0[k] + c->nqueues;
	m->r0[k + 1] = m->r0[k] + c->nrings;
	for (j = m->r0[k]; j < m->r0[k + 1] && j < CAP_MAXRINGS; j++)
		cap->ringif[j] = (uint8_t)k;
	cap->ifdlt[k] = c->dlt;
	snprintf(cap->ifname[k], sizeof cap->ifname[k], "%s", sc.iface);
	cap->nbufs += c->nbufs;
	if (c->bufsize > cap->bufsize)
		cap->bufsize = c->bufsize;
	if (c->qbytes > cap->qbytes)
		cap->qbytes = c->qbytes;
	return 0;
}

static int
multi_open(struct cap *cap, const struct cap_conf *conf, char *errbuf)
{
	struct multi	*m;
	unsigned	 k;

	if (conf->each == NULL || conf->nifaces < 2 ||
	    conf->nifaces > CAP_MAXIF || CAP_NQ(conf) > CAP_MAXQ) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%u interfaces with %u threads "
		    "each: at most %d consumer queues", conf->nifaces,
		    conf->threads, CAP_MAXQ);
		return -1;
	}
	m = xcalloc(1, sizeof *m);
	m->n = conf->nifaces;
	cap->priv = m;
	for (k = 0; k < m->n; k++)
		if (multi_open_one(cap, m, k, conf, errbuf) == -1) {
			multi_close(cap);
			return -1;
		}
	cap->nifs = m->n;
	cap->dlt = cap->ifdlt[0];
	cap->snaplen = m->sub[0].snaplen;
	cap->retire_ms = m->sub[0].retire_ms;
	cap->nrings = m->r0[m->n];
	cap->nqueues = m->q0[m->n];
	multi_geometry(cap, m);
	multi_note(cap, m, conf);
	return 0;
}

/*
 * "2 interfaces, each 2 rings x 8 x 1024 KiB, ..." when they are alike,
 * else each interface's own, so the header never says "each" of rings
 * that differ.
 */
static void
multi_geometry(struct cap *cap, const struct multi *m)
{
	size_t		len;
	unsigned	k;

	for (k = 1; k < m->n; k++)
		if (strcmp(m->sub[k].geometry, m->sub[0].geometry) != 0)
			break;
	if (k == m->n) {
		snprintf(cap->geometry, sizeof cap->geometry,
		    "%u interfaces, each %s", m->n, m->sub[0].geometry);
		return;
	}
	len = (size_t)snprintf(cap->geometry, sizeof cap->geometry,
	    "%u interfaces:", m->n);
	for (k = 0; k < m->n && len < sizeof cap->geometry; k++)
		len += (size_t)snprintf(cap->geometry + len,
		    sizeof cap->geometry - len, "%s %s %s", k > 0 ? ";" : "",
		    cap->ifname[k], m->sub[k].geometry);
}

/*
 * What -B and the block options asked of each interface (asksz bytes):
 * -B is shared out, the others are each interface's as given.
 */
static void
multi_asked(const struct cap_conf *conf, unsigned n, char *asked,
    size_t asksz)
{
	size_t	len;

	len = (size_t)snprintf(asked, asksz, "asked");
	if (conf->buffer_kib != 0)
		len += (size_t)snprintf(asked + len, asksz - len, " -B %u",
		    conf->buffer_kib);
	if (conf->block_nr != 0 && len < asksz)
		len += (size_t)snprintf(asked + len, asksz - len,
		    " --blocks %u", conf->block_nr);
	if (conf->block_kib != 0 && len < asksz)
		len += (size_t)snprintf(asked + len, asksz - len,
		    " --block-size %u", conf->block_kib);
	if (len >= asksz)
		return;
	if (conf->buffer_kib != 0)
		snprintf(asked + len, asksz - len, " over %u interfaces (-B %u "
		    "each)", n, multi_share(conf, n));
	else if (strcmp(asked, "asked") == 0)
		snprintf(asked + len, asksz - len, " the default ring of each "
		    "of %u interfaces", n);
	else
		snprintf(asked + len, asksz - len, " of each of %u interfaces",
		    n);
}

/*
 * One line for the rings that differ from what was asked, in the terms
 * the user typed: -B over all interfaces and its share, what each got
 * (rings x blocks x block size, its total, the sum) and each reason.
 * A note of another kind (a ring shrunk for want of memory) is the
 * first interface's, named.
 */
static void
multi_note(struct cap *cap, const struct multi *m, const struct cap_conf *conf)
{
	const struct cap	*c;
	char			 asked[128];
	unsigned long long	 kib, all = 0;
	size_t			 len, sz = sizeof cap->note;
	unsigned		 k, same = 1, why = 0;
	int			 named;

	for (k = 0; k < m->n; k++) {
		c = &m->sub[k];
		if (c->note[0] != '\0' && c->ringwhy[0] == '\0') {
			snprintf(cap->note, sz, "%s: %s", cap->ifname[k],
			    c->note);
			return;
		}
		why += c->ringwhy[0] != '\0';
		all += (unsigned long long)c->nbufs * c->bufsize / 1024;
		same &= c->nbufs == m->sub[0].nbufs && c->nrings ==
		    m->sub[0].nrings && c->bufsize == m->sub[0].bufsize;
	}
	if (why == 0)
		return;
	multi_asked(conf, m->n, asked, sizeof asked);
	len = (size_t)snprintf(cap->note, sz, "ring: %s, using", asked);
	for (k = 0; k < m->n && len < sz; k++) {
		c = &m->sub[k];
		kib = (unsigned long long)c->nbufs * c->bufsize / 1024;
		if (same && k > 0)
			break;
		len += (size_t)snprintf(cap->note + len, sz - len,
		    "%s%s%s %u rings x %u x %u KiB (%llu KiB)%s",
		    k > 0 ? "," : "", same ? "" : " ", same ? "" :
		    cap->ifname[k], c->nrings, c->nbufs / c->nrings,
		    c->bufsize / 1024, kib, same ? " on each" : "");
	}
	if (len < sz)
		len += (size_t)snprintf(cap->note + len, sz - len,
		    ", %llu KiB in all:", all);
	for (k = 0, why = 0; k < m->n && len < sz; k++) {
		c = &m->sub[k];
		if (c->ringwhy[0] == '\0')
			continue;
		/* The reason names its interface, or is given after it. */
		named = strncmp(c->ringwhy, cap->ifname[k],
		    strlen(cap->ifname[k])) == 0;
		len += (size_t)snprintf(cap->note + len, sz - len, "%s %s%s%s",
		    why++ > 0 ? ";" : "", named ? "" : cap->ifname[k],
		    named ? "" : ": ", c->ringwhy);
	}
}

static int
multi_start(struct cap *cap, char *errbuf)
{
	struct multi	*m = cap->priv;
	unsigned	 k;

	for (k = 0; k < m->n; k++)
		if (cap_start(&m->sub[k], errbuf) == -1)
			return -1;
	return 0;
}

/* The interface queue q belongs to. */
static unsigned
multi_which(const struct multi *m, unsigned q)
{
	unsigned	k = 0;

	while (k + 1 < m->n && q >= m->q0[k + 1])
		k++;
	return k;
}

/*
 * The block comes back numbered as the whole handle's (queue, ring) and
 * tagged with its interface; pkt() and release() number it back.
 */
static int
multi_next(struct cap *cap, unsigned q, struct cap_block *blk, int ms,
    char *errbuf)
{
	struct multi	*m = cap->priv;
	unsigned	 k = multi_which(m, q), j;
	struct cap	*c = &m->sub[k];
	int64_t		 down = 0, t;
	int		 rc;

	rc = c->ops->next(c, q - m->q0[k], blk, ms, errbuf);
	/* The header's "link down since": the earliest of those down. */
	for (j = 0; j < m->n; j++) {
		t = __atomic_load_n(&m->sub[j].linkdown, __ATOMIC_RELAXED);
		if (t != 0 && (down == 0 || t < down))
			down = t;
	}
	__atomic_store_n(&cap->linkdown, down, __ATOMIC_RELAXED);
	if (rc == 1) {
		blk->queue = q;
		blk->ring += m->r0[k];
		blk->iface = k;
	}
	return rc;
}

static int
multi_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *pkt)
{
	struct multi	*m = cap->priv;
	struct cap	*c = &m->sub[blk->iface];
	int		 rc;

	blk->queue -= m->q0[blk->iface];
	blk->ring -= m->r0[blk->iface];
	rc = c->ops->pkt(c, blk, pkt);
	blk->queue += m->q0[blk->iface];
	blk->ring += m->r0[blk->iface];
	return rc;
}

static void
multi_release(struct cap *cap, struct cap_block *blk)
{
	struct multi	*m = cap->priv;
	struct cap	*c = &m->sub[blk->iface];

	blk->queue -= m->q0[blk->iface];
	blk->ring -= m->r0[blk->iface];
	c->ops->release(c, blk);
	blk->queue += m->q0[blk->iface];
	blk->ring += m->r0[blk->iface];
}

/*
 * Every interface rotates: 0 when one did, else CAP_AGAIN when one is
 * still draining, else CAP_NOTHING.  A second rotation of one that did
 * is harmless, so CAP_AGAIN only comes back when none rotated.
 */
static int
multi_rotate(struct cap *cap, char *errbuf)
{
	struct multi	*m = cap->priv;
	struct cap	*c;
	unsigned	 k;
	int		 rc, done = 0, again = 0;

	if (m->sub[0].ops->rotate == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, CAP_NOROTATE,
		    m->sub[0].ops->name);
		return -1;
	}
	for (k = 0; k < m->n; k++) {
		c = &m->sub[k];
		if ((rc = c->ops->rotate(c, errbuf)) == -1)
			return -1;
		done |= rc == 0;
		again |= rc == CAP_AGAIN;
	}
	if (done)
		return 0;
	return again ? CAP_AGAIN : CAP_NOTHING;
}

/* 1 when progs are the programs a CAP_AGAIN left pending. */
static int
multi_same(const struct multi *m, const struct bpf_program *progs)
{
	unsigned	k;

	for (k = 0; k < m->n; k++)
		if (m->want[k].bf_len != progs[k].bf_len ||
		    memcmp(m->want[k].bf_insns, progs[k].bf_insns,
		    progs[k].bf_len * sizeof *progs[k].bf_insns) != 0)
			return 0;
	return 1;
}

/*
 * progs holds one program per interface (each compiled for its link
 * type).  An interface still draining an older change answers
 * CAP_AGAIN; the caller comes back with the same programs, and only the
 * interfaces that did not take them yet are asked again.
 */
static int
multi_setfilter(struct cap *cap, struct bpf_program *progs, char *errbuf)
{
	struct multi	*m = cap->priv;
	struct cap	*c;
	unsigned	 k;
	int		 rc;

	if (m->pend == 0 || !multi_same(m, progs)) {
		m->pend = (1u << m->n) - 1;
		for (k = 0; k < m->n; k++)
			cap_keep(&m->want[k], &progs[k]);
	}
	for (k = 0; k < m->n; k++) {
		if (!(m->pend & 1u << k))
			continue;
		c = &m->sub[k];
		if ((rc = c->ops->setfilter(c, &progs[k], errbuf)) == -1) {
			m->pend = 0;
			return -1;
		}
		if (rc == 0)
			m->pend &= ~(1u << k);
	}
	return m->pend == 0 ? 0 : CAP_AGAIN;
}

/* The sum is the handle's; each interface's share is kept beside it. */
static int
multi_kstats(struct cap *cap, struct cap_kstats *ks)
{
	struct multi		*m = cap->priv;
	struct cap_kstats	 one;
	unsigned		 k, r;

	memset(ks, 0, sizeof *ks);
	for (k = 0; k < m->n; k++) {
		if (m->sub[k].ops->kstats(&m->sub[k], &one) == -1)
			return -1;
		for (r = m->r0[k]; r < m->r0[k + 1] && r < CAP_MAXRINGS; r++)
			ks->ring_packets[r] = one.ring_packets[r - m->r0[k]];
		ks->packets += one.packets;
		ks->drops += one.drops;
		ks->freezes += one.freezes;
		ks->cut += one.cut;
		ks->if_packets[k] = one.packets;
		ks->if_drops[k] = one.drops;
		ks->if_freezes[k] = one.freezes;
	}
	return 0;
}

static int
multi_buffers(struct cap *cap, struct cap_bufstate *bs, int max)
{
	struct multi	*m = cap->priv;
	struct cap	*c;
	unsigned	 k;
	int		 n = 0, got, i;

	for (k = 0; k < m->n && n < max; k++) {
		c = &m->sub[k];
		if ((got = c->ops->buffers(c, bs + n, max - n)) <= 0)
			continue;
		for (i = n; i < n + got; i++) {
			bs[i].ring += m->r0[k];
			bs[i].iface = k;
		}
		n += got;
	}
	return n;
}

static int
multi_ifdrops(struct cap *cap, uint64_t *drops)
{
	struct multi	*m = cap->priv;
	uint64_t	 one, sum = 0;
	unsigned	 k;
	int		 any = 0;

	for (k = 0; k < m->n; k++) {
		if (m->sub[k].ops->ifdrops == NULL ||
		    m->sub[k].ops->ifdrops(&m->sub[k], &one) == -1)
			continue;
		sum += one;
		any = 1;
	}
	if (!any)
		return -1;
	*drops = sum;
	return 0;
}

static void
multi_close(struct cap *cap)
{
	struct multi	*m = cap->priv;
	unsigned	 k;

	if (m == NULL)
		return;
	for (k = 0; k < m->n; k++) {
		cap_close(&m->sub[k]);
		free(m->want[k].bf_insns);
	}
	free(m);
	cap->priv = NULL;
}
