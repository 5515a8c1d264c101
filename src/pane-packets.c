/*
 * The packet list: the latest decoded summaries, following new packets
 * until the user scrolls; Enter opens the detail of the selected one.
 * Reads the engine's recent-packet ring, copying the rows it shows under
 * the ring's lock and decoding after unlocking, so the engine never waits
 * for a decoder run by the screen.
 */
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "engine.h"
#include "dec.h"
#include "pane.h"
#include "recent.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

static int	pane_packets_want(struct pane *, const struct pane_env *, int);
static void	pane_packets_draw(struct pane *, const struct pane_env *);
static int	pane_packets_key(struct pane *, const struct pane_env *, int);
static void	pane_packets_reset(struct pane *);
static int	pane_packets_fetch(struct recent *, int);
static void	pane_packets_row(const struct pane *, const struct pane_env *,
		    int, const struct recent_pkt *, int);

static int		 pkt_follow = 1;	/* keep the newest in view */
static int		 pkt_left;		/* summary columns hidden */
static uint64_t		 pkt_sel;		/* selected packet number */
static uint64_t		 pkt_top;		/* number on the first row */
static uint64_t		 pkt_first, pkt_last;	/* what the ring held */
static struct recent_pkt *pkt_rows;
static int		 pkt_nrows, pkt_cap;
static struct tbuf	 pkt_tb;

const struct pane_class pane_packets_class = {
	.name = "packets",
	.want = pane_packets_want,
	.draw = pane_packets_draw,
	.key = pane_packets_key,
	.reset = pane_packets_reset,
};

static int
pane_packets_want(struct pane *p, const struct pane_env *env, int avail)
{
	return avail;
}

static void
pane_packets_reset(struct pane *p)
{
	pkt_follow = 1;
	pkt_sel = pkt_top = 0;
}

/* Copies the rows to show; called with nothing locked. */
static int
pane_packets_fetch(struct recent *rec, int rows)
{
	int	 n = 0;

	if (rows > pkt_cap) {
		pkt_rows = xrealloc(pkt_rows, (size_t)rows * sizeof *pkt_rows);
		pkt_cap = rows;
	}
	recent_lock(rec);
	recent_range(rec, &pkt_first, &pkt_last);
	if (pkt_last >= pkt_first && rows > 0) {
		if (pkt_follow || pkt_sel > pkt_last)
			pkt_sel = pkt_last;
		if (pkt_sel < pkt_first)
			pkt_sel = pkt_first;
		if (pkt_follow)
			pkt_top = pkt_last - pkt_first + 1 > (uint64_t)rows ?
			    pkt_last - (uint64_t)rows + 1 : pkt_first;
		if (pkt_sel < pkt_top)
			pkt_top = pkt_sel;
		if (pkt_sel >= pkt_top + (uint64_t)rows)
			pkt_top = pkt_sel - (uint64_t)rows + 1;
		if (pkt_top < pkt_first)
			pkt_top = pkt_first;
		for (; n < rows && pkt_top + (uint64_t)n <= pkt_last; n++)
			if (recent_get(rec, pkt_top + (uint64_t)n,
			    &pkt_rows[n]) == -1)
				break;
	}
	recent_unlock(rec);
	return n;
}

static void
pane_packets_draw(struct pane *p, const struct pane_env *env)
{
	struct recent	*rec = engine_recent(env->eng);
	char		 left[160];
	int		 i, rows = p->h - 1;

	pkt_nrows = 0;
	if (rec != NULL)
		pkt_nrows = pane_packets_fetch(rec, rows);
	if (pkt_nrows == 0)
		snprintf(left, sizeof left, "Packets");
	else
		snprintf(left, sizeof left, "Packets %llu-%llu of %llu%s",
		    (unsigned long long)pkt_top, (unsigned long long)(pkt_top +
		    (uint64_t)pkt_nrows - 1), (unsigned long long)pkt_last,
		    env->snap->paused ? "  PAUSED (P resumes)" : pkt_follow ?
		    "  following" : "  scrolled (End follows)");
	screen_title(p, left, "Enter detail  P pause");
	if (rec == NULL) {
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "packets are not kept in this mode");
		return;
	}
	if (pkt_nrows == 0)
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no packets yet");
	for (i = 0; i < pkt_nrows; i++)
		pane_packets_row(p, env, p->y + 1 + i, &pkt_rows[i],
		    !pkt_follow && pkt_rows[i].no == pkt_sel);
}

/* "     123 12:34:56.789012 IP 198.18.0.2.9 > ...", UTC like print mode. */
static void
pane_packets_row(const struct pane *p, const struct pane_env *env, int y,
    const struct recent_pkt *r, int sel)
{
	struct tm	 tm;
	time_t		 t = r->ts.tv_sec;
	char		 head[64];
	int		 used;

	gmtime_r(&t, &tm);
	snprintf(head, sizeof head, "%8llu %02d:%02d:%02d.%06ld ",
	    (unsigned long long)r->no, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    r->ts.tv_nsec / 1000);
	tbuf_reset(&pkt_tb);
	dec_summary(&pkt_tb, engine_dlt(env->eng), r->data, r->caplen, r->len);
	if (sel)
		screen_fill(y, p->x, p->w, SCREEN_SELECT);
	used = screen_put(y, p->x, p->w, sel ? SCREEN_SELECT : SCREEN_DIM,
	    head);
	/* Number and time stay; a cut summary is marked and scrolls. */
	screen_putcut(y, p->x + used, p->w - used, sel ? SCREEN_SELECT :
	    SCREEN_NORMAL, pkt_tb.s != NULL ? pkt_tb.s : "", pkt_left, 1);
}

static int
pane_packets_key(struct pane *p, const struct pane_env *env, int key)
{
	uint64_t	 page = p->h > 2 ? (uint64_t)p->h - 2 : 1;

	switch (key) {
	case KEY_UP:
	case 'k':
		pkt_follow = 0;
		if (pkt_sel > pkt_first)
			pkt_sel--;
		break;
	case KEY_DOWN:
	case 'j':
		pkt_follow = 0;
		if (pkt_sel < pkt_last)
			pkt_sel++;
		break;
	case KEY_PPAGE:
		pkt_follow = 0;
		pkt_sel = pkt_sel > pkt_first + page ? pkt_sel - page :
		    pkt_first;
		break;
	case KEY_NPAGE:
		pkt_follow = 0;
		pkt_sel = pkt_sel + page < pkt_last ? pkt_sel + page :
		    pkt_last;
		break;
	case KEY_HOME:
	case 'g':
		pkt_follow = 0;
		pkt_sel = pkt_first;
		break;
	case KEY_END:
	case 'G':
		pkt_follow = 1;
		if (env->snap->paused)
			engine_pause(env->eng, 0);
		break;
	case KEY_LEFT:
		pkt_left = pkt_left > 8 ? pkt_left - 8 : 0;
		break;
	case KEY_RIGHT:
		if (pkt_left < 1024)
			pkt_left += 8;
		break;
	case '\r':
	case '\n':
	case KEY_ENTER:
		if (pkt_last >= pkt_first && pkt_sel != 0) {
			pkt_follow = 0;
			screen_detail_open(env->eng, pkt_sel);
		}
		break;
	default:
		return 0;
	}
	return 1;
}
