/* bpf: the filter in force as compiled classic BPF, as tcpdump -d shows it. */
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "tbuf.h"

static enum cmd_ret	cmd_bpf_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_bpf_entry = {
	.name = "bpf",
	.alias = NULL,
	.usage = "bpf",
	.help = "show the compiled filter program",
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_bpf_exec
};

static enum cmd_ret
cmd_bpf_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct tbuf	 tb;
	char		*line, *next;
	int		 rc;

	tbuf_init(&tb);
	rc = engine_bpf(ctx->eng, &tb);
	for (line = tb.s; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (rc == -1)
			cmd_error(ctx, "%s", line);
		else
			cmd_out(ctx, "%s", line);
	}
	tbuf_free(&tb);
	return rc == -1 ? CMD_ERROR : CMD_OK;
}
