/*
 * The drawing kit the panes share: colours by role, clipped text that
 * refuses control characters, bars, sparklines and short numbers, and the
 * scrolling keys every list pane shares.  Every string that reaches the
 * terminal passes through screen_put(), so even text that should already
 * be escaped (decoder output, filter text) can never drive the terminal.
 * Only ncurses calls here, no engine state.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <ncurses.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "pane.h"
#include "tbuf.h"

static int	screen_roles[SCREEN_NROLES];
static int	screen_ascii;		/* screen_puta(): bytes < 0x80 only */

static int	screen_next(const char *, size_t, wchar_t *);
static size_t	screen_unit(const char *, size_t, char *, int *);

/* Colour pairs per role, or bold/reverse/dim when there is no colour. */
void
screen_colors(int color)
{
	static const struct {
		short	 fg, bg;
		int	 attr, mono;
	} map[SCREEN_NROLES] = {
		[SCREEN_NORMAL] =	{ -1, -1, 0, 0 },
		[SCREEN_TITLE] =	{ COLOR_BLACK, COLOR_CYAN, 0,
					    A_REVERSE },
		[SCREEN_TITLE_FOCUS] =	{ COLOR_BLACK, COLOR_GREEN, A_BOLD,
					    A_REVERSE | A_BOLD },
		[SCREEN_HEADER] =	{ COLOR_CYAN, -1, 0, 0 },
		[SCREEN_VALUE] =	{ -1, -1, A_BOLD, A_BOLD },
		[SCREEN_KERNEL] =	{ COLOR_GREEN, -1, A_BOLD, A_BOLD },
		[SCREEN_USER] =		{ COLOR_YELLOW, -1, A_BOLD, A_REVERSE },
		[SCREEN_FREE] =		{ COLOR_BLUE, -1, A_BOLD, A_DIM },
		[SCREEN_DROP] =		{ COLOR_WHITE, COLOR_RED, A_BOLD,
					    A_REVERSE | A_BOLD },
		[SCREEN_OK] =		{ COLOR_GREEN, -1, 0, A_BOLD },
		[SCREEN_ERROR] =	{ COLOR_RED, -1, A_BOLD,
					    A_BOLD | A_UNDERLINE },
		[SCREEN_SELECT] =	{ COLOR_BLACK, COLOR_YELLOW, 0,
					    A_REVERSE },
		[SCREEN_DIM] =		{ -1, -1, A_DIM, A_DIM },
		[SCREEN_SPARK] =	{ COLOR_CYAN, -1, 0, 0 },
	};
	int	 i;

	if (color && has_colors() && start_color() != ERR) {
		use_default_colors();
		for (i = 1; i < SCREEN_NROLES; i++) {
			init_pair((short)i, map[i].fg, map[i].bg);
			screen_roles[i] = (int)COLOR_PAIR(i) | map[i].attr;
		}
		/* Plain blue is hard to read on 8-colour consoles. */
		if (COLORS < 16)
			screen_roles[SCREEN_FREE] =
			    (int)COLOR_PAIR(SCREEN_FREE) | A_BOLD;
	} else {
		for (i = 0; i < SCREEN_NROLES; i++)
			screen_roles[i] = map[i].mono;
	}
}

/*
 * Decode one character for display: printable ASCII, or a printable wide
 * character when the locale allows it; anything else comes back as '?'.
 * Returns the bytes consumed (at least 1).
 */
static int
screen_next(const char *s, size_t n, wchar_t *wc)
{
	unsigned char	 c = (unsigned char)*s;
	mbstate_t	 st;
	size_t		 k;

	if (c < 0x80 || screen_ascii) {
		*wc = c < 0x80 && isprint(c) ? (wchar_t)c : L'?';
		return 1;
	}
	memset(&st, 0, sizeof st);
	k = mbrtowc(wc, s, n, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0 || !iswprint(*wc) ||
	    wcwidth(*wc) < 1) {
		*wc = L'?';
		return 1;
	}
	return (int)k;
}

/* Display columns of the first n bytes of s, as screen_put draws them. */
int
screen_width(const char *s, size_t n)
{
	size_t	 i = 0;
	wchar_t	 wc;
	int	 w = 0;

	while (i < n && s[i] != '\0') {
		i += (size_t)screen_next(s + i, n - i, &wc);
		w += wcwidth(wc);
	}
	return w;
}

/* Draws s at (y, x), no wider than w columns; returns the columns used. */
int
screen_put(int y, int x, int w, enum screen_role role, const char *s)
{
	size_t	 n = strlen(s), i = 0;
	wchar_t	 wc;
	int	 used = 0, cw;

	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	attrset(screen_roles[role]);
	move(y, x);
	while (i < n) {
		i += (size_t)screen_next(s + i, n - i, &wc);
		cw = wcwidth(wc);
		if (used + cw > w)
			break;
		addnwstr(&wc, 1);
		used += cw;
	}
	attrset(A_NORMAL);
	return used;
}

