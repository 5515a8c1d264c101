/*
 * One frame of the screen: the two header rows, where each pane goes for
 * the terminal's size, and the draw that calls the panes, a view or the
 * sockets list over the body.  It only reads the screen's state and the
 * last snapshot; keys and the main loop (screen.c) change them.
 */
#include <ncurses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "engine.h"
#include "pane.h"
#include "screen-int.h"
#include "screen.h"
#include "stats.h"

#define SCREEN_SIDEW	64		/* talkers column on wide screens */

#define SCREEN_PANEMINH	3	/* a side pane: title, heads, a row */
#define SCREEN_BUFMINH	6	/* buffers: see screen_layout() */

static void	screen_layout(void);
static void	screen_layout_column(int, int);
static void	screen_layout_band(int, int);
static void	screen_header(void);
static void	screen_header_top(const struct stats_snap *, int);
static int	screen_header_rates(const struct stats_snap *, int);
static void	screen_header_state(const struct stats_snap *, int, int);
static int	screen_header_field(int, int, enum screen_role, const char *,
		    ...) __attribute__((format(printf, 4, 5)));
static int	screen_header_wfile(const struct stats_snap *, int, int);

void
screen_draw(void)
{
	int	 i;

	erase();
	if (COLS < SCREEN_MINW || LINES < SCREEN_MINH) {
		screen_printf(0, 0, COLS, SCREEN_ERROR, "terminal too small");
		screen_printf(1, 0, COLS, SCREEN_NORMAL, "%dx%d, need %dx%d",
		    COLS, LINES, SCREEN_MINW, SCREEN_MINH);
		screen_printf(2, 0, COLS, SCREEN_DIM, "q quits");
		curs_set(0);
		refresh();
		return;
	}
	screen_header();
	if (screen_view_active())
		screen_view_draw(2, LINES - 3);
	else if (screen_st.sockets.shown) {
		screen_st.sockets.y = 2;
		screen_st.sockets.x = 0;
		screen_st.sockets.h = LINES - 3;
		screen_st.sockets.w = COLS;
		screen_st.sockets.focus = 1;
		screen_st.sockets.cls->draw(&screen_st.sockets,
		    &screen_st.env);
	} else {
		screen_layout();
		for (i = 0; i < P_NPANES; i++)
			if (screen_st.pane[i].shown && screen_st.pane[i].h > 0)
				screen_st.pane[i].cls->draw(&screen_st.pane[i],
				    &screen_st.env);
	}
	screen_statusline();
	refresh();
}

/*
 * Wide screens: talkers over the mix in a column on the right of the
 * packets, which start at row y and have rest rows.
 */
static void
screen_layout_column(int y, int rest)
{
	struct pane	*pane = screen_st.pane;
	struct pane	*pk = &pane[P_PACKETS], *t = &pane[P_TALKERS];
	struct pane	*m = &pane[P_MIX];
	int		 mh, th;

	pk->w = COLS - SCREEN_SIDEW - 1;
	t->x = m->x = pk->w + 1;
	t->w = m->w = SCREEN_SIDEW;
	mh = m->shown ? m->cls->want(m, &screen_st.env, rest) : 0;
	if (t->shown && mh > rest / 2)
		mh = rest / 2;
	/* A pane with room for no row is left out. */
	if (mh < SCREEN_PANEMINH)
		mh = 0;
	th = t->shown ? rest - mh : 0;
	if (th < SCREEN_PANEMINH)
		th = 0;
	m->y = y + rest - mh;
	m->h = mh;
	t->y = y;
	t->h = th;
	if (th == 0 && mh == 0)
		pk->w = COLS;
}

/*
 * Narrower: a band of at most half the rows above the packets,
 * talkers and mix side by side, or one over the other when the
 * talkers would not have room for an address pair.
 */
static void
screen_layout_band(int y, int rest)
{
	struct pane	*pane = screen_st.pane;
	struct pane	*pk = &pane[P_PACKETS], *t = &pane[P_TALKERS];
	struct pane	*m = &pane[P_MIX];
	int		 bh, tw, mh, stack;

	tw = t->shown ? t->cls->want(t, &screen_st.env, rest) : 0;
	mh = m->shown ? m->cls->want(m, &screen_st.env, rest) : 0;
	stack = t->shown && m->shown && COLS < 90;
	bh = stack ? tw + mh : tw > mh ? tw : mh;
	if (bh > rest / 2)
		bh = rest / 2;
	/* Too few rows for both with a row each: talkers alone, or none. */
	if (stack && bh < 2 * SCREEN_PANEMINH) {
		stack = 0;
		mh = 0;
	}
	if (bh < SCREEN_PANEMINH)
		bh = 0;
	t->y = m->y = y;
	t->h = t->shown ? bh : 0;
	m->h = m->shown && (!t->shown || mh > 0) ? bh : 0;
	if (stack) {
		m->h = mh < bh / 2 ? mh : bh / 2;
		t->h = bh - m->h;
		m->y = y + t->h;
	} else if (t->shown && m->shown) {
		t->w = COLS - 35;
		m->x = t->w + 1;
		m->w = COLS - m->x;
	}
	pk->y = y + bh;
	pk->h = rest - bh;
}

