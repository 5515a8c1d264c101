/*
 * The zbuf block walker (src/cap-zbuf-walk.c) on a TPACKET_V3 ring built
 * in memory, without root or a socket: blocks laid out as tpacket_rcv()
 * stores them (each frame's tp_next_offset set when stored, the last one
 * zeroed when prb_close_block() retires the block; net/packet/af_packet.c).
 * Checks that a block is walked by num_pkts, not by the chain of offsets;
 * that a forced hand-over of the block the kernel still owns hands out
 * what is there and, once the block is retired, the rest without
 * duplicates; VLAN tags put back; and that lying headers (a snap length
 * past the block, tp_mac past the end, offsets out of the block) end the
 * walk instead of reading past the ring.  The ring is malloc'd to its
 * exact size and the lying records sit in its last block, so a read past
 * the checks is an ASan error.  The sockets are -1: poll() ignores them.
 */
#include <sys/socket.h>
#include <linux/if_packet.h>

#include <pcap/pcap.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "cap-zbuf-int.h"

#include "unit.h"

#define BSIZE	4096
#define BNR	4
#define FRAME	60
#define MACOFF	TPACKET_ALIGN(TPACKET3_HDRLEN + ZBUF_VLANLEN)

static struct zbuf	 z;
static struct zbuf_ring	 rings[ZBUF_SIDES];
static struct zbuf_lane	 lane;
static struct cap	 cap;

static struct tpacket_block_desc *
bd_of(unsigned r, uint32_t i)
{
	return (struct tpacket_block_desc *)(rings[r].map + (size_t)i * BSIZE);
}

/* An empty block the kernel has opened. */
static void
blk_open(unsigned r, uint32_t i, uint64_t seq)
{
	struct tpacket_block_desc	*bd = bd_of(r, i);

	memset(bd, 0, BSIZE);
	bd->version = TPACKET_V3;
	bd->hdr.bh1.block_status = TP_STATUS_KERNEL;
	bd->hdr.bh1.offset_to_first_pkt = TPACKET_ALIGN(sizeof *bd);
	bd->hdr.bh1.blk_len = bd->hdr.bh1.offset_to_first_pkt;
	bd->hdr.bh1.seq_num = seq;
}

/* Store frame number no as tpacket_rcv() would; its header, to tweak. */
static struct tpacket3_hdr *
blk_store(unsigned r, uint32_t i, uint32_t no, uint16_t tci)
{
	struct tpacket_block_desc	*bd = bd_of(r, i);
	struct tpacket3_hdr		*h;
	uint8_t				*f;

	h = (struct tpacket3_hdr *)((uint8_t *)bd + bd->hdr.bh1.blk_len);
	memset(h, 0, MACOFF + FRAME);
	h->tp_mac = MACOFF;
	h->tp_net = MACOFF + 14;
	h->tp_snaplen = h->tp_len = FRAME;
	h->tp_sec = no;
	h->tp_status = TP_STATUS_USER;
	if (tci != 0) {
		h->tp_status |= TP_STATUS_VLAN_VALID;
		h->hv1.tp_vlan_tci = tci;
	}
	h->tp_next_offset = TPACKET_ALIGN(MACOFF + FRAME);
	f = (uint8_t *)h + MACOFF;
	memset(f, 0xd0, 6);
	memset(f + 6, 0x50, 6);
	f[12] = 0x08;
	f[13] = 0x00;
	f[14] = (uint8_t)(no >> 24);
	f[15] = (uint8_t)(no >> 16);
	f[16] = (uint8_t)(no >> 8);
	f[17] = (uint8_t)no;
	bd->hdr.bh1.blk_len += h->tp_next_offset;
	bd->hdr.bh1.num_pkts++;
	return h;
}

/* prb_close_block(): the last frame's offset zeroed, the block ours. */
static void
blk_close(unsigned r, uint32_t i, uint32_t why)
{
	struct tpacket_block_desc	*bd = bd_of(r, i);
	struct tpacket3_hdr		*h;
	uint32_t			 k, off = bd->hdr.bh1.offset_to_first_pkt;

	for (k = 0; k + 1 < bd->hdr.bh1.num_pkts; k++) {
		h = (struct tpacket3_hdr *)((uint8_t *)bd + off);
		off += h->tp_next_offset;
	}
	if (bd->hdr.bh1.num_pkts > 0) {
		h = (struct tpacket3_hdr *)((uint8_t *)bd + off);
		h->tp_next_offset = 0;
	}
	bd->hdr.bh1.block_status = TP_STATUS_USER | why;
}

