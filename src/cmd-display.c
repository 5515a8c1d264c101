/*
 * display: the packet list's display filter, a pcap expression run in
 * user space on kept packets (plist.c).  Capture is never touched: the
 * counters, -w and -P still see every packet the capture filter passes.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "plist.h"
#include "zb.h"

#define CMD_DISPLAY_SNAP	262144	/* the verdict is all that is used */

static enum cmd_ret	cmd_display_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_display_entry = {
	.name = "display",
	.alias = NULL,
	.usage = "display [expression|off]",
	.help = "narrow the packet list (pcap syntax), capture unchanged; "
	    "alone, show it",
	.min_args = 0,
	.max_args = -1,
	.exec = cmd_display_exec,
	.complete = CMD_COMPLETE_FILTER
};

static enum cmd_ret
cmd_display_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char		 errbuf[ZB_ERRBUFSZ], now[512], *expr;
	int		 dlt[CAP_MAXIF], rc = 0;

	expr = cmd_join(argc, argv);
	if (argc == 1 && strcmp(argv[0], "off") == 0)
		expr[0] = '\0';
	if (argc > 0)
		rc = plist_display(dlt, engine_ifdlts(ctx->eng, dlt),
		    CMD_DISPLAY_SNAP, expr, errbuf);
	free(expr);
	if (rc == -1)
		return cmd_error(ctx, "display filter not changed: %s", errbuf);
	plist_display_text(now, sizeof now);
	cmd_out(ctx, "display %s", now[0] != '\0' ? now :
	    "off: every kept packet");
	return CMD_OK;
}