/*
 * Header rows, then buffers (at most half of what is left), rates, and
 * the packet list in the rest; talkers and the mix take a column on the
 * right of a wide screen, or a band above the packet list otherwise.
 */
static void
screen_layout(void)
{
	struct pane	*pane = screen_st.pane;
	struct pane	*b = &pane[P_BUFFERS], *r = &pane[P_RATES];
	struct pane	*pk = &pane[P_PACKETS], *t = &pane[P_TALKERS];
	struct pane	*m = &pane[P_MIX];
	int		 avail = LINES - 3, y = 2, rest, side, bh, i;

	for (i = 0; i < P_NPANES; i++) {
		screen_st.pane[i].h = screen_st.pane[i].x = 0;
		screen_st.pane[i].w = COLS;
		screen_st.pane[i].focus = i == screen_st.focus;
	}
	r->h = avail >= 18 ? 2 : 0;
	bh = b->cls->want(b, &screen_st.env, avail);
	if (bh > (avail - r->h) / 2)
		bh = (avail - r->h) / 2;
	/* Title, column heads, a ring and the 3 summary lines. */
	if (bh < SCREEN_BUFMINH)
		bh = SCREEN_BUFMINH;
	b->y = y;
	b->h = bh;
	y += bh;
	r->y = y;
	y += r->h;
	rest = LINES - 1 - y;
	side = t->shown || m->shown;
	pk->y = y;
	pk->h = rest;
	if (!side)
		return;
	if (COLS >= 2 * SCREEN_SIDEW + 20)
		screen_layout_column(y, rest);
	else
		screen_layout_band(y, rest);
}

/* Line 0: source, mode, filter, refiltered count and uptime. */
static void
screen_header_top(const struct stats_snap *s, int w)
{
	char		 up[32], refl[40];
	const char	*flt = s->filter[0] ? s->filter : "none (every packet)";
	long		 u = (long)s->uptime;
	int		 x, room;

	snprintf(up, sizeof up, "up %ld:%02ld:%02ld", u / 3600, u / 60 % 60,
	    u % 60);
	/* Removed by the recheck after a change: filtering, not loss. */
	refl[0] = '\0';
	if (s->epoch > 0 || s->c.rejected > 0)
		snprintf(refl, sizeof refl, "  refiltered %llu",
		    (unsigned long long)s->c.rejected);
	x = screen_put(0, 0, w, SCREEN_VALUE, "zbtop ");
	/*
	 * A long path is cut from the left, so the file's name and the
	 * filter after it stay in view; it keeps 16 columns at least.
	 */
	room = w - x - (int)(strlen(s->mode) + 3 + 10 + strlen(flt) +
	    strlen(refl) + strlen(up) + 2);
	x += screen_puttail(0, x, room < 16 ? 16 : room, SCREEN_VALUE,
	    s->raw_source);
	x += screen_printf(0, x, w - x, SCREEN_HEADER, " [%s]", s->mode);
	x += screen_put(0, x, w - x, SCREEN_HEADER, "  filter: ");
	/*
	 * Short of room the filter keeps 12 columns before its count
	 * goes; cut short, it ends in '>', as a cut line of the list.
	 */
	room = w - x - (int)strlen(up) - 2;
	if ((int)(strlen(flt) + strlen(refl)) > room &&
	    room - (int)strlen(refl) < 12)
		refl[0] = '\0';
	x += screen_putcut(0, x, room - (int)strlen(refl), s->filter[0] ?
	    SCREEN_VALUE : SCREEN_DIM, flt, 0, 1);
	screen_put(0, x, w - x, SCREEN_HEADER, refl);
	screen_put(0, w - (int)strlen(up), (int)strlen(up), SCREEN_NORMAL, up);
}

/*
 * Line 1's start: rates, counts and drops first, as the geometry is what
 * may be cut.  Returns the column after them.
 */
static int
screen_header_rates(const struct stats_snap *s, int w)
{
	char		a[16], b[16], pfx[2] = { 0, 0 };
	uint64_t	drops;
	size_t		k;
	int		x;

	drops = s->c.kdrops + s->c.wdrops +
	    (s->c.have_ifdrops ? s->c.ifdrops : 0);
	x = screen_printf(1, 0, w, SCREEN_VALUE, "%s",
	    screen_num(a, sizeof a, s->pps));
	x += screen_put(1, x, w - x, SCREEN_NORMAL, " pkt/s  ");
	screen_num(b, sizeof b, s->bps);
	k = strlen(b);
	/* "221.0M" -> "221.0 Mbit/s" */
	if (k > 0 && b[k - 1] > '9') {
		pfx[0] = b[k - 1];
		b[k - 1] = '\0';
	}
	x += screen_printf(1, x, w - x, SCREEN_VALUE, "%s", b);
	x += screen_printf(1, x, w - x, SCREEN_NORMAL, " %sbit/s", pfx);
	x += screen_put(1, x, w - x, SCREEN_NORMAL, "  packets ");
	x += screen_printf(1, x, w - x, SCREEN_VALUE, "%llu",
	    (unsigned long long)s->c.packets);
	x += screen_put(1, x, w - x, SCREEN_NORMAL, "  drops ");
	x += screen_printf(1, x, w - x, drops ? SCREEN_DROP : SCREEN_VALUE,
	    "%llu", (unsigned long long)drops);
	return x;
}

