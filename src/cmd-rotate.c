/*
 * rotate: hand the partly filled store buffer to zbtop now, the seed's
 * BIOCROTZBUF; "rotate every MS" does it on a timer, "rotate every off"
 * stops the timer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "cmd.h"
#include "engine.h"

static enum cmd_ret	cmd_rotate_exec(struct cmd_ctx *, int, char **);
static enum cmd_ret	cmd_rotate_every(struct cmd_ctx *, const char *);

/* Tab: "every", then "off" (or a number, typed). */
static const struct cmd_arg	cmd_rotate_every_args[] = {
	{ "off", NULL },
	{ NULL, NULL }
};
static const struct cmd_arg	cmd_rotate_args[] = {
	{ "every", cmd_rotate_every_args },
	{ NULL, NULL }
};

const struct cmd_entry cmd_rotate_entry = {
	.name = "rotate",
	.alias = "r",
	.usage = "rotate [every ms|off]",
	.help = "hand over the partly filled buffer now, or on a timer",
	.min_args = 0,
	.max_args = 2,
	.exec = cmd_rotate_exec,
	.args = cmd_rotate_args
};

static enum cmd_ret
cmd_rotate_every(struct cmd_ctx *ctx, const char *arg)
{
	char		*end;
	unsigned long	 ms = 0;
	char		 errbuf[ZB_ERRBUFSZ];

	if (strcmp(arg, "off") != 0) {
		errno = 0;
		ms = strtoul(arg, &end, 10);
		if (errno != 0 || *end != '\0' || end == arg || ms == 0 ||
		    ms > 60000)
			return cmd_error(ctx,
			    "rotate every: 1 to 60000 ms, or off");
	}
	if (engine_rotate_every(ctx->eng, (unsigned)ms, errbuf) == -1)
		return cmd_error(ctx, "%s", errbuf);
	if (ms == 0)
		cmd_out(ctx, "timed rotation off");
	else
		cmd_out(ctx, "rotating every %lu ms", ms);
	return CMD_OK;
}

static enum cmd_ret
cmd_rotate_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	errbuf[ZB_ERRBUFSZ];
	int	rc;

	if (argc == 2 && strcmp(argv[0], "every") == 0)
		return cmd_rotate_every(ctx, argv[1]);
	if (argc != 0) {
		cmd_error(ctx, "usage: %s", cmd_rotate_entry.usage);
		return CMD_ERROR;
	}
	rc = engine_rotate(ctx->eng, errbuf);
	if (rc == -1)
		return cmd_error(ctx, "%s", errbuf);
	cmd_out(ctx, rc == CAP_NOTHING ? "nothing to rotate: the store "
	    "buffer is empty" : "rotated");
	return CMD_OK;
}
