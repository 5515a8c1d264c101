/*
 * Print mode (-P): one summary line per packet on stdout, optionally the
 * detail tree (-V) and hex (-x), in the spirit of tcpdump -n.
 */
#ifndef ZBTOP_PRINT_H
#define ZBTOP_PRINT_H

#include <stdatomic.h>
#include <stdio.h>

#include "tbuf.h"

struct cap_pkt;

/*
 * What the print callback needs; set up before the engine starts, one per
 * consumer thread (lines are whole: one fwrite each, and stdio locks).
 */
struct print_ctx {
	FILE		*out;
	int		 hex;		/* -x */
	int		 tree;		/* -V */
	atomic_int	 failed;	/* errno of a failed write (EPIPE: reader gone) */
	long		 cached_sec;	/* the date prefix below is for it */
	char		 cached[32];
	struct tbuf	 tb;		/* reused for every packet */
};

void	print_init(struct print_ctx *, FILE *, int, int);
void	print_free(struct print_ctx *);
void	print_packet(void *, const struct cap_pkt *, int);
int	print_failed(struct print_ctx *, unsigned);

#endif /* ZBTOP_PRINT_H */
