/*
 * The capture interface: one handle, one ops table per backend.  A handle
 * has one or more queues (--threads); next(), pkt() and release() of a
 * queue are called by that queue's consumer thread only, every other slot
 * by the control thread, and setfilter() only while every consumer is
 * parked between two buffers (engine-lane.c guarantees it).  rotate() and
 * buffers() may run while consumers walk: a backend with more than one
 * queue publishes a flip with atomics.
 * Nothing here knows about terminals; nothing here allocates per packet.
 */
#ifndef ZBTOP_CAP_H
#define ZBTOP_CAP_H

#include <stdint.h>
#include <time.h>

#include "zb.h"

#define CAP_MAXBUFS	1024		/* buffers reported by ops->buffers */
/* Why a backend without ops->rotate cannot rotate (%s: its name). */
#define CAP_NOROTATE	"cannot rotate: the %s backend's one buffer is " \
			"the kernel's socket queue, read packet by packet"
#define CAP_MAXQ	32		/* queues: --threads */
#define CAP_MAXIF	8		/* -i given several times */
#define CAP_IFNAMSZ	16		/* IF_NAMESIZE */
#define CAP_MAXRINGS	(2 * CAP_MAXQ)	/* zbuf: a pair per queue */
#define CAP_NOTHING	1		/* rotate: store buffer empty */
#define CAP_AGAIN	2		/* rotate, setfilter: not now */

struct bpf_program;

/* -Q: packets by direction, libpcap's pcap_direction_t. */
enum cap_dir {
	CAP_DIR_INOUT,		/* both, the default */
	CAP_DIR_IN,		/* every packet but the outgoing ones */
	CAP_DIR_OUT,		/* outgoing packets only */
	CAP_DIR_NONE		/* nothing: -Q out on a loopback interface */
};

/* What the user asked for; zero fields mean "backend default". */
/*
 * A replayed file's speed, x times recorded: 0 (as fast as possible) or
 * from CAP_SPEED_MIN (a second of the file takes a minute) to
 * CAP_SPEED_MAX; --speed and the speed command both keep to it.
 */
#define CAP_SPEED_MIN	(1.0 / 64)
#define CAP_SPEED_MAX	1000

struct cap_conf {
	const char	*iface;		/* -i; the last of several */
	/* Several -i: one ring set each, through cap_multi_ops. */
	const char	*ifaces[CAP_MAXIF];
	unsigned	 nifaces;
	const struct cap_ops *each;	/* several -i: every interface's */
	const char	*label;		/* "eth0,lo" for headers, or NULL */
	const char	*file;		/* -r */
	unsigned	 snaplen;	/* -s; 0: 262144 */
	unsigned	 buffer_kib;	/* -B: total ring size over all rings */
	unsigned	 block_kib;	/* --block-size */
	unsigned	 block_nr;	/* --blocks */
	unsigned	 retire_ms;	/* -T: TPACKET_V3 block retire timeout */
	int		 promisc;	/* 0 with -p */
	enum cap_dir	 dir;		/* -Q */
	double		 speed;		/* file: 0 as fast as possible, 1 recorded */
	unsigned	 threads;	/* --threads: queues (zbuf only) */
	int		 strict;	/* -m given: FreeBSD zbuf, no fallback */
	/* Several -i: interfaces sharing CAP_MAXBUFS buffers (0: one). */
	unsigned	 share;
	int		 wakefd[CAP_MAXQ]; /* readable: next(q) must return 0 */
};

/* Consumer queues the conf asks for: --threads per interface. */
#define CAP_NQ(c)	(((c)->threads > 1 ? (c)->threads : 1) *	\
			    ((c)->nifaces > 1 ? (c)->nifaces : 1))

/* How a buffer reached the user: the seed's rotation reasons. */
enum cap_reason {
	CAP_ROT_NONE,		/* not handed over yet */
	CAP_ROT_FULL,		/* next packet did not fit */
	CAP_ROT_TIMEOUT,	/* retire timer (tp_retire_blk_tov) */
	CAP_ROT_FORCED,		/* rotate: BIOCROTZBUF or the fanout flip */
	CAP_ROT_NREASONS
};

/* Who owns a buffer right now. */
enum cap_owner {
	CAP_OWN_FREE,		/* empty, the kernel may fill it next */
	CAP_OWN_KERNEL,		/* the kernel is storing into it */
	CAP_OWN_USER		/* held by zbtop until released */
};

