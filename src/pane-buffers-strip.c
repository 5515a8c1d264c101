/*
 * The buffers pane's default view: a strip per ring, one cell per buffer
 * (its owner's letter and a glyph for its fill), so every buffer of both
 * rings of the default geometry is on screen at once and a rotation is
 * seen to move the active ring.  Each strip wraps over more rows when the
 * pane is narrow, and ends in the ring's columns (pane-buffers-cols.c).
 */
#include <math.h>
#include <stdio.h>

#include "pane.h"
#include "pane-buffers-int.h"
#include "stats.h"

static void	pane_buffers_cells(int, int, int *, int *);
static int	pane_buffers_stripw(const struct pane *, int, int);
static void	pane_buffers_striphead(const struct pane *, int, int, int,
		    int);
static int	pane_buffers_strip(const struct pane *,
		    const struct pane_env *, int, unsigned, int);
static void	pane_buffers_cell(int, int, const struct stats_buf *, int);

/* The header's legend; its letters are the cells'. */
static const char pane_buffers_legend[] = "BUFFERS: k kernel, u zbtop, f free";

/*
 * Columns per strip cell and cells per row for per buffers in w columns:
 * "k▅ " while a ring fits on one row with the fill and packets columns,
 * then "k▅", then wrapped over more rows.
 */
static void
pane_buffers_cells(int w, int per, int *cw, int *perrow)
{
	int	 room = w - BUF_LEAD - BUF_TAILMIN;

	*cw = per * 3 <= room ? 3 : 2;
	*perrow = room / *cw;
	if (*perrow < 1)
		*perrow = 1;
	if (*perrow > per)
		*perrow = per;
}

/*
 * Columns of the strips: the cells, or the header's legend when the
 * cells are fewer and the full tail still fits beside it.
 */
static int
pane_buffers_stripw(const struct pane *p, int cw, int perrow)
{
	int	 want = (int)sizeof pane_buffers_legend, room;

	room = p->w - BUF_LEAD - 38;
	if (want > room)
		want = room > 9 ? room : 9;
	return perrow * cw > want ? perrow * cw : want;
}

/* Rows the strips take, header included. */
int
pane_buffers_striprows(const struct pane *p, const struct stats_snap *s)
{
	int	 cw, perrow, per = pane_buffers_perring(s);

	if (per == 0)
		return 1;
	pane_buffers_cells(p->w, per, &cw, &perrow);
	return 1 + (int)s->nrings * ((per + perrow - 1) / perrow);
}

/*
 * The strip view: a column header, then each ring's strip.  When not all
 * strips fit, the last row left sums up the rings from there on, so the
 * rows still add up to the header's packets and to 100%.
 */
void
pane_buffers_strips(const struct pane *p, const struct pane_env *env, int y)
{
	const struct stats_snap	*s = env->snap;
	int			 pct[CAP_MAXRINGS];
	unsigned		 i;
	int			 cw, perrow, rows, per = pane_buffers_perring(s);
	int			 end = p->y + p->h - BUF_SUMMARY;

	pane_buffers_shares(s, pct);
	pane_buffers_cells(p->w, per, &cw, &perrow);
	rows = per > 0 ? (per + perrow - 1) / perrow : 1;
	pane_buffers_striphead(p, y++, cw, perrow, s->nifs > 1);
	for (i = 0; i < s->nrings && y < end; i++) {
		if ((int)(s->nrings - i) * rows > end - y && y + rows >= end) {
			pane_buffers_rest(p, s, y, i, pct);
			break;
		}
		y += pane_buffers_strip(p, env, y, i, pct[i]);
	}
}

/*
 * The strips' column header: cw columns per cell, perrow cells, matching
 * pane_buffers_strip() and pane_buffers_tail().
 */
static void
pane_buffers_striphead(const struct pane *p, int y, int cw, int perrow,
    int multi)
{
	char	 tail[40];
	int	 x = p->x, end = p->x + p->w;

	x += screen_put(y, x, end - x, SCREEN_HEADER, multi ?
	    "   IFACE      " : " RING LANE    ");
	screen_put(y, x, pane_buffers_stripw(p, cw, perrow) - 1,
	    SCREEN_HEADER, pane_buffers_legend);
	x += pane_buffers_stripw(p, cw, perrow);
	screen_put(y, x, end - x, SCREEN_HEADER,
	    pane_buffers_tailhead(tail, end - x));
}

/*
 * ring[*] lane, a cell per buffer of the ring, then its fill, packets,
 * share, rate and forced hand-overs.  Returns the rows used.
 */
static int
pane_buffers_strip(const struct pane *p, const struct pane_env *env, int y,
    unsigned r, int share)
{
	const struct stats_snap	*s = env->snap;
	char			 lead[64];
	int			 cw, perrow, k = 0, i, x0, rows = 1;
	int			 end = p->y + p->h - BUF_SUMMARY;

	pane_buffers_cells(p->w, pane_buffers_perring(s), &cw, &perrow);
	screen_printf(y, p->x, BUF_LEAD, SCREEN_NORMAL, "%s",
	    pane_buffers_lead(lead, sizeof lead, s, r));
	x0 = p->x + BUF_LEAD;
	for (i = 0; i < s->nbufs; i++) {
		if (s->bufs[i].st.ring != r)
			continue;
		if (k > 0 && k % perrow == 0) {
			if (y + rows >= end)
				break;
			rows++;
		}
		pane_buffers_cell(y + rows - 1, x0 + k % perrow * cw,
		    &s->bufs[i], env->utf8);
		k++;
	}
	pane_buffers_tail(p, y, x0 + pane_buffers_stripw(p, cw, perrow),
	    &s->rings[r], share);
	return rows;
}

/*
 * One buffer: its owner's letter and its fill in eighths (UTF-8) or
 * tenths (ASCII, '#' when full), both in the owner's colour.
 */
static void
pane_buffers_cell(int y, int x, const struct stats_buf *b, int utf8)
{
	static const char *const	 eighth[] = {
		"·", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"
	};
	const struct cap_bufstate	*st = &b->st;
	enum screen_role		 role = pane_buffers_role(st->owner);
	double				 frac;
	char				 g[8];
	int				 lvl;

	frac = st->size > 0 ? (double)st->used / st->size : 0;
	if (frac > 1)
		frac = 1;
	screen_printf(y, x, 1, role, "%c", "fku"[st->owner <= CAP_OWN_USER ?
	    st->owner : 0]);
	if (utf8) {
		lvl = frac > 0 ? (int)ceil(frac * 8) : 0;
		snprintf(g, sizeof g, "%s", eighth[lvl]);
	} else {
		lvl = frac > 0 ? (int)ceil(frac * 10) : 0;
		snprintf(g, sizeof g, "%c", lvl == 0 ? '.' : lvl >= 10 ? '#' :
		    '0' + lvl);
	}
	screen_put(y, x + 1, 1, frac > 0 ? role : SCREEN_DIM, g);
}
