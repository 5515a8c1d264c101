/*
 * pause, resume: freeze the packet list, and let it follow new packets
 * again.  Counters and capture keep running either way.
 */
#include "cmd.h"
#include "cmd-int.h"
#include "engine.h"

static enum cmd_ret	cmd_pause_set(struct cmd_ctx *, int);

static enum cmd_ret
cmd_pause_set(struct cmd_ctx *ctx, int on)
{
	engine_pause(ctx->eng, on);
	cmd_out(ctx, "packet list %s", on ? "paused" : "resumed");
	return CMD_OK;
}

enum cmd_ret
cmd_pause_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_pause_set(ctx, 1);
}

enum cmd_ret
cmd_resume_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_pause_set(ctx, 0);
}
