/*
 * The FreeBSD BPF ABI that cap-bpf.c speaks, under zbtop's own names so
 * that the same code compiles on Linux (against the fake device in
 * bpfsys-fake.c) and on FreeBSD (against the kernel).  Values: FreeBSD's
 * sys/net/bpf.h and sys/sys/ioccom.h, amd64 (LP64), as listed in
 * ../shared/freebsd-zbuf.md.  On FreeBSD bpfc-freebsd.c checks every
 * value and layout against <net/bpf.h> and <net/bpfdesc.h> at compile
 * time; nothing here is vendored.
 */
#ifndef ZBTOP_BPFC_H
#define ZBTOP_BPFC_H

#include <stddef.h>
#include <stdint.h>

/* sys/sys/ioccom.h: direction, parameter length, group 'B', number. */
#define BPFC_IOC_VOID	0x20000000UL
#define BPFC_IOC_OUT	0x40000000UL
#define BPFC_IOC_IN	0x80000000UL
#define BPFC_IOC(dir, num, len)	((dir) | ((unsigned long)(len) << 16) | \
	    ((unsigned long)'B' << 8) | (num))

/* struct bpf_zbuf: BIOCSETZBUF's argument and BIOCROTZBUF's answer. */
struct bpfc_zbuf {
	void		*bz_bufa;
	void		*bz_bufb;
	size_t		 bz_buflen;
};

/* struct bpf_stat: BIOCGSTATS, the kernel's counters cut to 32 bits. */
struct bpfc_stat {
	unsigned int	 bs_recv;
	unsigned int	 bs_drop;
};

/* struct bpf_program as the kernel takes it for BIOCSETF. */
struct bpfc_program {
	unsigned int	 bf_len;
	void		*bf_insns;
};

/* struct timeval for BIOCSRTIMEOUT (LP64: two longs). */
struct bpfc_timeval {
	long		 tv_sec;
	long		 tv_usec;
};

/* struct ifreq for BIOCSETIF: only the name is read; 32 bytes. */
#define BPFC_IFNAMSIZ	16
struct bpfc_ifreq {
	char		 name[BPFC_IFNAMSIZ];
	unsigned char	 pad[16];
};

/* struct bpf_zbuf_header: 32 bytes at the front of each zbuf buffer. */
#define BPFC_ZHDRLEN	32
struct bpfc_zhdr {
	uint32_t	 kernel_gen;	/* bumped (release) on hand-over */
	uint32_t	 kernel_len;	/* bytes of records handed over */
	uint32_t	 user_gen;	/* = kernel_gen (release): given back */
	uint32_t	 pad[5];
};

/*
 * The record header, struct bpf_hdr or bpf_xhdr: both are 16 bytes of
 * stamp (a timeval, or struct bpf_ts), then caplen, datalen and hdrlen;
 * only the stamp's second half differs.  Records are only long-aligned:
 * copy the first BPFC_XHDRLEN bytes (SIZEOF_BPF_HDR), never cast.
 */
#define BPFC_XHDRLEN	26
struct bpfc_xhdr {
	int64_t		 sec;
	uint64_t	 frac;		/* us, ns or 2^-64 s: BIOCSTSTAMP */
	uint32_t	 caplen;
	uint32_t	 datalen;	/* length on the wire */
	uint16_t	 hdrlen;	/* header plus bpf_hdrlen() padding */
};

/* BPF_WORDALIGN: records start on a long boundary (8 bytes on LP64). */
#define BPFC_ALIGN(x)	(((x) + (sizeof(long) - 1)) & ~(sizeof(long) - 1))

_Static_assert(sizeof(struct bpfc_zhdr) == BPFC_ZHDRLEN, "zbuf header");
_Static_assert(offsetof(struct bpfc_xhdr, hdrlen) + 2 == BPFC_XHDRLEN,
    "bpf_xhdr layout");

#define BPFC_BUFMODE_BUFFER	1	/* read(2), the default */
#define BPFC_BUFMODE_ZBUF	2	/* shared buffers */

/*
 * struct xbpf_d (sys/net/bpfdesc.h): one BPF descriptor as sysctl
 * net.bpf.stats lists them for netstat -B (sys/net/bpf.c,
 * bpfstats_fill_xbpf).  Fixed-width fields in the kernel's order; the
 * kernel stamps bd_structsize with its own size, which psock-xbpf.c
 * checks before it trusts a record.
 */
