/*
 * The prompts, on libedit.  libedit wants a terminal and reads its own
 * input, but the screen must keep drawing while the user types, so
 * libedit gets a private pseudo-terminal (whose output we throw away) and
 * a read function that hands it the keys the screen queued; in unbuffered
 * mode el_wgets() then returns after every key and we draw el_line()
 * ourselves.  The one terminal stays ncurses'.  History: one file, lines
 * "/filter" and ":command", mode 0600.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "cmd.h"
#include "prompt.h"
#include "xmalloc.h"
#include "zb.h"

#define PROMPT_QUEUE	64
#define PROMPT_HISTMAX	500
#define PROMPT_HINTSZ	512

struct prompt {
	EditLine		*el;
	History			*hist[PROMPT_NKINDS];
	enum prompt_kind	 kind;
	int			 master;	/* pty: libedit's output sink */
	FILE			*slave;
	wchar_t			 q[PROMPT_QUEUE];
	int			 qlen, qpos;
	char			*path;		/* history file, or NULL */
	int			 histfd;	/* open before privileges go */
	char			*line;		/* the last accepted line */
	char			 hint[PROMPT_HINTSZ];
};

static void	prompt_bind_latin1(struct prompt *);
static int	prompt_getc(EditLine *, wchar_t *);
static unsigned char prompt_complete(EditLine *, int);
static void	prompt_reset(struct prompt *);
static void	prompt_drain(struct prompt *);
static void	prompt_push(struct prompt *, const wchar_t *);
static int	prompt_openpty(struct prompt *, char *);
static char	*prompt_defpath(void);
static void	prompt_load(struct prompt *, char *);
static int	prompt_save(struct prompt *, char *);
static int	prompt_words(struct prompt *, const char *, size_t,
		    const char **, size_t);
static int	prompt_cmds(const char **, size_t);
static int	prompt_args(const struct cmd_arg *, const char *,
		    const char *, const char **, size_t);

/* A history file line starts with its prompt's mark (enum prompt_kind). */
static const char prompt_mark[PROMPT_NKINDS] = { '/', ':', '\\', '?' };

/* Words that may start or continue a pcap filter (pcap-filter(7)). */
static const char *const prompt_filter_words[] = {
	"and", "arp", "broadcast", "dst", "ether", "gateway", "greater",
	"host", "icmp", "icmp6", "igmp", "inbound", "ip", "ip6", "len",
	"less", "mpls", "multicast", "net", "not", "or", "outbound", "port",
	"portrange", "proto", "rarp", "sctp", "src", "tcp", "tcp-ack",
	"tcp-fin", "tcp-push", "tcp-rst", "tcp-syn", "tcp-urg",
	"tcpflags", "udp", "vlan", "vxlan", "geneve", "icmp-echo",
	"icmp-echoreply", "pppoed", "pppoes", NULL
};

/*
 * libedit's emacs map reads the keys 0xa0 to 0xff as Meta and a letter
 * (map.c, el_map_emacs): typed, ä (0xe4, M-d) deleted the next word and
 * é (0xe9, M-i) vanished.  Meta reaches the prompt as Esc and the key
 * (screen_prompt_key), so these are Latin-1 letters: insert them.
 */
static void
prompt_bind_latin1(struct prompt *p)
{
	wchar_t	 key[2] = { 0, 0 };

	for (key[0] = 0xa0; key[0] <= 0xff; key[0]++)
		el_wset(p->el, EL_BIND, key, L"ed-insert", NULL);
}

