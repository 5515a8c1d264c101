/*
 * The rates pane: sparklines of the last STATS_HIST one-second samples of
 * packets per second and kernel drops per second, each with its current
 * value and the peak it is scaled to.  Reads only the snapshot.
 */
#include <stdio.h>

#include "pane.h"
#include "stats.h"

static int	pane_rates_want(struct pane *, const struct pane_env *, int);
static void	pane_rates_draw(struct pane *, const struct pane_env *);
static void	pane_rates_line(const struct pane *, const struct pane_env *,
		    int, const char *, const double *, double,
		    enum screen_role);

const struct pane_class pane_rates_class = {
	.name = "rates",
	.want = pane_rates_want,
	.draw = pane_rates_draw,
};

static int
pane_rates_want(struct pane *p, const struct pane_env *env, int avail)
{
	return 2;
}

static void
pane_rates_draw(struct pane *p, const struct pane_env *env)
{
	const struct stats_snap	*s = env->snap;
	double			 dmax = 0;
	int			 i;

	for (i = 0; i < s->nhist; i++)
		if (s->hist_dps[i] > dmax)
			dmax = s->hist_dps[i];
	pane_rates_line(p, env, p->y, "pkts/s", s->hist_pps, s->pps,
	    SCREEN_SPARK);
	if (p->h > 1)
		pane_rates_line(p, env, p->y + 1, "drops/s", s->hist_dps,
		    s->dps, dmax > 0 || s->dps > 0 ? SCREEN_ERROR :
		    SCREEN_DIM);
}

/* "label ▁▂▅▇█▃  now 1.2k  peak 3.4k", the graph as wide as it fits. */
static void
pane_rates_line(const struct pane *p, const struct pane_env *env, int y,
    const char *label, const double *v, double now, enum screen_role role)
{
	const struct stats_snap	*s = env->snap;
	char			 a[16], b[16], tail[64];
	double			 max = 0;
	int			 i, w, tw;

	for (i = 0; i < s->nhist; i++)
		if (v[i] > max)
			max = v[i];
	snprintf(tail, sizeof tail, " now %7s  peak %7s",
	    screen_num(a, sizeof a, now), screen_num(b, sizeof b, max));
	tw = screen_width(tail, sizeof tail);
	screen_printf(y, p->x + 1, 8, SCREEN_HEADER, "%-8s", label);
	w = p->w - 10 - tw;
	if (w > STATS_HIST)
		w = STATS_HIST;
	if (w < 0)
		w = 0;
	screen_spark(y, p->x + 10, w, v, s->nhist, max, role, env->utf8);
	screen_put(y, p->x + 10 + w, tw, role == SCREEN_ERROR && now > 0 ?
	    SCREEN_DROP : SCREEN_NORMAL, tail);
}