/* The frame number stored after the Ethernet header (and a tag). */
static uint32_t
frame_no(const struct cap_pkt *pkt)
{
	const uint8_t	*p = pkt->data;
	size_t		 o = pkt->caplen == FRAME + ZBUF_VLANLEN ? 18 : 14;

	return (uint32_t)p[o] << 24 | (uint32_t)p[o + 1] << 16 |
	    (uint32_t)p[o + 2] << 8 | p[o + 3];
}

/* Walk a handed-over block; the frame numbers into nos, how many. */
static int
walk(struct cap_block *blk, uint32_t *nos, int max)
{
	struct cap_pkt	pkt;
	int		n = 0;

	while (cap.ops->pkt(&cap, blk, &pkt) == 1) {
		if (n < max)
			nos[n] = frame_no(&pkt);
		n++;
	}
	/* Once at the end it stays there. */
	CHECK(cap.ops->pkt(&cap, blk, &pkt) == 0);
	return n;
}

static int
next(struct cap_block *blk)
{
	char	errbuf[ZB_ERRBUFSZ];

	return zbuf_next(&cap, 0, blk, 0, errbuf);
}

static void
setup(void)
{
	unsigned	r, i;

	for (r = 0; r < ZBUF_SIDES; r++) {
		free(rings[r].map);
		memset(&rings[r], 0, sizeof rings[r]);
		rings[r].fd = -1;
		rings[r].maplen = (size_t)BSIZE * BNR;
		/* Exactly the ring: a read past its end is an ASan error. */
		if ((rings[r].map = malloc(rings[r].maplen)) == NULL)
			abort();
		for (i = 0; i < BNR; i++)
			blk_open(r, i, i + 1);
	}
	lane.wakefd = -1;
	lane.old = -1;
	memset(&z, 0, sizeof z);
	z.ring = rings;
	z.lane = &lane;
	z.nlanes = 1;
	z.bsize = BSIZE;
	z.bnr = BNR;
	z.active = 0;
	z.running = 1;
	memset(&cap, 0, sizeof cap);
	cap.ops = &cap_zbuf_ops;
	cap.priv = &z;
	cap.dlt = DLT_EN10MB;
}

/* A retired block is walked by num_pkts, then given back. */
static void
t_full(void)
{
	struct cap_block	blk;
	uint32_t		nos[8];

	setup();
	CHECK(next(&blk) == 0);		/* nothing retired yet */
	blk_store(0, 0, 1, 0);
	blk_store(0, 0, 2, 0);
	blk_store(0, 0, 3, 0);
	blk_close(0, 0, 0);
	/* The kernel says two: the third record's chain is not followed. */
	bd_of(0, 0)->hdr.bh1.num_pkts = 2;
	CHECK(next(&blk) == 1);
	CHECK(blk.ring == 0 && blk.index == 0 && blk.npkts == 2);
	CHECK(blk.seq == 1 && blk.partial == 0);
	CHECK(blk.reason == CAP_ROT_FULL);
	CHECK(walk(&blk, nos, 8) == 2);
	CHECK(nos[0] == 1 && nos[1] == 2);
	cap.ops->release(&cap, &blk);
	CHECK(bd_of(0, 0)->hdr.bh1.block_status == TP_STATUS_KERNEL);
	CHECK(bd_of(0, 0)->hdr.bh1.num_pkts == 0);
	CHECK(rings[0].cur == 1);
	CHECK(next(&blk) == 0);

	/* Retired by the timer, in the next block. */
	blk_store(0, 1, 4, 0);
	blk_close(0, 1, TP_STATUS_BLK_TMO);
	CHECK(next(&blk) == 1);
	CHECK(blk.index == 1 && blk.reason == CAP_ROT_TIMEOUT);
	CHECK(walk(&blk, nos, 8) == 1 && nos[0] == 4);
	cap.ops->release(&cap, &blk);
	CHECK(rings[0].cur == 2);
}

/*
 * After a flip the old side's open block is handed over as it is; the
 * block then fills and retires, and only the new frames come again.
 */
