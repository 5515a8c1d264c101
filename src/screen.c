/*
 * The full-screen view: ncurses setup, the main loop, signals and
 * messages (screen-layout.c draws each frame, screen-keys.c acts on
 * keys).  The engine is only read through
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
#include <unistd.h>

#include "batch.h"
#include "cmd.h"
#include "engine.h"
#include "msg.h"
#include "pane.h"
#include "prompt.h"
#include "screen-int.h"
#include "screen.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

#define SCREEN_POLL_MS	50		/* input poll: keys feel instant */
#define SCREEN_SETTLE_S	0.3		/* after the last resize: repaint all */
#define SCREEN_INFO_S	10		/* seconds a message stays */
#define SCREEN_ERR_S	30
#define SCREEN_NSIGS	4		/* screen_sigs[] */
#define SCREEN_TYPEAHEAD 256		/* keys taken between two frames */

/* Messages may come from any thread: the sink only copies them. */
static pthread_mutex_t	 screen_msg_lock = PTHREAD_MUTEX_INITIALIZER;
static char		 screen_msg[512];
static int		 screen_msg_level = -1;
static volatile sig_atomic_t screen_signal;
static struct prompt	*screen_prompt;		/* made by screen_init() */
static char		 screen_prompt_msg[ZB_ERRBUFSZ];

static void	screen_on_signal(int);
static void	screen_signals(struct sigaction *);
static void	screen_signals_restore(const struct sigaction *);
static void	screen_sink(int, const char *);
static void	screen_fatal_hook(void);
static int	screen_setup(const struct screen_opts *, char *);
static void	screen_panes(void);
static void	screen_teardown(void);
static void	screen_loop(void);
static void	screen_typeahead(void);
static int	screen_repaint_key(int, wint_t);
static void	screen_input(int, wint_t);
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
	struct sigaction	 old[SCREEN_NSIGS];
	const char		*err;
	char			 errbuf[ZB_ERRBUFSZ];

	/* The sockets view owns the readers from here, on every way out. */
	pane_sockets_init(o->psock, o->att, o->psock_err);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		pane_sockets_free();
		msg_error("the screen needs a terminal: use -b for batch mode");
		return 1;
	}
	screen_signals(old);
	memset(&screen_st, 0, sizeof screen_st);
	screen_st.eng = eng;
	screen_st.stop = o->quit;
	if (screen_setup(o, errbuf) == -1) {
		pane_sockets_free();
		screen_signals_restore(old);
		msg_error("%s", errbuf);
		return 1;
	}
	screen_loop();
	screen_teardown();
	screen_signals_restore(old);
	/* The terminal is the user's again: say what was captured and lost. */
	if (eng == NULL)
		return 0;
	engine_stop(eng);
	batch_summary(eng, stderr);
	/*
	 * The status line that said why the capture stopped went with the
	 * screen: say it again, and fail, as -b and -P do.
	 */
	if ((err = engine_error(eng)) != NULL) {
		msg_error("capture stopped: %s", err);
		return 1;
	}
	return 0;
}

/*
 * The signals that end the screen, each restoring the terminal first:
 * Ctrl-C, kill, a closed terminal, and Ctrl-\ (SIGQUIT), which top and
 * htop also end on; left to its default it dumped core and left the
 * terminal raw, with nothing said of the capture.
 */
static const int screen_sigs[SCREEN_NSIGS] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT
};

static void
screen_signals(struct sigaction *old)
{
	struct sigaction	sa;
	int			i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = screen_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < SCREEN_NSIGS; i++)
		sigaction(screen_sigs[i], &sa, &old[i]);
}