/*
 * Text that came from a packet: the decoders already escaped it to
 * printable ASCII, and anything else still becomes '?' here, so not even
 * a printable Unicode control (a bidi override) gets through.
 */
int
screen_puta(int y, int x, int w, enum screen_role role, const char *s)
{
	int	 n;

	screen_ascii = 1;
	n = screen_put(y, x, w, role, s);
	screen_ascii = 0;
	return n;
}

/*
 * A line that may be wider than w columns, shown from byte off of it
 * (moved on to a character boundary): '<' in the first column when
 * something is hidden on the left, '>' in the last when more follows on
 * the right.  ascii: packet text, as screen_puta().  Returns the columns
 * used.
 */
int
screen_putcut(int y, int x, int w, enum screen_role role, const char *s,
    int off, int ascii)
{
	size_t	 n = strlen(s);
	int	 used, rest;

	if (off < 0)
		off = 0;
	if ((size_t)off > n)
		off = (int)n;
	while (!ascii && off > 0 && ((unsigned char)s[off] & 0xc0) == 0x80)
		off--;
	s += off;
	used = (ascii ? screen_puta : screen_put)(y, x, w, role, s);
	if (ascii)
		screen_ascii = 1;
	rest = screen_width(s, strlen(s));
	screen_ascii = 0;
	if (rest > w && w > 1) {
		screen_put(y, x + w - 1, 1, SCREEN_DIM, ">");
		used = w;
	}
	if (off > 0 && w > 1)
		screen_put(y, x, 1, SCREEN_DIM, "<");
	return used;
}

/*
 * One character of text from outside (a path) as screen_puttail shows
 * it, into u (MB_LEN_MAX + 1 bytes): a printable character of the locale
 * as it is, any other byte as "\xNN" (tbuf.h esc_text).  Returns the
 * bytes of s taken, and in *cols the columns u takes.
 */
static size_t
screen_unit(const char *s, size_t n, char *u, int *cols)
{
	wchar_t	 wc;
	int	 k;

	k = screen_next(s, n, &wc);
	if (wc == L'?' && *s != '?') {
		esc_text(u, MB_LEN_MAX + 1, s, 1);
		*cols = (int)strlen(u);
		return 1;
	}
	memcpy(u, s, (size_t)k);
	u[k] = '\0';
	*cols = wcwidth(wc);
	return (size_t)k;
}

/*
 * Text from outside (a file's path, a list of interfaces) at (y, x) in
 * at most w columns: printable characters of the locale as they are,
 * other bytes escaped (screen_unit).  Wider than w, it is cut from the
 * left at a whole character or escape, "..." in front, so that its end
 * (the file's name) stays.  Returns the columns used.
 */
int
screen_puttail(int y, int x, int w, enum screen_role role, const char *s)
{
	char	 u[MB_LEN_MAX + 1];
	size_t	 n = strlen(s), i, k;
	int	 total = 0, used = 0, cw;

	for (i = 0; i < n; i += k) {
		k = screen_unit(s + i, n - i, u, &cw);
		total += cw;
	}
	i = 0;
	if (total > w) {
		used = screen_put(y, x, w, SCREEN_DIM, "...");
		for (; i < n && total > w - used; i += k) {
			k = screen_unit(s + i, n - i, u, &cw);
			total -= cw;
		}
	}
	for (; i < n; i += k) {
		k = screen_unit(s + i, n - i, u, &cw);
		used += screen_put(y, x + used, w - used, role, u);
	}
	return used;
}

