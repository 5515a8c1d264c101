/*
 * The full-screen view: ncurses setup, the main loop, layout, keys,
 * signals and the status line.  The engine is only read through
 * snapshots taken every `delay` seconds; input is polled every 50 ms so
 * keys feel instant, and the prompt is fed key by key so the panes keep
 * updating while the user types.  Every way out restores the terminal:
 * q, SIGINT, SIGTERM, SIGHUP, and msg_fatal() through its hook.
 */
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <ncurses.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "engine.h"
#include "msg.h"
#include "pane.h"
#include "prompt.h"
#include "screen.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

#define SCREEN_MINW	60		/* narrower: "terminal too small" */
#define SCREEN_MINH	14
#define SCREEN_POLL_MS	50		/* input poll: keys feel instant */
#define SCREEN_SIDEW	64		/* talkers column on wide screens */

enum { P_BUFFERS, P_RATES, P_PACKETS, P_TALKERS, P_MIX, P_NPANES };

static struct screen {
	struct engine		*eng;
	struct stats_snap	*snap;
	struct pane_env		 env;
	struct pane		 pane[P_NPANES];
	int			 focus;		/* index into pane[] */
	struct prompt		*prompt;
	int			 prompting;
	char			 check[ZB_ERRBUFSZ];	/* live filter check */
	int			 check_ok;
	char			*checked;	/* text the check is for */
	struct cmd_ctx		 ctx;
	struct tbuf		 out;		/* a command's output lines */
	int			 nout, nerr;
	double			 delay;
	int			 refresh;	/* take a snapshot now */
	int			 quit;
	char			 status[512];
	int			 status_err;
	char			 engerr[ZB_ERRBUFSZ];
} scr;

/* Messages may come from any thread: the sink only copies them. */
static pthread_mutex_t	 screen_msg_lock = PTHREAD_MUTEX_INITIALIZER;
static char		 screen_msg[512];
static int		 screen_msg_level = -1;
static volatile sig_atomic_t screen_signal;
static struct prompt	*screen_prompt;		/* made by screen_init() */
static char		 screen_prompt_msg[ZB_ERRBUFSZ];

static void	screen_on_signal(int);
static void	screen_sink(int, const char *);
static void	screen_fatal_hook(void);
static int	screen_setup(const struct screen_opts *, char *);
static void	screen_teardown(void);
static void	screen_loop(void);
static double	screen_now(void);
static void	screen_draw(void);
static void	screen_layout(void);
static void	screen_header(void);
static void	screen_statusline(void);
static const char *screen_skipcols(const char *, int, int *);
static void	screen_key(int, wint_t);
static int	screen_global_key(int);
static void	screen_prompt_key(int, wint_t);
static void	screen_prompt_open(enum prompt_kind, const char *);
static void	screen_prompt_done(void);
static void	screen_prompt_check(void);
static void	screen_command(const char *);
static void	screen_cmd_out(void *, const char *);
static void	screen_cmd_error(void *, const char *);
static void	screen_focus_next(void);
static int	screen_take_messages(void);

int
screen_init(const struct screen_opts *o, char *errbuf)
{
	if (screen_prompt != NULL)
		return 0;
	screen_prompt = prompt_new(o->histfile, errbuf);
	if (screen_prompt == NULL)
		return -1;
	snprintf(screen_prompt_msg, sizeof screen_prompt_msg, "%s", errbuf);
	return 0;
}

int
screen_run(struct engine *eng, const struct screen_opts *o)
{
	struct sigaction	 sa, oint, oterm, ohup;
	char			 errbuf[ZB_ERRBUFSZ];

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		msg_error("the screen needs a terminal: use -b for batch mode");
		return 1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = screen_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &oint);
	sigaction(SIGTERM, &sa, &oterm);
	sigaction(SIGHUP, &sa, &ohup);
	memset(&scr, 0, sizeof scr);
	scr.eng = eng;
	if (screen_setup(o, errbuf) == -1) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGTERM, &oterm, NULL);
		sigaction(SIGHUP, &ohup, NULL);
		msg_error("%s", errbuf);
		return 1;
	}
	screen_loop();
	screen_teardown();
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGTERM, &oterm, NULL);
	sigaction(SIGHUP, &ohup, NULL);
	return 0;
}