struct prompt *
prompt_new(const char *histfile, char *errbuf)
{
	struct prompt	*p;
	HistEvent	 ev;
	int		 i;

	errbuf[0] = '\0';
	p = xcalloc(1, sizeof *p);
	p->master = -1;
	p->histfd = -1;
	if (prompt_openpty(p, errbuf) == -1) {
		free(p);
		return NULL;
	}
	p->el = el_init("zbtop", p->slave, p->slave, p->slave);
	if (p->el == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot start line editing");
		prompt_free(p);
		return NULL;
	}
	for (i = 0; i < PROMPT_NKINDS; i++) {
		p->hist[i] = history_init();
		history(p->hist[i], &ev, H_SETSIZE, PROMPT_HISTMAX);
		history(p->hist[i], &ev, H_SETUNIQUE, 1);
	}
	el_set(p->el, EL_EDITOR, "emacs");
	el_set(p->el, EL_CLIENTDATA, p);
	el_set(p->el, EL_GETCFN, prompt_getc);
	/* el_set() would copy these names with wcsdup() and never free them. */
	el_wset(p->el, EL_ADDFN, L"zb-complete", L"complete a word",
	    prompt_complete);
	el_set(p->el, EL_BIND, "^I", "zb-complete", NULL);
	/* ^D on an empty line would end the line with a ^D in it. */
	el_set(p->el, EL_BIND, "^D", "ed-delete-next-char", NULL);
	/*
	 * The incremental searches (^R, ^S) and ed-command (M-x) write a
	 * prompt of their own into the line (libedit search.c, ce_inc_search:
	 * "bck:"; el.c, c_gets), which we draw as the line: ^R showed
	 * "?bck:?" and Enter ran "bck:..." as a command.  ^R and ^S search
	 * the history for lines starting with what is typed, as M-p, M-n.
	 */
	el_set(p->el, EL_BIND, "^R", "ed-search-prev-history", NULL);
	el_set(p->el, EL_BIND, "^S", "ed-search-next-history", NULL);
	el_set(p->el, EL_BIND, "^[x", "ed-unassigned", NULL);
	el_set(p->el, EL_BIND, "^[X", "ed-unassigned", NULL);
	prompt_bind_latin1(p);
	el_source(p->el, NULL);
	el_set(p->el, EL_HIST, history, p->hist[0]);
	el_set(p->el, EL_UNBUFFERED, 1);
	prompt_drain(p);
	p->path = histfile != NULL ? xstrdup(histfile) : prompt_defpath();
	if (p->path != NULL)
		prompt_load(p, errbuf);
	return p;
}

void
prompt_free(struct prompt *p)
{
	int	 i;

	if (p == NULL)
		return;
	if (p->el != NULL)
		el_end(p->el);
	for (i = 0; i < PROMPT_NKINDS; i++)
		if (p->hist[i] != NULL)
			history_end(p->hist[i]);
	if (p->slave != NULL)
		fclose(p->slave);
	if (p->master != -1)
		close(p->master);
	if (p->histfd != -1)
		close(p->histfd);
	free(p->path);
	free(p->line);
	free(p);
}

/*
 * libedit checks that its input and output are terminals (tty_init) and
 * sets its own modes on them; a pseudo-terminal of its own keeps it away
 * from ours.  Its echo is read back and dropped by prompt_drain().
 */
static int
prompt_openpty(struct prompt *p, char *errbuf)
{
	int	 s;

	if ((p->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)) == -1 ||
	    grantpt(p->master) == -1 || unlockpt(p->master) == -1 ||
	    (s = open(ptsname(p->master), O_RDWR | O_NOCTTY | O_CLOEXEC)) ==
	    -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot open a pseudo-terminal "
		    "for line editing: %s", strerror(errno));
		if (p->master != -1)
			close(p->master);
		return -1;
	}
	fcntl(p->master, F_SETFL, O_NONBLOCK);
	if ((p->slave = fdopen(s, "r+")) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "fdopen: %s", strerror(errno));
		close(s);
		close(p->master);
		return -1;
	}
	return 0;
}

static void
prompt_drain(struct prompt *p)
{
	char	 buf[4096];

	while (read(p->master, buf, sizeof buf) > 0)
		continue;
}

