/* quit: stop capturing, finish -w output, leave. */
#include "cmd.h"
#include "cmd-int.h"

enum cmd_ret
cmd_quit_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	return CMD_QUIT;
}
