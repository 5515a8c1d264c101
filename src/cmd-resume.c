/* resume: the packet list follows new packets again. */
#include "cmd.h"
#include "engine.h"

static enum cmd_ret	cmd_resume_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_resume_entry = {
	.name = "resume",
	.alias = NULL,
	.usage = "resume",
	.help = "let the packet list follow new packets again",
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_resume_exec
};

static enum cmd_ret
cmd_resume_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	engine_pause(ctx->eng, 0);
	cmd_out(ctx, "packet list resumed");
	return CMD_OK;
}
