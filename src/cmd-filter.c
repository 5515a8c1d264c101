/*
 * The capture filter's program: filter replaces it, bpf shows it
 * compiled, snaplen sets how much of each packet it keeps (its return
 * value is the snap length: the engine puts the new one in the programs
 * in force, without compiling again).
 *
 * filter and bpf compile in their prep, which looks host names up (DNS)
 * and which a front end may run on a thread: filter the new expression,
 * bpf the one in force.  filter's exec then has the engine swap the
 * program in with an exact boundary; on any error the old filter stays
 * and nothing changes.  bpf prints as tcpdump -d: libpcap's bpf_image()
 * puts a tab between "jt" and "jf", shown as spacing to the next
 * multiple of 8 columns, never as a control byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

static enum cmd_ret	cmd_bpf_exec(struct cmd_ctx *, int, char **);
static void	*cmd_bpf_prep(struct cmd_ctx *, int, char **);
static void	*cmd_bpf_make(struct cmd_ctx *, const char *, char *);
static void	 cmd_bpf_drop(void *);
static int	 cmd_bpf_slow(struct cmd_ctx *, int, char **);
static void	 cmd_bpf_say(struct cmd_ctx *, char *, int);
static void	 cmd_bpf_untab(struct tbuf *, const char *);
static enum cmd_ret	cmd_filter_exec(struct cmd_ctx *, int, char **);
static void	*cmd_filter_prep(struct cmd_ctx *, int, char **);
static void	*cmd_filter_make(struct cmd_ctx *, const char *, char *);
static void	 cmd_filter_drop(void *);
static enum cmd_ret	cmd_snaplen_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_bpf_entry = {
	.name = "bpf",
	.alias = NULL,
	.usage = "bpf",
	.help = "show the compiled filter program",
	.args = { 0, 0, NULL },
	.exec = cmd_bpf_exec,
	.prep = cmd_bpf_prep,
	.unprep = cmd_prep_free,
	.slow = cmd_bpf_slow
};

const struct cmd_entry cmd_filter_entry = {
	.name = "filter",
	.alias = "f",
	.usage = "filter [expression]",
	.help = "set the capture filter (pcap syntax); alone, show it",
	.args = { 0, -1, NULL },
	.exec = cmd_filter_exec,
	.complete = CMD_COMPLETE_FILTER,
	.prep = cmd_filter_prep,
	.unprep = cmd_prep_free,
	.slow = cmd_slow_filter
};

const struct cmd_entry cmd_snaplen_entry = {
	.name = "snaplen",
	.alias = "s",
	.usage = "snaplen bytes",
	.help = "keep at most this many bytes of each packet (0: 262144)",
	.args = { 1, 1, NULL },
	.exec = cmd_snaplen_exec
};

/* The filter in force may name hosts, looked up again as it compiles. */
static int
cmd_bpf_slow(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*expr;
	int	 slow;

	if ((expr = engine_filter_expr(ctx->eng)) == NULL)
		return 0;
	slow = cmd_slow_filter(ctx, 1, &expr);
	free(expr);
	return slow;
}

static void *
cmd_bpf_prep(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_prep_make(ctx, NULL, cmd_bpf_make, cmd_bpf_drop);
}

/* The program's text, a struct tbuf; NULL with its reason in why. */
static void *
cmd_bpf_make(struct cmd_ctx *ctx, const char *expr, char *why)
{
	struct tbuf	*tb;

	tb = xmalloc(sizeof *tb);
	tbuf_init(tb);
	if (engine_bpf(ctx->eng, tb) == 0)
		return tb;
	snprintf(why, ZB_ERRBUFSZ, "%s", tb->s != NULL ? tb->s : "");
	cmd_bpf_drop(tb);
	return NULL;
}

static void
cmd_bpf_drop(void *obj)
{
	tbuf_free(obj);
	free(obj);
}

static enum cmd_ret
cmd_bpf_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_prep	*p = ctx->prep;
	struct tbuf	*tb = p->obj;

	if (p->failed) {
		cmd_bpf_say(ctx, p->why, 1);
		return CMD_ERROR;
	}
	cmd_bpf_say(ctx, tb->s, 0);
	return CMD_OK;
}

/* text's lines, untabbed, each as output or (error set) as an error. */
static void
cmd_bpf_say(struct cmd_ctx *ctx, char *text, int error)
{
	struct tbuf	 ln;
	char		*line, *next;

	tbuf_init(&ln);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		cmd_bpf_untab(&ln, line);
		if (error)
			cmd_error(ctx, "%s", ln.s != NULL ? ln.s : "");
		else
			cmd_out(ctx, "%s", ln.s != NULL ? ln.s : "");
	}
	tbuf_free(&ln);
}

/* line into tb, each tab widened with spaces to the next 8-column stop. */
static void
cmd_bpf_untab(struct tbuf *tb, const char *line)
{
	tbuf_reset(tb);
	for (; *line != '\0'; line++) {
		if (*line != '\t') {
			tbuf_putc(tb, *line);
			continue;
		}
		do
			tbuf_putc(tb, ' ');
		while (tb->len % 8 != 0);
	}
}

/* Compiling looks the expression's host names up: it may wait. */
static void *
cmd_filter_prep(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_prep_expr(ctx, argc, argv, cmd_filter_make,
	    cmd_filter_drop);
}

static void *
cmd_filter_make(struct cmd_ctx *ctx, const char *expr, char *why)
{
	return engine_filter_new(ctx->eng, expr, why);
}

static void
cmd_filter_drop(void *obj)
{
	engine_filter_free(obj);
}

static enum cmd_ret
cmd_filter_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_prep		*p = ctx->prep;
	struct stats_snap	*sn;
	char			 errbuf[ZB_ERRBUFSZ];

	if (p->failed)
		return cmd_error(ctx, "%s", p->why);
	if (p->obj != NULL &&
	    engine_filter_set(ctx->eng, p->obj, errbuf) == -1)
		return cmd_error(ctx, "%s", errbuf);
	sn = xmalloc(sizeof *sn);
	sn->keep_peaks = 1;
	engine_snapshot(ctx->eng, sn);
	cmd_out(ctx, "filter %s (epoch %u)", sn->filter[0] != '\0' ?
	    sn->filter : "none: every packet", sn->epoch);
	free(sn);
	return CMD_OK;
}

static enum cmd_ret
cmd_snaplen_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	errbuf[ZB_ERRBUFSZ];
	double	n;

	if (cmd_number(argv[0], 0, 262144, 1, &n) == -1)
		return cmd_error(ctx, "snaplen must be 1 to 262144 bytes, or "
		    "0 for 262144");
	/* As -s 0 (and tcpdump's): the default, the longest packet. */
	if (n == 0)
		n = 262144;
	if (engine_snaplen(ctx->eng, (unsigned)n, errbuf) == -1)
		return cmd_error(ctx, "%s", errbuf);
	cmd_out(ctx, "snaplen %u", (unsigned)n);
	return CMD_OK;
}