static void
t_partial(void)
{
	struct cap_block	blk;
	uint32_t		nos[8];

	setup();
	z.active = 0;
	lane.old = 1;
	blk_store(1, 0, 10, 0);
	blk_store(1, 0, 11, 0);
	CHECK(next(&blk) == 1);
	CHECK(blk.ring == 1 && blk.index == 0 && blk.partial == 1);
	CHECK(blk.reason == CAP_ROT_FORCED && blk.npkts == 2);
	CHECK(walk(&blk, nos, 8) == 2 && nos[0] == 10 && nos[1] == 11);
	cap.ops->release(&cap, &blk);
	/* Still the kernel's: not given back, only how far we got. */
	CHECK(bd_of(1, 0)->hdr.bh1.block_status == TP_STATUS_KERNEL);
	CHECK(rings[1].cur == 0 && rings[1].taken == 2);

	/* The kernel stored two more before the grace period, and retired. */
	blk_store(1, 0, 12, 0);
	blk_store(1, 0, 13, 0);
	blk_close(1, 0, TP_STATUS_BLK_TMO);
	CHECK(next(&blk) == 1);
	CHECK(blk.ring == 1 && blk.index == 0 && blk.partial == 0);
	CHECK(blk.npkts == 2 && blk.skip == 2);
	CHECK(walk(&blk, nos, 8) == 2 && nos[0] == 12 && nos[1] == 13);
	cap.ops->release(&cap, &blk);
	CHECK(bd_of(1, 0)->hdr.bh1.block_status == TP_STATUS_KERNEL);
	CHECK(rings[1].cur == 1 && rings[1].taken == 0);

	/* Old side empty: the lane goes over to the active side. */
	blk_store(0, 0, 20, 0);
	blk_close(0, 0, 0);
	CHECK(next(&blk) == 1);
	CHECK(blk.ring == 0 && walk(&blk, nos, 8) == 1 && nos[0] == 20);
	CHECK(lane.old == -1);
	cap.ops->release(&cap, &blk);

	/* A partial hand-over whose frames were all taken, then retired. */
	setup();
	lane.old = 1;
	blk_store(1, 0, 30, 0);
	CHECK(next(&blk) == 1 && blk.partial == 1);
	CHECK(walk(&blk, nos, 8) == 1 && nos[0] == 30);
	cap.ops->release(&cap, &blk);
	blk_close(1, 0, TP_STATUS_BLK_TMO);
	blk_store(1, 1, 31, 0);
	blk_close(1, 1, 0);
	CHECK(next(&blk) == 1);
	CHECK(blk.index == 1 && walk(&blk, nos, 8) == 1 && nos[0] == 31);
	cap.ops->release(&cap, &blk);
	CHECK(bd_of(1, 0)->hdr.bh1.block_status == TP_STATUS_KERNEL);
}

