/* clear: counters and lists start again from zero; capture goes on. */
#include "cmd.h"
#include "cmd-int.h"
#include "engine.h"

enum cmd_ret
cmd_clear_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	engine_clear(ctx->eng);
	cmd_out(ctx, "counters cleared");
	return CMD_OK;
}
