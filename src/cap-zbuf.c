/*
 * The seed's zero-copy mode on Linux: TPACKET_V3 rings mapped into our
 * memory, handed to the consumer block by block without a copy.  Two rings
 * (two packet sockets) sit in one PACKET_FANOUT_CBPF group whose steering
 * program, "ret #active", sends every packet to one of them; flipping it
 * with PACKET_FANOUT_DATA is our BIOCROTZBUF, and flipping it after
 * attaching a new filter to the idle ring gives an exact filter boundary.
 * The kernel swaps the steering program under RCU and calls
 * synchronize_net() before that setsockopt returns (af_packet.c,
 * __fanout_set_data_bpf), so afterwards nothing is still being written
 * into the ring we steered away from: its half-filled block is stable and
 * can be handed over at once.  That grace period (about 12 ms on a 2-CPU
 * VM) is spent on the consumer's thread: a helper thread was tried and
 * gained nothing, as the new ring's packets wait for the old ring's last
 * block either way.  Never prints, never allocates or makes a syscall
 * per packet.  Kernel facts: net/packet/af_packet.c (tpacket_rcv,
 * prb_open_block, prb_retire_rx_blk_timer_expired, fanout_add).
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
#include "xmalloc.h"

#define ZBUF_NRINGS	2
#define ZBUF_MAXBLK	(CAP_MAXBUFS / ZBUF_NRINGS)
#define ZBUF_SNAPLEN	262144u
#define ZBUF_TOTAL_KIB	32768u
#define ZBUF_BLOCK_KIB	1024u
#define ZBUF_MINBLK	4		/* blocks per ring before -B shrinks */
#define ZBUF_TOV_MS	100u
#define ZBUF_VLANLEN	4		/* PACKET_RESERVE: room for a tag */

/* One TPACKET_V3 ring and how far the consumer has got in it. */
struct zbuf_ring {
	int		 fd;
	uint8_t		*map;
	size_t		 maplen;
	uint32_t	 cur;		/* oldest block not given back */
	uint32_t	 taken;		/* packets of cur already handed out */
	uint32_t	 takenoff;	/* offset of the first one not taken */
	int		 recheck;	/* holds packets of an older filter */
	uint8_t		 reason[ZBUF_MAXBLK];	/* last hand-over, per block */
};

struct zbuf {
	struct zbuf_ring	 ring[ZBUF_NRINGS];
	char			 ifname[IF_NAMESIZE];
	int			 ifindex;
	int			 promisc;
	int			 wakefd;
	uint32_t		 bsize;		/* bytes per block */
	uint32_t		 bnr;		/* blocks per ring */
	unsigned		 tov;		/* retire timeout, ms */
	unsigned		 active;	/* ring the steering picks */
	int			 old;		/* ring to drain first, or -1 */
	int			 running;
	int			 stale;		/* idle ring's filter is old */
	int			 fwait;		/* a filter change waits */
	struct bpf_program	 prog;		/* the filter, our copy */
};

static int	cap_zbuf_open(struct cap *, const struct cap_conf *, char *);
static int	cap_zbuf_start(struct cap *, char *);
static int	cap_zbuf_next(struct cap *, struct cap_block *, int, char *);
static int	cap_zbuf_pkt(struct cap *, struct cap_block *,
		    struct cap_pkt *);
static void	cap_zbuf_release(struct cap *, struct cap_block *);
static int	cap_zbuf_rotate(struct cap *, char *);
static int	cap_zbuf_setfilter(struct cap *, struct bpf_program *, char *);
static int	cap_zbuf_kstats(struct cap *, struct cap_kstats *);
static int	cap_zbuf_buffers(struct cap *, struct cap_bufstate *, int);
static int	cap_zbuf_ifdrops(struct cap *, uint64_t *);
static void	cap_zbuf_close(struct cap *);

static void	cap_zbuf_geometry(const struct cap_conf *, uint32_t *,
		    uint32_t *);
