/*
 * The command table, the line splitter, lookup and the runner.  Lookup
 * follows tmux's cmd.c: an exact alias or name wins, then a unique prefix;
 * an ambiguous prefix lists the candidates.  Every message goes through
 * the context, so the same command serves the prompt, -e and batch input.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "filter.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

#define CMD_MAXARGS	64

extern const struct cmd_entry cmd_bpf_entry;
extern const struct cmd_entry cmd_buffers_entry;
extern const struct cmd_entry cmd_clear_entry;
extern const struct cmd_entry cmd_delay_entry;
extern const struct cmd_entry cmd_display_entry;
extern const struct cmd_entry cmd_filter_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_pause_entry;
extern const struct cmd_entry cmd_quit_entry;
extern const struct cmd_entry cmd_resume_entry;
extern const struct cmd_entry cmd_rotate_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_snaplen_entry;
extern const struct cmd_entry cmd_speed_entry;
extern const struct cmd_entry cmd_write_entry;

const struct cmd_entry *cmd_table[] = {
	&cmd_bpf_entry,
	&cmd_buffers_entry,
	&cmd_clear_entry,
	&cmd_delay_entry,
	&cmd_display_entry,
	&cmd_filter_entry,
	&cmd_help_entry,
	&cmd_pause_entry,
	&cmd_quit_entry,
	&cmd_resume_entry,
	&cmd_rotate_entry,
	&cmd_search_entry,
	&cmd_snaplen_entry,
	&cmd_speed_entry,
	&cmd_write_entry,
	NULL
};

struct cmd_line;

static int	cmd_split(char *, char **, int, char *);
static struct cmd_job *cmd_job_new(struct cmd_ctx *, struct cmd_line *);
static void	*cmd_job_main(void *);
static void	 cmd_job_free(struct cmd_job *);

/* The arguments as one string, single spaces between: free() it. */
char *
cmd_join(int argc, char **argv)
{
	struct tbuf	 tb;
	int		 i;

	tbuf_init(&tb);
	tbuf_puts(&tb, "");
	for (i = 0; i < argc; i++)
		tbuf_printf(&tb, "%s%s", i > 0 ? " " : "", argv[i]);
	return tb.s;
}
static void	cmd_say(void (*)(void *, const char *), void *, const char *,
		    va_list) __attribute__((format(printf, 3, 0)));

static void
cmd_say(void (*say)(void *, const char *), void *arg, const char *fmt,
    va_list ap)
{
	char	buf[1024];

	vsnprintf(buf, sizeof buf, fmt, ap);
	say(arg, buf);
}

/* One line to the context's error sink; CMD_ERROR, for "return". */
enum cmd_ret
cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cmd_say(ctx->error, ctx->arg, fmt, ap);
	va_end(ap);
	return CMD_ERROR;
}

void
cmd_out(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cmd_say(ctx->out, ctx->arg, fmt, ap);
	va_end(ap);
}

/*
 * Split in place on blanks; single or double quotes group words.  Returns
 * the word count, or -1 with a reason.
 */
static int
cmd_split(char *s, char **argv, int max, char *cause)
{
	int	argc = 0;
	char	*out, q;

	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			return argc;
		if (argc == max) {
			snprintf(cause, ZB_ERRBUFSZ, "too many words");
			return -1;
		}
		argv[argc++] = out = s;
		while (*s != '\0' && !isspace((unsigned char)*s)) {
			if (*s != '"' && *s != '\'') {
				*out++ = *s++;
				continue;
			}
			q = *s++;
			while (*s != '\0' && *s != q)
				*out++ = *s++;
			if (*s != q) {
				snprintf(cause, ZB_ERRBUFSZ, "missing %c", q);
				return -1;
			}
			s++;
		}
		if (*s != '\0')
			s++;
		*out = '\0';
	}
}

const struct cmd_entry *
cmd_find(const char *name, char *cause)
{
	const struct cmd_entry	**e, *found = NULL;
	struct tbuf		  tb;
	size_t			  n = strlen(name);
	int			  ambiguous = 0;

	for (e = cmd_table; *e != NULL; e++) {
		if ((*e)->alias != NULL && strcmp((*e)->alias, name) == 0)
			return *e;
	}
	for (e = cmd_table; *e != NULL; e++) {
		if (strcmp((*e)->name, name) == 0)
			return *e;
		if (strncmp((*e)->name, name, n) != 0)
			continue;
		if (found != NULL)
			ambiguous = 1;
		found = *e;
	}
	if (found != NULL && !ambiguous)
		return found;
	tbuf_init(&tb);
	tbuf_puts(&tb, found == NULL ? "unknown command: " :
	    "ambiguous command: ");
	tbuf_esc(&tb, name, n);
	if (found != NULL) {
		tbuf_puts(&tb, " (");
		for (e = cmd_table; *e != NULL; e++) {
			if (strncmp((*e)->name, name, n) != 0)
				continue;
			tbuf_printf(&tb, "%s%s", tb.s[tb.len - 1] == '(' ?
			    "" : ", ", (*e)->name);
		}
		tbuf_putc(&tb, ')');
	}
	snprintf(cause, ZB_ERRBUFSZ, "%s", tb.s);
	tbuf_free(&tb);
	return NULL;
}