/* One packet inside a handed-over buffer; valid until release(). */
struct cap_pkt {
	const uint8_t	*data;
	uint32_t	 caplen;
	uint32_t	 len;		/* length on the wire */
	struct timespec	 ts;
	/*
	 * CAP_VLAN_PUT | TCI when the backend put back, at offset 12, the
	 * 4-byte tag the kernel held in metadata (the filter saw the frame
	 * without it); 0 otherwise.  Only live Linux backends set it.
	 */
	uint32_t	 vlan;
	/*
	 * Live Linux: the sockaddr_ll's packet type (PACKET_HOST, ...
	 * PACKET_OUTGOING), else CAP_PKTTYPE_NONE.  The engine sets iface,
	 * the interface's index in cap->ifname.
	 */
	uint8_t		 pkttype;
	uint8_t		 iface;
};

#define CAP_PKTTYPE_NONE 0xff
#define CAP_VLAN_PUT	0x10000
#define CAP_VLAN_OFF	12		/* where the tag goes back */
#define CAP_VLAN_LEN	4

/*
 * A record header that lies (a wire length below the captured length, or
 * over CAP_MAXWIRE, 256 KiB) counts with its captured length, never as
 * gigabytes in rates and talkers; print mode marks it as tcpdump does.
 */
#define CAP_MAXWIRE	262144
#define CAP_PKT_LIES(p)	((p)->len < (p)->caplen || (p)->len > CAP_MAXWIRE)
#define CAP_PKT_LEN(p)	(CAP_PKT_LIES(p) ? (p)->caplen : (p)->len)

/*
 * A buffer handed to the consumer.  A forced hand-over of a block the
 * kernel still owns sets "partial": release() then only remembers how
 * far the consumer got, the block stays the kernel's.
 */
struct cap_block {
	unsigned	 queue;		/* consumer queue it was taken from */
	unsigned	 ring;		/* ring (socket) index */
	unsigned	 index;		/* buffer index inside the ring */
	unsigned	 iface;		/* several -i: cap->ifname index */
	uint32_t	 npkts;		/* packets to walk in this hand-over */
	uint64_t	 bytes;		/* bytes those packets occupy */
	uint64_t	 seq;		/* kernel's sequence number, or ours */
	enum cap_reason	 reason;
	int		 partial;
	/* Stored under an older filter: run this, the newest, over it. */
	const struct bpf_program *recheck;
	/* Walk state, owned by the backend. */
	const uint8_t	*pos;
	uint32_t	 left;
	uint32_t	 skip;
};

/* One buffer's state for the buffers pane and batch snapshots. */
struct cap_bufstate {
	unsigned	 ring;
	unsigned	 iface;		/* several -i: cap->ifname index */
	unsigned	 index;
	enum cap_owner	 owner;
	uint32_t	 size;		/* bytes the buffer holds at most */
	uint32_t	 pkts;		/* packets in it now (live hint) */
	uint32_t	 used;		/* bytes in it now (live hint) */
	uint64_t	 seq;
	enum cap_reason	 reason;	/* how it was last handed over */
	int		 active;	/* ring currently steered to */
	const char	*name;		/* static: the backend's word for the
					   owner ("hold"), NULL: the usual */
};

/* Counter deltas since the last call: PACKET_STATISTICS reads and clears. */
struct cap_kstats {
	uint64_t	 packets;	/* passed the filter, drops included;
					   FreeBSD: bs_recv, every packet */
	uint64_t	 drops;		/* ring or socket queue full */
	uint64_t	 freezes;	/* queue frozen: next block still user's */
	uint64_t	 cut;		/* stored shorter than the snap length
					   asked: the block or slot was small */
	uint64_t	 gaps;		/* file: silent gaps not slept through */
	uint64_t	 gap_s;		/* file: their recorded seconds */
	/* Several -i: packets and drops of each interface (cap->ifname). */
	uint64_t	 if_packets[CAP_MAXIF];
	uint64_t	 if_drops[CAP_MAXIF];
	uint64_t	 if_freezes[CAP_MAXIF];
	/* Each ring's packets (as above): one ring has them all. */
	uint64_t	 ring_packets[CAP_MAXRINGS];
};

struct cap;

