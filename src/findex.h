/*
 * A replayed file's index, so the packet list reaches any frame of it:
 * the byte offset of every FINDEX_STEP-th frame that passes the capture
 * filter, built by a thread of its own, and records read back on demand
 * through libpcap.  The screen's thread is the only reader.
 */
#ifndef ZBTOP_FINDEX_H
#define ZBTOP_FINDEX_H

#include <stdint.h>
#include <time.h>

#define FINDEX_STEP	64	/* frames per stored offset */

struct findex;
struct recent_pkt;

/* What the index knows so far. */
struct findex_info {
	uint64_t	 frames;	/* indexed: frames 1..frames readable */
	int		 done;		/* the whole file is indexed */
	struct timespec	 first, last;	/* first and last indexed frame */
};

struct findex	*findex_open(const char *, char *);
void		 findex_free(struct findex *);
int		 findex_filter(struct findex *, const char *, char *);
void		 findex_info(struct findex *, struct findex_info *);
int		 findex_get(struct findex *, uint64_t, struct recent_pkt *);

#endif /* ZBTOP_FINDEX_H */
