/*
 * Text views drawn over the panes: the help, a packet's detail tree and
 * hex, and the output of a command longer than one line.  The text is
 * copied when the view opens, so a packet shown here stays put while the
 * capture goes on; every line still goes through screen_put().
 */
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "dec.h"
#include "engine.h"
#include "pane.h"
#include "plist.h"
#include "recent.h"
#include "screen.h"
#include "tbuf.h"
#include "xmalloc.h"

static struct {
	int	 active;
	char	*title;
	char	*text;		/* lines, '\n' replaced by '\0' */
	char	**line;
	int	 n;
	int	 top;
	int	 left;		/* columns scrolled right */
	int	 page;		/* rows shown at the last draw */
	int	 ascii;		/* packet text: ASCII only */
	struct engine	*eng;	/* a packet's detail: [ and ] move on */
	uint64_t	 no;
} view;

static const char *const screen_help_keys[] = {
	"Keys",
	"  q F10         quit (also Ctrl-C, Ctrl-\\); then what was captured",
	"                and lost; in a view q closes it, F10 still quits",
	"  ? h F1        this help",
	"  /             search the packet list as you type; Enter keeps the",
	"                match, Esc goes back (text in any case unless it has",
	"                a capital)",
	"  n N           next, previous match (forward from a selected row,",
	"                back from the newest in a following list; wraps)",
	"  \\             display filter: narrow the packet list to a pcap",
	"                expression; capture and counters are unchanged",
	"  f             capture filter prompt, opened with the filter in force:",
	"                a pcap expression, checked as you type; with host",
	"                names, looked up after Enter while the screen goes",
	"                on (Esc gives the lookup up)",
	"  :             command prompt (commands below)",
	"  r             rotate now: hand the buffer being filled over",
	"  P             pause the packet list (counters keep running)",
	"  c             clear counters",
	"  Space         refresh now, the block being filled included",
	"  d             set the refresh delay (seconds)",
	"  Tab           focus the next pane: scrolling keys go to it",
	"  t             show or hide top talkers",
	"  m             show or hide the protocol mix",
	"  b             buffers pane: a strip per ring, or a row per buffer",
	"  S             sockets view: every packet socket on the host;",
	"                Enter watches the selected one's ring, Esc goes back,",
	"                f shows its filter, < > change the sort, R reverses",
	"                Backspace and x go back too (the capture panes'",
	"                keys wait until it closes)",
	"  Ctrl-L        redraw the screen",
	"  Up Down j k   scroll or select one row",
	"  PgUp PgDn     scroll a page",
	"  Home g        first row",
	"  End G         last row; the packet list follows new packets again",
	"  Enter         packet list: detail tree and hex of the selected one",
	"  + - >         replaying a file: double, halve the speed; > to the end",
	"  Esc q         close this view or a packet's detail",
	"  Space b       in this view and a packet's detail: page down, up",
	"  ] [           a packet's detail: the next or previous packet",
	"  Left Right    scroll cut lines sideways (marked < and >)",
	"",
	"Prompt keys",
	"  Left Right Home End Ctrl-A Ctrl-E   move",
	"  Backspace Delete Ctrl-W Ctrl-U Ctrl-K   delete",
	"  Up Down       history (kept in the history file across runs)",
	"  Ctrl-R Ctrl-S the previous, next history line starting as typed",
	"  Tab           complete a command name or a filter keyword",
	"  Enter         apply;  Esc cancels and changes nothing",
	"",
	"Buffers pane",
	"  A strip per ring, a cell per buffer: its owner's letter (k, u, f)",
	"  and its fill: a dot when empty, then a bar in eighths up to a full",
	"  block (in the C locale: 1-9 tenths, # full).",
	"  peak: most buffers of one ring held by zbtop, highest ring fill and",
	"  queue freezes since the last refresh, so a short burst still shows.",
	"  owner kernel: the kernel is storing into it;  user: held by zbtop;",
	"  free: empty, the kernel may fill it next.  * marks the ring packets",
	"  are steered to.  Rotations: full (next packet did not fit), timeout",
	"  (retire timer), forced (r, or rotate every MS).",
	"",
	NULL
};

static void	screen_view_split(void);

void
screen_view_open(const char *title, const char *text, int ascii)
{
	screen_view_close();
	view.ascii = ascii;
	view.title = xstrdup(title);
	view.text = xstrdup(text);
	screen_view_split();
	view.active = 1;
}