static int	cap_zbuf_rings(struct zbuf *, char *, size_t, char *);
static int	cap_zbuf_mkring(struct zbuf *, struct zbuf_ring *, int *,
		    char *);
static void	cap_zbuf_unring(struct zbuf_ring *);
static int	cap_zbuf_join(struct zbuf *, unsigned, int *, char *);
static int	cap_zbuf_steer(struct zbuf *, unsigned, char *);
static void	cap_zbuf_keep(struct zbuf *, const struct bpf_program *);
static struct tpacket_block_desc *cap_zbuf_bd(const struct zbuf *,
		    const struct zbuf_ring *, uint32_t);
static uint32_t	cap_zbuf_status(const struct tpacket_block_desc *);
static uint32_t	cap_zbuf_npkts(const struct tpacket_block_desc *);
static int	cap_zbuf_take(struct zbuf *, unsigned, int, struct cap_block *);
static void	cap_zbuf_giveback(struct zbuf *, struct zbuf_ring *);
static int	cap_zbuf_drained(struct zbuf *, unsigned);
static int	cap_zbuf_settled(struct zbuf *);
static uint32_t	cap_zbuf_storing(struct zbuf *, unsigned, uint32_t *);
static int	cap_zbuf_flip(struct zbuf *, char *);
static void	cap_zbuf_vlan(const struct tpacket3_hdr *, uint8_t *,
		    struct cap_pkt *);

const struct cap_ops cap_zbuf_ops = {
	.name = "zbuf",
	.open = cap_zbuf_open,
	.start = cap_zbuf_start,
	.next = cap_zbuf_next,
	.pkt = cap_zbuf_pkt,
	.release = cap_zbuf_release,
	.rotate = cap_zbuf_rotate,
	.setfilter = cap_zbuf_setfilter,
	.kstats = cap_zbuf_kstats,
	.buffers = cap_zbuf_buffers,
	.ifdrops = cap_zbuf_ifdrops,
	.close = cap_zbuf_close
};

static int
cap_zbuf_open(struct cap *cap, const struct cap_conf *conf, char *errbuf)
{
	struct zbuf	*z;
	int		 r, v3 = TPACKET_V3, res = ZBUF_VLANLEN, serr;
	unsigned	 snap;

	if (conf->threads > 1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "--threads is not supported yet");
		return -1;
	}
	z = xcalloc(1, sizeof *z);
	z->ring[0].fd = z->ring[1].fd = -1;
	z->old = -1;
	z->wakefd = conf->wakefd;
	z->promisc = conf->promisc;
	cap->priv = z;
	if ((z->ifindex = caplinux_ifindex(conf->iface, errbuf)) == -1)
		goto fail;
	snprintf(z->ifname, sizeof z->ifname, "%s", conf->iface);
	for (r = 0; r < ZBUF_NRINGS; r++) {
		if ((z->ring[r].fd = caplinux_socket(z->ifname, errbuf)) == -1)
			goto fail;
		if (setsockopt(z->ring[r].fd, SOL_PACKET, PACKET_VERSION, &v3,
		    sizeof v3) == -1 || setsockopt(z->ring[r].fd, SOL_PACKET,
		    PACKET_RESERVE, &res, sizeof res) == -1) {
			serr = errno;
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot use TPACKET_V3 on "
			    "%s: %s", z->ifname, strerror(serr));
			goto fail;
		}
	}
	if ((cap->dlt = caplinux_dlt(z->ifname, z->ring[0].fd, errbuf)) == -1)
		goto fail;
	cap_zbuf_geometry(conf, &z->bsize, &z->bnr);
	z->tov = conf->retire_ms != 0 ? conf->retire_ms : ZBUF_TOV_MS;
	if (cap_zbuf_rings(z, cap->note, sizeof cap->note, errbuf) == -1)
		goto fail;

	/* Until setfilter(): everything, cut to the snap length. */
	snap = conf->snaplen != 0 ? conf->snaplen : ZBUF_SNAPLEN;
	z->prog.bf_insns = xcalloc(1, sizeof *z->prog.bf_insns);
	z->prog.bf_insns[0].code = BPF_RET | BPF_K;
	z->prog.bf_insns[0].k = snap;
	z->prog.bf_len = 1;

	cap->snaplen = snap;
	cap->nrings = ZBUF_NRINGS;
	cap->nbufs = ZBUF_NRINGS * z->bnr;
	cap->bufsize = z->bsize;
	cap->retire_ms = z->tov;
	snprintf(cap->geometry, sizeof cap->geometry, "%d rings x %u x %u KiB, "
	    "tov %u ms", ZBUF_NRINGS, z->bnr, z->bsize / 1024, z->tov);
	return 0;
