/*
 * The latest packets, kept for display: a fixed ring of slots, the oldest
 * overwritten, so memory stays bounded however long zbtop runs.  The engine
 * appends; the screen reads a slot by its packet number.
 */
#ifndef ZBTOP_RECENT_H
#define ZBTOP_RECENT_H

#include <stdint.h>
#include <time.h>

#define RECENT_SLOTS	4096
#define RECENT_SNAP	2048		/* bytes kept of each packet */

/* One kept packet. */
struct recent_pkt {
	uint64_t	 no;		/* packet number, from 1 */
	struct timespec	 ts;
	uint32_t	 caplen;	/* bytes kept in data */
	uint32_t	 origcap;	/* bytes captured */
	uint32_t	 len;		/* bytes on the wire */
	unsigned	 ring;
	uint8_t		 data[RECENT_SNAP];
};

struct recent;
struct cap_pkt;

struct recent	*recent_new(void);
void		 recent_free(struct recent *);
void		 recent_lock(struct recent *);
void		 recent_unlock(struct recent *);
void		 recent_add(struct recent *, const struct cap_pkt *, unsigned);
void		 recent_range(struct recent *, uint64_t *, uint64_t *);
int		 recent_get(struct recent *, uint64_t, struct recent_pkt *);
void		 recent_clear(struct recent *);

#endif /* ZBTOP_RECENT_H */
