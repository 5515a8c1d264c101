/*
 * The seed's zero-copy mode on Linux: TPACKET_V3 rings mapped into our
 * memory, handed to the consumer block by block without a copy.  Two rings
 * per lane (one lane per --threads consumer), all in one fanout group
 * whose steering program is our BIOCROTZBUF (cap-zbuf-steer.c); the
 * consumer side is cap-zbuf-walk.c.  This file makes the sockets and rings
 * and reads their state and counters.
 */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/filter.h>
#include <linux/if_packet.h>

#include <errno.h>
#include <net/if.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "cap-linux.h"
#include "cap-zbuf-int.h"
#include "xmalloc.h"

#define ZBUF_SNAPLEN	262144u
#define ZBUF_TOTAL_KIB	32768u
#define ZBUF_BLOCK_KIB	1024u
#define ZBUF_MINBLK	4		/* blocks per ring before -B shrinks */
#define ZBUF_TOV_MS	100u

static int	cap_zbuf_open(struct cap *, const struct cap_conf *, char *);
static int	cap_zbuf_kstats(struct cap *, struct cap_kstats *);
static int	cap_zbuf_buffers(struct cap *, struct cap_bufstate *, int);
static int	cap_zbuf_ifdrops(struct cap *, uint64_t *);
static void	cap_zbuf_close(struct cap *);
static struct zbuf *cap_zbuf_new(const struct cap_conf *);

static uint64_t	cap_zbuf_blocksize(const struct cap_conf *, uint64_t,
		    uint64_t);
static void	cap_zbuf_geometry(const struct cap_conf *, unsigned,
		    uint32_t, const char *, uint32_t, uint32_t *, uint32_t *,
		    char *, size_t);
static void	cap_zbuf_asked(const struct cap_conf *, char *, size_t);
static void	cap_zbuf_publish(struct cap *, struct zbuf *, unsigned,
		    unsigned);
static int	cap_zbuf_sockets(struct zbuf *, char *);
static int	cap_zbuf_rings(struct zbuf *, char *, size_t, char *);
static int	cap_zbuf_mkring(struct zbuf *, struct zbuf_ring *, int *,
		    char *);
static void	cap_zbuf_unring(struct zbuf_ring *);

const struct cap_ops cap_zbuf_ops = {
	.name = "zbuf",
	.open = cap_zbuf_open,
	.start = zbuf_start,
	.next = zbuf_next,
	.pkt = zbuf_pkt,
	.release = zbuf_release,
	.rotate = zbuf_rotate,
	.setfilter = zbuf_setfilter,
	.kstats = cap_zbuf_kstats,
	.buffers = cap_zbuf_buffers,
	.ifdrops = cap_zbuf_ifdrops,
	.close = cap_zbuf_close
};

/*
 * The capture's state before any socket: one lane per consumer thread
 * (conf->threads, at most CAP_MAXQ), ZBUF_SIDES rings per lane, no
 * descriptor open yet.
 */
static struct zbuf *
cap_zbuf_new(const struct cap_conf *conf)
{
	struct zbuf	*z;
	unsigned	 r, nr;

	z = xcalloc(1, sizeof *z);
	z->dropfd = -1;
	z->nlanes = conf->threads > 1 ? conf->threads : 1;
	if (z->nlanes > CAP_MAXQ)
		z->nlanes = CAP_MAXQ;
	nr = ZBUF_SIDES * z->nlanes;
	z->ring = xcalloc(nr, sizeof *z->ring);
	z->lane = xcalloc(z->nlanes, sizeof *z->lane);
	for (r = 0; r < nr; r++)
		z->ring[r].fd = -1;
	for (r = 0; r < z->nlanes; r++) {
		z->lane[r].old = -1;
		z->lane[r].wakefd = conf->wakefd[r];
	}
	z->promisc = conf->promisc;
	return z;
}

