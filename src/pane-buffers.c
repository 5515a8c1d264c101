/*
 * The buffers pane.  By default a strip per ring, one cell per buffer
 * (its owner's letter and a glyph for its fill), so every buffer of both
 * rings of the default geometry is on screen at once and a rotation is
 * seen to move the active ring; 'b' switches to the detailed rows: one
 * per ring (lane, buffers by owner, fill, packets and their share,
 * forced hand-overs) and one per buffer (owner, fill, packets, bytes,
 * sequence, age, how it was last handed over).  Both have a column
 * header.  Then rotations by reason, queue freezes and every drop counter
 * with where it happened.  Reads only the snapshot.
 */
#include <math.h>
#include <ncurses.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "diag.h"
#include "pane.h"
#include "stats.h"
#include "tbuf.h"

#define BUF_SUMMARY	3		/* rows under the buffer rows */
#define BUF_LEAD	14		/* " ring  0* L0  " */
#define BUF_TAILMIN	22		/* fill, packets and share */

static int	pane_buffers_want(struct pane *, const struct pane_env *, int);
static void	pane_buffers_draw(struct pane *, const struct pane_env *);
static int	pane_buffers_key(struct pane *, const struct pane_env *, int);
static void	pane_buffers_reset(struct pane *);
static void	pane_buffers_titlebar(const struct pane *,
		    const struct stats_snap *, int);
static void	pane_buffers_split(const struct pane *,
		    const struct stats_snap *, int *, int *);
static int	pane_buffers_perring(const struct stats_snap *);
static void	pane_buffers_cells(int, int, int *, int *);
static int	pane_buffers_stripw(const struct pane *, int, int);
static int	pane_buffers_striprows(const struct pane *,
		    const struct stats_snap *);
static void	pane_buffers_strips(const struct pane *,
		    const struct pane_env *, int);
static int	pane_buffers_strip(const struct pane *,
		    const struct pane_env *, int, unsigned, uint64_t);
static void	pane_buffers_cell(int, int, const struct stats_buf *, int);
static int	pane_buffers_tail(const struct pane *, int, int,
		    const struct stats_ring *, uint64_t);
static int	pane_buffers_ifdrops(const struct stats_snap *, int, int, int);
static const char *pane_buffers_lead(char *, size_t,
		    const struct stats_snap *, unsigned);
static void	pane_buffers_colhead(const struct pane *, int, int, int,
		    int, int);
static const char *pane_buffers_tailhead(char *, int);
static void	pane_buffers_rings(const struct pane *,
		    const struct pane_env *, int, int);
static void	pane_buffers_ring(const struct pane *,
		    const struct pane_env *, int, unsigned, uint64_t);
static void	pane_buffers_rest(const struct pane *,
		    const struct stats_snap *, int, unsigned, uint64_t);
static void	pane_buffers_row(const struct pane *, const struct pane_env *,
		    int, const struct stats_buf *);
static void	pane_buffers_rot(const struct pane *, const struct stats_snap *,
		    int);
static void	pane_buffers_drops(const struct pane *,
		    const struct stats_snap *, int);
static void	pane_buffers_verdict(const struct pane *,
		    const struct stats_snap *, int);
static enum screen_role pane_buffers_role(enum cap_owner);
static char	*pane_buffers_age(char *, size_t, double);

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