static void
screen_view_split(void)
{
	char	*s;
	int	 n = 1;

	for (s = view.text; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	view.line = xcalloc((size_t)n, sizeof *view.line);
	view.n = 0;
	for (s = view.text; s != NULL; ) {
		view.line[view.n++] = s;
		if ((s = strchr(s, '\n')) != NULL)
			*s++ = '\0';
	}
	/* A trailing newline is not one more empty line. */
	if (view.n > 1 && view.line[view.n - 1][0] == '\0')
		view.n--;
}

void
screen_view_close(void)
{
	free(view.title);
	free(view.text);
	free(view.line);
	memset(&view, 0, sizeof view);
}

int
screen_view_active(void)
{
	return view.active;
}

void
screen_view_draw(int y, int h)
{
	struct pane	 p = { .y = y, .x = 0, .h = h, .w = COLS, .focus = 1 };
	char		 right[64];
	int		 i, rw, rows = h - 1;

	view.page = rows;
	if (view.top > view.n - rows)
		view.top = view.n - rows;
	if (view.top < 0)
		view.top = 0;
	snprintf(right, sizeof right, "  %d-%d of %d  Esc closes",
	    view.n ? view.top + 1 : 0, view.top + rows < view.n ?
	    view.top + rows : view.n, view.n);
	/*
	 * Where the view is and the way out win over the title's end: a
	 * packet's title ("Packet N  date  len bytes, len captured") left
	 * no room for them at 80 columns, and screen_title() drops the
	 * right part first.
	 */
	screen_title(&p, view.title, NULL);
	rw = screen_width(right, strlen(right));
	if (rw <= COLS - 2)
		screen_put(y, COLS - 1 - rw, rw, SCREEN_TITLE_FOCUS, right);
	for (i = 0; i < rows && view.top + i < view.n; i++) {
		screen_putcut(y + 1 + i, 1, COLS - 1, SCREEN_NORMAL,
		    view.line[view.top + i], view.left, view.ascii);
	}
}

int
screen_view_key(int key)
{
	switch (key) {
	case 033:
	case 'q':
	case KEY_F(1):
		screen_view_close();
		break;
	case KEY_UP:
	case 'k':
		view.top--;
		break;
	case KEY_DOWN:
	case 'j':
	case '\r':
	case '\n':
		view.top++;
		break;
	case KEY_PPAGE:
	case 'b':
		view.top -= view.page > 1 ? view.page - 1 : 1;
		break;
	case KEY_NPAGE:
	case ' ':
		view.top += view.page > 1 ? view.page - 1 : 1;
		break;
	case KEY_HOME:
	case 'g':
		view.top = 0;
		break;
	case KEY_END:
	case 'G':
		view.top = view.n;
		break;
	case KEY_LEFT:
		view.left = view.left > 8 ? view.left - 8 : 0;
		break;
	case KEY_RIGHT:
		if (view.left < 4096)
			view.left += 8;
		break;
	case ']':
	case '[':
		/* The next or previous packet kept, in the same view. */
		if (view.eng != NULL && key == ']' &&
		    view.no >= engine_frames(view.eng))
			screen_status(0, "packet %llu is the newest",
			    (unsigned long long)view.no);
		else if (view.eng != NULL && (key == ']' || view.no > 1))
			screen_detail_open(view.eng, key == ']' ? view.no + 1 :
			    view.no - 1);
		break;
	default:
		return 0;
	}
	if (view.top < 0)
		view.top = 0;
	return 1;
}

/* Every key and every command, walked from the one command table. */
void
screen_help_open(void)
{
	const struct cmd_entry	*c;
	struct tbuf		 tb;
	char			 use[64];
	int			 i;

	tbuf_init(&tb);
	for (i = 0; screen_help_keys[i] != NULL; i++)
		tbuf_printf(&tb, "%s\n", screen_help_keys[i]);
	tbuf_puts(&tb, "Commands (at the : prompt, with --command, or on "
	    "standard input with -b)\n");
	for (i = 0; cmd_table[i] != NULL; i++) {
		c = cmd_table[i];
		snprintf(use, sizeof use, "%s%s%s%s", c->usage,
		    c->alias != NULL ? " (" : "",
		    c->alias != NULL ? c->alias : "",
		    c->alias != NULL ? ")" : "");
		tbuf_printf(&tb, "  %-32s %s\n", use, c->help);
	}
	screen_view_open("Help: zbtop keys and commands", tb.s, 0);
	tbuf_free(&tb);
}

/* The selected packet, copied out of the ring: header, tree, then hex. */
void
screen_detail_open(struct engine *eng, uint64_t no)
{
	struct recent		*rec = engine_recent(eng);
	struct recent_pkt	*pkt;
	struct tbuf		 tb;
	struct tm		 tm;
	time_t			 t;
	char			 title[160];
	int			 found = -1;

	if (rec == NULL)
		return;
	pkt = xmalloc(sizeof *pkt);
	recent_lock(rec);
	found = plist_get(rec, no, pkt);
	recent_unlock(rec);
	if (found == -1) {
		screen_status(1, "packet %llu is no longer kept",
		    (unsigned long long)no);
		free(pkt);
		return;
	}
	t = pkt->ts.tv_sec;
	gmtime_r(&t, &tm);
	snprintf(title, sizeof title, "Packet %llu  %04d-%02d-%02d "
	    "%02d:%02d:%02d.%06ld UTC  %u bytes, %u captured%s",
	    (unsigned long long)no, tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    pkt->ts.tv_nsec / 1000, pkt->len, pkt->origcap,
	    pkt->caplen < pkt->origcap ? " (first 2048 kept)" : "");
	tbuf_init(&tb);
	dec_tree(&tb, engine_ifdlt(eng, pkt->iface), pkt->data, pkt->caplen,
	    pkt->len);
	if (tb.len > 0 && tb.s[tb.len - 1] != '\n')
		tbuf_putc(&tb, '\n');
	tbuf_putc(&tb, '\n');
	dec_hex(&tb, pkt->data, pkt->caplen);
	screen_view_open(title, tb.s != NULL ? tb.s : "", 1);
	view.eng = eng;
	view.no = no;
	tbuf_free(&tb);
	free(pkt);
}