static void
screen_on_signal(int sig)
{
	screen_signal = sig;
}

static void
screen_sink(int level, const char *text)
{
	pthread_mutex_lock(&screen_msg_lock);
	snprintf(screen_msg, sizeof screen_msg, "%s", text);
	screen_msg_level = level;
	pthread_mutex_unlock(&screen_msg_lock);
}

static void
screen_fatal_hook(void)
{
	if (!isendwin())
		endwin();
}

static int
screen_setup(const struct screen_opts *o, char *errbuf)
{
	const char	*nc = getenv("NO_COLOR");
	int		 i;

	setlocale(LC_CTYPE, "");
	scr.env.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	scr.delay = o->delay > 0 ? o->delay : 1;
	scr.snap = xcalloc(1, sizeof *scr.snap);
	scr.env.snap = scr.snap;
	scr.env.eng = scr.eng;
	if (screen_init(o, errbuf) == -1)
		return -1;
	scr.prompt = screen_prompt;
	if (screen_prompt_msg[0] != '\0')
		screen_status(0, "%s", screen_prompt_msg);
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot start the screen on "
		    "terminal type %s", getenv("TERM") != NULL ?
		    getenv("TERM") : "(unset)");
		free(scr.snap);
		return -1;
	}
	msg_set_fatal_hook(screen_fatal_hook);
	msg_set_sink(screen_sink);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	screen_colors(o->color && (nc == NULL || *nc == '\0'));
	scr.pane[P_BUFFERS].cls = &pane_buffers_class;
	scr.pane[P_RATES].cls = &pane_rates_class;
	scr.pane[P_PACKETS].cls = &pane_packets_class;
	scr.pane[P_TALKERS].cls = &pane_talkers_class;
	scr.pane[P_MIX].cls = &pane_mix_class;
	for (i = 0; i < P_NPANES; i++)
		scr.pane[i].shown = i <= P_PACKETS;
	scr.focus = P_PACKETS;
	scr.ctx.eng = scr.eng;
	scr.ctx.out = screen_cmd_out;
	scr.ctx.error = screen_cmd_error;
	scr.ctx.arg = &scr;
	scr.ctx.delay = &scr.delay;
	tbuf_init(&scr.out);
	return 0;
}

static void
screen_teardown(void)
{
	msg_set_sink(NULL);
	screen_view_close();
	if (!isendwin())
		endwin();
	msg_set_fatal_hook(NULL);
	prompt_free(scr.prompt);
	screen_prompt = NULL;
	tbuf_free(&scr.out);
	free(scr.checked);
	free(scr.snap);
	scr.snap = NULL;
}

static double
screen_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Snapshot every delay seconds or when asked; draw after a snapshot, a
 * key or a message; never wait longer than SCREEN_POLL_MS for a key.
 */
static void
screen_loop(void)
{
	double	 now, next = 0;
	wint_t	 wc;
	int	 r, dirty = 1, ms;

	while (!scr.quit && screen_signal == 0) {
		now = screen_now();
		if (now >= next || scr.refresh) {
			engine_snapshot(scr.eng, scr.snap);
			next = now + scr.delay;
			scr.refresh = 0;
			dirty = 1;
		}
		if (screen_take_messages())
			dirty = 1;
		if (dirty)
			screen_draw();
		dirty = 0;
		ms = (int)ceil((next - screen_now()) * 1000);
		timeout(ms < 0 ? 0 : ms > SCREEN_POLL_MS ? SCREEN_POLL_MS : ms);
		r = get_wch(&wc);
		if (r == ERR)
			continue;
		screen_key(r, wc);
		dirty = 1;
	}
}