/* A line split, its command found and its words counted. */
struct cmd_line {
	const struct cmd_entry	*ce;		/* NULL: nothing to run */
	char			*copy;		/* the words point into it */
	int			 argc;
	char			*argv[CMD_MAXARGS];
};

/*
 * A command whose prep runs on a thread: the thread sets done (and res)
 * and frees the job if it was dropped by then; otherwise whoever polls
 * or cancels it after done frees it.
 */
struct cmd_job {
	pthread_mutex_t		 lock;
	struct cmd_ctx		*ctx;
	struct cmd_line		 cl;
	void			*res;
	int			 done;
	int			 dropped;
};

static _Atomic int	cmd_jobs;	/* preps running on a thread */

/*
 * line as a whole command line, or (arg set) as a command's name with
 * arg as its one argument, untouched.  CMD_ERROR once said why; CMD_OK
 * with cl->ce NULL for a blank line or a comment.
 */
static enum cmd_ret
cmd_parse(struct cmd_ctx *ctx, const char *line, const char *arg,
    struct cmd_line *cl)
{
	char	cause[ZB_ERRBUFSZ];

	memset(cl, 0, sizeof *cl);
	if (arg != NULL) {
		if ((cl->ce = cmd_find(line, cause)) == NULL)
			return cmd_error(ctx, "%s", cause);
		cl->copy = xstrdup(arg);
		cl->argc = 1;
		cl->argv[0] = cl->copy;
	} else {
		cl->copy = xstrdup(line);
		if ((cl->argc = cmd_split(cl->copy, cl->argv, CMD_MAXARGS,
		    cause)) == -1)
			return cmd_error(ctx, "%s", cause);
		if (cl->argc == 0 || cl->argv[0][0] == '#')
			return CMD_OK;
		if ((cl->ce = cmd_find(cl->argv[0], cause)) == NULL)
			return cmd_error(ctx, "%s", cause);
		/* The name is not an argument. */
		memmove(cl->argv, cl->argv + 1, --cl->argc * sizeof *cl->argv);
	}
	if (cl->argc < (arg != NULL ? 0 : cl->ce->args.lower) ||
	    (cl->ce->args.upper != -1 && cl->argc > cl->ce->args.upper)) {
		cmd_error(ctx, "usage: %s", cl->ce->usage);
		cl->ce = NULL;
		return CMD_ERROR;
	}
	return CMD_OK;
}

/* The entry's exec, with its prep's result: res if prepped, else made. */
static enum cmd_ret
cmd_exec(struct cmd_ctx *ctx, struct cmd_line *cl, int prepped, void *res)
{
	const struct cmd_entry	*ce = cl->ce;
	enum cmd_ret		 r;

	if (ce->prep != NULL && !prepped)
		res = ce->prep(ctx, cl->argc, cl->argv);
	ctx->prep = res;
	ctx->entry = ce;
	r = ce->exec(ctx, cl->argc, cl->argv);
	ctx->prep = NULL;
	ctx->entry = NULL;
	if (ce->unprep != NULL)
		ce->unprep(res);
	return r;
}

/* Run one line.  Blank lines and lines starting with # do nothing. */
enum cmd_ret
cmd_run(struct cmd_ctx *ctx, const char *line)
{
	return cmd_start(ctx, line, NULL, NULL);
}

enum cmd_ret
cmd_start(struct cmd_ctx *ctx, const char *line, const char *arg,
    struct cmd_job **job)
{
	struct cmd_line	 cl;
	enum cmd_ret	 r;

	if ((r = cmd_parse(ctx, line, arg, &cl)) != CMD_OK || cl.ce == NULL)
		goto out;
	if (job != NULL && cl.ce->prep != NULL) {
		if (*job != NULL) {
			r = cmd_error(ctx, "a name lookup is pending");
			goto out;
		}
		/* Behind a running prep, this one would wait for it. */
		if ((cl.ce->slow != NULL &&
		    cl.ce->slow(ctx, cl.argc, cl.argv)) ||
		    atomic_load(&cmd_jobs) > 0) {
			if ((*job = cmd_job_new(ctx, &cl)) != NULL)
				return CMD_OK;
		}
	}
	r = cmd_exec(ctx, &cl, 0, NULL);
out:
	free(cl.copy);
	return r;
}

