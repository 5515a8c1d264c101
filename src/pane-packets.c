/*
 * The packet list: kept packets by frame number, following new ones
 * until the user scrolls or pauses.  Scrolled or paused, the rows shown
 * are copies that change only when the user moves, so capture going on
 * never slides the view; the title counts the frames that arrived since.
 * Frames the kept ring skipped show as one row.  Rows are copied under
 * the ring's lock and decoded after unlocking, so the engine never waits
 * for a decoder run by the screen.
 */
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "dec.h"
#include "findex.h"
#include "pane.h"
#include "plist.h"
#include "recent.h"
#include "screen.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

/* A row: a kept packet, or (gap > 0) frames the ring did not keep. */
struct pkt_line {
	uint64_t		 gap;
	struct recent_pkt	 pkt;
};

static int	pane_packets_want(struct pane *, const struct pane_env *, int);
static void	pane_packets_draw(struct pane *, const struct pane_env *);
static int	pane_packets_key(struct pane *, const struct pane_env *, int);
static int	pane_packets_move(int, int *);
static void	pane_packets_page(struct recent *, int, int);
static uint64_t	pane_packets_walk(struct recent *, uint64_t, int, int);
static void	pane_packets_reset(struct pane *);
static void	pane_packets_fetch(struct recent *, int);
static uint64_t	pane_packets_top(struct recent *, uint64_t, int);
static int	pane_packets_build(struct recent *, int);
static void	pane_packets_search(const struct pane_env *, struct recent *);
static void	pane_packets_title(struct pane *, const struct pane_env *);
static void	pane_packets_row(const struct pane *, const struct pane_env *,
		    int, const struct pkt_line *, int);
static char	*pane_packets_commas(char *, size_t, uint64_t);
static int	 pane_packets_progress(const struct pane_env *, char *, size_t);
static double	 pane_packets_secs(const struct timespec *,
		    const struct timespec *);

static int		 pkt_follow = 1;	/* keep the newest in view */
static int		 pkt_dirty = 1;		/* the user moved: copy again */
static int		 pkt_frozen;		/* scrolled or paused */
static uint64_t		 pkt_since;		/* frames when it froze */
static uint64_t		 pkt_sel;		/* selected frame number */
static uint64_t		 pkt_top;		/* frame of the first row */
static unsigned		 pkt_dgen, pkt_sgen;	/* filter, search seen */
static int		 pkt_typing;		/* a search being typed */
static int		 pkt_sdir;		/* its direction, 1 or -1 */
static uint64_t		 pkt_origin;		/* where typing started */
static int		 pkt_ofollow;
static struct pkt_line	*pkt_lines;
static int		 pkt_nlines, pkt_cap, pkt_rows;
static int		 pkt_left;		/* summary columns hidden */
static struct tbuf	 pkt_tb;
static struct recent_pkt pkt_last;		/* the newest, for progress */

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
	pkt_follow = pkt_dirty = 1;
	pkt_sel = pkt_top = 0;
}

/* "170,667" */
static char *
pane_packets_commas(char *buf, size_t size, uint64_t v)
{
	char	 tmp[32];
	size_t	 len, i, o = 0;

	len = (size_t)snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
	return buf;
}

/*
 * The first frame of a view whose last row is frame bottom: walks back
 * while the rows, gap rows included, still fit.  Recent lock held.
 */
static uint64_t
pane_packets_top(struct recent *rec, uint64_t bottom, int rows)
{
	uint64_t	 f = bottom, top = bottom, prev;
	int		 used = 0, cost;

	while (f != 0) {
		prev = plist_step(rec, f, -1);
		cost = 1 + (plist_notkept(rec, prev, f) > 0);
		if (used > 0 && used + cost > rows)
			break;
		used += cost;
		top = f;
		f = prev;
	}
	return top;
}

/* Copies the rows from pkt_top on; 1 if pkt_sel is among them. */
static int
pane_packets_build(struct recent *rec, int rows)
{
	uint64_t	 f = pkt_top, prev, gap;
	int		 seen = 0;

	pkt_nlines = 0;
	prev = plist_step(rec, f, -1);
	while (f != 0 && pkt_nlines < rows) {
		if ((gap = plist_notkept(rec, prev, f)) > 0) {
			pkt_lines[pkt_nlines++].gap = gap;
			if (pkt_nlines == rows)
				break;
		}
		if (plist_get(rec, f, &pkt_lines[pkt_nlines].pkt) == -1)
			break;
		pkt_lines[pkt_nlines++].gap = 0;
		seen |= f == pkt_sel;
		prev = f;
		f = plist_step(rec, f, 1);
	}
	return seen;
}