/* Pending messages from the sink, and a new engine error, to the status. */
static int
screen_take_messages(void)
{
	const char	*e;
	int		 got = 0;

	pthread_mutex_lock(&screen_msg_lock);
	if (screen_msg_level != -1) {
		snprintf(scr.status, sizeof scr.status, "%s", screen_msg);
		scr.status_err = screen_msg_level != 0;
		screen_msg_level = -1;
		got = 1;
	}
	pthread_mutex_unlock(&screen_msg_lock);
	e = engine_error(scr.eng);
	if (e != NULL && *e != '\0' && strcmp(e, scr.engerr) != 0) {
		snprintf(scr.engerr, sizeof scr.engerr, "%s", e);
		screen_status(1, "capture stopped: %s", e);
		got = 1;
	}
	return got;
}

void
screen_status(int err, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(scr.status, sizeof scr.status, fmt, ap);
	va_end(ap);
	scr.status_err = err;
}

static void
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
	else {
		screen_layout();
		for (i = 0; i < P_NPANES; i++)
			if (scr.pane[i].shown && scr.pane[i].h > 0)
				scr.pane[i].cls->draw(&scr.pane[i], &scr.env);
	}
	screen_statusline();
	refresh();
}

/*
 * Header rows, then buffers (at most half of what is left), rates, and
 * the packet list in the rest; talkers and the mix take a column on the
 * right of a wide screen, or a band above the packet list otherwise.
 */
static void
screen_layout(void)
{
	struct pane	*b = &scr.pane[P_BUFFERS], *r = &scr.pane[P_RATES];
	struct pane	*pk = &scr.pane[P_PACKETS], *t = &scr.pane[P_TALKERS];
	struct pane	*m = &scr.pane[P_MIX];
	int		 avail = LINES - 3, y = 2, rest, side, bh, tw, mh;

	for (int i = 0; i < P_NPANES; i++) {
		scr.pane[i].h = 0;
		scr.pane[i].x = 0;
		scr.pane[i].w = COLS;
		scr.pane[i].focus = i == scr.focus;
	}
	r->h = avail >= 18 ? 2 : 0;
	bh = b->cls->want(b, &scr.env, avail);
	if (bh > (avail - r->h) / 2)
		bh = (avail - r->h) / 2;
	if (bh < 4)
		bh = 4;
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
	if (COLS >= 2 * SCREEN_SIDEW + 20) {
		/* Wide: a column on the right, talkers over the mix. */
		pk->w = COLS - SCREEN_SIDEW - 1;
		t->x = m->x = pk->w + 1;
		t->w = m->w = SCREEN_SIDEW;
		mh = m->shown ? m->cls->want(m, &scr.env, rest) : 0;
		if (t->shown && mh > rest / 2)
			mh = rest / 2;
		m->y = y + rest - mh;
		m->h = mh;
		t->y = y;
		t->h = t->shown ? rest - mh : 0;
		return;
	}
	/* Narrow: a band of at most half the rows, side by side. */
	bh = 0;
	if (t->shown)
		bh = t->cls->want(t, &scr.env, rest);
	if (m->shown && m->cls->want(m, &scr.env, rest) > bh)
		bh = m->cls->want(m, &scr.env, rest);
	if (bh > rest / 2)
		bh = rest / 2;
	t->y = m->y = y;
	t->h = t->shown ? bh : 0;
	m->h = m->shown ? bh : 0;
	tw = t->shown && m->shown ? COLS - 35 : COLS;
	t->w = tw;
	m->x = t->shown ? tw + 1 : 0;
	m->w = COLS - m->x;
	pk->y = y + bh;
	pk->h = rest - bh;
}

