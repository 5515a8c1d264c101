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
#include "cmd-int.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

#define CMD_MAXARGS	64

/*
 * Every command, one row each, in alphabetical order: lookup, help and
 * Tab completion walk this table.  min_args and max_args bound the words
 * after the name (-1: any number); the runner checks them against the
 * usage before the command's exec (in its cmd-<name>.c) sees the words.
 */
const struct cmd_entry cmd_table[] = {
	{ .name = "bpf",
	    .usage = "bpf", .min_args = 0, .max_args = 0,
	    .help = "show the compiled filter program",
	    .exec = cmd_bpf_exec },
	{ .name = "buffers", .alias = "b",
	    .usage = "buffers", .min_args = 0, .max_args = 0,
	    .help = "show ring geometry and the state of every buffer",
	    .exec = cmd_buffers_exec },
	{ .name = "clear",
	    .usage = "clear", .min_args = 0, .max_args = 0,
	    .help = "reset the counters, talkers and packet list",
	    .exec = cmd_clear_exec },
	{ .name = "delay", .alias = "d",
	    .usage = "delay seconds", .min_args = 1, .max_args = 1,
	    .help = "set the refresh interval (0.1 to 3600 seconds)",
	    .exec = cmd_delay_exec },
	{ .name = "display",
	    .usage = "display [expression|off]", .min_args = 0, .max_args = -1,
	    .help = "narrow the packet list (pcap syntax), capture unchanged; "
	    "alone, show it",
	    .exec = cmd_display_exec, .complete = CMD_COMPLETE_FILTER },
	{ .name = "filter", .alias = "f",
	    .usage = "filter [expression]", .min_args = 0, .max_args = -1,
	    .help = "set the capture filter (pcap syntax); alone, show it",
	    .exec = cmd_filter_exec, .complete = CMD_COMPLETE_FILTER },
	{ .name = "help", .alias = "?",
	    .usage = "help [command]", .min_args = 0, .max_args = 1,
	    .help = "list the commands, or describe one",
	    .exec = cmd_help_exec, .complete = CMD_COMPLETE_COMMANDS },
	{ .name = "pause",
	    .usage = "pause", .min_args = 0, .max_args = 0,
	    .help = "freeze the packet list (counters keep running)",
	    .exec = cmd_pause_exec },
	{ .name = "quit", .alias = "q",
	    .usage = "quit", .min_args = 0, .max_args = 0,
	    .help = "stop capturing and exit",
	    .exec = cmd_quit_exec },
	{ .name = "resume",
	    .usage = "resume", .min_args = 0, .max_args = 0,
	    .help = "let the packet list follow new packets again",
	    .exec = cmd_resume_exec },
	{ .name = "rotate", .alias = "r",
	    .usage = "rotate [every ms|off]", .min_args = 0, .max_args = 2,
	    .help = "hand over the partly filled buffer now, or on a timer",
	    .exec = cmd_rotate_exec, .args = cmd_rotate_args },
	{ .name = "search",
	    .usage = "search [text]", .min_args = 0, .max_args = -1,
	    .help = "select the next listed packet whose line holds text; "
	    "alone, the next match",
	    .exec = cmd_search_exec },
	{ .name = "snaplen", .alias = "s",
	    .usage = "snaplen bytes", .min_args = 1, .max_args = 1,
	    .help = "keep at most this many bytes of each packet",
	    .exec = cmd_snaplen_exec },
	{ .name = "speed",
	    .usage = "speed [x|+|-]", .min_args = 0, .max_args = 1,
	    .help = "replay a file at x times recorded speed (0: as fast as "
	    "possible), + doubles, - halves; alone, show it",
	    .exec = cmd_speed_exec },
	{ .name = "write", .alias = "w",
	    .usage = "write file|stop", .min_args = 1, .max_args = 1,
	    .help = "write captured packets to a pcap file, or stop writing",
	    .exec = cmd_write_exec },
	{ .name = NULL }
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

enum cmd_ret
cmd_usage(struct cmd_ctx *ctx, const char *name)
{
	const struct cmd_entry	*e;

	for (e = cmd_table; e->name != NULL; e++) {
		if (strcmp(e->name, name) == 0)
			break;
	}
	return cmd_error(ctx, "usage: %s", e->name != NULL ? e->usage : name);
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
	const struct cmd_entry	*e, *found = NULL;
	struct tbuf		 tb;
	size_t			 n = strlen(name);
	int			 ambiguous = 0;

	for (e = cmd_table; e->name != NULL; e++) {
		if (e->alias != NULL && strcmp(e->alias, name) == 0)
			return e;
	}
	for (e = cmd_table; e->name != NULL; e++) {
		if (strcmp(e->name, name) == 0)
			return e;
		if (strncmp(e->name, name, n) != 0)
			continue;
		if (found != NULL)
			ambiguous = 1;
		found = e;
	}
	if (found != NULL && !ambiguous)
		return found;
	tbuf_init(&tb);
	tbuf_puts(&tb, found == NULL ? "unknown command: " :
	    "ambiguous command: ");
	tbuf_esc(&tb, name, n);
	if (found != NULL) {
		tbuf_puts(&tb, " (");
		for (e = cmd_table; e->name != NULL; e++) {
			if (strncmp(e->name, name, n) != 0)
				continue;
			tbuf_printf(&tb, "%s%s", tb.s[tb.len - 1] == '(' ?
			    "" : ", ", e->name);
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
		cmd_usage(ctx, ce->name);
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
		return cmd_usage(ctx, ce->name);
	copy = xstrdup(arg);
	ret = ce->exec(ctx, 1, &copy);
	free(copy);
	return ret;
}
