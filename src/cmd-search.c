/*
 * search: select the next packet in the list whose summary holds the
 * text (smartcase, as less -i with a capital turning it off); alone,
 * the next match of the last search.  The screen does the walk.
 */
#include <stdlib.h>

#include "cmd.h"
#include "engine.h"
#include "plist.h"

static enum cmd_ret	cmd_search_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.alias = NULL,
	.usage = "search [text]",
	.help = "select the next listed packet whose line holds text; "
	    "alone, the next match",
	.min_args = 0,
	.max_args = -1,
	.exec = cmd_search_exec
};

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