/* libedit's read function: the queued keys, then "end of input". */
static int
prompt_getc(EditLine *el, wchar_t *wc)
{
	struct prompt	*p;

	if (el_get(el, EL_CLIENTDATA, &p) != 0 || p->qpos >= p->qlen)
		return 0;
	*wc = p->q[p->qpos++];
	return 1;
}

static void
prompt_push(struct prompt *p, const wchar_t *s)
{
	while (*s != L'\0' && p->qlen < PROMPT_QUEUE)
		p->q[p->qlen++] = *s++;
}

/* Leaving and re-entering unbuffered mode is what starts a fresh line. */
static void
prompt_reset(struct prompt *p)
{
	el_set(p->el, EL_UNBUFFERED, 0);
	el_set(p->el, EL_UNBUFFERED, 1);
	p->hint[0] = '\0';
	prompt_drain(p);
}

void
prompt_begin(struct prompt *p, enum prompt_kind kind, const char *init)
{
	p->kind = kind;
	el_set(p->el, EL_HIST, history, p->hist[kind]);
	prompt_reset(p);
	if (init != NULL && *init != '\0')
		el_insertstr(p->el, init);
}

enum prompt_kind
prompt_kind(struct prompt *p)
{
	return p->kind;
}

const char *
prompt_histfile(struct prompt *p)
{
	return p->path;
}

/* One key from the screen; Enter and Esc are decided here. */
enum prompt_state
prompt_key(struct prompt *p, int key)
{
	static const struct {
		int		 key;
		const wchar_t	*seq;
	} map[] = {
		{ PROMPT_K_LEFT, L"\033[D" },	{ PROMPT_K_RIGHT, L"\033[C" },
		{ PROMPT_K_UP, L"\033[A" },	{ PROMPT_K_DOWN, L"\033[B" },
		{ PROMPT_K_HOME, L"\001" },	{ PROMPT_K_END, L"\005" },
		{ PROMPT_K_DELETE, L"\033[3~" },
		{ PROMPT_K_BACKSPACE, L"\010" },
	};
	const LineInfo	*li;
	wchar_t		 one[3] = { 0, 0, 0 };
	size_t		 i;
	int		 n;

	if (key == 033 || key == 007 || key == 003)	/* Esc, ^G, ^C */
		return PROMPT_CANCEL;
	p->qlen = p->qpos = 0;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].key == key)
			break;
	if (i < sizeof map / sizeof map[0])
		prompt_push(p, map[i].seq);
	else if (key & PROMPT_META) {
		one[0] = 033;
		one[1] = (wchar_t)(key & ~PROMPT_META);
		prompt_push(p, one);
	} else {
		one[0] = key == '\n' ? L'\r' : (wchar_t)key;
		prompt_push(p, one);
	}
	if (key != '\t')
		p->hint[0] = '\0';
	while (p->qpos < p->qlen)
		if (el_wgets(p->el, &n) == NULL && n == -1)
			break;
	prompt_drain(p);
	li = el_line(p->el);
	if (li->lastchar > li->buffer && li->lastchar[-1] == '\n')
		return PROMPT_ENTER;
	return PROMPT_EDITING;
}

/* The line being edited and the cursor's byte offset in it. */
const char *
prompt_line(struct prompt *p, size_t *cursor)
{
	const LineInfo	*li = el_line(p->el);
	size_t		 len = (size_t)(li->lastchar - li->buffer);

	free(p->line);
	p->line = xmalloc(len + 1);
	memcpy(p->line, li->buffer, len);
	p->line[len] = '\0';
	if (len > 0 && p->line[len - 1] == '\n')
		p->line[len - 1] = '\0';
	*cursor = (size_t)(li->cursor - li->buffer);
	if (*cursor > strlen(p->line))
		*cursor = strlen(p->line);
	return p->line;
}

const char *
prompt_hint(struct prompt *p)
{
	return p->hint;
}

/*
 * After PROMPT_ENTER: the line, entered into history and saved.  errbuf
 * says why the history file could not be written, or is empty.
 */
