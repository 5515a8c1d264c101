/*
 * filter: replace the capture filter.  The engine applies it with an exact
 * boundary; on any error the old filter stays and nothing changes.
 */
#include <stdlib.h>

#include "cmd.h"
#include "engine.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

static enum cmd_ret	cmd_filter_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_filter_entry = {
	.name = "filter",
	.alias = "f",
	.usage = "filter [expression]",
	.help = "set the capture filter (pcap syntax); alone, show it",
	.min_args = 0,
	.max_args = -1,
	.exec = cmd_filter_exec,
	.complete = CMD_COMPLETE_FILTER
};

static enum cmd_ret
cmd_filter_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct stats_snap	*sn;
	struct tbuf		 expr;
	char			 errbuf[ZB_ERRBUFSZ];
	int			 i, rc;

	tbuf_init(&expr);
	tbuf_puts(&expr, "");
	for (i = 0; i < argc; i++)
		tbuf_printf(&expr, "%s%s", i > 0 ? " " : "", argv[i]);
	rc = argc == 0 ? 0 : engine_filter(ctx->eng, expr.s, errbuf);
	tbuf_free(&expr);
	if (rc == -1)
		return cmd_error(ctx, "%s", errbuf);
	sn = xmalloc(sizeof *sn);
	engine_snapshot(ctx->eng, sn);
	cmd_out(ctx, "filter %s (epoch %u)", sn->filter[0] != '\0' ?
	    sn->filter : "none: every packet", sn->epoch);
	free(sn);
	return CMD_OK;
}
