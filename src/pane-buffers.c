/*
 * The buffers pane: one row per ring (lane, buffers by owner, fill,
 * packets and their share, forced hand-overs), one row per capture
 * buffer (owner, fill, packets, bytes, sequence, age, how it was last
 * handed over), then rotations by reason, queue freezes and every drop
 * counter with where it happened.
 * This is what no other capture tool shows, so it gets the most care.
 * Reads only the snapshot.
 */
#include <ncurses.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "pane.h"
#include "stats.h"

#define BUF_SUMMARY	2		/* rows under the buffer rows */

static int	pane_buffers_want(struct pane *, const struct pane_env *, int);
static void	pane_buffers_draw(struct pane *, const struct pane_env *);
static int	pane_buffers_key(struct pane *, const struct pane_env *, int);
static void	pane_buffers_reset(struct pane *);
static void	pane_buffers_split(const struct pane *,
		    const struct stats_snap *, int *, int *);
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
	int	 rows = env->snap->nbufs > 0 ? env->snap->nbufs : 1;

	return 1 + (int)env->snap->nrings + rows + BUF_SUMMARY;
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
	char			 left[256], right[64];
	int			 rings, rows, i, n[3] = { 0, 0, 0 }, y;

	pane_buffers_split(p, s, &rings, &rows);
	if (pane_buffers_top > s->nbufs - rows)
		pane_buffers_top = s->nbufs - rows;
	if (pane_buffers_top < 0)
		pane_buffers_top = 0;
	for (i = 0; i < s->nbufs; i++)
		if (s->bufs[i].st.owner <= CAP_OWN_USER)
			n[s->bufs[i].st.owner]++;
	snprintf(left, sizeof left, "Buffers %d   kernel filling %d   user "
	    "held %d   free %d", s->nbufs, n[CAP_OWN_KERNEL], n[CAP_OWN_USER],
	    n[CAP_OWN_FREE]);
	right[0] = '\0';
	if (s->nbufs > rows)
		snprintf(right, sizeof right, "%d-%d of %d",
		    pane_buffers_top + 1, pane_buffers_top + rows, s->nbufs);
	screen_title(p, left, right[0] != '\0' ? right : NULL);
	pane_buffers_rings(p, env, p->y + 1, rings);
	y = p->y + 1 + rings;
	if (s->nbufs == 0)
		screen_put(y, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no buffers: this capture mode copies packets one by one");
	for (i = 0; i < rows && pane_buffers_top + i < s->nbufs; i++)
		pane_buffers_row(p, env, y + i,
		    &s->bufs[pane_buffers_top + i]);
	pane_buffers_rot(p, s, p->y + p->h - 2);
	pane_buffers_drops(p, s, p->y + p->h - 1);
}

/*
 * The rows between the title and the summary: a row per ring first, as
 * long as one buffer row is left below them.
 */
static void
pane_buffers_split(const struct pane *p, const struct stats_snap *s,
    int *rings, int *bufs)
{
	int	 body = p->h - 1 - BUF_SUMMARY;

	if (body < 1)
		body = 1;
	*rings = (int)s->nrings < body - 1 ? (int)s->nrings : body - 1;
	*bufs = body - *rings;
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
 * ring[*] lane, buffers by owner, [bar] fill, packets (share of all
 * rings': the lane balance with --threads), packets/s, forced
 * hand-overs.  Forced goes first as the pane narrows, then the owners
 * and the rate; packets and their share stay.
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
	char				 pk[16], ps[16], tail[96];
	double				 frac, share;
	int				 tier, bar, x = p->x, j;

	tier = p->w >= 86 ? 2 : p->w >= 70 ? 1 : 0;
	frac = r->size > 0 ? (double)r->used / (double)r->size : 0;
	share = all > 0 ? 100.0 * (double)r->packets / (double)all : 0;
	x += screen_printf(y, x, 14, SCREEN_NORMAL, " ring %2u%c L%-2u ", i,
	    r->active ? '*' : ' ', r->lane);
	for (j = 0; tier > 0 && j < 3; j++)
		x += screen_printf(y, x, 5, pane_buffers_role(own[j]),
		    "%c%-3d ", "kuf"[j], r->owner[own[j]]);
	bar = p->w - (x - p->x) - tail_w[tier];
	if (bar < 4)
		bar = 4;
	/* Kernel colour for the side being stored into, free for the other. */
	screen_bar(y, x, bar, frac, r->active ? SCREEN_KERNEL : SCREEN_FREE,
	    env->utf8);
	x += bar;
	screen_num(pk, sizeof pk, (double)r->packets);
	screen_num(ps, sizeof ps, r->pps);
	if (tier > 0)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%) %6s/s",
		    frac * 100, pk, share, ps);
	else
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%)",
		    frac * 100, pk, share);
	x += screen_put(y, x, p->x + p->w - x, SCREEN_NORMAL, tail);
	if (tier == 2)
		screen_printf(y, x, p->x + p->w - x, SCREEN_NORMAL,
		    " forced %llu", (unsigned long long)r->forced);
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
	    stats_owner_name(st->owner));
	bar = p->w - 17 - (wide ? 50 : 31);
	if (bar < 4)
		bar = 4;
	screen_bar(y, x + 17, bar, frac, role, env->utf8);
	x += 17 + bar;
	screen_bytes(by, sizeof by, (double)st->used);
	pane_buffers_age(age, sizeof age, b->age);
	if (wide)
		snprintf(tail, sizeof tail, " %5.1f%% %7u %8s %10llu %6s %-7s",
		    frac * 100, st->pkts, by, (unsigned long long)st->seq, age,
		    st->reason == CAP_ROT_NONE ? "-" :
		    stats_reason_name(st->reason));
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

/* Each drop counter, named by where the packet was lost. */
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
		{ "stale after filter change ", s->rejected, 1 },
	};
	size_t	 i;
	int	 x = p->x + 1, end = p->x + p->w;

	x += screen_put(y, x, end - x, SCREEN_HEADER, "drops");
	for (i = 0; i < sizeof d / sizeof d[0]; i++) {
		if (!d[i].shown)
			continue;
		x += screen_printf(y, x, end - x, SCREEN_NORMAL, "  %s",
		    d[i].label);
		/* The recheck count is filtering, not loss: no alarm colour. */
		x += screen_printf(y, x, end - x, d[i].v != 0 && i < 4 ?
		    SCREEN_DROP : SCREEN_VALUE, "%llu",
		    (unsigned long long)d[i].v);
	}
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
