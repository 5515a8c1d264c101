/*
 * bpf: the filter in force as compiled classic BPF, as tcpdump -d shows
 * it.  libpcap's bpf_image() puts a tab between "jt" and "jf": shown as
 * spacing to the next multiple of 8 columns, never as a control byte.
 */
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "tbuf.h"

static enum cmd_ret	cmd_bpf_exec(struct cmd_ctx *, int, char **);
static void		cmd_bpf_untab(struct tbuf *, const char *);

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
	struct tbuf	 tb, ln;
	char		*line, *next;
	int		 rc;

	tbuf_init(&tb);
	tbuf_init(&ln);
	rc = engine_bpf(ctx->eng, &tb);
	for (line = tb.s; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		cmd_bpf_untab(&ln, line);
		if (rc == -1)
			cmd_error(ctx, "%s", ln.s != NULL ? ln.s : "");
		else
			cmd_out(ctx, "%s", ln.s != NULL ? ln.s : "");
	}
	tbuf_free(&ln);
	tbuf_free(&tb);
	return rc == -1 ? CMD_ERROR : CMD_OK;
}

/* line into tb, each tab widened with spaces to the next 8-column stop. */
static void
cmd_bpf_untab(struct tbuf *tb, const char *line)
{
	tbuf_reset(tb);
	for (; *line != '\0'; line++) {
		if (*line != '\t') {
			tbuf_putc(tb, *line);
			continue;
		}
		do
			tbuf_putc(tb, ' ');
		while (tb->len % 8 != 0);
	}
}