const char *
prompt_take(struct prompt *p, char *errbuf)
{
	HistEvent	 ev;
	size_t		 cur;
	const char	*s;

	errbuf[0] = '\0';
	s = prompt_line(p, &cur);
	if (*s != '\0') {
		history(p->hist[p->kind], &ev, H_ENTER, s);
		if (p->path != NULL)
			prompt_save(p, errbuf);
	}
	prompt_reset(p);
	return s;
}

/* $XDG_STATE_HOME/zbtop/history, else ~/.zbtop_history. */
static char *
prompt_defpath(void)
{
	const char	*base, *home;
	char		 dir[PATH_MAX], path[PATH_MAX + 16], *s;

	if ((base = getenv("XDG_STATE_HOME")) != NULL && *base == '/') {
		snprintf(dir, sizeof dir, "%s/zbtop", base);
		/* mkdir -p: $XDG_STATE_HOME itself may not exist yet. */
		for (s = dir + 1; (s = strchr(s, '/')) != NULL; s++) {
			*s = '\0';
			mkdir(dir, 0700);
			*s = '/';
		}
		if (mkdir(dir, 0700) == -1 && errno != EEXIST)
			return NULL;
		snprintf(path, sizeof path, "%s/history", dir);
		return xstrdup(path);
	}
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		return NULL;
	snprintf(path, sizeof path, "%s/.zbtop_history", home);
	return xstrdup(path);
}

/*
 * The file stays open from here on: zbtop drops privileges after
 * capture is open, and root's home may not be readable by then.
 */
static void
prompt_load(struct prompt *p, char *errbuf)
{
	HistEvent	 ev;
	FILE		*f;
	char		*s = NULL;
	size_t		 sz = 0;
	ssize_t		 n;
	int		 fd, i;

	if ((p->histfd = open(p->path, O_RDWR | O_CREAT | O_CLOEXEC,
	    0600)) == -1 || (fd = dup(p->histfd)) == -1 ||
	    (f = fdopen(fd, "r")) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "history not kept: %s: %s",
		    p->path, strerror(errno));
		if (p->histfd != -1)
			close(p->histfd);
		p->histfd = -1;
		return;
	}
	while ((n = getline(&s, &sz, f)) > 0) {
		if (s[n - 1] == '\n')
			s[--n] = '\0';
		for (i = 0; n > 1 && i < PROMPT_NKINDS; i++)
			if (s[0] == prompt_mark[i])
				history(p->hist[i], &ev, H_ENTER, s + 1);
	}
	free(s);
	fclose(f);
}

/* Rewritten whole through the descriptor opened at start. */
static int
prompt_save(struct prompt *p, char *errbuf)
{
	HistEvent		 ev;
	char			*buf = NULL;
	size_t			 len = 0;
	FILE			*f;
	int			 i, r, bad;

	if (p->histfd == -1 || (f = open_memstream(&buf, &len)) == NULL)
		return -1;
	/* H_LAST is the oldest entry; H_PREV walks towards the newest. */
	for (i = 0; i < PROMPT_NKINDS; i++)
		for (r = history(p->hist[i], &ev, H_LAST); r != -1;
		    r = history(p->hist[i], &ev, H_PREV))
			fprintf(f, "%c%s\n", prompt_mark[i], ev.str);
	fclose(f);
	bad = ftruncate(p->histfd, 0) == -1 ||
	    pwrite(p->histfd, buf, len, 0) != (ssize_t)len;
	if (bad)
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot save history %s: %s",
		    p->path, strerror(errno));
	free(buf);
	return bad ? -1 : 0;
}

/*
 * Candidates for the word before the cursor (it starts at wstart): on a
 * command line, command names first, then what the command's entry says
 * Tab offers; filter words in a filter prompt.
 */
