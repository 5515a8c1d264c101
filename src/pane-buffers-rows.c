/*
 * The buffers pane's detailed view ('b'): one row per ring (lane,
 * buffers by owner, a fill bar, then the ring's columns), and one per
 * buffer (owner, fill, packets, bytes, sequence, how it was last handed
 * over, age), each block under its column header.  When not all rings
 * fit, the last ring row sums up the rest; the buffer rows scroll.
 */
#include <stdio.h>

#include "pane.h"
#include "pane-buffers-int.h"
#include "stats.h"

static void	pane_buffers_ringhead(const struct pane *, int, int);
static void	pane_buffers_bufhead(const struct pane *, int);
static void	pane_buffers_rings(const struct pane *,
		    const struct pane_env *, int, int);
static void	pane_buffers_ring(const struct pane *,
		    const struct pane_env *, int, unsigned, int);
static void	pane_buffers_row(const struct pane *, const struct pane_env *,
		    int, const struct stats_buf *);
static char	*pane_buffers_age(char *, size_t, double);

/*
 * Detailed view: the rows between the title and the summary: a header
 * and a row per ring first, as long as a header and one buffer row are
 * left below them.
 */
void
pane_buffers_split(const struct pane *p, const struct stats_snap *s,
    int *rings, int *bufs)
{
	int	 body = p->h - 3 - BUF_SUMMARY;

	if (body < 2)
		body = 2;
	*rings = (int)s->nrings < body - 1 ? (int)s->nrings : body - 1;
	*bufs = body - *rings;
}

/*
 * The detailed view: a column header and a row per ring, then a header
 * and the buffer rows from the top'th on, as many as fit.
 */
void
pane_buffers_detail(const struct pane *p, const struct pane_env *env,
    int top)
{
	const struct stats_snap	*s = env->snap;
	int			 rings, rows, i, y;

	pane_buffers_split(p, s, &rings, &rows);
	pane_buffers_ringhead(p, p->y + 1, s->nifs > 1);
	pane_buffers_rings(p, env, p->y + 2, rings);
	y = p->y + 2 + rings;
	pane_buffers_bufhead(p, y++);
	for (i = 0; i < rows && top + i < s->nbufs; i++)
		pane_buffers_row(p, env, y + i, &s->bufs[top + i]);
}

/* Above the ring rows, matching pane_buffers_ring() and _tail(). */
static void
pane_buffers_ringhead(const struct pane *p, int y, int multi)
{
	char	 tail[40];
	int	 x = p->x, end = p->x + p->w, bar;

	x += screen_put(y, x, end - x, SCREEN_HEADER, multi ?
	    "   IFACE    " : " RING LANE ");
	if (p->w >= 70)
		x += screen_put(y, x, end - x, SCREEN_HEADER,
		    "BY OWNER       ");
	bar = p->w - (x - p->x) - (p->w >= 86 ? 44 : p->w >= 70 ?
	    31 : 22);
	x += bar < 4 ? 4 : bar;
	screen_put(y, x, end - x, SCREEN_HEADER,
	    pane_buffers_tailhead(tail, end - x));
}

/* Above the buffer rows, matching pane_buffers_row(). */
static void
pane_buffers_bufhead(const struct pane *p, int y)
{
	int	 x = p->x, end = p->x + p->w, bar;

	screen_put(y, x, end - x, SCREEN_HEADER, " RING BUF OWNER");
	bar = p->w - 17 - (p->w >= 76 ? 50 : 31);
	x = p->x + 17 + (bar < 4 ? 4 : bar);
	screen_put(y, x, end - x, SCREEN_HEADER, p->w >= 76 ?
	    "   FILL    PKTS    BYTES        SEQ LAST       AGE" :
	    "   FILL    PKTS    BYTES    AGE");
}

/* The ring rows; when not all fit, the last row sums up the rest. */
static void
pane_buffers_rings(const struct pane *p, const struct pane_env *env, int y,
    int rows)
{
	const struct stats_snap	*s = env->snap;
	int			 pct[CAP_MAXRINGS];
	unsigned		 i;

	pane_buffers_shares(s, pct);
	for (i = 0; i < (unsigned)rows; i++) {
		if (i + 1 == (unsigned)rows && (unsigned)rows < s->nrings) {
			pane_buffers_rest(p, s, y + (int)i, i, pct);
			break;
		}
		pane_buffers_ring(p, env, y + (int)i, i, pct[i]);
	}
}