struct bpfc_xbpf_d {
	uint32_t	 structsize;
	uint8_t		 promisc;
	uint8_t		 immediate;
	uint8_t		 pad[6];
	int32_t		 hdrcmplt;
	int32_t		 direction;	/* BPF_D_IN, BPF_D_INOUT, BPF_D_OUT */
	int32_t		 feedback;
	int32_t		 async;
	uint64_t	 rcount;	/* packets seen on the interface */
	uint64_t	 dcount;	/* dropped: no room in the buffers */
	uint64_t	 fcount;	/* accepted by the filter */
	int32_t		 sig;
	int32_t		 slen;		/* bytes in the store buffer */
	int32_t		 hlen;		/* bytes in the hold buffer */
	int32_t		 bufsize;	/* bytes, each of the two buffers */
	int32_t		 pid;		/* last process to use it */
	char		 ifname[BPFC_IFNAMSIZ];
	int32_t		 locked;
	uint64_t	 wcount;
	uint64_t	 wfcount;
	uint64_t	 wdcount;
	uint64_t	 zcopy;
	int32_t		 bufmode;	/* BPFC_BUFMODE_* */
	uint64_t	 spare[4];
};

#define BPFC_D_IN	0	/* sys/net/bpf.h, enum bpf_direction */
#define BPFC_D_INOUT	1
#define BPFC_D_OUT	2

#define BPFC_T_MICROTIME	0x0000	/* bpf_hdr, struct timeval */
#define BPFC_T_NANOTIME		0x0001	/* bpf_xhdr, nanoseconds */
#define BPFC_T_BINTIME		0x0002	/* bpf_xhdr, 2^-64 s */

#define BPFC_BIOC(n, d, t)	BPFC_IOC(d, n, sizeof(t))
#define BPFC_BIOCGBLEN		BPFC_BIOC(102, BPFC_IOC_OUT, unsigned int)
#define BPFC_BIOCSBLEN		BPFC_BIOC(102, BPFC_IOC_IN | BPFC_IOC_OUT, \
				    unsigned int)
#define BPFC_BIOCSETF		BPFC_BIOC(103, BPFC_IOC_IN, struct bpfc_program)
#define BPFC_BIOCFLUSH		BPFC_IOC(BPFC_IOC_VOID, 104, 0)
#define BPFC_BIOCPROMISC	BPFC_IOC(BPFC_IOC_VOID, 105, 0)
#define BPFC_BIOCGDLT		BPFC_BIOC(106, BPFC_IOC_OUT, unsigned int)
#define BPFC_BIOCSETIF		BPFC_BIOC(108, BPFC_IOC_IN, struct bpfc_ifreq)
#define BPFC_BIOCSRTIMEOUT	BPFC_BIOC(109, BPFC_IOC_IN, struct bpfc_timeval)
#define BPFC_BIOCGSTATS		BPFC_BIOC(111, BPFC_IOC_OUT, struct bpfc_stat)
#define BPFC_BIOCIMMEDIATE	BPFC_BIOC(112, BPFC_IOC_IN, unsigned int)
#define BPFC_BIOCGETBUFMODE	BPFC_BIOC(125, BPFC_IOC_OUT, unsigned int)
#define BPFC_BIOCSETBUFMODE	BPFC_BIOC(126, BPFC_IOC_IN, unsigned int)
#define BPFC_BIOCGETZMAX	BPFC_BIOC(127, BPFC_IOC_OUT, size_t)
#define BPFC_BIOCROTZBUF	BPFC_BIOC(128, BPFC_IOC_OUT, struct bpfc_zbuf)
#define BPFC_BIOCSETZBUF	BPFC_BIOC(129, BPFC_IOC_IN, struct bpfc_zbuf)
#define BPFC_BIOCSTSTAMP	BPFC_BIOC(132, BPFC_IOC_IN, unsigned int)

#if defined(__LP64__) || defined(_LP64)
/* The values in ../shared/freebsd-zbuf.md, compiled against FreeBSD. */
_Static_assert(sizeof(struct bpfc_zbuf) == 24, "bpf_zbuf is 24 bytes");
_Static_assert(BPFC_BIOCGETBUFMODE == 0x4004427dUL, "BIOCGETBUFMODE");
_Static_assert(BPFC_BIOCSETBUFMODE == 0x8004427eUL, "BIOCSETBUFMODE");
_Static_assert(BPFC_BIOCGETZMAX == 0x4008427fUL, "BIOCGETZMAX");
_Static_assert(BPFC_BIOCROTZBUF == 0x40184280UL, "BIOCROTZBUF");
_Static_assert(BPFC_BIOCSETZBUF == 0x80184281UL, "BIOCSETZBUF");
_Static_assert(BPFC_BIOCGSTATS == 0x4008426fUL, "BIOCGSTATS");
_Static_assert(BPFC_BIOCSETIF == 0x8020426cUL, "BIOCSETIF");
_Static_assert(BPFC_BIOCIMMEDIATE == 0x80044270UL, "BIOCIMMEDIATE");
_Static_assert(BPFC_BIOCSTSTAMP == 0x80044284UL, "BIOCSTSTAMP");
#endif

#endif /* ZBTOP_BPFC_H */
