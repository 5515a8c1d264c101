/* write: save every captured packet to a pcap file, or stop saving. */
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "zb.h"

static enum cmd_ret	cmd_write_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_write_entry = {
	.name = "write",
	.alias = "w",
	.usage = "write file|stop",
	.help = "write captured packets to a pcap file, or stop writing",
	.args = { 1, 1, NULL },
	.exec = cmd_write_exec
};

static enum cmd_ret
cmd_write_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	char		 errbuf[ZB_ERRBUFSZ];
	const char	*path = strcmp(argv[0], "stop") == 0 ? NULL : argv[0];
	int		 rc;

	if ((rc = engine_write(ctx->eng, path, errbuf)) == -1)
		return cmd_error(ctx, "%s", errbuf);
	if (rc == 1)
		cmd_out(ctx, "not writing: nothing to stop");
	else if (path == NULL)
		cmd_out(ctx, "writing stopped");
	else
		cmd_out(ctx, "writing to %s", path);
	return CMD_OK;
}
