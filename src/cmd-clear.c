/* clear: counters and lists start again from zero; capture goes on. */
#include "cmd.h"
#include "engine.h"

static enum cmd_ret	cmd_clear_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_clear_entry = {
	.name = "clear",
	.alias = NULL,
	.usage = "clear",
	.help = "reset the counters, talkers and packet list",
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_clear_exec
};

static enum cmd_ret
cmd_clear_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	engine_clear(ctx->eng);
	cmd_out(ctx, "counters cleared");
	return CMD_OK;
}
