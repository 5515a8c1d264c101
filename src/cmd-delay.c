/* delay: how often the screen or batch output refreshes, as top's -d and d. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "cmd.h"

static enum cmd_ret	cmd_delay_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_delay_entry = {
	.name = "delay",
	.alias = "d",
	.usage = "delay [seconds]",
	.help = "set the refresh interval (0.1 to 3600 seconds); alone, "
	    "show it",
	.min_args = 0,
	.max_args = 1,
	.exec = cmd_delay_exec
};

static enum cmd_ret
cmd_delay_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	*end;
	double	 d;

	/* Alone, as filter, display and speed alone: what is in force. */
	if (argc == 0) {
		if (ctx->delay == NULL)
			return cmd_error(ctx, "delay: no refresh in this mode");
		cmd_out(ctx, "delay %g s", *ctx->delay);
		return CMD_OK;
	}
	errno = 0;
	d = strtod(argv[0], &end);
	if (errno != 0 || *end != '\0' || end == argv[0] || !isfinite(d) ||
	    d < 0.1 || d > 3600)
		return cmd_error(ctx, "delay must be 0.1 to 3600 seconds");
	if (ctx->delay != NULL)
		*ctx->delay = d;
	cmd_out(ctx, "delay %g s", d);
	return CMD_OK;
}