fail:
	cap_zbuf_close(cap);
	return -1;
}

/*
 * -B is the total over both rings.  Blocks are a power of two and at
 * least a page (packet_set_ring wants them page aligned), shrunk until
 * each ring gets ZBUF_MINBLK of them so one block held by the consumer
 * never freezes the ring.
 */
static void
cap_zbuf_geometry(const struct cap_conf *conf, uint32_t *bsize,
    uint32_t *bnr)
{
	uint64_t	perring, bs, nr, pg;

	pg = (uint64_t)sysconf(_SC_PAGESIZE);
	perring = (uint64_t)(conf->buffer_kib != 0 ? conf->buffer_kib :
	    ZBUF_TOTAL_KIB) * 1024 / ZBUF_NRINGS;
	bs = (uint64_t)(conf->block_kib != 0 ? conf->block_kib :
	    ZBUF_BLOCK_KIB) * 1024;
	if (bs > (1u << 30))
		bs = 1u << 30;
	while ((bs & (bs - 1)) != 0)
		bs &= bs - 1;
	if (bs < pg)
		bs = pg;
	if (conf->block_nr != 0)
		nr = conf->block_nr;
	else {
		while (bs > pg && perring / bs < ZBUF_MINBLK)
			bs /= 2;
		/* buffers() reports CAP_MAXBUFS at most: grow the blocks. */
		while (perring / bs > ZBUF_MAXBLK)
			bs *= 2;
		nr = perring / bs;
	}
	if (nr < 2)
		nr = 2;
	if (nr > ZBUF_MAXBLK)
		nr = ZBUF_MAXBLK;
	*bsize = (uint32_t)bs;
	*bnr = (uint32_t)nr;
}

