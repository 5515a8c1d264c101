/*
 * pause and resume: freeze the packet list, or let it follow new
 * packets again; counters and capture keep running either way.  One
 * exec, which asks its entry which of the two it is, as tmux's
 * kill-server and start-server share theirs.
 */
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

const struct cmd_entry cmd_resume_entry = {
	.name = "resume",
	.alias = NULL,
	.usage = "resume",
	.help = "let the packet list follow new packets again",
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_pause_exec
};

static enum cmd_ret
cmd_pause_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	int	on = ctx->entry == &cmd_pause_entry;

	engine_pause(ctx->eng, on);
	cmd_out(ctx, "packet list %s", on ? "paused" : "resumed");
	return CMD_OK;
}
