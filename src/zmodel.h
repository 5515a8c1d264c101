/*
 * An in-process model of FreeBSD's two-buffer zero-copy BPF: the kernel's
 * side (sys/net/bpf.c catchpacket(), ROTATE_BUFFERS, and the zbuf hooks in
 * sys/net/bpf_zerocopy.c), checked step by step against that code run in
 * user space (../shared/freebsd-traces, tests/unit/test-zbuf-traces.c).
 * The producer functions must be called from one thread at a time; the
 * user's side is bpfz.c, which touches only the shared headers.  No
 * libpcap, no I/O, no locks.
 */
#ifndef ZBTOP_ZMODEL_H
#define ZBTOP_ZMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "bpfc.h"

#define ZMODEL_NBUFS	2
#define ZMODEL_MAXSEC	4500000000LL	/* zmodel_ns() clamps to this */

/* Why a buffer was handed to the user. */
enum zmodel_reason {
	ZMODEL_ROT_NONE,
	ZMODEL_ROT_FULL,	/* catchpacket: the next record did not fit */
	ZMODEL_ROT_TIMEOUT,	/* read timeout expired on a non-empty store */
	ZMODEL_ROT_FORCED	/* BIOCROTZBUF */
};

/* zmodel_put(), zmodel_rotate() and zmodel_flush() results. */
#define ZMODEL_STORED	0	/* put: stored, rotate: rotated */
#define ZMODEL_ROTATED	1	/* put: rotated (full), then stored */
#define ZMODEL_DROPPED	2	/* put: no room and no free buffer */
#define ZMODEL_BLOCKED	3	/* put with nodrop: would have dropped */
#define ZMODEL_EMPTY	4	/* rotate: store buffer empty */
#define ZMODEL_BUSY	5	/* rotate: hold slot not free */
#define ZMODEL_CLEAR	6	/* flush: store buffer emptied */
#define ZMODEL_KEEP	7	/* flush: store buffer handed over, kept */

/* What the last producer call did besides its result (m->ev). */
#define ZMODEL_EV_RECLAIM	0x1	/* acked hold buffer moved to free */
#define ZMODEL_EV_HANDOVER	0x2	/* a drop handed the store buffer over */
#define ZMODEL_EV_WAKEUP	0x4	/* bpf_wakeup(): a put rotated */

/* One buffer: the shared memory plus the kernel's private flags. */
struct zmodel_buf {
	uint8_t			*base;	 /* page-aligned, zmodel_hdr first */
	int			 assigned; /* ZBUF_FLAG_ASSIGNED */
	/* Written before the hand-over, read by the user after it. */
	uint32_t		 pkts;
	uint32_t		 epoch;	 /* filter epoch of its oldest record */
	enum zmodel_reason	 reason;
};

struct zmodel {
	struct zmodel_buf	 buf[ZMODEL_NBUFS];
	size_t			 bufsize;  /* whole buffer, header included */
	uint32_t		 datasize; /* bd_bufsize: room for records */
	uint32_t		 hdrlen;   /* bpf_hdrlen() for the link type */
	/* The kernel's side: bd_sbuf, bd_hbuf, bd_fbuf (-1: none), bd_slen. */
	int			 sbuf;
	int			 hbuf;
	int			 fbuf;
	uint32_t		 slen;
	uint32_t		 hlen;	   /* bd_hlen */
	uint32_t		 rcount;   /* bd_rcount: reset_d() zeroes it */
	uint32_t		 dcount;   /* bd_dcount: likewise */
	unsigned		 ev;	   /* ZMODEL_EV_ of the last call */
	uint32_t		 lastcap;  /* caplen of the last stored record */
	int64_t			 sfirst;   /* ns timestamp of the store's first */
	uint64_t		 npackets; /* accepted by the filter, drops too */
	uint64_t		 ndrops;
	uint64_t		 nfreezes; /* episodes of a busy hold slot */
	int			 frozen;
	int			 ext;	   /* buffers are the caller's */
};

/* A packet offered to the producer. */
struct zmodel_pkt {
	int64_t		 sec;
	uint32_t	 nsec;
	const uint8_t	*data;
	uint32_t	 caplen;	/* bytes at data */
	uint32_t	 len;		/* length on the wire */
	uint32_t	 snap;		/* the filter's return value, > 0 */
	uint32_t	 epoch;		/* filter epoch it passed under */
};

/* A buffer's state for display; owner as in enum cap_owner. */
#define ZMODEL_OWN_FREE		0
#define ZMODEL_OWN_KERNEL	1
#define ZMODEL_OWN_USER		2
struct zmodel_state {
	int			 owner;
	uint32_t		 pkts;
	uint32_t		 used;
	uint32_t		 gen;
	enum zmodel_reason	 reason;
	int			 active;	/* the store buffer */
};

int64_t	 zmodel_ns(int64_t, uint32_t);
int	 zmodel_init(struct zmodel *, size_t, unsigned, uint32_t, char *);
void	 zmodel_attach(struct zmodel *, void *, void *, size_t, unsigned);
void	 zmodel_free(struct zmodel *);

/* Producer ("kernel") side. */
int	 zmodel_reclaim(struct zmodel *);
int	 zmodel_put(struct zmodel *, const struct zmodel_pkt *, int);
int	 zmodel_rotate(struct zmodel *, enum zmodel_reason);
int	 zmodel_flush(struct zmodel *);
int	 zmodel_ready(struct zmodel *, int);
void	 zmodel_state(struct zmodel *, unsigned, struct zmodel_state *);

#endif /* ZBTOP_ZMODEL_H */
