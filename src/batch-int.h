/*
 * Between batch.c (the loop, the exit lines) and batch-snap.c (one
 * snapshot as batch mode's text block or JSON line).  Nothing outside
 * batch includes this.
 */
#ifndef ZBTOP_BATCH_INT_H
#define ZBTOP_BATCH_INT_H

struct stats_snap;
struct tbuf;

/* The snapshot appended to tb as the text block, ending in a blank line. */
void	batch_text(const struct stats_snap *, struct tbuf *);
/* The snapshot appended to tb as one JSON object and a newline. */
void	batch_json(const struct stats_snap *, struct tbuf *);

#endif /* ZBTOP_BATCH_INT_H */
