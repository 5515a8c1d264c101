/*
 * The protocol mix pane (m toggles it): the innermost protocol that the
 * light parse recognised, busiest first, with packets, share and a bar.
 * It reads only the snapshot's per-protocol counters.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "dec.h"
#include "pane.h"
#include "stats.h"

static int	pane_mix_want(struct pane *, const struct pane_env *, int);
static void	pane_mix_draw(struct pane *, const struct pane_env *);
static int	pane_mix_cmp(const void *, const void *);

static const uint64_t	*mix_counts;	/* for pane_mix_cmp only */

const struct pane_class pane_mix_class = {
	.name = "mix",
	.want = pane_mix_want,
	.draw = pane_mix_draw,
};

static int
pane_mix_want(struct pane *p, const struct pane_env *env, int avail)
{
	int	 i, n = 0;

	for (i = 0; i < DEC_P_NPROTO; i++)
		if (env->snap->proto[i] != 0)
			n++;
	return 1 + (n > 0 ? n : 1);
}

static int
pane_mix_cmp(const void *a, const void *b)
{
	uint64_t	 x = mix_counts[*(const int *)a];
	uint64_t	 y = mix_counts[*(const int *)b];

	return x < y ? 1 : x > y ? -1 : *(const int *)a - *(const int *)b;
}

/* Busiest protocol first: name, packets, share and a bar. */
static void
pane_mix_draw(struct pane *p, const struct pane_env *env)
{
	const struct stats_snap	*s = env->snap;
	uint64_t		 total = 0;
	char			 n[16];
	int			 order[DEC_P_NPROTO], i, k = 0, y, bw;

	for (i = 0; i < DEC_P_NPROTO; i++) {
		total += s->proto[i];
		if (s->proto[i] != 0)
			order[k++] = i;
	}
	mix_counts = s->proto;
	qsort(order, (size_t)k, sizeof order[0], pane_mix_cmp);
	screen_title(p, "Protocol mix", "m hides");
	if (k == 0)
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no packets yet");
	bw = p->w - 27;
	for (i = 0; i < k && i < p->h - 1; i++) {
		double	 f = total ? (double)s->proto[order[i]] / total : 0;

		y = p->y + 1 + i;
		screen_printf(y, p->x, 26, SCREEN_NORMAL,
		    " %-7.7s %8s %6.1f%% ",
		    dec_proto_name(order[i]), screen_num(n, sizeof n,
		    (double)s->proto[order[i]]), f * 100);
		if (bw >= 3)
			screen_bar(y, p->x + 26, bw, f, SCREEN_SPARK,
			    env->utf8);
	}
}
