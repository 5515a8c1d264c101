/*
 * The buffers pane's class: the rows it wants, what goes where, its keys
 * and the detailed view's scrolling.  Under the title bar, by default a
 * strip per ring, one cell per buffer (pane-buffers-strip.c); 'b'
 * switches to the detailed rows, one per ring and one per buffer
 * (pane-buffers-rows.c); both end a ring's line in the same columns
 * (pane-buffers-cols.c).  The title bar with the peaks, and rotations,
 * drops and the verdict at the foot are pane-buffers-summary.c's.  Reads
 * only the snapshot.
 */

#include "pane.h"
#include "pane-buffers-int.h"
#include "stats.h"

static int	pane_buffers_want(struct pane *, const struct pane_env *, int);
static void	pane_buffers_draw(struct pane *, const struct pane_env *);
static int	pane_buffers_key(struct pane *, const struct pane_env *, int);
static void	pane_buffers_reset(struct pane *);

static int	pane_buffers_top;	/* first buffer row shown */

const struct pane_class pane_buffers_class = {
	.name = "buffers",
	.want = pane_buffers_want,
	.draw = pane_buffers_draw,
	.key = pane_buffers_key,
	.reset = pane_buffers_reset,
};

static int
pane_buffers_want(struct pane *p, const struct pane_env *env, int avail)
{
	const struct stats_snap	*s = env->snap;
	int			 rows = s->nbufs > 0 ? s->nbufs : 1;

	if (!p->detail && s->nbufs > 0)
		return 1 + pane_buffers_striprows(p, s) + BUF_SUMMARY;
	return 3 + (int)s->nrings + rows + BUF_SUMMARY;
}

static void
pane_buffers_reset(struct pane *p)
{
	pane_buffers_top = 0;
}

static void
pane_buffers_draw(struct pane *p, const struct pane_env *env)
{
	const struct stats_snap	*s = env->snap;
	int			 rings, rows;

	pane_buffers_split(p, s, &rings, &rows);
	if (pane_buffers_top > s->nbufs - rows)
		pane_buffers_top = s->nbufs - rows;
	if (pane_buffers_top < 0)
		pane_buffers_top = 0;
	pane_buffers_titlebar(p, s, rows, pane_buffers_top);
	if (s->nbufs == 0)
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no buffers: this capture mode copies packets one by one");
	else if (!p->detail)
		pane_buffers_strips(p, env, p->y + 1);
	else
		pane_buffers_detail(p, env, pane_buffers_top);
	pane_buffers_summary(p, s);
}

/* The detailed view's buffer rows scroll; the strips show them all. */
static int
pane_buffers_key(struct pane *p, const struct pane_env *env, int key)
{
	int	 rings, rows;

	pane_buffers_split(p, env->snap, &rings, &rows);
	return screen_scroll(key, &pane_buffers_top, rows, env->snap->nbufs);
}