/* Places the view and copies its rows; called with nothing locked. */
static void
pane_packets_fetch(struct recent *rec, int rows)
{
	uint64_t	 last;

	if (rows > pkt_cap) {
		pkt_lines = xrealloc(pkt_lines, (size_t)rows *
		    sizeof *pkt_lines);
		pkt_cap = rows;
	}
	recent_lock(rec);
	last = plist_step(rec, UINT64_MAX, -1);
	/* Paused, the rows stay where they were, a resize included. */
	if ((pkt_follow && !pkt_frozen) || last == 0 || pkt_sel == 0) {
		pkt_sel = last;
		pkt_top = pane_packets_top(rec, last, rows);
	} else {
		if (!plist_shown(rec, pkt_sel) &&
		    (pkt_sel = plist_step(rec, pkt_sel, 1)) == 0)
			pkt_sel = last;
		if (pkt_follow)		/* paused: its newest row stays last */
			pkt_top = pane_packets_top(rec, pkt_sel, rows);
		else if (pkt_sel < pkt_top || !plist_shown(rec, pkt_top))
			pkt_top = pkt_sel;
	}
	if (pkt_top != 0 && !pane_packets_build(rec, rows) && pkt_sel != 0) {
		pkt_top = pane_packets_top(rec, pkt_sel, rows);
		pane_packets_build(rec, rows);
	}
	if (pkt_top == 0)
		pkt_nlines = 0;
	recent_unlock(rec);
	pkt_rows = rows;
	pkt_dirty = 0;
}

/*
 * A search the prompt or a command asked for: select the match.  The
 * direction is set when a search starts: forward from a selected row,
 * back from the newest in a following list.  A search wraps, as vim's.
 */
static void
pane_packets_search(const struct pane_env *env, struct recent *rec)
{
	char		 text[256];
	uint64_t	 from = 0, found;
	int		 what, dir = 1, dlt[CAP_MAXIF];
	unsigned	 g, n;

	if ((g = plist_search_get(text, sizeof text, &what)) == pkt_sgen)
		return;
	pkt_sgen = g;
	if (what == PLIST_TYPED || what == PLIST_ACCEPT) {
		/* Typed text and Enter may come between two draws. */
		if (!pkt_typing) {
			pkt_origin = pkt_sel;
			pkt_ofollow = pkt_follow;
			pkt_sdir = pkt_follow ? -1 : 1;
		}
		pkt_typing = what == PLIST_TYPED;
		dir = pkt_sdir;
		from = pkt_origin;
	} else if (what == PLIST_CANCEL)
		text[0] = '\0';
	else {
		pkt_typing = 0;
		if (pkt_sdir == 0)
			pkt_sdir = pkt_follow ? -1 : 1;
		dir = what == PLIST_PREV ? -pkt_sdir : pkt_sdir;
		from = pkt_sel + (uint64_t)dir;
	}
	if (text[0] == '\0') {
		/* n or N before any search: say so, as less does. */
		if (what == PLIST_NEXT || what == PLIST_PREV)
			screen_status(1, "no search yet: / starts one");
		if (pkt_typing) {
			pkt_sel = pkt_origin;
			pkt_follow = pkt_ofollow;
			pkt_dirty = 1;
		}
		if (what == PLIST_CANCEL)
			pkt_typing = 0;
		return;
	}
	n = engine_ifdlts(env->eng, dlt);
	found = plist_find(rec, dlt, n, from, dir, text);
	if (found == 0 && (found = plist_find(rec, dlt, n,
	    dir > 0 ? 0 : UINT64_MAX, dir, text)) != 0 && what != PLIST_TYPED)
		screen_status(0, "search wrapped");
	if (found == 0) {
		screen_status(1, "not found: %s", text);
		return;
	}
	pkt_follow = 0;
	pkt_sel = found;
	pkt_dirty = 1;
}

static void
pane_packets_draw(struct pane *p, const struct pane_env *env)
{
	struct recent	*rec = engine_recent(env->eng);
	char		 df[200];
	unsigned	 dgen;
	int		 i, rows = p->h - 1;

	if (rec == NULL) {
		screen_title(p, "Packets", NULL);
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "packets are not kept in this mode");
		return;
	}
	pkt_frozen = !pkt_follow || env->snap->paused;
	/*
	 * The frames the rows last followed up to: "N new" counts from it
	 * (with no row to hold, as after c, the rows follow once more).
	 */
	if (!pkt_frozen || pkt_sel == 0)
		pkt_since = engine_frames(env->eng);
	plist_sync(engine_frames(env->eng), env->snap->raw_filter,
	    engine_run(env->eng));
	pane_packets_search(env, rec);
	dgen = plist_display_gen();
	if (!pkt_frozen || pkt_sel == 0 || pkt_dirty || rows != pkt_rows ||
	    dgen != pkt_dgen)
		pane_packets_fetch(rec, rows);
	pkt_dgen = dgen;
	pane_packets_title(p, env);
	plist_display_text(df, sizeof df);
	if (pkt_nlines == 0)
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    engine_frames(env->eng) == 0 ? "no packets yet" :
		    df[0] != '\0' ? "no kept packet passes the display filter" :
		    "no packets since the list was cleared");
	for (i = 0; i < pkt_nlines; i++)
		pane_packets_row(p, env, p->y + 1 + i, &pkt_lines[i],
		    !pkt_follow && pkt_lines[i].gap == 0 &&
		    pkt_lines[i].pkt.no == pkt_sel);
}