static int
cap_zbuf_open(struct cap *cap, const struct cap_conf *conf, char *errbuf)
{
	struct zbuf	*z;
	unsigned	 snap, nr;
	uint32_t	 maxpkt, bsize, bnr;
	char		 why[ZB_ERRBUFSZ / 2], asked[64];

	z = cap_zbuf_new(conf);
	nr = ZBUF_SIDES * z->nlanes;
	cap->priv = z;
	if ((z->ifindex = caplinux_ifindex(conf->iface, errbuf)) == -1)
		goto fail;
	snprintf(z->ifname, sizeof z->ifname, "%s", conf->iface);
	if (cap_zbuf_sockets(z, errbuf) == -1)
		goto fail;
	if ((cap->dlt = caplinux_dlt(z->ifname, z->ring[0].fd, errbuf)) == -1)
		goto fail;
	if (caplinux_how(z->ring[0].fd, conf, &z->how, errbuf) == -1)
		goto fail;
	/* A block must hold the longest packet the snap length keeps. */
	snap = conf->snaplen != 0 ? conf->snaplen : ZBUF_SNAPLEN;
	maxpkt = caplinux_maxpkt(z->ifindex);
	z->minbs = (snap < maxpkt ? snap : maxpkt) + ZBUF_PKT_OVERHEAD;
	cap_zbuf_geometry(conf, nr, z->minbs, z->ifname, maxpkt, &z->bsize,
	    &z->bnr, why, sizeof why);
	if (why[0] != '\0') {
		cap_zbuf_asked(conf, asked, sizeof asked);
		snprintf(cap->note, sizeof cap->note, "ring: asked %s, using "
		    "%u rings x %u x %u KiB (%llu KiB): %s", asked, nr, z->bnr,
		    z->bsize / 1024, (unsigned long long)nr * z->bnr *
		    z->bsize / 1024, why);
	}
	snprintf(cap->ringwhy, sizeof cap->ringwhy, "%s", why);
	bsize = z->bsize;
	bnr = z->bnr;
	z->tov = conf->retire_ms != 0 ? conf->retire_ms : ZBUF_TOV_MS;
	if (cap_zbuf_rings(z, cap->note, sizeof cap->note, errbuf) == -1)
		goto fail;
	/* Shrunk for want of memory: the note says that instead. */
	if (z->bsize != bsize || z->bnr != bnr)
		cap->ringwhy[0] = '\0';
	cap_zbuf_publish(cap, z, snap, nr);
	return 0;
fail:
	cap_zbuf_close(cap);
	return -1;
}

/*
 * The open capture's figures into cap, and a first filter program that
 * keeps every packet cut to snap bytes (until setfilter()); nr rings.
 */
static void
cap_zbuf_publish(struct cap *cap, struct zbuf *z, unsigned snap, unsigned nr)
{
	/* Until setfilter(): everything, cut to the snap length. */
	z->prog.bf_insns = xcalloc(1, sizeof *z->prog.bf_insns);
	z->prog.bf_insns[0].code = BPF_RET | BPF_K;
	z->prog.bf_insns[0].k = snap;
	z->prog.bf_len = 1;

	cap->snaplen = snap;
	cap->nrings = nr;
	cap->nqueues = z->nlanes;
	cap->nbufs = nr * z->bnr;
	cap->bufsize = z->bsize;
	cap->retire_ms = z->tov;
	snprintf(cap->geometry, sizeof cap->geometry, "%u rings x %u x %u KiB, "
	    "%u thread%s, tov %u ms", nr, z->bnr, z->bsize / 1024, z->nlanes,
	    z->nlanes == 1 ? "" : "s", z->tov);
}