/* A tag the kernel moved into tp_vlan_tci goes back in front. */
static void
t_vlan(void)
{
	struct cap_block	 blk;
	struct cap_pkt		 pkt;
	struct tpacket3_hdr	*h;
	const uint8_t		*p;

	setup();
	blk_store(0, 0, 1, 0x2123);
	h = blk_store(0, 0, 2, 0x0064);
	h->tp_status |= TP_STATUS_VLAN_TPID_VALID;
	h->hv1.tp_vlan_tpid = 0x88a8;
	blk_store(0, 0, 3, 0);
	blk_close(0, 0, 0);
	CHECK(next(&blk) == 1);
	CHECK(cap.ops->pkt(&cap, &blk, &pkt) == 1);
	p = pkt.data;
	CHECK(pkt.caplen == FRAME + 4 && pkt.len == FRAME + 4);
	CHECK(p[0] == 0xd0 && p[5] == 0xd0 && p[6] == 0x50 && p[11] == 0x50);
	CHECK(p[12] == 0x81 && p[13] == 0x00 && p[14] == 0x21 && p[15] == 0x23);
	CHECK(p[16] == 0x08 && p[17] == 0x00 && frame_no(&pkt) == 1);
	CHECK(cap.ops->pkt(&cap, &blk, &pkt) == 1);
	p = pkt.data;
	CHECK(pkt.caplen == FRAME + 4);
	CHECK(p[12] == 0x88 && p[13] == 0xa8 && p[14] == 0x00 && p[15] == 0x64);
	CHECK(frame_no(&pkt) == 2);
	CHECK(cap.ops->pkt(&cap, &blk, &pkt) == 1);
	CHECK(pkt.caplen == FRAME && pkt.data[12] == 0x08 &&
	    frame_no(&pkt) == 3);
	cap.ops->release(&cap, &blk);

	/* Not Ethernet: left alone. */
	cap.dlt = DLT_RAW;
	blk_store(0, 1, 4, 0x0005);
	blk_close(0, 1, 0);
	CHECK(next(&blk) == 1);
	CHECK(cap.ops->pkt(&cap, &blk, &pkt) == 1);
	CHECK(pkt.caplen == FRAME && frame_no(&pkt) == 4);
	cap.ops->release(&cap, &blk);
	cap.dlt = DLT_EN10MB;

	/* No room in front of the frame, or a frame too short: left alone. */
	h = blk_store(0, 2, 5, 0x0005);
	h->tp_mac = TPACKET_ALIGN(sizeof *h);
	h = blk_store(0, 2, 6, 0x0005);
	h->tp_snaplen = 11;
	blk_close(0, 2, 0);
	CHECK(next(&blk) == 1);
	CHECK(cap.ops->pkt(&cap, &blk, &pkt) == 1);
	CHECK(pkt.caplen == FRAME &&
	    pkt.data == (const uint8_t *)bd_of(0, 2) +
	    bd_of(0, 2)->hdr.bh1.offset_to_first_pkt + TPACKET_ALIGN(sizeof *h));
	CHECK(cap.ops->pkt(&cap, &blk, &pkt) == 1);
	CHECK(pkt.caplen == 11);
	cap.ops->release(&cap, &blk);
}

/*
 * One lying record in the ring's last block; the walk hands out the good
 * frames before it and nothing after.  Returns how many came out.
 */
static int
lie(void (*spoil)(struct tpacket3_hdr *, struct tpacket_block_desc *))
{
	struct cap_block	 blk;
	struct tpacket3_hdr	*h;
	uint32_t		 nos[8];
	int			 n;

	setup();
	rings[0].cur = BNR - 1;
	blk_store(0, BNR - 1, 1, 0);
	h = blk_store(0, BNR - 1, 2, 0x0007);
	blk_store(0, BNR - 1, 3, 0);
	blk_close(0, BNR - 1, 0);
	spoil(h, bd_of(0, BNR - 1));
	if (next(&blk) != 1)
		return -1;
	n = walk(&blk, nos, 8);
	if (n > 0)
		CHECK(nos[0] == 1);
	cap.ops->release(&cap, &blk);
	CHECK(rings[0].cur == 0);
	return n;
}

static void
snap_past(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	h->tp_snaplen = BSIZE;
}

static void
snap_huge(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	h->tp_snaplen = 0xffffffff;
}

static void
mac_past(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	h->tp_mac = 0xffff;
}

static void
next_past(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	h->tp_next_offset = BSIZE;
}

static void
next_straddle(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	/* The next header would start 8 bytes before the block's end. */
	h->tp_next_offset = (uint32_t)(BSIZE - 8 -
	    ((uint8_t *)h - (uint8_t *)bd));
}

static void
next_huge(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	h->tp_next_offset = 0xfffffff0;
}

static void
first_past(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	bd->hdr.bh1.offset_to_first_pkt = BSIZE;
}

static void
count_huge(struct tpacket3_hdr *h, struct tpacket_block_desc *bd)
{
	bd->hdr.bh1.num_pkts = 0xffffffff;
}

static void
t_lies(void)
{
	CHECK(lie(snap_past) == 1);
	CHECK(lie(snap_huge) == 1);
	CHECK(lie(mac_past) == 1);
	CHECK(lie(next_past) == 2);
	CHECK(lie(next_straddle) == 2);
	CHECK(lie(next_huge) == 2);
	CHECK(lie(first_past) == 0);
	/* The last frame's offset is 0: the walk ends there anyway. */
	CHECK(lie(count_huge) == 3);
}

int
main(void)
{
	unsigned	r;

	t_full();
	t_partial();
	t_vlan();
	t_lies();
	for (r = 0; r < ZBUF_SIDES; r++)
		free(rings[r].map);
	CHECK_DONE();
}
