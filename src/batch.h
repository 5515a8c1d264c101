/*
 * Batch mode (-b), as top's: a snapshot of buffers and counters every
 * delay, as text or one JSON object per line (-J), commands read from
 * standard input, and the closing line capbench reads.
 */
#ifndef ZBTOP_BATCH_H
#define ZBTOP_BATCH_H

#include <signal.h>
#include <stdio.h>

struct engine;
struct stats_snap;

struct batch_opts {
	double		 delay;		/* --delay */
	long		 iterations;	/* --iterations, 0: no limit */
	int		 json;		/* -J */
	int		 commands;	/* read commands from stdin */
	volatile sig_atomic_t *quit;	/* non-zero: stop (main's flag) */
	volatile sig_atomic_t *info;	/* non-zero: say the counters */
	/* Called with each snapshot (--metrics-file), if not NULL. */
	void		(*snap_hook)(void *, const struct stats_snap *);
	void		*snap_arg;
};

int	batch_run(struct engine *, struct batch_opts *);
void	batch_final(struct engine *, FILE *);
/* *info set (SIGUSR1): clear it, the closing line's counters to stderr. */
void	batch_info(struct engine *, volatile sig_atomic_t *);
/* Shared with print mode's loop: a new engine event said, 1 if any. */
int	batch_events(struct engine *, unsigned *);
/* tcpdump's exit lines, for after the screen: captured, lost, verdict. */
void	batch_summary(struct engine *, FILE *);
/*
 * tcpdump's exit lines after a live capture, word for word: "N packets
 * captured", "N packets received by filter", "N packets dropped by
 * kernel" ("1 packet" for one), and "N packets dropped by interface"
 * when the interface dropped any.
 */
void	batch_tcpdump(struct engine *, FILE *);
/*
 * Standard output failed with errno err (0: it did not): EPIPE, a reader
 * gone, is a quiet 0; anything else says so on stderr and returns 1.
 */
int	batch_outerr(int);

#endif /* ZBTOP_BATCH_H */
