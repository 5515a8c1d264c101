/* pause: freeze the packet list; counters and capture keep running. */
#include "cmd.h"
#include "engine.h"

static enum cmd_ret	cmd_pause_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_pause_entry = {
	.name = "pause",
	.alias = NULL,
	.usage = "pause",
	.help = "freeze the packet list (counters keep running)",
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_pause_exec
};

static enum cmd_ret
cmd_pause_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	engine_pause(ctx->eng, 1);
	cmd_out(ctx, "packet list paused");
	return CMD_OK;
}
