/* quit: stop capturing, finish -w output, leave. */
#include <stddef.h>

#include "cmd.h"

static enum cmd_ret	cmd_quit_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_quit_entry = {
	.name = "quit",
	.alias = "q",
	.usage = "quit",
	.help = "stop capturing and exit",
	.args = { 0, 0, NULL },
	.exec = cmd_quit_exec
};

static enum cmd_ret
cmd_quit_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	return CMD_QUIT;
}