/* Two rows: what is captured and how; then rates, totals and drops. */
static void
screen_header(void)
{
	const struct stats_snap	*s = scr.snap;
	char			 a[16], b[16], up[32], pfx[2] = { 0, 0 };
	uint64_t		 drops;
	size_t			 k;
	long			 u = (long)s->uptime;
	int			 x, w = COLS;

	screen_fill(0, 0, COLS, SCREEN_NORMAL);
	snprintf(up, sizeof up, "up %ld:%02ld:%02ld", u / 3600, u / 60 % 60,
	    u % 60);
	x = screen_put(0, 0, w, SCREEN_VALUE, "zbtop ");
	x += screen_printf(0, x, w - x, SCREEN_VALUE, "%s", s->source);
	x += screen_printf(0, x, w - x, SCREEN_HEADER, " [%s]", s->mode);
	x += screen_put(0, x, w - x, SCREEN_HEADER, "  filter: ");
	x += screen_put(0, x, w - x - (int)strlen(up) - 2, s->filter[0] ?
	    SCREEN_VALUE : SCREEN_DIM, s->filter[0] ? s->filter :
	    "none (every packet)");
	screen_put(0, w - (int)strlen(up), (int)strlen(up), SCREEN_NORMAL, up);

	drops = s->kdrops + s->wdrops + (s->have_ifdrops ? s->ifdrops : 0);
	x = screen_printf(1, 0, w, SCREEN_NORMAL, "%s", s->geometry);
	x += screen_printf(1, x, w - x, SCREEN_VALUE, "  %s",
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
	    (unsigned long long)s->packets);
	x += screen_put(1, x, w - x, SCREEN_NORMAL, "  drops ");
	x += screen_printf(1, x, w - x, drops ? SCREEN_DROP : SCREEN_VALUE,
	    "%llu", (unsigned long long)drops);
	if (s->paused)
		x += screen_put(1, x, w - x, SCREEN_USER, "  PAUSED");
	if (s->eof)
		x += screen_put(1, x, w - x, SCREEN_OK, "  end of file");
	if (s->writing)
		x += screen_put(1, x, w - x, SCREEN_HEADER, "  writing");
	if (s->rotate_ms)
		screen_printf(1, x, w - x, SCREEN_HEADER, "  rotate every %u ms",
		    s->rotate_ms);
}

/* Skips whole characters of s until at least cols columns are gone. */
static const char *
screen_skipcols(const char *s, int cols, int *done)
{
	int	 n;

	*done = 0;
	while (*s != '\0' && *done < cols) {
		if ((n = mblen(s, MB_CUR_MAX)) < 1)
			n = 1;
		*done += screen_width(s, (size_t)n);
		s += n;
	}
	return s;
}

/*
 * The last row: the prompt while one is open (with its live check or
 * completions on the row above), else the last message and the hint.
 */
static void
screen_statusline(void)
{
	static const char	 hint[] = "? help  / filter  : command  q quit";
	const char		*line, *h;
	size_t			 cur;
	int			 y = LINES - 1, cx, skip, hw, done;

	if (!scr.prompting) {
		hw = (int)strlen(hint);
		if (COLS - hw - 2 < screen_width(scr.status,
		    sizeof scr.status))
			hw = 0;
		screen_put(y, 0, COLS - hw - 1, scr.status_err ?
		    SCREEN_ERROR : SCREEN_NORMAL, scr.status);
		if (hw > 0)
			screen_put(y, COLS - hw, hw, SCREEN_DIM, hint);
		curs_set(0);
		return;
	}
	line = prompt_line(scr.prompt, &cur);
	h = prompt_hint(scr.prompt);
	screen_fill(y - 1, 0, COLS, SCREEN_TITLE);
	if (*h != '\0')
		screen_put(y - 1, 1, COLS - 1, SCREEN_TITLE, h);
	else if (prompt_kind(scr.prompt) == PROMPT_FILTER)
		screen_printf(y - 1, 1, COLS - 1, scr.check_ok ? SCREEN_TITLE :
		    SCREEN_DROP, "%s", scr.check);
	else
		screen_put(y - 1, 1, COLS - 1, SCREEN_TITLE, scr.check);
	/* Scroll the line sideways so the cursor always shows. */
	cx = screen_width(line, cur);
	skip = cx > COLS - 3 ? cx - (COLS - 3) : 0;
	screen_put(y, 0, 1, SCREEN_VALUE, prompt_kind(scr.prompt) ==
	    PROMPT_FILTER ? "/" : ":");
	line = screen_skipcols(line, skip, &done);
	screen_put(y, 1, COLS - 2, SCREEN_NORMAL, line);
	cx = cx - done + 1;
	curs_set(1);
	move(y, cx < COLS ? cx : COLS - 1);
}