/* A thread for cl's prep, which it takes; NULL if none can start. */
static struct cmd_job *
cmd_job_new(struct cmd_ctx *ctx, struct cmd_line *cl)
{
	struct cmd_job	*j;
	pthread_attr_t	 attr;
	pthread_t	 t;
	int		 rc;

	j = xcalloc(1, sizeof *j);
	pthread_mutex_init(&j->lock, NULL);
	j->ctx = ctx;
	j->cl = *cl;
	atomic_fetch_add(&cmd_jobs, 1);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&t, &attr, cmd_job_main, j);
	pthread_attr_destroy(&attr);
	if (rc == 0)
		return j;
	atomic_fetch_sub(&cmd_jobs, 1);
	pthread_mutex_destroy(&j->lock);
	free(j);
	return NULL;
}

static void *
cmd_job_main(void *arg)
{
	struct cmd_job	*j = arg;
	void		*res;
	int		 dropped;

	res = j->cl.ce->prep(j->ctx, j->cl.argc, j->cl.argv);
	pthread_mutex_lock(&j->lock);
	j->res = res;
	j->done = 1;
	dropped = j->dropped;
	pthread_mutex_unlock(&j->lock);
	atomic_fetch_sub(&cmd_jobs, 1);
	if (dropped)
		cmd_job_free(j);
	return NULL;
}

/* The job, and its prep's result unless exec had it (res NULL). */
static void
cmd_job_free(struct cmd_job *j)
{
	if (j->res != NULL && j->cl.ce->unprep != NULL)
		j->cl.ce->unprep(j->res);
	free(j->cl.copy);
	pthread_mutex_destroy(&j->lock);
	free(j);
}

int
cmd_job_poll(struct cmd_job *j, enum cmd_ret *ret)
{
	int	done;

	pthread_mutex_lock(&j->lock);
	done = j->done;
	pthread_mutex_unlock(&j->lock);
	if (!done)
		return 0;
	*ret = cmd_exec(j->ctx, &j->cl, 1, j->res);
	j->res = NULL;
	cmd_job_free(j);
	return 1;
}

void
cmd_job_cancel(struct cmd_job *j)
{
	int	done;

	pthread_mutex_lock(&j->lock);
	j->dropped = 1;
	done = j->done;
	pthread_mutex_unlock(&j->lock);
	if (done)
		cmd_job_free(j);
}

int
cmd_jobs_running(void)
{
	return atomic_load(&cmd_jobs);
}

/* Whether the words, as one pcap expression, have a name to look up. */
int
cmd_slow_filter(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*expr, *bare;
	int	 names;

	expr = cmd_join(argc, argv);
	bare = filter_unname(expr, &names);
	free(bare);
	free(expr);
	return names > 0;
}

void *
cmd_prep_expr(struct cmd_ctx *ctx, int argc, char **argv,
    void *(*make)(struct cmd_ctx *, const char *, char *),
    void (*drop)(void *))
{
	struct cmd_prep	*p;
	char		*expr;

	if (argc == 0)
		return cmd_prep_make(ctx, NULL, NULL, drop);
	expr = cmd_join(argc, argv);
	p = cmd_prep_make(ctx, expr, make, drop);
	free(expr);
	return p;
}

/* As cmd_prep_expr, on expr as it is; make NULL: nothing to make. */
void *
cmd_prep_make(struct cmd_ctx *ctx, const char *expr,
    void *(*make)(struct cmd_ctx *, const char *, char *),
    void (*drop)(void *))
{
	struct cmd_prep	*p;

	p = xcalloc(1, sizeof *p);
	p->drop = drop;
	if (make != NULL && (p->obj = make(ctx, expr, p->why)) == NULL)
		p->failed = 1;
	return p;
}

void
cmd_prep_free(void *arg)
{
	struct cmd_prep	*p = arg;

	if (p->obj != NULL)
		p->drop(p->obj);
	free(p);
}

/*
 * Whole numbers go through strtoul, as typed counts always have (a sign
 * wraps it past any max).  errno is not looked at: what overflows comes
 * back beyond every bound given here, and a fraction that underflows,
 * as 0 or near it, is taken as such (speed 1e-400 is 0).  NaN fails both
 * comparisons.
 */
int
cmd_number(const char *s, double min, double max, int whole, double *n)
{
	char	*end;

	*n = whole ? (double)strtoul(s, &end, 10) : strtod(s, &end);
	if (*end != '\0' || end == s || !(*n >= min && *n <= max))
		return -1;
	return 0;
}

enum cmd_ret
cmd_usage(struct cmd_ctx *ctx)
{
	return cmd_error(ctx, "usage: %s", ctx->entry->usage);
}
