/*
 * snaplen: how much of each packet is kept.  The filter program's return
 * value is the snap length, so this recompiles and swaps the filter.
 */
#include <errno.h>
#include <stdlib.h>

#include "cmd.h"
#include "engine.h"
#include "zb.h"

static enum cmd_ret	cmd_snaplen_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_snaplen_entry = {
	.name = "snaplen",
	.alias = "s",
	.usage = "snaplen bytes",
	.help = "keep at most this many bytes of each packet",
	.min_args = 1,
	.max_args = 1,
	.exec = cmd_snaplen_exec
};

static enum cmd_ret
cmd_snaplen_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char		*end, errbuf[ZB_ERRBUFSZ];
	unsigned long	 n;

	errno = 0;
	n = strtoul(argv[0], &end, 10);
	if (errno != 0 || *end != '\0' || end == argv[0] || n > 262144)
		n = 0;
	if (engine_snaplen(ctx->eng, (unsigned)n, errbuf) == -1)
		return cmd_error(ctx, "%s", errbuf);
	cmd_out(ctx, "snaplen %lu", n);
	return CMD_OK;
}