/* One TPACKET_V3 socket per ring, with room for a VLAN tag or SLL2. */
static int
cap_zbuf_sockets(struct zbuf *z, char *errbuf)
{
	unsigned	r;
	int		v3 = TPACKET_V3, res = ZBUF_VLANLEN, serr;

	/* Cooked: room for the SLL2 header the walk builds. */
	if (strcmp(z->ifname, CAPLINUX_ANY) == 0)
		res = CAPLINUX_SLL2LEN;

	for (r = 0; r < ZBUF_SIDES * z->nlanes; r++) {
		if ((z->ring[r].fd = caplinux_socket(z->ifname, errbuf)) == -1)
			return -1;
		if (setsockopt(z->ring[r].fd, SOL_PACKET, PACKET_VERSION, &v3,
		    sizeof v3) == -1 || setsockopt(z->ring[r].fd, SOL_PACKET,
		    PACKET_RESERVE, &res, sizeof res) == -1) {
			serr = errno;
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot use TPACKET_V3 on "
			    "%s: %s", z->ifname, strerror(serr));
			return -1;
		}
	}
	return 0;
}

/*
 * The block size asked for, before the ring's own limits: --block-size,
 * or -B's share of a ring over --blocks, else the default; rounded down
 * to a power of two from a page to 1 GiB.
 */
static uint64_t
cap_zbuf_blocksize(const struct cap_conf *conf, uint64_t perring,
    uint64_t pg)
{
	uint64_t	bs;

	if (conf->block_kib != 0)
		bs = (uint64_t)conf->block_kib * 1024;
	else if (conf->block_nr != 0)
		bs = perring / conf->block_nr;
	else
		bs = (uint64_t)ZBUF_BLOCK_KIB * 1024;
	if (bs > (1u << 30))
		bs = 1u << 30;
	while ((bs & (bs - 1)) != 0)
		bs &= bs - 1;
	if (bs < pg)
		bs = pg;
	return bs;
}

/*
 * -B is the total over all rings.  Blocks are a power of two and at
 * least a page (packet_set_ring wants them page aligned), shrunk until
 * each ring gets ZBUF_MINBLK of them so one block held by the consumer
 * never freezes the ring, but never below minbs (then 2 when raised):
 * tpacket_rcv() cuts a packet longer than a block to fit, unreported.
 * --blocks alone shares -B into that many blocks.  Whatever differs
 * from what was asked is said in why (whysz bytes, "" when nothing
 * does), after the interface name ifname and its longest packet maxpkt.
 */
static void
cap_zbuf_geometry(const struct cap_conf *conf, unsigned nrings,
    uint32_t minbs, const char *ifname, uint32_t maxpkt, uint32_t *bsize,
    uint32_t *bnr, char *why, size_t whysz)
{
	uint64_t	perring, bs, nr, pg, maxblk, total;
	/* Several -i share the CAP_MAXBUFS buffers buffers() reports. */
	unsigned	allrings = nrings * (conf->share > 1 ? conf->share : 1);

	maxblk = CAP_MAXBUFS / allrings;

	why[0] = '\0';
	pg = (uint64_t)sysconf(_SC_PAGESIZE);
	perring = (uint64_t)(conf->buffer_kib != 0 ? conf->buffer_kib :
	    ZBUF_TOTAL_KIB) * 1024 / nrings;
	bs = cap_zbuf_blocksize(conf, perring, pg);
	if (conf->block_nr != 0)
		nr = conf->block_nr;
	else {
		while (bs > pg && perring / bs < ZBUF_MINBLK)
			bs /= 2;
		if (conf->block_kib != 0 && bs < conf->block_kib * 1024ull)
			snprintf(why, whysz, "-B over %u rings leaves %llu KiB "
			    "a ring, and a ring needs %u blocks", nrings,
			    (unsigned long long)perring / 1024, ZBUF_MINBLK);
		/* buffers() reports CAP_MAXBUFS at most: grow the blocks. */
		while (perring / bs > maxblk)
			bs *= 2;
		nr = perring / bs;
	}
	/* Never below minbs: the kernel would cut packets silently. */
	if (bs < minbs) {
		while (bs < minbs)
			bs *= 2;
		if (conf->block_nr == 0)
			nr = perring / bs;
		snprintf(why, whysz, "%s passes packets of up to %u bytes "
		    "(GSO/GRO) and a block must hold one", ifname, maxpkt);
	}
	if (nr < 2)
		nr = 2;
	if (nr > maxblk) {
		nr = maxblk;
		snprintf(why, whysz, "at most %llu blocks a ring over %u "
		    "rings", (unsigned long long)maxblk, allrings);
	}
	total = nrings * nr * bs;
	if (why[0] == '\0' && ((conf->block_kib != 0 &&
	    bs != conf->block_kib * 1024ull) || (conf->buffer_kib != 0 &&
	    total != conf->buffer_kib * 1024ull)))
		snprintf(why, whysz, "blocks are a power of two of at least "
		    "%llu KiB, whole blocks a ring", (unsigned long long)pg /
		    1024);
	*bsize = (uint32_t)bs;
	*bnr = (uint32_t)nr;
}