static enum screen_role
pane_buffers_role(enum cap_owner o)
{
	switch (o) {
	case CAP_OWN_KERNEL:
		return SCREEN_KERNEL;
	case CAP_OWN_USER:
		return SCREEN_USER;
	default:
		return SCREEN_FREE;
	}
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

static void
pane_buffers_draw(struct pane *p, const struct pane_env *env)
{
	const struct stats_snap	*s = env->snap;
	int			 rings, rows, i, y;

	pane_buffers_split(p, s, &rings, &rows);
	if (pane_buffers_top > s->nbufs - rows)
		pane_buffers_top = s->nbufs - rows;
	if (pane_buffers_top < 0)
		pane_buffers_top = 0;
	pane_buffers_titlebar(p, s, rows);
	if (s->nbufs == 0)
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no buffers: this capture mode copies packets one by one");
	else if (!p->detail)
		pane_buffers_strips(p, env, p->y + 1);
	else {
		pane_buffers_colhead(p, p->y + 1, 0, 0, 0, s->nifs > 1);
		pane_buffers_rings(p, env, p->y + 2, rings);
		y = p->y + 2 + rings;
		pane_buffers_colhead(p, y++, 1, 0, 0, s->nifs > 1);
		for (i = 0; i < rows && pane_buffers_top + i < s->nbufs; i++)
			pane_buffers_row(p, env, y + i,
			    &s->bufs[pane_buffers_top + i]);
	}
	pane_buffers_rot(p, s, p->y + p->h - BUF_SUMMARY);
	pane_buffers_drops(p, s, p->y + p->h - BUF_SUMMARY + 1);
	pane_buffers_verdict(p, s, p->y + p->h - 1);
}

/*
 * Buffers by owner now (the letters double as the strips' legend), the
 * peaks since the last refresh, and the key that switches views.
 */
static void
pane_buffers_titlebar(const struct pane *p, const struct stats_snap *s,
    int rows)
{
	char	 left[256], right[64];
	int	 i, n[3] = { 0, 0, 0 }, per = pane_buffers_perring(s);

	for (i = 0; i < s->nbufs; i++)
		if (s->bufs[i].st.owner <= CAP_OWN_USER)
			n[s->bufs[i].st.owner]++;
	snprintf(left, sizeof left, "Buffers %d  k filling %d  u held %d  "
	    "f free %d  peak: held %d/%d fill %.0f%% freezes %llu", s->nbufs,
	    n[CAP_OWN_KERNEL], n[CAP_OWN_USER], n[CAP_OWN_FREE], s->peak_held,
	    per, s->peak_fill, (unsigned long long)s->peak_freezes);
	if (!p->detail)
		snprintf(right, sizeof right, "b rows");
	else if (s->nbufs > rows)
		snprintf(right, sizeof right, "%d-%d of %d",
		    pane_buffers_top + 1, pane_buffers_top + rows, s->nbufs);
	else
		snprintf(right, sizeof right, "b strips");
	screen_title(p, left, right);
}

/*
 * Detailed view: the rows between the title and the summary: a header
 * and a row per ring first, as long as a header and one buffer row are
 * left below them.
 */
static void
pane_buffers_split(const struct pane *p, const struct stats_snap *s,
    int *rings, int *bufs)
{
	int	 body = p->h - 3 - BUF_SUMMARY;

	if (body < 2)
		body = 2;
	*rings = (int)s->nrings < body - 1 ? (int)s->nrings : body - 1;
	*bufs = body - *rings;
}

/* Buffers in the biggest ring (they are all the same size). */
static int
pane_buffers_perring(const struct stats_snap *s)
{
	unsigned	 i;
	int		 per = 0;

	for (i = 0; i < s->nrings; i++)
		if (s->rings[i].nbufs > per)
			per = s->rings[i].nbufs;
	return per;
}

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
	static const char	 legend[] = "BUFFERS: k kernel, u zbtop, f free";
	int			 want = (int)sizeof legend, room;

	room = p->w - BUF_LEAD - 38;
	if (want > room)
		want = room > 9 ? room : 9;
	return perrow * cw > want ? perrow * cw : want;
}

/* Rows the strips take, header included. */
static int
pane_buffers_striprows(const struct pane *p, const struct stats_snap *s)
{
	int	 cw, perrow, per = pane_buffers_perring(s);

	if (per == 0)
		return 1;
	pane_buffers_cells(p->w, per, &cw, &perrow);
	return 1 + (int)s->nrings * ((per + perrow - 1) / perrow);
}