/* "Packets 12-40 of 514166  scrolled: 3000 new (End follows)" */
static void
pane_packets_title(struct pane *p, const struct pane_env *env)
{
	char		 left[400], state[96], df[200], right[96];
	uint64_t	 a = 0, b = 0, frames = engine_frames(env->eng);
	int		 i;

	for (i = 0; i < pkt_nlines; i++)
		if (pkt_lines[i].gap == 0) {
			if (a == 0)
				a = pkt_lines[i].pkt.no;
			b = pkt_lines[i].pkt.no;
		}
	if (env->snap->paused)
		snprintf(state, sizeof state, "  PAUSED: %llu new (P resumes)",
		    (unsigned long long)(frames - pkt_since));
	else if (!pkt_follow)
		snprintf(state, sizeof state, "  scrolled: %llu new "
		    "(End follows)", (unsigned long long)(frames - pkt_since));
	else
		snprintf(state, sizeof state, "  following");
	plist_display_text(df, sizeof df);
	if (a == 0)
		snprintf(left, sizeof left, "Packets%s%s%s", df[0] != '\0' ?
		    "  display: " : "", df, state);
	else
		snprintf(left, sizeof left, "Packets %llu-%llu of %llu%s%s%s",
		    (unsigned long long)a, (unsigned long long)b,
		    (unsigned long long)frames, df[0] != '\0' ?
		    "  display: " : "", df, state);
	screen_title(p, left, pane_packets_progress(env, right, sizeof right) ?
	    right : "/ search  \\ display  P pause");
}

/*
 * A replayed file: where the replay is, in frames and in the file's
 * time, and at what speed: "61%  0:00:07/0:00:12  1x  + - >".
 */
static int
pane_packets_progress(const struct pane_env *env, char *buf, size_t size)
{
	struct recent		*rec = engine_recent(env->eng);
	struct findex_info	 fi;
	struct recent_pkt	*pk = &pkt_last;
	uint64_t		 frames = engine_frames(env->eng), no;
	double			 speed = engine_speed_get(env->eng), at = 0;
	double			 all;
	char			 sp[32], pct[32];
	int			 stale;

	if ((stale = plist_file_info(&fi)) == -1 || fi.frames == 0)
		return 0;
	recent_lock(rec);
	no = recent_step(rec, UINT64_MAX, -1);
	if (no != 0 && recent_get(rec, no, pk) == 0)
		at = pane_packets_secs(&pk->ts, &fi.first);
	recent_unlock(rec);
	all = pane_packets_secs(&fi.last, &fi.first);
	if (stale)
		snprintf(pct, sizeof pct, "filter changed");
	else if (fi.done)
		snprintf(pct, sizeof pct, "%.0f%%", fi.frames > 0 ?
		    100.0 * (double)frames / (double)fi.frames : 0);
	else
		snprintf(pct, sizeof pct, "indexing");
	if (speed == 0)
		snprintf(sp, sizeof sp, "fastest");
	else
		snprintf(sp, sizeof sp, "%gx", speed);
	snprintf(buf, size, "%s  %d:%02d:%02d/%d:%02d:%02d%s  %s  + - >", pct,
	    (int)(at / 3600), (int)at / 60 % 60, (int)at % 60,
	    (int)(all / 3600), (int)all / 60 % 60, (int)all % 60,
	    fi.done ? "" : "+", sp);
	return 1;
}

