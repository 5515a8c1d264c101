/*
 * The consumer core of FreeBSD's zero-copy BPF, shared by cap-bpf.c (the
 * real device, or the fake one on Linux) and cap-file.c (the zmodel.c
 * producer), so every -r replay runs the same code a FreeBSD capture
 * does.  Portable C only: no system calls, no allocation.  Facts:
 * sys/net/bpf.h (struct bpf_zbuf_header, bpf_hdr, bpf_xhdr,
 * BPF_WORDALIGN) and sys/net/bpf_zerocopy.c (the generation protocol).
 */
#ifndef ZBTOP_BPFZ_H
#define ZBTOP_BPFZ_H

#include <stddef.h>
#include <stdint.h>

#include "bpfc.h"
#include "cap.h"

#define BPFZ_NBUFS	2
/* What "frac" holds: BIOCSTSTAMP's format. */
enum bpfz_ts {
	BPFZ_TS_MICRO,		/* bpf_hdr, struct timeval: microseconds */
	BPFZ_TS_NANO,		/* bpf_xhdr, BPF_T_NANOTIME: nanoseconds */
	BPFZ_TS_BIN		/* bpf_xhdr, BPF_T_BINTIME: 2^-64 s units */
};

/* The consumer's side of one descriptor. */
struct bpfz {
	uint8_t		*buf[BPFZ_NBUFS];	/* bz_bufa, bz_bufb */
	uint32_t	 datalen;	/* bz_buflen - BPFC_ZHDRLEN */
	enum bpfz_ts	 ts;
	unsigned	 next;		/* buffer handed over next: A first */
	/* Our own BIOCROTZBUF hand-overs, to tell forced from full. */
	int		 rotpend[BPFZ_NBUFS];
	enum cap_reason	 rotwhy[BPFZ_NBUFS];
	enum cap_reason	 why[BPFZ_NBUFS];	/* of the last hand-over */
	/* Accounting. */
	uint64_t	 taken;		/* hand-overs walked */
	uint64_t	 rotations;	/* rotations that moved a buffer */
	uint64_t	 idle;		/* rotations that found nothing */
	uint64_t	 bad;		/* records cut short or lying */
	uint32_t	 last_recv;	/* BIOCGSTATS as last read */
	uint32_t	 last_drop;
};

/* A buffer the user owns, from bpfz_next(). */
struct bpfz_view {
	unsigned	 index;		/* 0: A, 1: B */
	uint32_t	 gen;		/* kernel_gen seen */
	const uint8_t	*data;		/* first record */
	uint32_t	 len;		/* kernel_len, clamped to the data area */
	uint32_t	 off;		/* walk position */
	enum cap_reason	 reason;
};

/* One record read back. */
struct bpfz_rec {
	int64_t		 sec;
	uint32_t	 nsec;
	uint32_t	 caplen;
	uint32_t	 len;
	const uint8_t	*data;
};

void	 bpfz_init(struct bpfz *, void *, void *, size_t, enum bpfz_ts);
int	 bpfz_owned(const struct bpfz *, unsigned);
int	 bpfz_next(struct bpfz *, struct bpfz_view *);
int	 bpfz_rec(struct bpfz *, struct bpfz_view *, struct bpfz_rec *);
/*
 * cap_ops.pkt for both consumers: the next of *left records of v as a
 * packet; 1, or 0 at the end (then *left is 0).
 */
int	 bpfz_pkt(struct bpfz *, struct bpfz_view *, uint32_t *,
	    struct cap_pkt *);
uint32_t bpfz_count(const struct bpfz *, const struct bpfz_view *);
/*
 * The block handed to the engine for v, holding npkts records: its
 * index, bytes, generation (seq), reason and first record; the rest
 * zero, for the caller to set (recheck, another reason or seq).
 */
void	 bpfz_block(const struct bpfz_view *, uint32_t, struct cap_block *);
void	 bpfz_ack(struct bpfz *, const struct bpfz_view *);
int	 bpfz_rotated(struct bpfz *, const void *, enum cap_reason);
void	 bpfz_kstats(struct bpfz *, uint32_t, uint32_t, struct cap_kstats *);
void	 bpfz_kreset(struct bpfz *);
void	 bpfz_bufstate(const struct bpfz *, unsigned, struct cap_bufstate *);

#endif /* ZBTOP_BPFZ_H */
