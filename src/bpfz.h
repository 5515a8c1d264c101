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

#include "cap.h"

#define BPFZ_NBUFS	2
#define BPFZ_HDRLEN	32	/* sizeof(struct bpf_zbuf_header) */
#define BPFZ_RECHDR	26	/* SIZEOF_BPF_HDR of bpf_hdr and bpf_xhdr, LP64 */
/* BPF_WORDALIGN: records start on a long boundary (8 bytes on LP64). */
#define BPFZ_ALIGN(x)	(((x) + (sizeof(long) - 1)) & ~(sizeof(long) - 1))

/* struct bpf_zbuf_header: 32 bytes at the front of each buffer. */
struct bpfz_hdr {
	uint32_t	 kernel_gen;	/* bumped (release) on hand-over */
	uint32_t	 kernel_len;	/* bytes of records handed over */
	uint32_t	 user_gen;	/* = kernel_gen (release): given back */
	uint32_t	 pad[5];
};

/*
 * The record header, bpf_hdr or bpf_xhdr: both are 16 bytes of stamp,
 * then caplen, datalen and hdrlen; only the stamp's second half differs.
 * Read with memcpy (records are only long-aligned), first 26 bytes only.
 */
struct bpfz_rechdr {
	int64_t		 sec;
	uint64_t	 frac;		/* per enum bpfz_ts */
	uint32_t	 caplen;
	uint32_t	 datalen;	/* length on the wire */
	uint16_t	 hdrlen;	/* record header plus bpf_hdrlen() padding */
};

/* What "frac" holds: BIOCSTSTAMP's format. */
enum bpfz_ts {
	BPFZ_TS_MICRO,		/* bpf_hdr, struct timeval: microseconds */
	BPFZ_TS_NANO,		/* bpf_xhdr, BPF_T_NANOTIME: nanoseconds */
	BPFZ_TS_BIN		/* bpf_xhdr, BPF_T_BINTIME: 2^-64 s units */
};

/* The consumer's side of one descriptor. */
struct bpfz {
	uint8_t		*buf[BPFZ_NBUFS];	/* bz_bufa, bz_bufb */
	uint32_t	 datalen;	/* bz_buflen - BPFZ_HDRLEN */
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
uint32_t bpfz_count(const struct bpfz *, const struct bpfz_view *);
void	 bpfz_ack(struct bpfz *, const struct bpfz_view *);
int	 bpfz_rotated(struct bpfz *, const void *, enum cap_reason);
void	 bpfz_kstats(struct bpfz *, uint32_t, uint32_t, struct cap_kstats *);
void	 bpfz_kreset(struct bpfz *);
void	 bpfz_bufstate(const struct bpfz *, unsigned, struct cap_bufstate *);

#endif /* ZBTOP_BPFZ_H */