/* What the user asked of the ring, in options (asksz bytes). */
static void
cap_zbuf_asked(const struct cap_conf *conf, char *asked, size_t asksz)
{
	snprintf(asked, asksz, "-B %u", conf->buffer_kib != 0 ?
	    conf->buffer_kib : ZBUF_TOTAL_KIB);
	if (conf->block_nr != 0)
		snprintf(asked + strlen(asked), asksz - strlen(asked),
		    " --blocks %u", conf->block_nr);
	if (conf->block_kib != 0)
		snprintf(asked + strlen(asked), asksz - strlen(asked),
		    " --block-size %u", conf->block_kib);
}

/* All rings with one geometry; ENOMEM halves it, as libpcap shrinks. */
static int
cap_zbuf_rings(struct zbuf *z, char *note, size_t notesz, char *errbuf)
{
	uint32_t	bs0 = z->bsize, nr0 = z->bnr;
	unsigned	r, k;
	int		shrunk = 0, again;

	do {
		again = 0;
		for (r = 0; r < ZBUF_SIDES * z->nlanes && !again; r++) {
			if (cap_zbuf_mkring(z, &z->ring[r], &shrunk,
			    errbuf) == -1)
				return -1;
			/* This ring shrank below the first: redo them all. */
			if (r > 0 && z->ring[0].maplen != z->ring[r].maplen) {
				for (k = 0; k <= r; k++)
					cap_zbuf_unring(&z->ring[k]);
				again = 1;
			}
		}
	} while (again);
	if (shrunk)
		snprintf(note, notesz, "ring shrunk to %u x %u KiB per ring "
		    "(asked %u x %u KiB): not enough memory", z->bnr,
		    z->bsize / 1024, nr0, bs0 / 1024);
	return 0;
}

static int
cap_zbuf_mkring(struct zbuf *z, struct zbuf_ring *zr, int *shrunk,
    char *errbuf)
{
	struct tpacket_req3	 req;
	void			*map;
	int			 serr;

	for (;;) {
		memset(&req, 0, sizeof req);
		req.tp_block_size = req.tp_frame_size = z->bsize;
		req.tp_block_nr = req.tp_frame_nr = z->bnr;
		req.tp_retire_blk_tov = z->tov;
		if (setsockopt(zr->fd, SOL_PACKET, PACKET_RX_RING, &req,
		    sizeof req) == 0) {
			map = mmap(NULL, (size_t)z->bsize * z->bnr, PROT_READ |
			    PROT_WRITE, MAP_SHARED | MAP_POPULATE, zr->fd, 0);
			if (map != MAP_FAILED) {
				zr->map = map;
				zr->maplen = (size_t)z->bsize * z->bnr;
				return 0;
			}
			serr = errno;
			cap_zbuf_unring(zr);
		} else
			serr = errno;
		if (serr != ENOMEM || (z->bnr <= 2 &&
		    (z->bsize <= (uint32_t)sysconf(_SC_PAGESIZE) ||
		    z->bsize / 2 < z->minbs))) {
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot map ring on %s: %s",
			    z->ifname, strerror(serr));
			return -1;
		}
		if (z->bnr > 2)
			z->bnr /= 2;
		else
			z->bsize /= 2;
		*shrunk = 1;
	}
}

