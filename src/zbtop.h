/*
 * What main (zbtop.c) owns and shares: the flags its signal handlers
 * set.  The loops below main are handed a pointer to it (batch_opts,
 * sockets_opts, print_run), so they never name main's file.
 */
#ifndef ZBTOP_ZBTOP_H
#define ZBTOP_ZBTOP_H

#include <signal.h>

/* The signal that asked to stop (SIGINT, SIGTERM, ...), 0 until then. */
extern volatile sig_atomic_t	zbtop_quit;
/* SIGUSR1 asked for the counters so far, as tcpdump's; the loop clears it. */
extern volatile sig_atomic_t	zbtop_report;

#endif /* ZBTOP_ZBTOP_H */