/* The strip view: a column header, then each ring's strip. */
static void
pane_buffers_strips(const struct pane *p, const struct pane_env *env, int y)
{
	const struct stats_snap	*s = env->snap;
	uint64_t		 all = 0;
	unsigned		 i;
	int			 cw, perrow, end = p->y + p->h - BUF_SUMMARY;

	pane_buffers_cells(p->w, pane_buffers_perring(s), &cw, &perrow);
	pane_buffers_colhead(p, y++, 2, cw, perrow, s->nifs > 1);
	for (i = 0; i < s->nrings; i++)
		all += s->rings[i].packets;
	for (i = 0; i < s->nrings && y < end; i++)
		y += pane_buffers_strip(p, env, y, i, all);
}

/*
 * ring[*] lane, a cell per buffer of the ring, then its fill, packets,
 * share, rate and forced hand-overs.  Returns the rows used.
 */
static int
pane_buffers_strip(const struct pane *p, const struct pane_env *env, int y,
    unsigned r, uint64_t all)
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
	    &s->rings[r], all);
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

/*
 * fill, packets (share of all rings': the lane balance with --threads),
 * packets/s, forced hand-overs; what does not fit is left out from the
 * right.  Returns the columns used.
 */
static int
pane_buffers_tail(const struct pane *p, int y, int x,
    const struct stats_ring *r, uint64_t all)
{
	char	 pk[16], ps[16], tail[96];
	double	 frac, share;
	int	 room = p->x + p->w - x;

	frac = r->size > 0 ? (double)r->used / (double)r->size : 0;
	share = all > 0 ? 100.0 * (double)r->packets / (double)all : 0;
	screen_num(pk, sizeof pk, (double)r->packets);
	screen_num(ps, sizeof ps, r->pps);
	if (room >= 38)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%) %6s/s "
		    "%6llu", frac * 100, pk, share, ps,
		    (unsigned long long)r->forced);
	else if (room >= 31)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%) %6s/s",
		    frac * 100, pk, share, ps);
	else
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%)",
		    frac * 100, pk, share);
	return screen_put(y, x, room, SCREEN_NORMAL, tail);
}

/*
 * The tail's header into tail (40 bytes), cut where pane_buffers_tail()
 * leaves columns out for want of room.
 */
static const char *
pane_buffers_tailhead(char *tail, int room)
{
	snprintf(tail, 40, "   FILL PACKETS  SHARE    PKT/S FORCED");
	tail[room >= 38 ? 38 : room >= 31 ? 31 : 22] = '\0';
	return tail;
}

/*
 * Column headers: kind 0 above the ring rows, 1 above the buffer rows,
 * 2 above the strips (cw columns per cell, perrow cells), matching the
 * formats of pane_buffers_ring, _row and _tail.
 */
static void
pane_buffers_colhead(const struct pane *p, int y, int kind, int cw,
    int perrow, int multi)
{
	char			 tail[40];
	int			 x = p->x, end = p->x + p->w, bar;

	switch (kind) {
	case 0:
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
		break;
	case 1:
		x += screen_put(y, x, end - x, SCREEN_HEADER,
		    " RING BUF OWNER");
		bar = p->w - 17 - (p->w >= 76 ? 50 : 31);
		x = p->x + 17 + (bar < 4 ? 4 : bar);
		screen_put(y, x, end - x, SCREEN_HEADER, p->w >= 76 ?
		    "   FILL    PKTS    BYTES        SEQ LAST       AGE" :
		    "   FILL    PKTS    BYTES    AGE");
		break;
	default:
		x += screen_put(y, x, end - x, SCREEN_HEADER, multi ?
		    "   IFACE      " : " RING LANE    ");
		screen_put(y, x, pane_buffers_stripw(p, cw, perrow) - 1,
		    SCREEN_HEADER, "BUFFERS: k kernel, u zbtop, f free");
		x += pane_buffers_stripw(p, cw, perrow);
		screen_put(y, x, end - x, SCREEN_HEADER,
		    pane_buffers_tailhead(tail, end - x));
		break;
	}
}