static void
cap_zbuf_unring(struct zbuf_ring *zr)
{
	struct tpacket_req3	req;

	if (zr->map != NULL)
		munmap(zr->map, zr->maplen);
	zr->map = NULL;
	zr->maplen = 0;
	memset(&req, 0, sizeof req);
	(void)setsockopt(zr->fd, SOL_PACKET, PACKET_RX_RING, &req, sizeof req);
}

/* PACKET_STATISTICS zeroes on every read: these are deltas already. */
static int
cap_zbuf_kstats(struct cap *cap, struct cap_kstats *ks)
{
	struct zbuf	*z = cap->priv;
	uint64_t	 was;
	unsigned	 r;

	memset(ks, 0, sizeof *ks);
	for (r = 0; r < ZBUF_SIDES * z->nlanes; r++) {
		was = ks->packets;
		if (caplinux_kstats(z->ring[r].fd, ks) == -1)
			return -1;
		if (r < CAP_MAXRINGS)
			ks->ring_packets[r] = ks->packets - was;
	}
	ks->cut = __atomic_exchange_n(&z->cut, 0, __ATOMIC_RELAXED);
	return 0;
}

static int
cap_zbuf_buffers(struct cap *cap, struct cap_bufstate *bs, int max)
{
	struct zbuf			*z = cap->priv;
	struct tpacket_block_desc	*bd;
	struct cap_bufstate		*s;
	uint32_t			 i, kb, pend;
	unsigned			 r;
	int				 n = 0;

	for (r = 0; r < ZBUF_SIDES * z->nlanes && z->ring[r].map != NULL;
	    r++) {
		kb = zbuf_storing(z, r, &pend);
		for (i = 0; i < z->bnr && n < max; i++) {
			bd = zbuf_bd(z, r, i);
			s = &bs[n++];
			s->ring = r;
			s->index = i;
			s->size = z->bsize;
			s->seq = bd->hdr.bh1.seq_num;
			s->reason = __atomic_load_n(&z->ring[r].reason[i],
			    __ATOMIC_RELAXED);
			s->active = r % ZBUF_SIDES == z->active;
			s->name = NULL;
			if (zbuf_status(bd) & TP_STATUS_USER)
				s->owner = CAP_OWN_USER;
			else if (i == kb)
				s->owner = CAP_OWN_KERNEL;
			else
				s->owner = CAP_OWN_FREE;
			s->pkts = s->owner == CAP_OWN_FREE ? 0 :
			    zbuf_npkts(bd);
			s->used = s->pkts == 0 ? 0 : __atomic_load_n(
			    &bd->hdr.bh1.blk_len, __ATOMIC_RELAXED);
		}
	}
	return n;
}

static int
cap_zbuf_ifdrops(struct cap *cap, uint64_t *drops)
{
	struct zbuf	*z = cap->priv;

	return caplinux_ifdrops(z->ifname, &z->dropfd, drops);
}

static void
cap_zbuf_close(struct cap *cap)
{
	struct zbuf	*z = cap->priv;
	unsigned	 r;

	if (z == NULL)
		return;
	for (r = 0; r < ZBUF_SIDES * z->nlanes; r++) {
		if (z->ring[r].map != NULL)
			munmap(z->ring[r].map, z->ring[r].maplen);
		if (z->ring[r].fd != -1)
			close(z->ring[r].fd);
	}
	if (z->dropfd != -1)
		close(z->dropfd);
	free(z->prog.bf_insns);
	free(z->ring);
	free(z->lane);
	free(z);
	cap->priv = NULL;
}
