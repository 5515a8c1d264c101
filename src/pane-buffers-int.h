/*
 * What the buffers pane's files share: its column widths and the calls
 * between pane-buffers.c (the class), pane-buffers-strip.c (the strips),
 * pane-buffers-rows.c (the detailed rows), pane-buffers-summary.c (title
 * bar and the three rows under the buffers) and pane-buffers-cols.c (the
 * ring columns both views print).  Nothing outside the pane includes it.
 */
#ifndef ZBTOP_PANE_BUFFERS_INT_H
#define ZBTOP_PANE_BUFFERS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "cap.h"
#include "pane.h"

struct stats_ring;
struct stats_snap;

#define BUF_SUMMARY	3		/* rows under the buffer rows */
#define BUF_LEAD	14		/* " ring  0* L0  " */
#define BUF_TAILMIN	22		/* fill, packets and share */

/* pane-buffers-strip.c: the default view, a strip of cells per ring. */
int	pane_buffers_striprows(const struct pane *, const struct stats_snap *);
void	pane_buffers_strips(const struct pane *, const struct pane_env *,
	    int);

/*
 * pane-buffers-rows.c: the detailed view.  _split gives the ring rows
 * and buffer rows that fit; _detail draws them, buffers from top on.
 */
void	pane_buffers_split(const struct pane *, const struct stats_snap *,
	    int *, int *);
void	pane_buffers_detail(const struct pane *, const struct pane_env *,
	    int);

/* pane-buffers-summary.c: the title bar (rows shown, top), the last rows. */
void	pane_buffers_titlebar(const struct pane *, const struct stats_snap *,
	    int, int);
void	pane_buffers_summary(const struct pane *, const struct stats_snap *);

/* pane-buffers-cols.c: what both views print for a ring or a buffer. */
enum screen_role pane_buffers_role(enum cap_owner);
int	pane_buffers_perring(const struct stats_snap *);
void	pane_buffers_shares(const struct stats_snap *, int *);
const char *pane_buffers_lead(char *, size_t, const struct stats_snap *,
	    unsigned);
int	pane_buffers_tail(const struct pane *, int, int,
	    const struct stats_ring *, int);
const char *pane_buffers_tailhead(char *, int);
/* Rings from the given one on, in one row: packets, share, rate. */
void	pane_buffers_rest(const struct pane *, const struct stats_snap *, int,
	    unsigned, const int *);

#endif /* ZBTOP_PANE_BUFFERS_INT_H */