struct cap_ops {
	const char	*name;
	/* Make sockets and rings and learn cap->dlt; no packet flows yet. */
	int		(*open)(struct cap *, const struct cap_conf *, char *);
	/* Let packets flow (bind, start the producer); after setfilter. */
	int		(*start)(struct cap *, char *);
	/* Queue q: 1 a buffer is ready, 0 timeout or woken, -1 error. */
	int		(*next)(struct cap *, unsigned, struct cap_block *, int,
			    char *);
	/* 1: a packet, 0: end of buffer. */
	int		(*pkt)(struct cap *, struct cap_block *, struct cap_pkt *);
	void		(*release)(struct cap *, struct cap_block *);
	/*
	 * Forced rotation, the seed's BIOCROTZBUF: 0 rotated, CAP_NOTHING
	 * when the store buffer is empty, CAP_AGAIN when the previous
	 * hand-over is still being drained, -1 error.  NULL: no buffers.
	 */
	int		(*rotate)(struct cap *, char *);
	/*
	 * Attach classic BPF programs, one per interface (cap->nifs, in
	 * cap->ifname's order; their return value is the snap length).
	 * Packets stored before the call come back with blk->recheck set
	 * until the backend knows exactly that none are left.  0 done,
	 * CAP_AGAIN: consume more first and call again, -1 error.
	 */
	int		(*setfilter)(struct cap *, struct bpf_program *, char *);
	int		(*kstats)(struct cap *, struct cap_kstats *);
	int		(*buffers)(struct cap *, struct cap_bufstate *, int);
	/* Interface drops (sysfs rx_dropped); -1 where there are none. */
	int		(*ifdrops)(struct cap *, uint64_t *);
	/*
	 * File replay speed: x times recorded, 0 as fast as possible.  Any
	 * thread: the backend locks.  NULL: live capture has no speed.
	 */
	int		(*speed)(struct cap *, double, char *);
	void		(*close)(struct cap *);
};

/* Handle states; a call in the wrong state returns -1. */
enum cap_state {
	CAP_CLOSED,		/* not opened, or closed */
	CAP_OPEN,		/* sockets and rings exist, nothing flows */
	CAP_RUNNING		/* started: packets arrive */
};

struct cap {
	const struct cap_ops	*ops;
	void			*priv;		/* the backend's own state */
	enum cap_state		 state;
	int			 dlt;		/* DLT_ of the packets: ifdlt[0] */
	/* The interfaces, each with its link type; 1 but for several -i. */
	unsigned		 nifs;
	int			 ifdlt[CAP_MAXIF];
	char			 ifname[CAP_MAXIF][CAP_IFNAMSZ];
	uint8_t			 ringif[CAP_MAXRINGS];	/* ifname index */
	unsigned		 snaplen;
	int			 filesnap;	/* -r: the file's own, or 0 */
	unsigned		 nrings;
	unsigned		 nqueues;	/* consumer threads it wants */
	unsigned		 nbufs;		/* over all rings */
	uint32_t		 bufsize;
	/*
	 * Linux copy mode: a socket's receive queue in bytes as the kernel
	 * counts it (SO_RCVBUF: whole packet buffers), where it drops; 0
	 * when packets are stored, and dropped, in the buffers shown.
	 */
	uint32_t		 qbytes;
	unsigned		 retire_ms;
	int			 eof;		/* file: nothing more to come */
	/* Wall-clock second the link went down, 0 while up (__atomic). */
	int64_t			 linkdown;
	char			 geometry[256];	/* "2 rings x 8 x 1 MiB" */
	/* A shrunk ring, etc.; several -i: one line for them all. */
	char			 note[2 * ZB_ERRBUFSZ];
	/* zbuf: why the ring is not what -B and others asked, or "". */
	char			 ringwhy[ZB_ERRBUFSZ / 2];
};

extern const struct cap_ops cap_zbuf_ops;
extern const struct cap_ops cap_copy_ops;
extern const struct cap_ops cap_file_ops;
extern const struct cap_ops cap_bpf_ops;	/* FreeBSD: cap-bpf.c */
extern const struct cap_ops cap_bpf_copy_ops;
extern const struct cap_ops cap_multi_ops;	/* several -i: cap-multi.c */

const struct cap_ops	*cap_find(const char *);
/* 1 when -i can capture on the interface: what -D lists. */
int	 cap_usable(const char *);
int	 cap_open(struct cap *, const struct cap_ops *, const struct cap_conf *,
	     char *);
int	 cap_start(struct cap *, char *);
void	 cap_close(struct cap *);
void	 cap_keep(struct bpf_program *, const struct bpf_program *);

#endif /* ZBTOP_CAP_H */