static void
screen_key(int r, wint_t wc)
{
	int	 key = r == KEY_CODE_YES ? (int)wc : (int)wc;

	if (r == KEY_CODE_YES && wc == KEY_RESIZE)
		return;		/* LINES and COLS are new: just redraw */
	if (scr.prompting) {
		screen_prompt_key(r, wc);
		return;
	}
	if (r == OK && wc == 014) {		/* Ctrl-L */
		clearok(curscr, TRUE);
		return;
	}
	if (COLS < SCREEN_MINW || LINES < SCREEN_MINH) {
		if (r == OK && wc == 'q')
			scr.quit = 1;
		return;
	}
	if (r == OK && wc == '\t' && !screen_view_active()) {
		screen_focus_next();
		return;
	}
	if (screen_view_active()) {
		screen_view_key(key);
		return;
	}
	if (screen_global_key(key))
		return;
	if (scr.pane[scr.focus].cls->key != NULL)
		scr.pane[scr.focus].cls->key(&scr.pane[scr.focus], &scr.env,
		    key);
}

static int
screen_global_key(int key)
{
	const struct stats_snap	*s = scr.snap;
	int			 i;

	switch (key) {
	case 'q':
		scr.quit = 1;
		break;
	case '?':
	case 'h':
	case KEY_F(1):
		screen_help_open();
		break;
	case '/':
		screen_prompt_open(PROMPT_FILTER, NULL);
		break;
	case ':':
		screen_prompt_open(PROMPT_COMMAND, NULL);
		break;
	case 'd':
		screen_prompt_open(PROMPT_COMMAND, "delay ");
		break;
	case 'r':
		screen_command("rotate");
		break;
	case 'P':
		screen_command(s->paused ? "resume" : "pause");
		break;
	case 'c':
		screen_command("clear");
		for (i = 0; i < P_NPANES; i++)
			if (scr.pane[i].cls->reset != NULL)
				scr.pane[i].cls->reset(&scr.pane[i]);
		break;
	case ' ':
		scr.refresh = 1;
		break;
	case 't':
	case 'm':
		i = key == 't' ? P_TALKERS : P_MIX;
		scr.pane[i].shown = !scr.pane[i].shown;
		if (!scr.pane[i].shown && scr.focus == i)
			scr.focus = P_PACKETS;
		break;
	default:
		return 0;
	}
	return 1;
}

/* Tab: the next shown pane that takes keys. */
static void
screen_focus_next(void)
{
	int	 i, f = scr.focus;

	for (i = 0; i < P_NPANES; i++) {
		f = (f + 1) % P_NPANES;
		if (scr.pane[f].shown && scr.pane[f].cls->key != NULL)
			break;
	}
	scr.focus = f;
}

static void
screen_prompt_open(enum prompt_kind kind, const char *init)
{
	prompt_begin(scr.prompt, kind, init);
	scr.prompting = 1;
	free(scr.checked);
	scr.checked = NULL;
	scr.check[0] = '\0';
	screen_prompt_check();
}

/* ncurses keys to the prompt's; Esc alone cancels, Esc+key is Meta. */
static void
screen_prompt_key(int r, wint_t wc)
{
	static const struct {
		int	 curses, prompt;
	} map[] = {
		{ KEY_LEFT, PROMPT_K_LEFT },	{ KEY_RIGHT, PROMPT_K_RIGHT },
		{ KEY_UP, PROMPT_K_UP },	{ KEY_DOWN, PROMPT_K_DOWN },
		{ KEY_HOME, PROMPT_K_HOME },	{ KEY_END, PROMPT_K_END },
		{ KEY_DC, PROMPT_K_DELETE },
		{ KEY_BACKSPACE, PROMPT_K_BACKSPACE },
		{ KEY_ENTER, '\r' },		{ 0x220, PROMPT_K_WLEFT },
		{ 0x22f, PROMPT_K_WRIGHT },
	};
	enum prompt_state	 st;
	wint_t			 next;
	size_t			 i;
	int			 key = (int)wc;

	if (r == KEY_CODE_YES) {
		for (i = 0; i < sizeof map / sizeof map[0]; i++)
			if (map[i].curses == (int)wc)
				break;
		if (i == sizeof map / sizeof map[0])
			return;
		key = map[i].prompt;
	} else if (wc == 033) {
		timeout(0);
		if (get_wch(&next) == OK)
			key = PROMPT_META | (int)next;
	} else if (wc == 0177)
		key = PROMPT_K_BACKSPACE;
	st = prompt_key(scr.prompt, key);
	if (st == PROMPT_CANCEL) {
		scr.prompting = 0;
		screen_status(0, "cancelled");
	} else if (st == PROMPT_ENTER)
		screen_prompt_done();
	else
		screen_prompt_check();
}

