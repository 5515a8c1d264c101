/*
 * filter: replace the capture filter.  It is compiled first, host names
 * looked up (the prep, which a front end may run on a thread), then the
 * engine swaps it in with an exact boundary; on any error the old filter
 * stays and nothing changes.
 */
#include <stdlib.h>

#include "cmd.h"
#include "engine.h"
#include "stats.h"
#include "xmalloc.h"
#include "zb.h"

static enum cmd_ret	cmd_filter_exec(struct cmd_ctx *, int, char **);
static void	*cmd_filter_prep(struct cmd_ctx *, int, char **);
static void	*cmd_filter_make(struct cmd_ctx *, const char *, char *);
static void	 cmd_filter_drop(void *);

const struct cmd_entry cmd_filter_entry = {
	.name = "filter",
	.alias = "f",
	.usage = "filter [expression]",
	.help = "set the capture filter (pcap syntax); alone, show it",
	.min_args = 0,
	.max_args = -1,
	.exec = cmd_filter_exec,
	.complete = CMD_COMPLETE_FILTER,
	.prep = cmd_filter_prep,
	.unprep = cmd_prep_free,
	.slow = cmd_slow_filter
};

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
	engine_snapshot(ctx->eng, sn);
	cmd_out(ctx, "filter %s (epoch %u)", sn->filter[0] != '\0' ?
	    sn->filter : "none: every packet", sn->epoch);
	free(sn);
	return CMD_OK;
}