static void
screen_signals_restore(const struct sigaction *old)
{
	int	i;

	for (i = 0; i < SCREEN_NSIGS; i++)
		sigaction(screen_sigs[i], &old[i], NULL);
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
	const char	*nc = getenv("NO_COLOR"), *term;
	char		*cup;

	setlocale(LC_CTYPE, "");
	screen_st.env.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	screen_st.delay = o->delay > 0 ? o->delay : 1;
	screen_st.iterations = o->iterations;
	screen_st.snap_hook = o->snap_hook;
	screen_st.snap_arg = o->snap_arg;
	screen_st.snap = xcalloc(1, sizeof *screen_st.snap);
	screen_st.env.snap = screen_st.snap;
	screen_st.env.eng = screen_st.eng;
	screen_st.env.command = screen_command;
	if (screen_init(o, errbuf) == -1)
		return -1;
	screen_st.prompt = screen_prompt;
	if (screen_prompt_msg[0] != '\0')
		screen_status(0, "%s", screen_prompt_msg);
	if ((term = getenv("TERM")) == NULL || *term == '\0')
		term = "(unset)";
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot start the screen on "
		    "terminal type %s", term);
		free(screen_st.snap);
		return -1;
	}
	/*
	 * A terminal that cannot move the cursor (dumb, a bare serial
	 * line) showed the first row and nothing more, frozen, forever.
	 */
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot start the screen on "
		    "terminal type %s: it cannot move the cursor (use -b or "
		    "-P)", term);
		free(screen_st.snap);
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
	screen_panes();
	screen_st.ctx.eng = screen_st.eng;
	screen_st.ctx.out = screen_cmd_out;
	screen_st.ctx.error = screen_cmd_error;
	screen_st.ctx.arg = &screen_st;
	screen_st.ctx.delay = &screen_st.delay;
	tbuf_init(&screen_st.out);
	return 0;
}

/*
 * The panes at start: buffers, rates and packets shown, the packets in
 * focus; the sockets pane too when there is no capture (--sockets).
 */
static void
screen_panes(void)
{
	int	i;

	screen_st.pane[P_BUFFERS].cls = &pane_buffers_class;
	screen_st.pane[P_RATES].cls = &pane_rates_class;
	screen_st.pane[P_PACKETS].cls = &pane_packets_class;
	screen_st.pane[P_TALKERS].cls = &pane_talkers_class;
	screen_st.pane[P_MIX].cls = &pane_mix_class;
	for (i = 0; i < P_NPANES; i++)
		screen_st.pane[i].shown = i <= P_PACKETS;
	screen_st.focus = P_PACKETS;
	screen_st.sockets.cls = &pane_sockets_class;
	screen_st.sockets.shown = screen_st.eng == NULL;
}

static void
screen_teardown(void)
{
	msg_set_sink(NULL);
	screen_job_cancel();
	screen_view_close();
	pane_sockets_free();
	if (!isendwin())
		endwin();
	msg_set_fatal_hook(NULL);
	prompt_free(screen_st.prompt);
	screen_prompt = NULL;
	tbuf_free(&screen_st.out);
	free(screen_st.checked);
	free(screen_st.snap);
	screen_st.snap = NULL;
}

/*
 * When the last resize came (0: none since the last whole repaint).  A
 * burst of resizes can leave the terminal holding a frame drawn for an
 * earlier size: tmux applies sizes to the pane as it gets to them, and
 * may read our frame after the next size.  So once the sizes stop
 * changing, everything is repainted once more.
 */
static double	screen_resized;

/*
 * Snapshot every delay seconds or when asked; draw after a snapshot, a
 * key or a message; never wait longer than SCREEN_POLL_MS for a key.
 * Ends on q (screen_st.quit), a signal, main's quit flag (--command
 * quit) or after --iterations timed refreshes.
 */