static int
prompt_words(struct prompt *p, const char *line, size_t wstart,
    const char **out, size_t max)
{
	const struct cmd_entry	*ce;
	const char		*s;
	char			 word[64], cause[ZB_ERRBUFSZ];
	size_t			 n = 0, i, len;

	if (p->kind == PROMPT_SEARCH)
		return 0;
	if (p->kind == PROMPT_COMMAND) {
		s = line + strspn(line, " ");
		len = strcspn(s, " ");
		if (wstart <= (size_t)(s - line))
			return prompt_cmds(out, max);
		snprintf(word, sizeof word, "%.*s", (int)len, s);
		if ((ce = cmd_find(word, cause)) == NULL)
			return 0;
		if (ce->complete == CMD_COMPLETE_COMMANDS)
			return prompt_cmds(out, max);
		if (ce->complete == CMD_COMPLETE_ARGS)
			return prompt_args(ce->args.words, s + len, line + wstart,
			    out, max);
	}
	for (i = 0; prompt_filter_words[i] != NULL && n < max; i++)
		out[n++] = prompt_filter_words[i];
	return (int)n;
}

/* Every command's name. */
static int
prompt_cmds(const char **out, size_t max)
{
	size_t	 n;

	for (n = 0; cmd_table[n] != NULL && n < max; n++)
		out[n] = cmd_table[n]->name;
	return (int)n;
}

/*
 * The words of an argument spec at the position that starts at end,
 * following the sub-words typed in s before it; 0 when one of them is
 * not in the spec.
 */
static int
prompt_args(const struct cmd_arg *a, const char *s, const char *end,
    const char **out, size_t max)
{
	size_t	 n = 0, len;

	for (s += strspn(s, " "); s < end && a != NULL; s += strspn(s, " ")) {
		len = strcspn(s, " ");
		while (a->word != NULL && (strlen(a->word) != len ||
		    strncmp(a->word, s, len) != 0))
			a++;
		if (a->word == NULL)
			return 0;
		a = a->next;
		s += len;
	}
	for (; a != NULL && a->word != NULL && n < max; a++)
		out[n++] = a->word;
	return (int)n;
}

static unsigned char
prompt_complete(EditLine *el, int ch)
{
	struct prompt	*p;
	const LineInfo	*li = el_line(el);
	const char	*all[128], *match[128];
	char		 line[1024], add[128];
	size_t		 cur, ws, wl, common = 0, i, j, nm = 0;
	int		 n;

	if (el_get(el, EL_CLIENTDATA, &p) != 0)
		return CC_ERROR;
	cur = (size_t)(li->cursor - li->buffer);
	if (cur >= sizeof line)
		return CC_ERROR;
	memcpy(line, li->buffer, cur);
	line[cur] = '\0';
	for (ws = cur; ws > 0 && strchr(" ()!", line[ws - 1]) == NULL; ws--)
		continue;
	wl = cur - ws;
	n = prompt_words(p, line, ws, all, 128);
	for (i = 0; i < (size_t)n; i++)
		if (strncmp(all[i], line + ws, wl) == 0)
			match[nm++] = all[i];
	if (nm == 0) {
		snprintf(p->hint, sizeof p->hint, "no completion");
		return CC_NORM;
	}
	/* The longest prefix every match shares. */
	common = strlen(match[0]);
	for (i = 1; i < nm; i++)
		for (j = 0; j < common; j++)
			if (match[i][j] != match[0][j]) {
				common = j;
				break;
			}
	if (common > wl && common - wl < sizeof add - 2) {
		memcpy(add, match[0] + wl, common - wl);
		add[common - wl] = '\0';
		if (nm == 1)
			strcat(add, " ");
		el_insertstr(el, add);
	} else if (nm == 1)
		el_insertstr(el, " ");
	p->hint[0] = '\0';
	if (nm > 1)
		for (i = 0; i < nm; i++) {
			strncat(p->hint, match[i],
			    sizeof p->hint - strlen(p->hint) - 1);
			strncat(p->hint, "  ",
			    sizeof p->hint - strlen(p->hint) - 1);
		}
	return CC_REFRESH;
}
