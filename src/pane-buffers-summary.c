/*
 * What the buffers pane says of all buffers at once: the title bar
 * (buffers by owner now, the peaks since the last refresh: most held in
 * one ring, fullest ring, queue freezes) and the three rows under the
 * buffers: rotations by reason, every drop counter with where it
 * happened, and the drop verdict (diag.c).
 */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "pane.h"
#include "pane-buffers-int.h"
#include "stats.h"
#include "tbuf.h"

static void	pane_buffers_rot(const struct pane *, const struct stats_snap *,
		    int);
static void	pane_buffers_drops(const struct pane *,
		    const struct stats_snap *, int);
static int	pane_buffers_ifdrops(const struct stats_snap *, int, int, int);
static void	pane_buffers_verdict(const struct pane *,
		    const struct stats_snap *, int);

/*
 * Buffers by owner now (the letters double as the strips' legend), the
 * peaks since the last refresh, and the key that switches views.
 */
void
pane_buffers_titlebar(const struct pane *p, const struct stats_snap *s,
    int rows, int top)
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
		    top + 1, top + rows, s->nbufs);
	else
		snprintf(right, sizeof right, "b strips");
	screen_title(p, left, right);
}

/* The three rows at the pane's foot. */
void
pane_buffers_summary(const struct pane *p, const struct stats_snap *s)
{
	pane_buffers_rot(p, s, p->y + p->h - BUF_SUMMARY);
	pane_buffers_drops(p, s, p->y + p->h - BUF_SUMMARY + 1);
	pane_buffers_verdict(p, s, p->y + p->h - 1);
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
		    (unsigned long long)s->c.rot[i]);
		x += screen_printf(y, x, end - x, SCREEN_DIM, " (%s/s)",
		    screen_num(r, sizeof r, s->rotps[i]));
	}
	x += screen_put(y, x, end - x, SCREEN_NORMAL, "   queue freezes ");
	screen_printf(y, x, end - x, s->c.kfreezes ? SCREEN_DROP : SCREEN_VALUE,
	    "%llu", (unsigned long long)s->c.kfreezes);
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
		{ "kernel ring ", s->c.kdrops, 1 },
		{ "interface ", s->c.ifdrops, s->c.have_ifdrops },
		{ "-w writer ", s->c.wdrops, 1 },
		{ "cut: block too small ", s->c.kcut, s->c.kcut > 0 },
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
		x += screen_printf(y, x, end - x, s->c.if_kdrops[k] != 0 ?
		    SCREEN_DROP : SCREEN_VALUE, "%llu",
		    (unsigned long long)s->c.if_kdrops[k]);
	}
	if (x > x0)
		x += screen_put(y, x, end - x, SCREEN_NORMAL, ")");
	return x - x0;
}