/* Both rings with one geometry; ENOMEM halves it, as libpcap shrinks. */
static int
cap_zbuf_rings(struct zbuf *z, char *note, size_t notesz, char *errbuf)
{
	uint32_t	bs0 = z->bsize, nr0 = z->bnr;
	int		r, shrunk = 0, again;

	do {
		again = 0;
		for (r = 0; r < ZBUF_NRINGS && !again; r++) {
			if (cap_zbuf_mkring(z, &z->ring[r], &shrunk,
			    errbuf) == -1)
				return -1;
			/* Ring 1 shrank below ring 0: redo ring 0. */
			if (r > 0 && z->ring[0].maplen != z->ring[r].maplen) {
				cap_zbuf_unring(&z->ring[0]);
				cap_zbuf_unring(&z->ring[r]);
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
		    z->bsize <= (uint32_t)sysconf(_SC_PAGESIZE))) {
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

/*
 * Join without duplicates: ring 0 binds and joins first (its packets
 * before the join are ours anyway); ring 1 drops everything until it is
 * in the group, where the steering program decides.
 */
static int
cap_zbuf_start(struct cap *cap, char *errbuf)
{
	struct zbuf		*z = cap->priv;
	struct bpf_insn		 ret0;
	struct bpf_program	 none;
	int			 id = 0;

	memset(&ret0, 0, sizeof ret0);
	ret0.code = BPF_RET | BPF_K;
	none.bf_len = 1;
	none.bf_insns = &ret0;
	if (caplinux_attach(z->ring[0].fd, &z->prog, errbuf) == -1 ||
	    caplinux_bind(z->ring[0].fd, z->ifindex, errbuf) == -1 ||
	    cap_zbuf_join(z, 0, &id, errbuf) == -1 ||
	    cap_zbuf_steer(z, 0, errbuf) == -1)
		return -1;
	if (caplinux_attach(z->ring[1].fd, &none, errbuf) == -1 ||
	    caplinux_bind(z->ring[1].fd, z->ifindex, errbuf) == -1 ||
	    cap_zbuf_join(z, 1, &id, errbuf) == -1 ||
	    caplinux_attach(z->ring[1].fd, &z->prog, errbuf) == -1)
		return -1;
	if (z->promisc != 0 &&
	    caplinux_promisc(z->ring[0].fd, z->ifindex, errbuf) == -1)
		return -1;
	z->active = 0;
	z->running = 1;
	return 0;
}

/*
 * PACKET_FANOUT_FLAG_UNIQUEID lets the kernel pick an id nobody in the
 * namespace uses (fanout_find_new_id).  Trying ids ourselves could join
 * another capture's group: fanout_add() accepts any existing group of the
 * same type, protocol and device.  Ring 1 then joins by that id.
 */
static int
cap_zbuf_join(struct zbuf *z, unsigned r, int *id, char *errbuf)
{
	int		arg, serr;
	socklen_t	len = sizeof arg;

	if (r == 0)
		arg = (PACKET_FANOUT_CBPF | PACKET_FANOUT_FLAG_UNIQUEID) << 16;
	else
		arg = *id | PACKET_FANOUT_CBPF << 16;
	if (setsockopt(z->ring[r].fd, SOL_PACKET, PACKET_FANOUT, &arg,
	    sizeof arg) == -1)
		goto fail;
	if (r == 0) {
		if (getsockopt(z->ring[r].fd, SOL_PACKET, PACKET_FANOUT, &arg,
		    &len) == -1)
			goto fail;
		*id = arg & 0xffff;
	}
	return 0;
fail:
	serr = errno;
	snprintf(errbuf, ZB_ERRBUFSZ, "cannot join fanout group on %s: %s",
	    z->ifname, strerror(serr));
	return -1;
}

/*
 * The steering program is "ret #r": fanout_demux_bpf() takes its result
 * modulo the members, indexed in join order, so ring r gets everything.
 */
static int
cap_zbuf_steer(struct zbuf *z, unsigned r, char *errbuf)
{
	struct sock_filter	ret;
	struct sock_fprog	fp;
	int			serr;

	memset(&ret, 0, sizeof ret);
	ret.code = BPF_RET | BPF_K;
	ret.k = r;
	fp.len = 1;
	fp.filter = &ret;
	if (setsockopt(z->ring[0].fd, SOL_PACKET, PACKET_FANOUT_DATA, &fp,
	    sizeof fp) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot steer fanout on %s: %s",
		    z->ifname, strerror(serr));
		return -1;
	}
	return 0;
}

/* Keep our own copy: ring 1 gets it at start, a stale ring at a flip. */
static void
cap_zbuf_keep(struct zbuf *z, const struct bpf_program *prog)
{
	struct bpf_insn	*insns;

	insns = xcalloc(prog->bf_len, sizeof *insns);
	memcpy(insns, prog->bf_insns, prog->bf_len * sizeof *insns);
	free(z->prog.bf_insns);
	z->prog.bf_insns = insns;
	z->prog.bf_len = prog->bf_len;
}

static struct tpacket_block_desc *
cap_zbuf_bd(const struct zbuf *z, const struct zbuf_ring *zr, uint32_t i)
{
	return (struct tpacket_block_desc *)(zr->map + (size_t)i * z->bsize);
}

/*
 * Acquire: prb_close_block() issues smp_wmb() before it stores
 * block_status, so the packets of a retired block are visible after it.
 */
static uint32_t
cap_zbuf_status(const struct tpacket_block_desc *bd)
{
	return __atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
}

/* Live in the block being filled (prb_fill_curr_block): a hint there. */
static uint32_t
cap_zbuf_npkts(const struct tpacket_block_desc *bd)
{
	return __atomic_load_n(&bd->hdr.bh1.num_pkts, __ATOMIC_RELAXED);
}

/*
 * Hand over the oldest block of ring r that still has packets we have not
 * handed out: a retired one, or with "forced" (the ring we steered away
 * from, stable since the flip) the one the kernel still owns.  A block
 * whose packets were all taken early is given back on the way.
 */
static int
cap_zbuf_take(struct zbuf *z, unsigned r, int forced, struct cap_block *blk)
{
	struct zbuf_ring		*zr = &z->ring[r];
	struct tpacket_block_desc	*bd;
	uint32_t			 st, n, off, len, i;

	for (i = 0; i <= z->bnr; i++) {
		bd = cap_zbuf_bd(z, zr, zr->cur);
		st = cap_zbuf_status(bd);
		if ((st & TP_STATUS_USER) == 0 && !forced)
			return 0;
		n = cap_zbuf_npkts(bd);
		if (n <= zr->taken) {
			if ((st & TP_STATUS_USER) == 0)
				return 0;
			cap_zbuf_giveback(z, zr);
			continue;
		}
		off = zr->taken != 0 ? zr->takenoff :
		    bd->hdr.bh1.offset_to_first_pkt;
		len = __atomic_load_n(&bd->hdr.bh1.blk_len, __ATOMIC_RELAXED);
		blk->ring = r;
		blk->index = zr->cur;
		blk->npkts = n - zr->taken;
		blk->bytes = len > off ? len - off : 0;
		blk->seq = bd->hdr.bh1.seq_num;
		blk->partial = (st & TP_STATUS_USER) == 0;
		/* If the retire timer got there first, it was a timeout. */
		if (blk->partial)
			blk->reason = CAP_ROT_FORCED;
		else if (st & TP_STATUS_BLK_TMO)
			blk->reason = CAP_ROT_TIMEOUT;
		else
			blk->reason = CAP_ROT_FULL;
		blk->recheck = zr->recheck;
		blk->pos = (const uint8_t *)bd + off;
		blk->left = off < z->bsize ? blk->npkts : 0;
		blk->skip = zr->taken;
		zr->reason[zr->cur] = (uint8_t)blk->reason;
		return 1;
	}
	return 0;
}

/*
 * A given-back block keeps its old num_pkts until the kernel opens it
 * again (prb_open_block), which on a frozen ring happens only at the next
 * packet; zero it first so it never reads as stored packets.
 */
static void
cap_zbuf_giveback(struct zbuf *z, struct zbuf_ring *zr)
{
	struct tpacket_block_desc	*bd = cap_zbuf_bd(z, zr, zr->cur);

	__atomic_store_n(&bd->hdr.bh1.num_pkts, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&bd->hdr.bh1.block_status, TP_STATUS_KERNEL,
	    __ATOMIC_RELEASE);
	zr->cur = (zr->cur + 1) % z->bnr;
	zr->taken = zr->takenoff = 0;
}

/* 1 when every packet ring r got before the flip has been handed out. */
static int
cap_zbuf_drained(struct zbuf *z, unsigned r)
{
	struct zbuf_ring		*zr = &z->ring[r];
	struct tpacket_block_desc	*bd;
	uint32_t			 i;

	for (i = 0; i <= z->bnr; i++) {
		bd = cap_zbuf_bd(z, zr, zr->cur);
		if (cap_zbuf_npkts(bd) > zr->taken)
			return 0;
		if ((cap_zbuf_status(bd) & TP_STATUS_USER) == 0)
			return 1;
		cap_zbuf_giveback(z, zr);
	}
	return 0;
}

/* Clear the drain mark once the old ring is empty; 0 when it is not. */
static int
cap_zbuf_settled(struct zbuf *z)
{
	if (z->old == -1)
		return 1;
	if (!cap_zbuf_drained(z, (unsigned)z->old))
		return 0;
	z->ring[z->old].recheck = 0;
	z->old = -1;
	return 1;
}

/*
 * The block the kernel stores into: the first one from the consumer's
 * that is not retired (the kernel retires in order, we give back in
 * order).  *pend: its packets not handed out yet.  bnr when all are
 * retired (the ring is frozen).
 */
static uint32_t
cap_zbuf_storing(struct zbuf *z, unsigned r, uint32_t *pend)
{
	struct zbuf_ring		*zr = &z->ring[r];
	struct tpacket_block_desc	*bd;
	uint32_t			 i, k, n;

	for (k = 0, i = zr->cur; k < z->bnr; k++, i = (i + 1) % z->bnr) {
		bd = cap_zbuf_bd(z, zr, i);
		if (cap_zbuf_status(bd) & TP_STATUS_USER)
			continue;
		n = cap_zbuf_npkts(bd);
		if (i == zr->cur)
			n = n > zr->taken ? n - zr->taken : 0;
		*pend = n;
		return i;
	}
	*pend = 0;
	return z->bnr;
}

/* Steer to the other ring; its filter is put right first if stale. */
static int
cap_zbuf_flip(struct zbuf *z, char *errbuf)
{
	unsigned	to = 1 - z->active;

	if (z->stale && caplinux_attach(z->ring[to].fd, &z->prog,
	    errbuf) == -1)
		return -1;
	z->stale = 0;
	if (cap_zbuf_steer(z, to, errbuf) == -1)
		return -1;
	z->old = (int)z->active;
	z->active = to;
	return 0;
}

static int
cap_zbuf_next(struct cap *cap, struct cap_block *blk, int timeout,
    char *errbuf)
{
	struct zbuf	*z = cap->priv;
	struct pollfd	 pfd[ZBUF_NRINGS + 1];
	int		 r, n, serr, tries;

	if (!z->running) {
		snprintf(errbuf, ZB_ERRBUFSZ, "capture is not running");
		return -1;
	}
	for (tries = 0;; tries++) {
		/* Global order: the old ring's packets came first. */
		if (z->old != -1 &&
		    cap_zbuf_take(z, (unsigned)z->old, 1, blk) == 1)
			return 1;
		if (z->old != -1) {
			z->ring[z->old].recheck = 0;
			z->old = -1;
		}
		if (cap_zbuf_take(z, z->active, 0, blk) == 1)
			return 1;
		if (tries > 0)
			return 0;
		/*
		 * The idle ring's last block, all taken early, retires on its
		 * timer; give it back, and wait on the active ring only:
		 * packet_poll() says POLLIN while the block before the
		 * kernel's is still ours.  Errors come on both.
		 */
		(void)cap_zbuf_drained(z, 1 - z->active);
		for (r = 0; r < ZBUF_NRINGS; r++) {
			pfd[r].fd = z->ring[r].fd;
			pfd[r].events = (unsigned)r == z->active ? POLLIN : 0;
		}
		pfd[r].fd = z->wakefd;
		pfd[r].events = POLLIN;
		n = poll(pfd, z->wakefd >= 0 ? r + 1 : r, timeout);
		if (n == -1) {
			serr = errno;
			if (serr == EINTR)
				return 0;
			snprintf(errbuf, ZB_ERRBUFSZ, "poll: %s",
			    strerror(serr));
			return -1;
		}
		if (n == 0)
			return 0;
		for (r = 0; r < ZBUF_NRINGS; r++)
			if ((pfd[r].revents & (POLLERR | POLLHUP | POLLNVAL)) &&
			    caplinux_sockerr(pfd[r].fd, z->ifname,
			    errbuf) == -1)
				return -1;
		if (z->wakefd >= 0 && (pfd[r].revents & POLLIN))
			return 0;
	}
}

static int
cap_zbuf_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *pkt)
{
	struct zbuf			*z = cap->priv;
	const struct tpacket3_hdr	*h;
	const uint8_t			*base;
	size_t				 off;

	if (blk->left == 0)
		return 0;
	base = z->ring[blk->ring].map + (size_t)blk->index * z->bsize;
	off = (size_t)(blk->pos - base);
	if (off + sizeof *h > z->bsize)
		goto bad;
	h = (const struct tpacket3_hdr *)blk->pos;
	/*
	 * prb_fill_vlan_info() clears tp_status when it reserves the slot,
	 * tpacket_rcv() sets TP_STATUS_USER after the copy (but before
	 * tp_len and the rest: only the flip's synchronize_net() makes a
	 * partial block whole).  Checked anyway, cheaply.
	 */
	if (blk->partial && (__atomic_load_n(&h->tp_status, __ATOMIC_ACQUIRE) &
	    TP_STATUS_USER) == 0)
		goto bad;
	if ((size_t)h->tp_mac + h->tp_snaplen > z->bsize - off)
		goto bad;
	pkt->data = blk->pos + h->tp_mac;
	pkt->caplen = h->tp_snaplen;
	pkt->len = h->tp_len;
	pkt->ts.tv_sec = h->tp_sec;
	pkt->ts.tv_nsec = h->tp_nsec;
	if ((h->tp_status & TP_STATUS_VLAN_VALID) && cap->dlt == DLT_EN10MB)
		cap_zbuf_vlan(h, z->ring[blk->ring].map + (size_t)blk->index *
		    z->bsize + off, pkt);
	blk->left--;
	blk->skip++;
	/* Zero only on the last packet of a closed block. */
	if (h->tp_next_offset != 0)
		blk->pos += h->tp_next_offset;
	else
		blk->left = 0;
	return 1;
bad:
	blk->left = 0;
	return 0;
}

/*
 * __netif_receive_skb_core() moves a VLAN tag into skb metadata before
 * any tap sees the frame; put it back as libpcap does, in place, in the
 * room PACKET_RESERVE left in front of the frame (the sockaddr_ll ends
 * before it).  The kernel never writes a finished packet again.
 */
static void
cap_zbuf_vlan(const struct tpacket3_hdr *h, uint8_t *raw,
    struct cap_pkt *pkt)
{
	uint8_t		*p = raw + h->tp_mac - ZBUF_VLANLEN;
	uint16_t	 tpid = 0x8100, tci = (uint16_t)h->hv1.tp_vlan_tci;

	if (h->tp_mac < TPACKET_ALIGN(sizeof *h) + sizeof(struct sockaddr_ll) +
	    ZBUF_VLANLEN || pkt->caplen < 12)
		return;
	if (h->tp_status & TP_STATUS_VLAN_TPID_VALID)
		tpid = h->hv1.tp_vlan_tpid;
	memmove(p, p + ZBUF_VLANLEN, 12);
	p[12] = (uint8_t)(tpid >> 8);
	p[13] = (uint8_t)tpid;
	p[14] = (uint8_t)(tci >> 8);
	p[15] = (uint8_t)tci;
	pkt->data = p;
	pkt->caplen += ZBUF_VLANLEN;
	pkt->len += ZBUF_VLANLEN;
}

/* A partial block stays the kernel's: only remember how far we got. */
static void
cap_zbuf_release(struct cap *cap, struct cap_block *blk)
{
	struct zbuf		*z = cap->priv;
	struct zbuf_ring	*zr = &z->ring[blk->ring];

	if (blk->index != zr->cur)
		return;
	if (blk->partial) {
		zr->taken = blk->skip;
		zr->takenoff = (uint32_t)(blk->pos - zr->map -
		    (size_t)blk->index * z->bsize);
		return;
	}
	cap_zbuf_giveback(z, zr);
}

/*
 * BIOCROTZBUF: nothing to do when the block being filled holds nothing
 * new; not yet while the previous flip's ring still holds packets, or
 * the global order would break.
 */
static int
cap_zbuf_rotate(struct cap *cap, char *errbuf)
{
	struct zbuf	*z = cap->priv;
	uint32_t	 pend;

	if (!z->running)
		return CAP_NOTHING;
	(void)cap_zbuf_storing(z, z->active, &pend);
	if (pend == 0)
		return CAP_NOTHING;
	if (!cap_zbuf_settled(z))
		return CAP_AGAIN;
	/*
	 * A filter change that was told CAP_AGAIN gets the drained state
	 * first, once: rotating every millisecond would otherwise start a
	 * new drain before the caller comes back with the filter.
	 */
	if (z->fwait) {
		z->fwait = 0;
		return CAP_AGAIN;
	}
	return cap_zbuf_flip(z, errbuf);
}

/*
 * An exact boundary: the idle ring (empty) gets the new program, the
 * steering flips to it, and once the flip returns everything the old
 * filter accepted is in the other ring, marked for a recheck until that
 * ring is drained.  Only then does the old ring get the program too.
 */
static int
cap_zbuf_setfilter(struct cap *cap, struct bpf_program *prog, char *errbuf)
{
	struct zbuf	*z = cap->priv;
	char		 ebuf[ZB_ERRBUFSZ];
	unsigned	 idle;

	if (!z->running) {
		if (caplinux_attach(z->ring[0].fd, prog, errbuf) == -1)
			return -1;
		cap_zbuf_keep(z, prog);
		return 0;
	}
	if (!cap_zbuf_settled(z)) {
		z->fwait = 1;
		return CAP_AGAIN;
	}
	z->fwait = 0;
	idle = 1 - z->active;
	if (caplinux_attach(z->ring[idle].fd, prog, errbuf) == -1)
		return -1;
	z->stale = 0;
	if (cap_zbuf_flip(z, errbuf) == -1) {
		(void)caplinux_attach(z->ring[idle].fd, &z->prog, ebuf);
		return -1;
	}
	z->ring[z->old].recheck = 1;
	cap_zbuf_keep(z, prog);
	/* Harmless to fail now: the ring gets nothing until the next flip. */
	if (caplinux_attach(z->ring[z->old].fd, prog, ebuf) == -1)
		z->stale = 1;
	return 0;
}

/* PACKET_STATISTICS zeroes on every read: these are deltas already. */
static int
cap_zbuf_kstats(struct cap *cap, struct cap_kstats *ks)
{
	struct zbuf		*z = cap->priv;
	struct tpacket_stats_v3	 st;
	socklen_t		 len;
	int			 r;

	memset(ks, 0, sizeof *ks);
	for (r = 0; r < ZBUF_NRINGS; r++) {
		len = sizeof st;
		memset(&st, 0, sizeof st);
		if (getsockopt(z->ring[r].fd, SOL_PACKET, PACKET_STATISTICS,
		    &st, &len) == -1)
			return -1;
		ks->packets += st.tp_packets;
		ks->drops += st.tp_drops;
		ks->freezes += st.tp_freeze_q_cnt;
	}
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

	for (r = 0; r < ZBUF_NRINGS && z->ring[r].map != NULL; r++) {
		kb = cap_zbuf_storing(z, r, &pend);
		for (i = 0; i < z->bnr && n < max; i++) {
			bd = cap_zbuf_bd(z, &z->ring[r], i);
			s = &bs[n++];
			s->ring = r;
			s->index = i;
			s->size = z->bsize;
			s->seq = bd->hdr.bh1.seq_num;
			s->reason = z->ring[r].reason[i];
			s->active = r == z->active;
			if (cap_zbuf_status(bd) & TP_STATUS_USER)
				s->owner = CAP_OWN_USER;
			else if (i == kb)
				s->owner = CAP_OWN_KERNEL;
			else
				s->owner = CAP_OWN_FREE;
			s->pkts = s->owner == CAP_OWN_FREE ? 0 :
			    cap_zbuf_npkts(bd);
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

	return caplinux_ifdrops(z->ifname, drops);
}

static void
cap_zbuf_close(struct cap *cap)
{
	struct zbuf	*z = cap->priv;
	int		 r;

	if (z == NULL)
		return;
	for (r = 0; r < ZBUF_NRINGS; r++) {
		if (z->ring[r].map != NULL)
			munmap(z->ring[r].map, z->ring[r].maplen);
		if (z->ring[r].fd != -1)
			close(z->ring[r].fd);
	}
	free(z->prog.bf_insns);
	free(z);
	cap->priv = NULL;
}
