/*
 * The drop verdict: one line, from a stats snapshot, that names the
 * counter that grows, where the packets are lost and the likely cause
 * with the figure behind it.  The screen, batch text and JSON print the
 * same line.  Knows nothing of terminals.
 */
#ifndef ZBTOP_DIAG_H
#define ZBTOP_DIAG_H

#include <stddef.h>

struct stats_snap;

/* Verdict levels, worst last. */
enum diag_level {
	DIAG_OK,		/* no drops at all */
	DIAG_PAST,		/* drops, none in the last second */
	DIAG_GROWING		/* a drop counter grew in the last second */
};

/*
 * Writes the verdict (plain ASCII, no newline) into buf of sz bytes and
 * returns its level.
 */
enum diag_level	 diag_verdict(const struct stats_snap *, char *, size_t);

#endif /* ZBTOP_DIAG_H */
