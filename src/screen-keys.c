/*
 * What each key does on the screen outside a prompt and a view, by where
 * the user is: the prompt and a view take their own keys, the sockets
 * view hides the capture panes' keys, then the keys every pane shares
 * (open a prompt or the help, send the engine a command, quit, show or
 * hide a pane), then the pane with the focus.  Commands go through the
 * command table (screen_command), never to the engine directly.
 */
#include <ncurses.h>

#include "engine.h"
#include "pane.h"
#include "plist.h"
#include "prompt.h"
#include "screen-int.h"
#include "screen.h"
#include "stats.h"

static void	screen_sockets_key(int);
static int	screen_global_key(int);
static int	screen_hidden_key(int);
static int	screen_open_key(int);
static int	screen_engine_key(int);
static void	screen_focus_next(void);

void
screen_key(int r, wint_t wc)
{
	struct pane	*fp;
	int		 key;		/* a character or a KEY_ code */

	/*
	 * get_wch's characters from U+0101 collide with KEY_ codes (U+0112
	 * is KEY_F(10)): no key here; a prompt gets them.
	 */
	key = r == KEY_CODE_YES || wc < KEY_MIN ? (int)wc : 0;

	/*
	 * Too small, the screen says "q quits" and shows no prompt: q quits
	 * even with one open, and no other key edits a line no one sees.
	 */
	if (COLS < SCREEN_MINW || LINES < SCREEN_MINH) {
		if (r == OK && wc == 'q')
			screen_st.quit = 1;
		return;
	}
	if (screen_st.prompting) {
		screen_prompt_key(r, wc);
		return;
	}
	if (screen_view_active()) {
		/* q closes a view (as less); F10 quits from anywhere (htop). */
		if (key == KEY_F(10))
			screen_st.quit = 1;
		else
			screen_view_key(key);
		return;
	}
	/* Out of a view, Esc first gives a filter's name lookup up. */
	if (r == OK && wc == 033 && screen_st.job.job != NULL) {
		screen_job_cancel();
		return;
	}
	if (screen_st.sockets.shown) {
		screen_sockets_key(key);
		return;
	}
	if (r == OK && wc == '\t') {
		screen_focus_next();
		return;
	}
	if (screen_global_key(key))
		return;
	fp = &screen_st.pane[screen_st.focus];
	if (fp->cls->key != NULL)
		fp->cls->key(fp, &screen_st.env, key);
}

/* Keys that open the help or a prompt: 1 when key was one of them. */
static int
screen_open_key(int key)
{
	const struct stats_snap	*s = screen_st.snap;

	switch (key) {
	case '?':
	case 'h':
	case KEY_F(1):
		screen_help_open();
		break;
	case '/':
		screen_prompt_open(PROMPT_SEARCH, NULL);
		break;
	case '\\':
		screen_prompt_open(PROMPT_DISPLAY, NULL);
		break;
	case 'f':
		screen_prompt_open(PROMPT_FILTER, s->raw_filter);
		break;
	case ':':
		screen_prompt_open(PROMPT_COMMAND, NULL);
		break;
	case 'd':
		screen_prompt_open(PROMPT_COMMAND, "delay ");
		break;
	default:
		return 0;
	}
	return 1;
}

/* Keys that send the engine a command: 1 when key was one of them. */
static int
screen_engine_key(int key)
{
	const struct stats_snap	*s = screen_st.snap;
	struct pane		*pane = screen_st.pane;
	int			 i;

	switch (key) {
	case '+':
	case '-':
		screen_command(key == '+' ? "speed +" : "speed -");
		break;
	case '>':
		screen_command("speed 0");
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
			if (screen_st.pane[i].cls->reset != NULL)
				pane[i].cls->reset(&pane[i]);
		break;
	case ' ':
		screen_st.refresh = 1;
		break;
	case 'n':
	case 'N':
		/* The packet list's search, whichever pane has the focus. */
		if (screen_st.eng != NULL &&
		    engine_recent(screen_st.eng) != NULL)
			plist_search(NULL, key == 'n' ? PLIST_NEXT :
			    PLIST_PREV);
		break;
	default:
		return 0;
	}
	return 1;
}

static int
screen_global_key(int key)
{
	struct pane		*pane = screen_st.pane;
	int			 i;

	if (screen_open_key(key) || screen_engine_key(key))
		return 1;
	/* The rest quit or change what the screen shows. */
	switch (key) {
	case 'q':
	case KEY_F(10):		/* htop's */
		screen_st.quit = 1;
		break;
	case 'b':
		pane[P_BUFFERS].detail = !pane[P_BUFFERS].detail;
		break;
	case 'S':
		screen_st.sockets.shown = !screen_st.sockets.shown;
		screen_st.refresh = 1;
		break;
	case 't':
	case 'm':
		i = key == 't' ? P_TALKERS : P_MIX;
		screen_st.pane[i].shown = !screen_st.pane[i].shown;
		if (!screen_st.pane[i].shown && screen_st.focus == i)
			screen_st.focus = P_PACKETS;
		break;
	default:
		return 0;
	}
	return 1;
}

/* Keys that act only on the capture panes: 1 when key is one of them. */
static int
screen_hidden_key(int key)
{
	switch (key) {
	case '\t':
	case '/':
	case '\\':
	case 'n':
	case 'N':
	case 'P':
	case 't':
	case 'm':
	case 'b':
		return 1;
	default:
		return 0;
	}
}

/* Tab: the next shown pane that takes keys. */
static void
screen_focus_next(void)
{
	int	 i, f = screen_st.focus;

	for (i = 0; i < P_NPANES; i++) {
		f = (f + 1) % P_NPANES;
		if (screen_st.pane[f].shown &&
		    screen_st.pane[f].cls->key != NULL)
			break;
	}
	screen_st.focus = f;
}

/* A key over the sockets view, which hides the packet list and panes. */
static void
screen_sockets_key(int key)
{
	if (screen_st.sockets.cls->key(&screen_st.sockets, &screen_st.env,
	    key))
		return;
	/* Esc on the list closes the view, as S does. */
	if (key == 033 && screen_st.eng != NULL) {
		screen_st.sockets.shown = 0;
		screen_st.refresh = 1;
		return;
	}
	/* Without an engine only quit, help and refresh remain. */
	if (screen_st.eng == NULL && key != 'q' && key != '?' &&
	    key != 'h' && key != KEY_F(1) && key != ' ')
		return;
	/*
	 * The packet list and the side panes are hidden: their keys would
	 * act unseen (a search prompt over the sockets, the list scrolled
	 * sideways later), so they do nothing here.
	 */
	if (screen_hidden_key(key))
		return;
	screen_global_key(key);
}
