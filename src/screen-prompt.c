/*
 * The screen's two prompts and its status line: keys go to libedit
 * through prompt.c, the line is drawn here with the live check (does the
 * filter compile, what does the command take) on the row above, and
 * Enter runs the line through the command table: a filter prompt's line
 * as the one argument of `filter` or `display`, so a filter set here and
 * one set by `:filter`, --command or batch stdin take one path.  A bad
 * one only puts its error on the status line: nothing changes.
 */
#include <ctype.h>
#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "filter.h"
#include "pane.h"
#include "plist.h"
#include "prompt.h"
#include "screen-int.h"
#include "screen.h"
#include "tbuf.h"
#include "xmalloc.h"

/* What each prompt (enum prompt_kind) shows before the line. */
static const char *const screen_prompt_label[PROMPT_NKINDS] = {
	"filter: ", ":", "display: ", "/"
};

static const char *screen_skipcols(const char *, int, int *);
static void	screen_prompt_filter(const char *);
static void	screen_prompt_done(void);
static void	screen_cmd_run(const char *, const char *, const char *, int);
static void	screen_cmd_begin(const char *);
static void	screen_cmd_end(const char *, const char *, enum cmd_ret, int);
static void	screen_job_forget(void);

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
void
screen_statusline(void)
{
	static const char	 list_hint[] =
	    "? help  / search  \\ display  f filter  : command  q quit";
	static const char	 pending[] =
	    "resolving names in the filter… (Esc cancels)";
	static const char	 pending_ascii[] =
	    "resolving names in the filter... (Esc cancels)";
	const char		*line, *h, *label, *hint = list_hint;
	size_t			 cur;
	int			 y = LINES - 1, cx, skip, hw, done, lw;

	/* The sockets view names its own keys on its last row. */
	if (screen_st.sockets.shown)
		hint = "? help  q quit";
	if (!screen_st.prompting) {
		/* A pending filter's lookup says so where the hint was. */
		if (screen_st.job.job != NULL)
			h = screen_st.env.utf8 ? pending : pending_ascii;
		else
			h = hint;
		hw = screen_width(h, strlen(h));
		if (h == hint && COLS - hw - 2 < screen_width(screen_st.status,
		    sizeof screen_st.status))
			hw = 0;
		else if (hw > COLS - 1)
			hw = COLS - 1;
		screen_put(y, 0, COLS - hw - 1, screen_st.status_err ?
		    SCREEN_ERROR : SCREEN_NORMAL, screen_st.status);
		if (hw > 0)
			screen_put(y, COLS - hw, hw, h == hint ? SCREEN_DIM :
			    SCREEN_VALUE, h);
		curs_set(0);
		return;
	}
	line = prompt_line(screen_st.prompt, &cur);
	h = prompt_hint(screen_st.prompt);
	screen_fill(y - 1, 0, COLS, SCREEN_TITLE);
	if (*h != '\0')
		screen_put(y - 1, 1, COLS - 1, SCREEN_TITLE, h);
	else
		screen_put(y - 1, 1, COLS - 1, screen_st.check_ok ?
		    SCREEN_TITLE : SCREEN_DROP, screen_st.check);
	/* Scroll the line sideways so the cursor always shows. */
	label = screen_prompt_label[prompt_kind(screen_st.prompt)];
	lw = (int)strlen(label);
	cx = screen_width(line, cur);
	skip = cx > COLS - 2 - lw ? cx - (COLS - 2 - lw) : 0;
	screen_put(y, 0, lw, SCREEN_VALUE, label);
	line = screen_skipcols(line, skip, &done);
	screen_put(y, lw, COLS - 1 - lw, SCREEN_NORMAL, line);
	cx = cx - done + lw;
	curs_set(1);
	move(y, cx < COLS ? cx : COLS - 1);
}

/* The filter prompts open with the filter in force, to be edited. */
void
screen_prompt_open(enum prompt_kind kind, const char *init)
{
	char	 df[512];

	if (kind == PROMPT_DISPLAY && init == NULL) {
		plist_display_text(df, sizeof df);
		init = df;
	}
	prompt_begin(screen_st.prompt, kind, init);
	screen_st.prompting = 1;
	/* Raw while typing: Ctrl-C cancels the prompt instead of quitting. */
	raw();
	free(screen_st.checked);
	screen_st.checked = NULL;
	screen_st.check[0] = '\0';
	screen_prompt_check();
}

