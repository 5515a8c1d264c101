/*
 * The consumer side of the zbuf backend: which block of a lane to hand
 * over next, walking its packets in place, giving it back.  Each lane is
 * walked by one thread only.  After a flip a lane first empties the ring
 * it was steered away from, including the block the kernel still owns
 * there (stable: the flip waited for the grace period), so every lane
 * keeps the order in which its packets arrived.  Never prints, never
 * allocates or makes a syscall per packet.  Kernel facts:
 * net/packet/af_packet.c (tpacket_rcv, prb_open_block,
 * prb_retire_rx_blk_timer_expired, packet_poll).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if_packet.h>

#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "cap-linux.h"
#include "cap-zbuf-int.h"

static int	zbuf_take(struct zbuf *, unsigned, int, struct cap_block *);
static void	zbuf_giveback(struct zbuf *, struct zbuf_ring *);
static int	zbuf_drained(struct zbuf *, unsigned);
static int	zbuf_wait(struct cap *, unsigned, unsigned, int, char *);
static void	zbuf_fill(struct zbuf *, const struct cap_block *,
		    const struct tpacket3_hdr *, struct cap_pkt *);
static void	zbuf_vlan(const struct tpacket3_hdr *, uint8_t *,
		    struct cap_pkt *);
static int	zbuf_sll2(const struct tpacket3_hdr *, uint8_t *,
		    struct cap_pkt *);

struct tpacket_block_desc *
zbuf_bd(const struct zbuf *z, unsigned r, uint32_t i)
{
	return (struct tpacket_block_desc *)(z->ring[r].map +
	    (size_t)i * z->bsize);
}

/*
 * Acquire: prb_close_block() issues smp_wmb() before it stores
 * block_status, so the packets of a retired block are visible after it.
 */
uint32_t
zbuf_status(const struct tpacket_block_desc *bd)
{
	return __atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE);
}

