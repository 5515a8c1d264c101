/*
 * The latest packets, kept for display: a ring of bytes of a size given
 * in MiB (--keep), the oldest records overwritten, so memory stays
 * bounded however long zbtop runs.  Each record carries its frame number,
 * the number the packet counters, -P and the -w file give it; frames
 * that were never kept leave a hole in the numbers, which the packet list
 * shows as such.  The engine appends; the screen reads by frame number.
 */
#ifndef ZBTOP_RECENT_H
#define ZBTOP_RECENT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define RECENT_SNAP	2048		/* bytes kept of each packet */
#define RECENT_DEFMB	64		/* --keep default, MiB */
#define RECENT_MINB	(256 * 1024)	/* smallest ring accepted, bytes */

/* One kept packet, as copied out. */
struct recent_pkt {
	uint64_t	 no;		/* frame number, from 1 */
	struct timespec	 ts;
	uint32_t	 caplen;	/* bytes kept in data */
	uint32_t	 origcap;	/* bytes captured */
	uint32_t	 len;		/* bytes on the wire */
	unsigned	 ring;
	uint8_t		 iface;		/* several -i: the interface's index */
	uint8_t		 pkttype;	/* as cap_pkt's */
	uint8_t		 data[RECENT_SNAP];
};

struct recent;
struct cap_pkt;

/* bytes: the whole budget, records and their index (>= RECENT_MINB). */
struct recent	*recent_new(size_t);
void		 recent_free(struct recent *);
void		 recent_lock(struct recent *);
void		 recent_unlock(struct recent *);
size_t		 recent_cap(struct recent *);

/* The rest are called with the lock held. */
void		 recent_add(struct recent *, const struct cap_pkt *, unsigned,
		    uint64_t);
void		 recent_range(struct recent *, uint64_t *, uint64_t *);
int		 recent_get(struct recent *, uint64_t, struct recent_pkt *);
int		 recent_peek(struct recent *, uint64_t, const uint8_t **,
		    uint32_t *, uint32_t *, unsigned *);
uint64_t	 recent_step(struct recent *, uint64_t, int);
uint64_t	 recent_between(struct recent *, uint64_t, uint64_t);
void		 recent_clear(struct recent *);
int		 recent_mark(struct recent *, uint64_t, unsigned, int);

#endif /* ZBTOP_RECENT_H */