/* Seconds from a to b, not below 0 nor above 99 hours. */
static double
pane_packets_secs(const struct timespec *b, const struct timespec *a)
{
	double	 d = (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;

	return d < 0 ? 0 : d > 356400 ? 356400 : d;
}

/* "     123 12:34:56.789012 IP 198.18.0.2.9 > ...", UTC like print mode. */
static void
pane_packets_row(const struct pane *p, const struct pane_env *env, int y,
    const struct pkt_line *l, int sel)
{
	const struct recent_pkt	*r = &l->pkt;
	struct tm		 tm;
	time_t			 t = r->ts.tv_sec;
	char			 head[64], n[32];
	int			 used;

	if (l->gap > 0) {
		snprintf(head, sizeof head, "%8s %s %s frame%s not kept %s", "",
		    env->utf8 ? "…" : "...", pane_packets_commas(n, sizeof n,
		    l->gap), l->gap == 1 ? "" : "s", env->utf8 ? "…" : "...");
		screen_put(y, p->x, p->w, SCREEN_DIM, head);
		return;
	}
	/* Local time, as -P's lines and tcpdump's. */
	localtime_r(&t, &tm);
	snprintf(head, sizeof head, "%8llu %02d:%02d:%02d.%06ld ",
	    (unsigned long long)r->no, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    r->ts.tv_nsec / 1000);
	tbuf_reset(&pkt_tb);
	/* Several -i: the interface first, as tcpdump -i any's lines. */
	if (env->snap->nifs > 1 && r->iface < env->snap->nifs)
		dec_where(&pkt_tb, env->snap->ifname[r->iface], r->pkttype);
	dec_summary(&pkt_tb, engine_ifdlt(env->eng, r->iface), r->data,
	    r->caplen, r->len);
	if (sel)
		screen_fill(y, p->x, p->w, SCREEN_SELECT);
	used = screen_put(y, p->x, p->w, sel ? SCREEN_SELECT : SCREEN_DIM,
	    head);
	/* Number and time stay; a cut summary is marked and scrolls. */
	screen_putcut(y, p->x + used, p->w - used, sel ? SCREEN_SELECT :
	    SCREEN_NORMAL, pkt_tb.s != NULL ? pkt_tb.s : "", pkt_left, 1);
}

/*
 * Arrow keys: how many packets the selection moves (1, or 0 for any
 * other key), and *dir which way (-1 up, 1 down).
 */
static int
pane_packets_move(int key, int *dir)
{
	*dir = 1;
	switch (key) {
	case KEY_UP:
	case 'k':
		*dir = -1;
		return 1;
	case KEY_DOWN:
	case 'j':
		return 1;
	default:
		return 0;
	}
}

/* Up to n shown frames from f in dir: the last one reached, or f. */
static uint64_t
pane_packets_walk(struct recent *rec, uint64_t f, int n, int dir)
{
	uint64_t	 g;

	while (n-- > 0 && (g = plist_step(rec, f, dir)) != 0)
		f = g;
	return f;
}

/*
 * PgDn (dir 1), PgUp (-1): the rows and the selection both move a page
 * at once, so the selected row keeps its place on the screen, as in
 * htop (less scrolls a page too); the last page stays full.  Recent
 * lock not held.
 */
static void
pane_packets_page(struct recent *rec, int rows, int dir)
{
	uint64_t	 last, top, ltop;

	recent_lock(rec);
	last = plist_step(rec, UINT64_MAX, -1);
	if (pkt_top == 0 || pkt_sel == 0 || !plist_shown(rec, pkt_top)) {
		/* No view yet to move: the selection alone. */
		pkt_sel = pane_packets_walk(rec, pkt_sel != 0 ? pkt_sel :
		    last, rows, dir);
		recent_unlock(rec);
		return;
	}
	top = pane_packets_walk(rec, pkt_top, rows, dir);
	if (dir > 0 && last != 0 &&
	    top > (ltop = pane_packets_top(rec, last, rows)))
		top = ltop > pkt_top ? ltop : pkt_top;
	pkt_top = top;
	pkt_sel = pane_packets_walk(rec, pkt_sel, rows, dir);
	recent_unlock(rec);
}

static int
pane_packets_key(struct pane *p, const struct pane_env *env, int key)
{
	struct recent	*rec = engine_recent(env->eng);
	uint64_t	 f;
	int		 rows = p->h > 2 ? p->h - 1 : 1, n, dir;

	if (rec == NULL)
		return 0;
	if (key == KEY_NPAGE || key == KEY_PPAGE) {
		pkt_follow = 0;
		pane_packets_page(rec, rows, key == KEY_NPAGE ? 1 : -1);
		pkt_dirty = 1;
		return 1;
	}
	if ((n = pane_packets_move(key, &dir)) > 0) {
		/* Moving the selection stops following the newest. */
		pkt_follow = 0;
		recent_lock(rec);
		while (n-- > 0 && (f = plist_step(rec, pkt_sel, dir)) != 0)
			pkt_sel = f;
		recent_unlock(rec);
		pkt_dirty = 1;
		return 1;
	}
	switch (key) {
	case KEY_HOME:
	case 'g':
		pkt_follow = 0;
		recent_lock(rec);
		if ((f = plist_step(rec, 0, 1)) != 0)
			pkt_sel = f;
		recent_unlock(rec);
		break;
	case KEY_END:
	case 'G':
		pkt_follow = 1;
		if (env->snap->paused)
			env->command("resume");
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
		if (pkt_sel != 0) {
			pkt_follow = 0;
			screen_detail_open(env->eng, pkt_sel);
		}
		break;
	default:
		return 0;
	}
	pkt_dirty = 1;
	return 1;
}