/*
 * The row above the prompt: for a filter, whether the text compiles now;
 * for a command, the usage of the command being typed.
 */
static void
screen_prompt_check(void)
{
	const struct cmd_entry	*c;
	const char		*line;
	char			 errbuf[ZB_ERRBUFSZ], word[64];
	size_t			 cur, n;

	line = prompt_line(scr.prompt, &cur);
	if (scr.checked != NULL && strcmp(scr.checked, line) == 0)
		return;
	free(scr.checked);
	scr.checked = xstrdup(line);
	if (prompt_kind(scr.prompt) == PROMPT_FILTER) {
		if (*line == '\0') {
			scr.check_ok = 1;
			snprintf(scr.check, sizeof scr.check, "empty: every "
			    "packet   (Enter applies, Esc cancels, Tab completes)");
		} else if (engine_check_filter(scr.eng, line, errbuf) == 0) {
			scr.check_ok = 1;
			snprintf(scr.check, sizeof scr.check, "ok: compiles");
		} else {
			scr.check_ok = 0;
			snprintf(scr.check, sizeof scr.check, "%s", errbuf);
		}
		return;
	}
	line += strspn(line, " ");
	n = strcspn(line, " ");
	snprintf(word, sizeof word, "%.*s", (int)n, line);
	if (n == 0 || (c = cmd_find(word, errbuf)) == NULL)
		snprintf(scr.check, sizeof scr.check, "%s", n == 0 ?
		    "Tab lists commands   (help for all, Esc cancels)" :
		    errbuf);
	else
		snprintf(scr.check, sizeof scr.check, "%s: %s", c->usage,
		    c->help);
}

static void
screen_prompt_done(void)
{
	enum prompt_kind	 kind = prompt_kind(scr.prompt);
	const char		*line;
	char			 errbuf[ZB_ERRBUFSZ], herr[ZB_ERRBUFSZ], *copy;

	line = prompt_take(scr.prompt, herr);
	scr.prompting = 0;
	copy = xstrdup(line);
	if (kind == PROMPT_FILTER) {
		if (engine_filter(scr.eng, copy, errbuf) == -1)
			screen_status(1, "filter not changed: %s", errbuf);
		else
			screen_status(0, "filter: %s", *copy != '\0' ? copy :
			    "none (every packet)");
		scr.refresh = 1;
	} else if (*copy != '\0')
		screen_command(copy);
	if (herr[0] != '\0' && !scr.status_err)
		screen_status(1, "%s", herr);
	free(copy);
}

/* One output line shows on the status line; more open a view. */
static void
screen_command(const char *line)
{
	enum cmd_ret	 r;

	tbuf_reset(&scr.out);
	scr.nout = scr.nerr = 0;
	r = cmd_run(&scr.ctx, line);
	if (r == CMD_QUIT)
		scr.quit = 1;
	if (scr.nout > 1)
		screen_view_open(line, scr.out.s);
	else if (scr.nout == 1 && scr.nerr == 0) {
		tbuf_truncate(&scr.out, scr.out.len - 1);
		screen_status(0, "%s", scr.out.s);
	}
	if (r == CMD_ERROR && scr.nerr == 0)
		screen_status(1, "%s: failed", line);
	scr.refresh = 1;
}

static void
screen_cmd_out(void *arg, const char *line)
{
	tbuf_printf(&scr.out, "%s\n", line);
	scr.nout++;
}

static void
screen_cmd_error(void *arg, const char *line)
{
	screen_status(1, "%s", line);
	scr.nerr++;
}
