/* buffers: the ring's geometry and every buffer's state, one line each. */
#include <stdlib.h>

#include "cmd.h"
#include "engine.h"
#include "stats.h"
#include "xmalloc.h"

static enum cmd_ret	cmd_buffers_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_buffers_entry = {
	.name = "buffers",
	.alias = "b",
	.usage = "buffers",
	.help = "show ring geometry and the state of every buffer",
	.min_args = 0,
	.max_args = 0,
	.exec = cmd_buffers_exec
};

static enum cmd_ret
cmd_buffers_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct stats_snap	*sn;
	const struct stats_buf	*b;
	int			 i;

	sn = xmalloc(sizeof *sn);
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
