/*
 * Batch mode (-b), as top's: a snapshot of buffers and counters every
 * delay, as text or one JSON object per line (-J), commands read from
 * standard input, and the closing line capbench reads.  Also print mode's
 * loop, which only waits.
 */
#ifndef ZBTOP_BATCH_H
#define ZBTOP_BATCH_H

#include <signal.h>
#include <stdio.h>

struct engine;
struct print_ctx;

struct batch_opts {
	double		 delay;		/* -d */
	long		 iterations;	/* -n, 0: no limit */
	int		 json;		/* -J */
	int		 commands;	/* read commands from stdin */
};

/* Set by the signal handlers in zbtop.c. */
extern volatile sig_atomic_t	zbtop_quit;

int	batch_run(struct engine *, struct batch_opts *);
int	batch_print(struct engine *, struct print_ctx *, unsigned);
void	batch_final(struct engine *, FILE *);
/* tcpdump's exit lines, for after the screen: captured, lost, verdict. */
void	batch_summary(struct engine *, FILE *);
/*
 * Standard output failed with errno err (0: it did not): EPIPE, a reader
 * gone, is a quiet 0; anything else says so on stderr and returns 1.
 */
int	batch_outerr(int);

#endif /* ZBTOP_BATCH_H */