/*
 * A ring's lead, BUF_LEAD columns: " ring  0* L0  ", or with several -i
 * the interface it belongs to instead of the lane: "  0* eth0     ".
 */
static const char *
pane_buffers_lead(char *buf, size_t sz, const struct stats_snap *s,
    unsigned r)
{
	const struct stats_ring	*ring = &s->rings[r];
	char			 name[4 * CAP_IFNAMSZ];

	if (s->nifs < 2 || ring->iface >= CAP_MAXIF) {
		snprintf(buf, sz, " ring %2u%c L%-2u ", r,
		    ring->active ? '*' : ' ', ring->lane);
		return buf;
	}
	esc_str(name, sizeof name, s->ifname[ring->iface],
	    strnlen(s->ifname[ring->iface], CAP_IFNAMSZ));
	snprintf(buf, sz, " %2u%c %-8.8s ", r, ring->active ? '*' : ' ', name);
	return buf;
}

/* The ring rows; when not all fit, the last row sums up the rest. */
static void
pane_buffers_rings(const struct pane *p, const struct pane_env *env, int y,
    int rows)
{
	const struct stats_snap	*s = env->snap;
	uint64_t		 all = 0;
	unsigned		 i;

	for (i = 0; i < s->nrings; i++)
		all += s->rings[i].packets;
	for (i = 0; i < (unsigned)rows; i++) {
		if (i + 1 == (unsigned)rows && (unsigned)rows < s->nrings) {
			pane_buffers_rest(p, s, y + (int)i, i, all);
			break;
		}
		pane_buffers_ring(p, env, y + (int)i, i, all);
	}
}

/*
 * ring[*] lane, buffers by owner, [bar] and the tail columns.  The
 * owners go first as the pane narrows, then the tail from its right.
 */
static void
pane_buffers_ring(const struct pane *p, const struct pane_env *env, int y,
    unsigned i, uint64_t all)
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
	pane_buffers_tail(p, y, x + bar, r, all);
}

