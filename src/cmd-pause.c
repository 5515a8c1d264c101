/*
 * What the counters and the packet list show, while capture goes on
 * untouched: pause freezes the packet list and resume lets it follow new
 * packets again (one exec, which asks its entry which of the two it is,
 * as tmux's kill-server and start-server share theirs); clear starts the
 * counters, talkers and lists again from zero.
 */
#include "cmd.h"
#include "engine.h"

static enum cmd_ret	cmd_pause_exec(struct cmd_ctx *, int, char **);
static enum cmd_ret	cmd_clear_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_pause_entry = {
	.name = "pause",
	.alias = NULL,
	.usage = "pause",
	.help = "freeze the packet list (counters keep running)",
	.args = { 0, 0, NULL },
	.exec = cmd_pause_exec
};

const struct cmd_entry cmd_resume_entry = {
	.name = "resume",
	.alias = NULL,
	.usage = "resume",
	.help = "let the packet list follow new packets again",
	.args = { 0, 0, NULL },
	.exec = cmd_pause_exec
};

const struct cmd_entry cmd_clear_entry = {
	.name = "clear",
	.alias = NULL,
	.usage = "clear",
	.help = "reset the counters, talkers and packet list",
	.args = { 0, 0, NULL },
	.exec = cmd_clear_exec
};

static enum cmd_ret
cmd_pause_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	int	on = ctx->entry == &cmd_pause_entry;

	engine_pause(ctx->eng, on);
	cmd_out(ctx, "packet list %s", on ? "paused" : "resumed");
	return CMD_OK;
}

static enum cmd_ret
cmd_clear_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	engine_clear(ctx->eng);
	cmd_out(ctx, "counters cleared");
	return CMD_OK;
}