/*
 * One field of line 1 at x, "  " and the text: whole, or not at all
 * when it does not fit, so no part of a field reads as another.
 * Returns the columns used.
 */
static int
screen_header_field(int x, int w, enum screen_role role, const char *fmt,
    ...)
{
	char	 buf[256];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (x + 2 + screen_width(buf, strlen(buf)) > w)
		return 0;
	screen_put(1, x, 2, SCREEN_NORMAL, "  ");
	return 2 + screen_put(1, x + 2, w - x - 2, role, buf);
}

/*
 * The -w file: "writing NAME (N packets)" while open, "wrote NAME (N
 * packets)" once closed at the end; the name cut from the left when the
 * field does not fit (at least 12 columns of it), else the field left
 * out.  Returns the columns used.
 */
static int
screen_header_wfile(const struct stats_snap *s, int x, int w)
{
	char		 verb[16], cnt[40];
	int		 room, x0 = x;

	snprintf(verb, sizeof verb, "  %s ", s->writing == STATS_W_DONE ?
	    "wrote" : "writing");
	snprintf(cnt, sizeof cnt, " (%llu packet%s)",
	    (unsigned long long)s->wframes, s->wframes == 1 ? "" : "s");
	room = w - x - (int)strlen(verb) - (int)strlen(cnt);
	if (room < 12 && room < screen_width(s->wfile, strlen(s->wfile)))
		return 0;
	x += screen_put(1, x, w - x, SCREEN_HEADER, verb);
	x += screen_puttail(1, x, room, SCREEN_HEADER, s->wfile);
	x += screen_put(1, x, w - x, SCREEN_HEADER, cnt);
	return x - x0;
}

/* Line 1's rest, from column x: filling blocks, link, states, geometry. */
static void
screen_header_state(const struct stats_snap *s, int x, int w)
{
	char		a[16];
	uint64_t	fill;
	int		i;
	struct tm	tm;
	time_t		t;

	/*
	 * Not handed over yet: what the kernel's blocks on the active rings
	 * hold (the other side's were taken at the flip).  Once the capture
	 * has ended (-c) nothing will be: those packets are the kernel's
	 * only, counted by it but not captured, as with tcpdump -c.
	 */
	for (i = 0, fill = 0; i < s->nbufs && !s->ended; i++)
		if (s->bufs[i].st.owner == CAP_OWN_KERNEL &&
		    s->bufs[i].st.active)
			fill += s->bufs[i].st.pkts;
	if (fill > 0)
		x += screen_header_field(x, w, SCREEN_DIM, "+%llu filling",
		    (unsigned long long)fill);
	if (s->linkdown != 0) {
		t = (time_t)s->linkdown;
		localtime_r(&t, &tm);
		strftime(a, sizeof a, "%H:%M:%S", &tm);
		x += screen_header_field(x, w, SCREEN_DROP,
		    "link down since %s", a);
	}
	if (s->paused)
		x += screen_header_field(x, w, SCREEN_USER, "PAUSED");
	if (s->eof)
		x += screen_header_field(x, w, SCREEN_OK, "end of file");
	else if (engine_wait(screen_st.eng, 0))	/* -c, or an error */
		x += screen_header_field(x, w, SCREEN_OK, "capture ended");
	if (s->writing)
		x += screen_header_wfile(s, x, w);
	if (s->rotate_ms)
		x += screen_header_field(x, w, SCREEN_HEADER,
		    "rotate every %u ms", s->rotate_ms);
	/* The geometry last: cut short, it ends in '>'. */
	if (x + 4 < w) {
		x += screen_put(1, x, 2, SCREEN_NORMAL, "  ");
		screen_putcut(1, x, w - x, SCREEN_NORMAL, s->geometry, 0, 1);
	}
}

/* Two rows: what is captured and how; then rates, totals and drops. */
static void
screen_header(void)
{
	const struct stats_snap	*s = screen_st.snap;
	int			 w = COLS;

	screen_fill(0, 0, COLS, SCREEN_NORMAL);
	if (screen_st.eng == NULL) {
		screen_put(0, 0, w, SCREEN_VALUE, "zbtop: packet sockets on "
		    "this host");
		screen_put(1, 0, w, SCREEN_DIM, "read-only: no capture of "
		    "zbtop's own");
		return;
	}
	screen_header_top(s, w);
	screen_header_state(s, screen_header_rates(s, w), w);
}
