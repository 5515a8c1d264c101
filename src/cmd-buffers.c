/*
 * The store buffers: buffers shows the ring's geometry and every
 * buffer's state, one line each; rotate hands the partly filled store
 * buffer to zbtop now, the seed's BIOCROTZBUF, "rotate every MS" does it
 * on a timer and "rotate every off" stops the timer.
 */
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "cmd.h"
#include "engine.h"
#include "stats.h"
#include "xmalloc.h"

static enum cmd_ret	cmd_buffers_exec(struct cmd_ctx *, int, char **);
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

const struct cmd_entry cmd_buffers_entry = {
	.name = "buffers",
	.alias = "b",
	.usage = "buffers",
	.help = "show ring geometry and the state of every buffer",
	.args = { 0, 0, NULL },
	.exec = cmd_buffers_exec
};

const struct cmd_entry cmd_rotate_entry = {
	.name = "rotate",
	.alias = "r",
	.usage = "rotate [every ms|off]",
	.help = "hand over the partly filled buffer now, or on a timer",
	.args = { 0, 2, cmd_rotate_args },
	.exec = cmd_rotate_exec
};

static enum cmd_ret
cmd_buffers_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct stats_snap	*sn;
	const struct stats_buf	*b;
	int			 i;

	sn = xmalloc(sizeof *sn);
	sn->keep_peaks = 1;
	/* As they are now, the block being filled too: not the last tick's. */
	engine_snapshot_tick(ctx->eng, sn);
	cmd_out(ctx, "%s %s: %s", sn->mode, sn->source, sn->geometry);
	for (i = 0; i < sn->nbufs; i++) {
		b = &sn->bufs[i];
		cmd_out(ctx, "ring %u buf %u %-6s %5.1f%% pkts %u bytes %u "
		    "seq %llu last %s age %.1fs%s", b->st.ring, b->st.index,
		    stats_buf_owner(&b->st), b->st.size == 0 ? 0.0 :
		    100.0 * b->st.used / b->st.size, b->st.pkts, b->st.used,
		    (unsigned long long)b->st.seq,
		    stats_reason_name(b->st.reason), b->age,
		    b->st.active ? " active" : "");
	}
	free(sn);
	return CMD_OK;
}

static enum cmd_ret
cmd_rotate_every(struct cmd_ctx *ctx, const char *arg)
{
	double	ms = 0;
	char	errbuf[ZB_ERRBUFSZ];

	if (strcmp(arg, "off") != 0 && cmd_number(arg, 1, 60000, 1,
	    &ms) == -1)
		return cmd_error(ctx, "rotate every: 1 to 60000 ms, or off");
	if (engine_rotate_every(ctx->eng, (unsigned)ms, errbuf) == -1)
		return cmd_error(ctx, "%s", errbuf);
	if (ms == 0)
		cmd_out(ctx, "timed rotation off");
	else
		cmd_out(ctx, "rotating every %u ms", (unsigned)ms);
	return CMD_OK;
}

static enum cmd_ret
cmd_rotate_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char	errbuf[ZB_ERRBUFSZ];
	int	rc;

	if (argc == 2 && strcmp(argv[0], "every") == 0)
		return cmd_rotate_every(ctx, argv[1]);
	if (argc != 0)
		return cmd_usage(ctx);
	rc = engine_rotate(ctx->eng, errbuf);
	if (rc == -1)
		return cmd_error(ctx, "%s", errbuf);
	cmd_out(ctx, rc == CAP_NOTHING ? "nothing to rotate: the store "
	    "buffer is empty" : "rotated");
	return CMD_OK;
}