static void
screen_loop(void)
{
	double	 now, next = 0;
	wint_t	 wc;
	int	 r, dirty = 1, ms;

	while (!screen_st.quit && screen_signal == 0 &&
	    (screen_st.stop == NULL || *screen_st.stop == 0)) {
		now = screen_now();
		if (now >= next || screen_st.refresh) {
			/* One moment: the counters, the buffers, the list. */
			if (screen_st.eng != NULL) {
				engine_snapshot_tick(screen_st.eng,
				    screen_st.snap);
				if (screen_st.snap_hook != NULL)
					screen_st.snap_hook(screen_st.snap_arg,
					    screen_st.snap);
			}
			if (screen_st.sockets.shown)
				pane_sockets_refresh();
			/* As top -n: the timed refreshes are counted. */
			if (now >= next)
				screen_st.frames++;
			next = now + screen_st.delay;
			screen_st.refresh = 0;
			dirty = 1;
		}
		if (screen_resized != 0 && now - screen_resized >= SCREEN_SETTLE_S) {
			clearok(curscr, TRUE);
			screen_resized = 0;
			dirty = 1;
		}
		if (screen_take_messages())
			dirty = 1;
		if (screen_job_poll())
			dirty = 1;
		/* Old news gives the hint its place back. */
		if (screen_st.status[0] != '\0' && now - screen_st.status_t >
		    (screen_st.status_err ? SCREEN_ERR_S : SCREEN_INFO_S)) {
			screen_st.status[0] = '\0';
			dirty = 1;
		}
		if (dirty && screen_st.prompting)
			screen_prompt_check();
		if (dirty)
			screen_draw();
		dirty = 0;
		if (screen_st.iterations > 0 &&
		    screen_st.frames >= screen_st.iterations) {
			screen_st.quit = 1;
			break;
		}
		ms = (int)ceil((next - screen_now()) * 1000);
		timeout(ms < 0 ? 0 : ms > SCREEN_POLL_MS ? SCREEN_POLL_MS : ms);
		r = get_wch(&wc);
		if (r == ERR)
			continue;
		screen_input(r, wc);
		dirty = 1;
		screen_typeahead();
	}
}

/*
 * Keys already waiting at a prompt (a paste) are taken before the next
 * frame is drawn: a frame per key made a pasted line of 1000 characters
 * take seconds.  Only at a prompt: other keys act at the next frame
 * (n, N: the search runs as the list is drawn), so each gets its own.
 * Bounded, so the screen still refreshes.
 */
static void
screen_typeahead(void)
{
	wint_t	 wc;
	int	 i, r;

	timeout(0);
	for (i = 0; i < SCREEN_TYPEAHEAD && screen_st.prompting &&
	    !screen_st.quit && screen_signal == 0; i++) {
		if ((r = get_wch(&wc)) == ERR)
			break;
		screen_input(r, wc);
	}
}

/* Pending messages from the sink, and a new engine error, to the status. */
static int
screen_take_messages(void)
{
	const char	*e;
	char		 ev[ZB_ERRBUFSZ];
	int		 got = 0;

	pthread_mutex_lock(&screen_msg_lock);
	if (screen_msg_level != -1) {
		screen_status(screen_msg_level != 0, "%s", screen_msg);
		screen_msg_level = -1;
		got = 1;
	}
	pthread_mutex_unlock(&screen_msg_lock);
	/* A note from the backend (a ring it had to shrink), once. */
	if (screen_st.snap->note[0] != '\0' &&
	    strcmp(screen_st.snap->note, screen_st.note) != 0) {
		snprintf(screen_st.note, sizeof screen_st.note, "%s",
		    screen_st.snap->note);
		screen_status(0, "%s", screen_st.note);
		got = 1;
	}
	if (screen_st.eng == NULL)
		return got;
	/* Not fatal but worth a line: a -w file that could not be written. */
	if (engine_event_get(screen_st.eng, &screen_st.eventno, ev)) {
		screen_status(1, "%s", ev);
		got = 1;
	}
	e = engine_error(screen_st.eng);
	if (e != NULL && *e != '\0' && strcmp(e, screen_st.engerr) != 0) {
		snprintf(screen_st.engerr, sizeof screen_st.engerr, "%s", e);
		screen_status(1, "capture stopped: %s", e);
		got = 1;
	}
	return got;
}

/*
 * Ctrl-L, in a prompt too; and a resize: LINES and COLS are new, and what
 * the terminal shows is unknown (it cut or reflowed our last frame,
 * several sizes ago after a burst of SIGWINCH), so repaint all of it
 * rather than the difference from what curses thinks.  1: it was one.
 */
static int
screen_repaint_key(int r, wint_t wc)
{
	if (r == KEY_CODE_YES && wc == KEY_RESIZE)
		screen_resized = screen_now();
	else if (r != OK || wc != 014)
		return 0;
	clearok(curscr, TRUE);
	return 1;
}

/* A key read: a repaint (Ctrl-L, a resize) here, any other to the keys. */
static void
screen_input(int r, wint_t wc)
{
	if (!screen_repaint_key(r, wc))
		screen_key(r, wc);
}