/* Rings from the first on, in one row: their packets, share and rate. */
static void
pane_buffers_rest(const struct pane *p, const struct stats_snap *s, int y,
    unsigned first, uint64_t all)
{
	char		 pk[16], ps[16];
	uint64_t	 n = 0;
	double		 pps = 0;
	unsigned	 i;
	int		 x = p->x + 1, end = p->x + p->w;

	for (i = first; i < s->nrings; i++) {
		n += s->rings[i].packets;
		pps += s->rings[i].pps;
	}
	x += screen_printf(y, x, end - x, SCREEN_NORMAL, "rings %u-%u %s "
	    "(%3.0f%%) %s/s", first, s->nrings - 1,
	    screen_num(pk, sizeof pk, (double)n),
	    all > 0 ? 100.0 * (double)n / (double)all : 0.0,
	    screen_num(ps, sizeof ps, pps));
	screen_put(y, x, end - x, SCREEN_DIM, "  no room for a row each");
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

/* Rotations by reason, totals and per second, and queue freezes. */
static void
pane_buffers_rot(const struct pane *p, const struct stats_snap *s, int y)
{
	static const char *const name[CAP_ROT_NREASONS] = {
		"", "full", "timeout", "forced"
	};
	char	 r[16];
	int	 x = p->x + 1, end = p->x + p->w, i;

	x += screen_put(y, x, end - x, SCREEN_HEADER, "rotations");
	for (i = CAP_ROT_FULL; i < CAP_ROT_NREASONS; i++) {
		x += screen_printf(y, x, end - x, SCREEN_NORMAL, "  %s ",
		    name[i]);
		x += screen_printf(y, x, end - x, SCREEN_VALUE, "%llu",
		    (unsigned long long)s->rot[i]);
		x += screen_printf(y, x, end - x, SCREEN_DIM, " (%s/s)",
		    screen_num(r, sizeof r, s->rotps[i]));
	}
	x += screen_put(y, x, end - x, SCREEN_NORMAL, "   queue freezes ");
	screen_printf(y, x, end - x, s->kfreezes ? SCREEN_DROP : SCREEN_VALUE,
	    "%llu", (unsigned long long)s->kfreezes);
}

/* The drop verdict (diag.c), coloured by how bad it is. */
static void
pane_buffers_verdict(const struct pane *p, const struct stats_snap *s,
    int y)
{
	static const enum screen_role	 role[] = {
		[DIAG_OK] = SCREEN_OK,
		[DIAG_PAST] = SCREEN_USER,
		[DIAG_GROWING] = SCREEN_DROP
	};
	char				 v[512];
	enum diag_level			 lvl;
	int				 x = p->x + 1, end = p->x + p->w;

	lvl = diag_verdict(s, v, sizeof v);
	x += screen_put(y, x, end - x, SCREEN_HEADER, "verdict ");
	screen_put(y, x, end - x, role[lvl], v);
}

/*
 * Each drop counter, named by where the packet was lost.  Packets the
 * recheck removed after a filter change are not lost: the header shows
 * them, as "refiltered", beside the filter.
 */
static void
pane_buffers_drops(const struct pane *p, const struct stats_snap *s, int y)
{
	struct {
		const char	*label;
		uint64_t	 v;
		int		 shown;
	} d[] = {
		{ "kernel ring ", s->kdrops, 1 },
		{ "interface ", s->ifdrops, s->have_ifdrops },
		{ "-w writer ", s->wdrops, 1 },
		{ "cut: block too small ", s->kcut, s->kcut > 0 },
	};
	size_t	 i;
	int	 x = p->x + 1, end = p->x + p->w;

	x += screen_put(y, x, end - x, SCREEN_HEADER, "drops");
	for (i = 0; i < sizeof d / sizeof d[0]; i++) {
		if (!d[i].shown)
			continue;
		x += screen_printf(y, x, end - x, SCREEN_NORMAL, "  %s",
		    d[i].label);
		x += screen_printf(y, x, end - x, d[i].v != 0 ?
		    SCREEN_DROP : SCREEN_VALUE, "%llu",
		    (unsigned long long)d[i].v);
		if (i == 0)
			x += pane_buffers_ifdrops(s, y, x, end);
	}
}

/* Several -i: the kernel drops of each interface, " (eth0 3, lo 0)". */
static int
pane_buffers_ifdrops(const struct stats_snap *s, int y, int x, int end)
{
	char		name[4 * CAP_IFNAMSZ];
	unsigned	k;
	int		x0 = x;

	for (k = 0; s->nifs > 1 && k < s->nifs && k < CAP_MAXIF; k++) {
		esc_str(name, sizeof name, s->ifname[k],
		    strnlen(s->ifname[k], CAP_IFNAMSZ));
		x += screen_printf(y, x, end - x, SCREEN_NORMAL, "%s%s ",
		    k == 0 ? " (" : ", ", name);
		x += screen_printf(y, x, end - x, s->if_kdrops[k] != 0 ?
		    SCREEN_DROP : SCREEN_VALUE, "%llu",
		    (unsigned long long)s->if_kdrops[k]);
	}
	if (x > x0)
		x += screen_put(y, x, end - x, SCREEN_NORMAL, ")");
	return x - x0;
}

static int
pane_buffers_key(struct pane *p, const struct pane_env *env, int key)
{
	int	 rings, rows;

	pane_buffers_split(p, env->snap, &rings, &rows);
	switch (key) {
	case KEY_UP:
	case 'k':
		pane_buffers_top--;
		break;
	case KEY_DOWN:
	case 'j':
		pane_buffers_top++;
		break;
	case KEY_PPAGE:
		pane_buffers_top -= rows;
		break;
	case KEY_NPAGE:
		pane_buffers_top += rows;
		break;
	case KEY_HOME:
	case 'g':
		pane_buffers_top = 0;
		break;
	case KEY_END:
	case 'G':
		pane_buffers_top = env->snap->nbufs;
		break;
	default:
		return 0;
	}
	if (pane_buffers_top < 0)
		pane_buffers_top = 0;
	return 1;
}
