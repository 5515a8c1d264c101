/*
 * The command table, the line splitter, lookup and the runner.  Lookup
 * follows tmux's cmd.c: an exact alias or name wins, then a unique prefix;
 * an ambiguous prefix lists the candidates.  Every message goes through
 * the context, so the same command serves the prompt, -e and batch input.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
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

static int	cmd_split(char *, char **, int, char *);

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

/* Run one line.  Blank lines and lines starting with # do nothing. */
enum cmd_ret
cmd_run(struct cmd_ctx *ctx, const char *line)
{
	const struct cmd_entry	*ce;
	char			*copy, *argv[CMD_MAXARGS], cause[ZB_ERRBUFSZ];
	int			 argc;
	enum cmd_ret		 ret = CMD_ERROR;

	copy = xstrdup(line);
	argc = cmd_split(copy, argv, CMD_MAXARGS, cause);
	if (argc == -1) {
		cmd_error(ctx, "%s", cause);
		goto out;
	}
	if (argc == 0 || argv[0][0] == '#') {
		ret = CMD_OK;
		goto out;
	}
	if ((ce = cmd_find(argv[0], cause)) == NULL) {
		cmd_error(ctx, "%s", cause);
		goto out;
	}
	if (argc - 1 < ce->min_args ||
	    (ce->max_args != -1 && argc - 1 > ce->max_args)) {
		cmd_error(ctx, "usage: %s", ce->usage);
		goto out;
	}
	ret = ce->exec(ctx, argc - 1, argv + 1);
out:
	free(copy);
	return ret;
}

enum cmd_ret
cmd_run_arg(struct cmd_ctx *ctx, const char *name, const char *arg)
{
	const struct cmd_entry	*ce;
	char			*copy, cause[ZB_ERRBUFSZ];
	enum cmd_ret		 ret;

	if ((ce = cmd_find(name, cause)) == NULL)
		return cmd_error(ctx, "%s", cause);
	if (ce->max_args != -1 && ce->max_args < 1)
		return cmd_error(ctx, "usage: %s", ce->usage);
	copy = xstrdup(arg);
	ret = ce->exec(ctx, 1, &copy);
	free(copy);
	return ret;
}
