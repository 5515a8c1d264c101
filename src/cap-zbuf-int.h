/*
 * What the three parts of the zbuf backend share: cap-zbuf.c (sockets,
 * rings, counters), cap-zbuf-steer.c (the fanout group and its flips) and
 * cap-zbuf-walk.c (the consumer side).  Private to those files.
 *
 * With --threads N there are N lanes, each a pair of rings (2l on side 0,
 * 2l + 1 on side 1) with its own consumer thread.  All 2N sockets share
 * one PACKET_FANOUT_CBPF group, side 0's rings joined first, so member
 * side * N + l is lane l's ring on that side; the steering program picks
 * the lane by a hash of the flow and the side every lane currently stores
 * into.  A flip changes the side for every lane at once.
 */
#ifndef ZBTOP_CAP_ZBUF_INT_H
#define ZBTOP_CAP_ZBUF_INT_H

#include <net/if.h>
#include <pcap/pcap.h>
#include <stdint.h>

#include "cap.h"
#include "cap-linux.h"

#define ZBUF_SIDES	2
#define ZBUF_VLANLEN	4		/* PACKET_RESERVE: room for a tag */
/*
 * A block holds one packet of at most its size less this: the block
 * header (BLK_PLUS_PRIV) and the packet's tp_mac (tpacket_rcv: header,
 * sockaddr_ll, reserve, alignment), about 150 bytes.
 */
#define ZBUF_PKT_OVERHEAD 256
/* Where a packet's sockaddr_ll sits after its tpacket3_hdr. */
#define ZBUF_SLLAT	TPACKET_ALIGN(sizeof(struct tpacket3_hdr))

struct tpacket_block_desc;

/* One TPACKET_V3 ring and how far its lane's consumer has got in it. */
struct zbuf_ring {
	int		 fd;
	uint8_t		*map;
	size_t		 maplen;
	/* Written by the lane's consumer; buffers() reads them as hints. */
	uint32_t	 cur;		/* oldest block not given back */
	uint32_t	 taken;		/* packets of cur already handed out */
	uint32_t	 takenoff;	/* offset of the first one not taken */
	int		 recheck;	/* holds packets of an older filter */
	uint8_t		 reason[CAP_MAXBUFS / ZBUF_SIDES];	/* per block */
};

/* A consumer's pair of rings. */
struct zbuf_lane {
	int		 wakefd;
	int		 old;		/* side to drain first, or -1: atomic */
};

struct zbuf {
	struct zbuf_ring	*ring;		/* ZBUF_SIDES * nlanes */
	struct zbuf_lane	*lane;
	unsigned		 nlanes;
	char			 ifname[IF_NAMESIZE];
	int			 dropfd;	/* rx_dropped, or -1 */
	int			 ifindex;
	int			 promisc;
	struct caplinux_how	 how;		/* -Q, loopback, cooked */
	uint32_t		 bsize;		/* bytes per block */
	uint32_t		 minbs;		/* holds the longest packet */
	uint32_t		 bnr;		/* blocks per ring */
	unsigned		 tov;		/* retire timeout, ms */
	unsigned		 active;	/* side the steering picks: atomic */
	int			 running;
	int			 stale;		/* idle side's filter is old */
	int			 fwait;		/* a filter change waits */
	uint64_t		 cut;		/* packets the block cut: atomic */
	struct bpf_program	 prog;		/* the filter, our copy */
};

/* Ring index of lane l's ring on side s. */
#define ZBUF_RING(l, s)	((l) * ZBUF_SIDES + (s))

/* cap-zbuf-steer.c */
int	zbuf_start(struct cap *, char *);
int	zbuf_rotate(struct cap *, char *);
int	zbuf_setfilter(struct cap *, struct bpf_program *, char *);

/* cap-zbuf-walk.c */
int	zbuf_next(struct cap *, unsigned, struct cap_block *, int, char *);
int	zbuf_pkt(struct cap *, struct cap_block *, struct cap_pkt *);
void	zbuf_release(struct cap *, struct cap_block *);
struct tpacket_block_desc *zbuf_bd(const struct zbuf *, unsigned, uint32_t);
uint32_t zbuf_status(const struct tpacket_block_desc *);
uint32_t zbuf_npkts(const struct tpacket_block_desc *);
uint32_t zbuf_storing(struct zbuf *, unsigned, uint32_t *);

#endif /* ZBTOP_CAP_ZBUF_INT_H */