/* Live in the block being filled (prb_fill_curr_block): a hint there. */
uint32_t
zbuf_npkts(const struct tpacket_block_desc *bd)
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
zbuf_take(struct zbuf *z, unsigned r, int forced, struct cap_block *blk)
{
	struct zbuf_ring		*zr = &z->ring[r];
	struct tpacket_block_desc	*bd;
	uint32_t			 st, n, off, len, i;

	for (i = 0; i <= z->bnr; i++) {
		bd = zbuf_bd(z, r, zr->cur);
		st = zbuf_status(bd);
		if ((st & TP_STATUS_USER) == 0 && !forced)
			return 0;
		n = zbuf_npkts(bd);
		if (n <= zr->taken) {
			if ((st & TP_STATUS_USER) == 0)
				return 0;
			zbuf_giveback(z, zr);
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
		blk->recheck = zr->recheck ? &z->prog : NULL;
		blk->pos = (const uint8_t *)bd + off;
		blk->left = off < z->bsize ? blk->npkts : 0;
		blk->skip = zr->taken;
		__atomic_store_n(&zr->reason[zr->cur], (uint8_t)blk->reason,
		    __ATOMIC_RELAXED);
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
zbuf_giveback(struct zbuf *z, struct zbuf_ring *zr)
{
	struct tpacket_block_desc	*bd;

	bd = (struct tpacket_block_desc *)(zr->map + (size_t)zr->cur *
	    z->bsize);
	__atomic_store_n(&bd->hdr.bh1.num_pkts, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&bd->hdr.bh1.block_status, TP_STATUS_KERNEL,
	    __ATOMIC_RELEASE);
	__atomic_store_n(&zr->cur, (zr->cur + 1) % z->bnr, __ATOMIC_RELAXED);
	__atomic_store_n(&zr->taken, 0, __ATOMIC_RELAXED);
	zr->takenoff = 0;
}

/* 1 when every packet ring r got before the flip has been handed out. */
static int
zbuf_drained(struct zbuf *z, unsigned r)
{
	struct zbuf_ring		*zr = &z->ring[r];
	struct tpacket_block_desc	*bd;
	uint32_t			 i;

	for (i = 0; i <= z->bnr; i++) {
		bd = zbuf_bd(z, r, zr->cur);
		if (zbuf_npkts(bd) > zr->taken)
			return 0;
		if ((zbuf_status(bd) & TP_STATUS_USER) == 0)
			return 1;
		zbuf_giveback(z, zr);
	}
	return 0;
}

/*
 * The block the kernel stores into: the first one from the consumer's
 * that is not retired (the kernel retires in order, we give back in
 * order).  *pend: its packets not handed out yet.  bnr when all are
 * retired (the ring is frozen).  Any thread: the consumer's position is
 * read as it moves.
 */
uint32_t
zbuf_storing(struct zbuf *z, unsigned r, uint32_t *pend)
{
	struct zbuf_ring		*zr = &z->ring[r];
	struct tpacket_block_desc	*bd;
	uint32_t			 i, k, n, cur, taken;

	cur = __atomic_load_n(&zr->cur, __ATOMIC_RELAXED);
	taken = __atomic_load_n(&zr->taken, __ATOMIC_RELAXED);
	for (k = 0, i = cur; k < z->bnr; k++, i = (i + 1) % z->bnr) {
		bd = zbuf_bd(z, r, i);
		if (zbuf_status(bd) & TP_STATUS_USER)
			continue;
		n = zbuf_npkts(bd);
		if (i == cur)
			n = n > taken ? n - taken : 0;
		*pend = n;
		return i;
	}
	*pend = 0;
	return z->bnr;
}

/*
 * A flip may happen while this runs (rotate() does not wait for parked
 * consumers): it stores the lane's old side before the new active side,
 * so reading the active side first and then the old one never misses a
 * side to drain.  Only this thread clears the old side, once drained.
 */
int
zbuf_next(struct cap *cap, unsigned q, struct cap_block *blk, int timeout,
    char *errbuf)
{
	struct zbuf		*z = cap->priv;
	struct zbuf_lane	*ln;
	unsigned		 act;
	int			 old, rc, tries;

	if (!z->running || q >= z->nlanes) {
		snprintf(errbuf, ZB_ERRBUFSZ, "capture is not running");
		return -1;
	}
	ln = &z->lane[q];
	blk->queue = q;
	for (tries = 0;; tries++) {
		act = __atomic_load_n(&z->active, __ATOMIC_ACQUIRE);
		old = __atomic_load_n(&ln->old, __ATOMIC_ACQUIRE);
		/* A lane's order: the old side's packets came first. */
		if (old != -1) {
			if (zbuf_take(z, ZBUF_RING(q, (unsigned)old), 1,
			    blk) == 1)
				return 1;
			z->ring[ZBUF_RING(q, (unsigned)old)].recheck = 0;
			__atomic_store_n(&ln->old, -1, __ATOMIC_RELEASE);
		}
		if (zbuf_take(z, ZBUF_RING(q, act), 0, blk) == 1)
			return 1;
		if (tries > 0)
			return 0;
		if (caplinux_downcheck(z->ring[0].fd, z->ifname,
		    &cap->linkdown, errbuf) == -1)
			return -1;
		if ((rc = zbuf_wait(cap, q, act, timeout, errbuf)) != 1)
			return rc;
	}
}

/*
 * The idle ring's last block, all taken early, retires on its timer; give
 * it back, and wait on the active ring only: packet_poll() says POLLIN
 * while the block before the kernel's is still ours.  Errors come on
 * both.  1: look again, 0: timeout or woken, -1: error.
 */
static int
zbuf_wait(struct cap *cap, unsigned q, unsigned act, int timeout,
    char *errbuf)
{
	struct zbuf	*z = cap->priv;
	struct pollfd	 pfd[ZBUF_SIDES + 1];
	unsigned	 s;
	int		 n, serr, wakefd = z->lane[q].wakefd;

	(void)zbuf_drained(z, ZBUF_RING(q, 1 - act));
	for (s = 0; s < ZBUF_SIDES; s++) {
		pfd[s].fd = z->ring[ZBUF_RING(q, s)].fd;
		pfd[s].events = s == act ? POLLIN : 0;
	}
	pfd[s].fd = wakefd;
	pfd[s].events = POLLIN;
	n = poll(pfd, wakefd >= 0 ? s + 1 : s, timeout);
	if (n == -1) {
		serr = errno;
		if (serr == EINTR)
			return 0;
		snprintf(errbuf, ZB_ERRBUFSZ, "poll: %s", strerror(serr));
		return -1;
	}
	if (n == 0)
		return 0;
	for (s = 0; s < ZBUF_SIDES; s++)
		if ((pfd[s].revents & (POLLERR | POLLHUP | POLLNVAL)) &&
		    caplinux_sockerr(pfd[s].fd, z->ifname, &cap->linkdown,
		    errbuf) == -1)
			return -1;
	if (wakefd >= 0 && (pfd[s].revents & POLLIN))
		return 0;
	return 1;
}

/*
 * The packet of the slot at blk->pos, as its tpacket3_hdr describes it
 * (checked by the caller to lie inside the block), into *pkt; counts a
 * packet the kernel cut to fit the block.
 */
static void
zbuf_fill(struct zbuf *z, const struct cap_block *blk,
    const struct tpacket3_hdr *h, struct cap_pkt *pkt)
{
	pkt->data = blk->pos + h->tp_mac;
	pkt->caplen = h->tp_snaplen;
	pkt->len = h->tp_len;
	pkt->ts.tv_sec = h->tp_sec;
	pkt->ts.tv_nsec = h->tp_nsec;
	pkt->vlan = 0;
	/* The sockaddr_ll follows the header (tpacket_rcv). */
	pkt->pkttype = h->tp_mac >= ZBUF_SLLAT + sizeof(struct sockaddr_ll) ?
	    blk->pos[ZBUF_SLLAT + offsetof(struct sockaddr_ll, sll_pkttype)] :
	    CAP_PKTTYPE_NONE;
	/*
	 * tpacket_rcv() cuts what does not fit a block to max_frame_len
	 * without a word; a cut by the filter's snap length ends well
	 * before the block does (open() sized the blocks for that).
	 */
	if (h->tp_snaplen < h->tp_len &&
	    (size_t)h->tp_mac + h->tp_snaplen + ZBUF_PKT_OVERHEAD > z->bsize)
		__atomic_fetch_add(&z->cut, 1, __ATOMIC_RELAXED);
}

int
zbuf_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *pkt)
{
	struct zbuf			*z = cap->priv;
	const struct tpacket3_hdr	*h;
	uint8_t				*base;
	size_t				 off;

	if (blk->left == 0)
		return 0;
	base = (uint8_t *)zbuf_bd(z, blk->ring, blk->index);
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
	zbuf_fill(z, blk, h, pkt);
	/* XXX issue 10: a cooked packet's VLAN tag stays in metadata. */
	if (z->how.cooked) {
		if (zbuf_sll2(h, base + off, pkt) == -1)
			goto bad;
	} else if ((h->tp_status & TP_STATUS_VLAN_VALID) &&
	    cap->dlt == DLT_EN10MB)
		zbuf_vlan(h, base + off, pkt);
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
zbuf_vlan(const struct tpacket3_hdr *h, uint8_t *raw, struct cap_pkt *pkt)
{
	uint8_t		*p = raw + h->tp_mac - ZBUF_VLANLEN;
	uint16_t	 tci = (uint16_t)h->hv1.tp_vlan_tci;

	if (h->tp_mac < TPACKET_ALIGN(sizeof *h) + sizeof(struct sockaddr_ll) +
	    ZBUF_VLANLEN || pkt->caplen < 12)
		return;
	memmove(p, p + ZBUF_VLANLEN, 12);
	caplinux_vlan_put(p, h->tp_status, (uint16_t)h->hv1.tp_vlan_tpid,
	    tci);
	pkt->data = p;
	pkt->caplen += ZBUF_VLANLEN;
	pkt->len += ZBUF_VLANLEN;
	pkt->vlan = CAP_VLAN_PUT | tci;
}

/*
 * A cooked (SOCK_DGRAM) socket stores the packet from its network header
 * on, and the sockaddr_ll after the tpacket3_hdr (tpacket_rcv); build
 * the SLL2 header from it in the room PACKET_RESERVE left in front.  -1
 * when there is none.
 */
static int
zbuf_sll2(const struct tpacket3_hdr *h, uint8_t *raw, struct cap_pkt *pkt)
{
	struct sockaddr_ll	 sll;
	size_t			 sllat = ZBUF_SLLAT;
	uint8_t			*p;

	if (h->tp_mac < sllat + sizeof sll + CAPLINUX_SLL2LEN)
		return -1;
	memcpy(&sll, raw + sllat, sizeof sll);
	p = raw + h->tp_mac - CAPLINUX_SLL2LEN;
	caplinux_sll2(p, &sll);
	pkt->data = p;
	pkt->caplen += CAPLINUX_SLL2LEN;
	pkt->len += CAPLINUX_SLL2LEN;
	return 0;
}

/* A partial block stays the kernel's: only remember how far we got. */
void
zbuf_release(struct cap *cap, struct cap_block *blk)
{
	struct zbuf		*z = cap->priv;
	struct zbuf_ring	*zr = &z->ring[blk->ring];

	if (blk->index != zr->cur)
		return;
	if (blk->partial) {
		zr->takenoff = (uint32_t)(blk->pos - zr->map -
		    (size_t)blk->index * z->bsize);
		__atomic_store_n(&zr->taken, blk->skip, __ATOMIC_RELAXED);
		return;
	}
	zbuf_giveback(z, zr);
}