/* ncurses keys to the prompt's; Esc alone cancels, Esc+key is Meta. */
void
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
		{ KEY_ENTER, '\r' },
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
		/*
		 * Alt+letter arrives as Esc and the letter at once; anything
		 * else after Esc is a key of its own, once the prompt is gone.
		 */
		timeout(0);
		if ((r = get_wch(&next)) == OK && next < 0x80 &&
		    (isalnum((int)next) || next == 0177))
			key = PROMPT_META | (int)next;
		else if (r == OK)
			unget_wch(next);
		else if (r == KEY_CODE_YES)
			ungetch((int)next);
	} else if (wc == 0177)
		key = PROMPT_K_BACKSPACE;
	else if (wc == 032) {		/* Ctrl-Z: raw mode made it a key */
		raise(SIGTSTP);
		return;
	} else if (wc == 034) {		/* Ctrl-\: quits here too */
		raise(SIGQUIT);
		return;
	}
	st = prompt_key(screen_st.prompt, key);
	if (st == PROMPT_CANCEL) {
		screen_st.prompting = 0;
		cbreak();
		if (prompt_kind(screen_st.prompt) == PROMPT_SEARCH)
			plist_search(NULL, PLIST_CANCEL);
		screen_status(0, "cancelled");
	} else if (st == PROMPT_ENTER)
		screen_prompt_done();
	/* The line's check waits for the frame: see screen_prompt_check(). */
}

/*
 * The row above the prompt: for a filter, whether the text compiles now;
 * for a command, the usage of the command being typed.  Once a frame,
 * after the keys that came with it (screen.c): a filter compiled after
 * every key of a pasted line took seconds.
 */
void
screen_prompt_check(void)
{
	const struct cmd_entry	*c;
	const char		*line;
	char			 errbuf[ZB_ERRBUFSZ], word[64];
	size_t			 cur, n;
	char			*chk = screen_st.check;
	enum prompt_kind	 kind = prompt_kind(screen_st.prompt);

	line = prompt_line(screen_st.prompt, &cur);
	if (screen_st.checked != NULL && strcmp(screen_st.checked, line) == 0)
		return;
	free(screen_st.checked);
	screen_st.checked = xstrdup(line);
	screen_st.check_ok = 1;
	if (kind == PROMPT_SEARCH) {
		if (screen_st.prompting)
			plist_search(line, PLIST_TYPED);
		snprintf(chk, sizeof screen_st.check, "search as you type   "
		    "(Enter keeps, Esc goes back; then n next, N previous)");
		return;
	}
	if (kind == PROMPT_FILTER || kind == PROMPT_DISPLAY) {
		if (*line == '\0')
			snprintf(chk, sizeof screen_st.check, "empty: every "
			    "%spacket   (Enter applies, Esc cancels, Tab "
			    "completes)", kind == PROMPT_DISPLAY ? "kept " : "");
		else
			screen_prompt_filter(line);
		return;
	}
	line += strspn(line, " ");
	n = strcspn(line, " ");
	snprintf(word, sizeof word, "%.*s", (int)n, line);
	if (n == 0 || (c = cmd_find(word, errbuf)) == NULL)
		snprintf(chk, sizeof screen_st.check, "%s", n == 0 ?
		    "Tab lists commands   (help for all, Esc cancels)" :
		    errbuf);
	else
		snprintf(chk, sizeof screen_st.check, "%s: %s",
		    c->usage, c->help);
}

/*
 * Whether a filter compiles, without name lookups: libpcap resolves host
 * names inside pcap_compile (DNS, up to the resolver's timeout), so the
 * check compiles a copy with the names stood in by an address; they are
 * looked up once, on Enter.  An error of the copy's is the expression's
 * only when it is a syntax error (an address may be refused where a name
 * would do, "ether host gate").
 */
static void
screen_prompt_filter(const char *line)
{
	char	 errbuf[ZB_ERRBUFSZ], *bare;
	char	*chk = screen_st.check;
	int	 names, rc;

	/* The compiler is held by a lookup: checking would wait for it. */
	if (cmd_jobs_running() > 0) {
		snprintf(chk, sizeof screen_st.check, "not checked: a name "
		    "lookup is still running");
		/* The next key checks again. */
		free(screen_st.checked);
		screen_st.checked = NULL;
		return;
	}
	bare = filter_unname(line, &names);
	rc = engine_check_filter(screen_st.eng, bare, errbuf);
	free(bare);
	if (rc == -1 && (names == 0 || strstr(errbuf, "syntax error") !=
	    NULL)) {
		screen_st.check_ok = 0;
		snprintf(chk, sizeof screen_st.check, "%s", errbuf);
	} else if (names > 0)
		snprintf(chk, sizeof screen_st.check, "syntax ok: names are "
		    "looked up on Enter");
	else
		snprintf(chk, sizeof screen_st.check, "ok: compiles");
}

