/*
 * Pace: delay is how often the screen or batch output refreshes (top's
 * -d and d); speed is a replayed file's speed, x times recorded, 0 as
 * fast as possible (which is how to reach the end), + doubling it and -
 * halving it down to 1/64 (a second of the file then takes a minute;
 * halving on had no end, to "2.98023e-05x" after 25 presses).  Alone,
 * as filter and display alone, each shows what is in force.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "cmd.h"
#include "engine.h"
#include "zb.h"

static enum cmd_ret	cmd_delay_exec(struct cmd_ctx *, int, char **);
static enum cmd_ret	cmd_speed_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_delay_entry = {
	.name = "delay",
	.alias = "d",
	.usage = "delay [seconds]",
	.help = "set the refresh interval (0.1 to 3600 seconds); alone, "
	    "show it",
	.args = { 0, 1, NULL },
	.exec = cmd_delay_exec
};

const struct cmd_entry cmd_speed_entry = {
	.name = "speed",
	.alias = NULL,
	.usage = "speed [x|+|-]",
	.help = "replay a file at x times recorded speed (0: as fast as "
	    "possible), + doubles, - halves; alone, show it",
	.args = { 0, 1, NULL },
	.exec = cmd_speed_exec
};

static enum cmd_ret
cmd_delay_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	double	d;

	if (argc == 0 && ctx->delay == NULL)
		return cmd_error(ctx, "delay: no refresh in this mode");
	if (argc == 0)
		d = *ctx->delay;
	else if (cmd_number(argv[0], 0.1, 3600, 0, &d) == -1)
		return cmd_error(ctx, "delay must be 0.1 to 3600 seconds");
	else if (ctx->delay != NULL)
		*ctx->delay = d;
	cmd_out(ctx, "delay %g s", d);
	return CMD_OK;
}

static enum cmd_ret
cmd_speed_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	 errbuf[ZB_ERRBUFSZ];
	double	 now = engine_speed_get(ctx->eng), x = now;

	if (now < 0)
		return cmd_error(ctx, "speed: only a replayed file has one");
	if (argc == 1 && strcmp(argv[0], "+") == 0)
		x = now > 0 ? now * 2 : now;
	else if (argc == 1 && strcmp(argv[0], "-") == 0)
		x = now > 0 ? fmax(now / 2, CAP_SPEED_MIN) : 1;
	else if (argc == 1 && (cmd_number(argv[0], 0, CAP_SPEED_MAX, 0,
	    &x) == -1 || (x > 0 && x < CAP_SPEED_MIN)))
		return cmd_error(ctx, "speed: expected 0, a number from %g "
		    "to %d, + or -, not '%s'", CAP_SPEED_MIN, CAP_SPEED_MAX,
		    argv[0]);
	/* + stops at the top as - does at the bottom. */
	if (x > CAP_SPEED_MAX)
		x = CAP_SPEED_MAX;
	if (x != now && engine_speed(ctx->eng, x, errbuf) == -1)
		return cmd_error(ctx, "%s", errbuf);
	if (x == 0)
		cmd_out(ctx, "speed: as fast as possible");
	else
		cmd_out(ctx, "speed: %gx recorded", x);
	return CMD_OK;
}
