/*
 * search: select the next packet in the list whose summary holds the
 * text (smartcase, as less -i with a capital turning it off); alone,
 * the next match of the last search.  The screen does the walk.
 */
#include <stdlib.h>

#include "cmd.h"
#include "cmd-int.h"
#include "engine.h"
#include "plist.h"

enum cmd_ret
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