/*
 * ring[*] lane, buffers by owner, [bar] and the tail columns.  The
 * owners go first as the pane narrows, then the tail from its right.
 */
static void
pane_buffers_ring(const struct pane *p, const struct pane_env *env, int y,
    unsigned i, int share)
{
	static const enum cap_owner	 own[] = {
		CAP_OWN_KERNEL, CAP_OWN_USER, CAP_OWN_FREE
	};
	static const int		 tail_w[] = { 22, 31, 44 };
	const struct stats_ring		*r = &env->snap->rings[i];
	char				 lead[64];
	double				 frac;
	int				 tier, bar, x = p->x, j;

	tier = p->w >= 86 ? 2 : p->w >= 70 ? 1 : 0;
	frac = r->size > 0 ? (double)r->used / (double)r->size : 0;
	x += screen_printf(y, x, BUF_LEAD, SCREEN_NORMAL, "%s",
	    pane_buffers_lead(lead, sizeof lead, env->snap, i));
	for (j = 0; tier > 0 && j < 3; j++)
		x += screen_printf(y, x, 5, pane_buffers_role(own[j]),
		    "%c%-3d ", "kuf"[j], r->owner[own[j]]);
	bar = p->w - (x - p->x) - tail_w[tier];
	if (bar < 4)
		bar = 4;
	/* Kernel colour for the side being stored into, free for the other. */
	screen_bar(y, x, bar, frac, r->active ? SCREEN_KERNEL : SCREEN_FREE,
	    env->utf8);
	pane_buffers_tail(p, y, x + bar, r, share);
}

/*
 * ring buf owner [bar] pct pkts bytes seq age last; the sequence and the
 * last reason go first when the pane is narrow.
 */
static void
pane_buffers_row(const struct pane *p, const struct pane_env *env, int y,
    const struct stats_buf *b)
{
	const struct cap_bufstate	*st = &b->st;
	enum screen_role		 role = pane_buffers_role(st->owner);
	char				 by[16], age[16], tail[96];
	double				 frac;
	int				 wide = p->w >= 76, bar, x = p->x;

	frac = st->size > 0 ? (double)st->used / st->size : 0;
	screen_printf(y, x, 10, SCREEN_NORMAL, " %3u%c %3u ", st->ring,
	    st->active ? '*' : ' ', st->index);
	screen_printf(y, x + 10, 7, role, "%-6s",
	    stats_buf_owner(st));
	bar = p->w - 17 - (wide ? 50 : 31);
	if (bar < 4)
		bar = 4;
	screen_bar(y, x + 17, bar, frac, role, env->utf8);
	x += 17 + bar;
	screen_bytes(by, sizeof by, (double)st->used);
	pane_buffers_age(age, sizeof age, b->age);
	if (wide)
		snprintf(tail, sizeof tail, " %5.1f%% %7u %8s %10llu %-7s %6s",
		    frac * 100, st->pkts, by, (unsigned long long)st->seq,
		    st->reason == CAP_ROT_NONE ? "-" :
		    stats_reason_name(st->reason), age);
	else
		snprintf(tail, sizeof tail, " %5.1f%% %7u %8s %6s",
		    frac * 100, st->pkts, by, age);
	screen_put(y, x, p->x + p->w - x, SCREEN_NORMAL, tail);
}

static char *
pane_buffers_age(char *buf, size_t sz, double s)
{
	if (s < 0)
		snprintf(buf, sz, "-");
	else if (s < 10)
		snprintf(buf, sz, "%.1fs", s);
	else if (s < 600)
		snprintf(buf, sz, "%.0fs", s);
	else if (s < 360000)
		snprintf(buf, sz, "%ldm%02lds", (long)s / 60, (long)s % 60);
	else
		snprintf(buf, sz, "%.0fh", s / 3600);
	return buf;
}