static void
screen_prompt_done(void)
{
	enum prompt_kind	 kind = prompt_kind(screen_st.prompt);
	const char		*line;
	char			 herr[ZB_ERRBUFSZ], *copy;

	line = prompt_take(screen_st.prompt, herr);
	screen_st.prompting = 0;
	cbreak();
	copy = xstrdup(line);
	if (kind == PROMPT_FILTER)
		screen_cmd_run("filter", copy, "filter not changed: ", 1);
	else if (kind == PROMPT_DISPLAY)
		screen_cmd_run("display", copy, "", 0);
	else if (kind == PROMPT_SEARCH)
		plist_search(*copy != '\0' ? copy : NULL, *copy != '\0' ?
		    PLIST_ACCEPT : PLIST_NEXT);
	else if (*copy != '\0')
		screen_command(copy);
	if (herr[0] != '\0' && !screen_st.status_err)
		screen_status(1, "%s", herr);
	free(copy);
}

/* One output line shows on the status line; more open a view. */
void
screen_command(const char *line)
{
	screen_cmd_run(line, NULL, NULL, 0);
}

/*
 * line is a whole command line, or a command's name when arg is set.  A
 * command whose prep may wait (a filter with host names to look up) is
 * left pending, its prep on a thread: the screen goes on, and
 * screen_job_poll() finishes it.  Otherwise it runs now.
 */
static void
screen_cmd_run(const char *line, const char *arg, const char *pfx,
    int confirm)
{
	struct screen_job	*sj = &screen_st.job;
	enum cmd_ret		 r;
	int			 had = sj->job != NULL;

	screen_cmd_begin(pfx);
	r = cmd_start(&screen_st.ctx, line, arg, &sj->job);
	if (!had && sj->job != NULL) {
		screen_st.errpfx = NULL;
		sj->line = xstrdup(line);
		sj->arg = arg != NULL ? xstrdup(arg) : NULL;
		sj->pfx = pfx;
		sj->confirm = confirm;
		return;
	}
	screen_cmd_end(line, arg, r, confirm);
}

static void
screen_cmd_begin(const char *pfx)
{
	tbuf_reset(&screen_st.out);
	screen_st.nout = screen_st.nerr = 0;
	screen_st.errpfx = pfx;
}

/* What the command said, to the status line or a view. */
static void
screen_cmd_end(const char *line, const char *arg, enum cmd_ret r,
    int confirm)
{
	screen_st.errpfx = NULL;
	if (r == CMD_QUIT)
		screen_st.quit = 1;
	if (screen_st.nout > 1)
		screen_view_open(line, screen_st.out.s, 0);
	else if (screen_st.nout == 1 && screen_st.nerr == 0) {
		tbuf_truncate(&screen_st.out, screen_st.out.len - 1);
		screen_status(0, "%s", screen_st.out.s);
	}
	if (r == CMD_ERROR && screen_st.nerr == 0)
		screen_status(1, "%s: failed", line);
	/* The filter prompt's own confirmation, which names no epoch. */
	if (r == CMD_OK && confirm)
		screen_status(0, "filter: %s", *arg != '\0' ? arg :
		    "none (every packet)");
	screen_st.refresh = 1;
}

/*
 * Each turn of the screen's loop: when the pending command's prep is
 * done, its exec runs here and what it says shows.  1 when it ended.
 */
int
screen_job_poll(void)
{
	struct screen_job	*sj = &screen_st.job;
	enum cmd_ret		 r;

	if (sj->job == NULL)
		return 0;
	screen_cmd_begin(sj->pfx);
	if (!cmd_job_poll(sj->job, &r)) {
		screen_st.errpfx = NULL;
		return 0;
	}
	sj->job = NULL;
	screen_cmd_end(sj->line, sj->arg, r, sj->confirm);
	screen_job_forget();
	return 1;
}

/* Esc while pending: the result, when it comes, is dropped. */
void
screen_job_cancel(void)
{
	if (screen_st.job.job == NULL)
		return;
	cmd_job_cancel(screen_st.job.job);
	screen_st.job.job = NULL;
	screen_job_forget();
	screen_status(0, "cancelled: the filter stays as it was");
}

static void
screen_job_forget(void)
{
	free(screen_st.job.line);
	free(screen_st.job.arg);
	screen_st.job.line = screen_st.job.arg = NULL;
}

void
screen_cmd_out(void *arg, const char *line)
{
	tbuf_printf(&screen_st.out, "%s\n", line);
	screen_st.nout++;
}

void
screen_cmd_error(void *arg, const char *line)
{
	screen_status(1, "%s%s", screen_st.errpfx != NULL ?
	    screen_st.errpfx : "", line);
	screen_st.nerr++;
}
