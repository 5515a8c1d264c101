/*
 * What the packet list shows of the kept packets: the display filter and
 * the search text, set by commands from any front end, and the walk from
 * one shown frame to the next.  No ncurses here, so it is unit tested.
 */
#ifndef ZBTOP_PLIST_H
#define ZBTOP_PLIST_H

#include <stddef.h>
#include <stdint.h>

struct findex;
struct findex_info;
struct plist_filter;
struct recent;
struct recent_pkt;

/* Search requests (plist_search); the packet list acts on them. */
#define PLIST_CANCEL	0	/* back to where typing started */
#define PLIST_NEXT	1	/* the next match in the search's direction */
#define PLIST_PREV	2	/* the next match the other way */
#define PLIST_TYPED	3	/* the text changed: from where typing started */
#define PLIST_ACCEPT	4	/* typing done: stay */

void		 plist_file(struct findex *);
void		 plist_sync(uint64_t, const char *, unsigned);
int		 plist_file_info(struct findex_info *);
/*
 * Sets (expr non-empty) or clears the display filter, compiled for each
 * interface's link type (dlt[k] for a packet of interface k, n of them):
 * 0, or -1 and why.
 */
int		 plist_display(const int *, unsigned, unsigned, const char *,
		    char *);
/*
 * plist_display in two steps: compile (host names are looked up here, by
 * DNS: it may block; NULL and why if it does not compile), then put in
 * force, which takes pf.  plist_display_free frees one never set.
 */
struct plist_filter *plist_display_new(const int *, unsigned, unsigned,
		    const char *, char *);
void		 plist_display_set(struct plist_filter *);
void		 plist_display_free(struct plist_filter *);
void		 plist_display_text(char *, size_t);
unsigned	 plist_display_gen(void);
void		 plist_search(const char *, int);
unsigned	 plist_search_get(char *, size_t, int *);

/* Called with the recent lock held. */
uint64_t	 plist_step(struct recent *, uint64_t, int);
int		 plist_get(struct recent *, uint64_t, struct recent_pkt *);
int		 plist_shown(struct recent *, uint64_t);
uint64_t	 plist_notkept(struct recent *, uint64_t, uint64_t);

/* Called with nothing locked. */
/* dlt, n: as plist_display's. */
uint64_t	 plist_find(struct recent *, const int *, unsigned, uint64_t, int,
		    const char *);

#endif /* ZBTOP_PLIST_H */