int
screen_printf(int y, int x, int w, enum screen_role role, const char *fmt,
    ...)
{
	char	 buf[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return screen_put(y, x, w, role, buf);
}

/* Paints w blank columns in a role (title bars, selected rows). */
void
screen_fill(int y, int x, int w, enum screen_role role)
{
	if (y < 0 || y >= LINES || w <= 0)
		return;
	if (x + w > COLS)
		w = COLS - x;
	attrset(screen_roles[role]);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

/* A pane's title bar: name on the left, a hint on the right. */
void
screen_title(const struct pane *p, const char *left, const char *right)
{
	enum screen_role r = p->focus ? SCREEN_TITLE_FOCUS : SCREEN_TITLE;
	int		 used, rw;

	screen_fill(p->y, p->x, p->w, r);
	used = screen_put(p->y, p->x + 1, p->w - 2, r, left);
	if (right == NULL)
		return;
	rw = screen_width(right, strlen(right));
	if (used + 4 + rw <= p->w - 2)
		screen_put(p->y, p->x + p->w - 1 - rw, rw, r, right);
}

/* A fill bar of w columns, eighths of a cell when UTF-8 is available. */
void
screen_bar(int y, int x, int w, double frac, enum screen_role role, int utf8)
{
	static const wchar_t	 part[] = L" ▏▎▍▌▋▊▉";
	wchar_t			 wc;
	int			 i, eighths;

	if (w <= 0 || y >= LINES)
		return;
	if (frac < 0 || isnan(frac))
		frac = 0;
	if (frac > 1)
		frac = 1;
	eighths = (int)lround(frac * w * 8);
	move(y, x);
	for (i = 0; i < w && x + i < COLS; i++) {
		int	 e = eighths - i * 8;

		if (e >= 8) {
			attrset(screen_roles[role] | (utf8 ? 0 : A_REVERSE));
			wc = utf8 ? L'█' : L'#';
		} else if (e > 0) {
			attrset(screen_roles[role]);
			wc = utf8 ? part[e] : L'|';
		} else {
			attrset(screen_roles[SCREEN_DIM]);
			wc = utf8 ? L'·' : L'.';
		}
		addnwstr(&wc, 1);
	}
	attrset(A_NORMAL);
}

/* The last w samples of v[0..n) (newest last), scaled to max. */
void
screen_spark(int y, int x, int w, const double *v, int n, double max,
    enum screen_role role, int utf8)
{
	static const wchar_t	 uni[] = L"▁▂▃▄▅▆▇█";
	static const char	 asc[] = "_.-=+*#@";
	wchar_t			 wc;
	int			 i, k, first;

	if (w <= 0 || y >= LINES)
		return;
	first = n > w ? n - w : 0;
	move(y, x);
	/* Right-align so the newest sample always sits at the same column. */
	attrset(screen_roles[SCREEN_DIM]);
	for (i = 0; i < w - (n - first) && x + i < COLS; i++)
		addnwstr(utf8 ? L"·" : L" ", 1);
	attrset(screen_roles[role]);
	for (k = first; k < n && x + i < COLS; k++, i++) {
		int	 lvl;

		if (v[k] <= 0 || max <= 0) {
			wc = utf8 ? L' ' : L' ';
			addnwstr(&wc, 1);
			continue;
		}
		lvl = (int)ceil(v[k] / max * 8) - 1;
		if (lvl < 0)
			lvl = 0;
		if (lvl > 7)
			lvl = 7;
		wc = utf8 ? uni[lvl] : (wchar_t)asc[lvl];
		addnwstr(&wc, 1);
	}
	attrset(A_NORMAL);
}

/* 1234 -> "1234", 123456 -> "123.5k", with SI prefixes. */
char *
screen_num(char *buf, size_t sz, double v)
{
	static const char	 sfx[] = " kMGTP";
	int			 i = 0;

	if (v < 10000) {
		snprintf(buf, sz, v == floor(v) || v >= 100 ? "%.0f" : "%.1f",
		    v);
		return buf;
	}
	while (v >= 1000 && i < 5) {
		v /= 1000;
		i++;
	}
	snprintf(buf, sz, v < 100 ? "%.1f%c" : "%.0f%c", v, sfx[i]);
	return buf;
}

/* Bytes with binary prefixes: "512", "1.5K", "64.0M". */
char *
screen_bytes(char *buf, size_t sz, double v)
{
	static const char	 sfx[] = " KMGTP";
	int			 i = 0;

	while (v >= 1024 && i < 5) {
		v /= 1024;
		i++;
	}
	if (i == 0)
		snprintf(buf, sz, "%.0f", v);
	else
		snprintf(buf, sz, v < 100 ? "%.1f%c" : "%.0f%c", v, sfx[i]);
	return buf;
}

/*
 * The scrolling keys of a list: up and down (arrows, k, j) by one, page
 * up and down by page, home and end (g, G) to 0 and to end.  Moves *pos,
 * never below 0 (the pane clamps the bottom when it draws); 1 when key
 * was one of them, 0 for any other key.
 */
int
screen_scroll(int key, int *pos, int page, int end)
{
	switch (key) {
	case KEY_UP:
	case 'k':
		(*pos)--;
		break;
	case KEY_DOWN:
	case 'j':
		(*pos)++;
		break;
	case KEY_PPAGE:
		*pos -= page;
		break;
	case KEY_NPAGE:
		*pos += page;
		break;
	case KEY_HOME:
	case 'g':
		*pos = 0;
		break;
	case KEY_END:
	case 'G':
		*pos = end;
		break;
	default:
		return 0;
	}
	if (*pos < 0)
		*pos = 0;
	return 1;
}
