/*
 * The packet list's two views of kept packets (plist.c).  display sets
 * its display filter, a pcap expression run in user space: capture is
 * never touched, so the counters, -w and -P still see every packet the
 * capture filter passes.  search selects the next listed packet whose
 * summary holds the text (smartcase, as less -i with a capital turning
 * it off); alone, the next match of the last search.  The screen does
 * the walk.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "plist.h"
#include "zb.h"

#define CMD_DISPLAY_SNAP	262144	/* the verdict is all that is used */

static enum cmd_ret	cmd_display_exec(struct cmd_ctx *, int, char **);
static void	*cmd_display_prep(struct cmd_ctx *, int, char **);
static void	*cmd_display_make(struct cmd_ctx *, const char *, char *);
static void	 cmd_display_drop(void *);
static int	 cmd_display_slow(struct cmd_ctx *, int, char **);
static enum cmd_ret	cmd_search_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_display_entry = {
	.name = "display",
	.alias = NULL,
	.usage = "display [expression|off]",
	.help = "narrow the packet list (pcap syntax), capture unchanged; "
	    "alone, show it",
	.args = { 0, -1, NULL },
	.exec = cmd_display_exec,
	.complete = CMD_COMPLETE_FILTER,
	.prep = cmd_display_prep,
	.unprep = cmd_prep_free,
	.slow = cmd_display_slow
};

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.alias = NULL,
	.usage = "search [text]",
	.help = "select the next listed packet whose line holds text; "
	    "alone, the next match",
	.args = { 0, -1, NULL },
	.exec = cmd_search_exec
};

static int
cmd_display_slow(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc == 1 && strcmp(argv[0], "off") == 0)
		return 0;
	return cmd_slow_filter(ctx, argc, argv);
}

/* Compiling looks the expression's host names up: it may wait. */
static void *
cmd_display_prep(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_prep_expr(ctx, argc, argv, cmd_display_make,
	    cmd_display_drop);
}

/* "off" is the empty expression, which passes every packet. */
static void *
cmd_display_make(struct cmd_ctx *ctx, const char *expr, char *why)
{
	int	dlt[CAP_MAXIF];

	return plist_display_new(dlt, engine_ifdlts(ctx->eng, dlt),
	    CMD_DISPLAY_SNAP, strcmp(expr, "off") == 0 ? "" : expr, why);
}

static void
cmd_display_drop(void *obj)
{
	plist_display_free(obj);
}

static enum cmd_ret
cmd_display_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_prep	*p = ctx->prep;
	char		 now[512];

	if (p->failed)
		return cmd_error(ctx, "display filter not changed: %s",
		    p->why);
	if (p->obj != NULL)
		plist_display_set(p->obj);
	p->obj = NULL;
	plist_display_text(now, sizeof now);
	cmd_out(ctx, "display %s", now[0] != '\0' ? now :
	    "off: every kept packet");
	return CMD_OK;
}

static enum cmd_ret
cmd_search_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*text;

	if (engine_recent(ctx->eng) == NULL)
		return cmd_error(ctx, "search: no packet list in this mode");
	text = cmd_join(argc, argv);
	plist_search(argc > 0 ? text : NULL, PLIST_NEXT);
	free(text);
	return CMD_OK;
}
