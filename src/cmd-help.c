/* help: every command with its usage, or one command in full. */
#include <stddef.h>

#include "cmd.h"
#include "zb.h"

static enum cmd_ret	cmd_help_exec(struct cmd_ctx *, int, char **);

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.alias = "?",
	.usage = "help [command]",
	.help = "list the commands, or describe one",
	.min_args = 0,
	.max_args = 1,
	.exec = cmd_help_exec,
	.complete = CMD_COMPLETE_COMMANDS
};

static enum cmd_ret
cmd_help_exec(struct cmd_ctx *ctx, int argc, char **argv)
{
	const struct cmd_entry	**e, *ce;
	char			  cause[ZB_ERRBUFSZ];

	if (argc == 1) {
		if ((ce = cmd_find(argv[0], cause)) == NULL)
			return cmd_error(ctx, "%s", cause);
		cmd_out(ctx, "%s - %s%s%s%s", ce->usage, ce->help,
		    ce->alias != NULL ? " (alias " : "",
		    ce->alias != NULL ? ce->alias : "",
		    ce->alias != NULL ? ")" : "");
		return CMD_OK;
	}
	for (e = cmd_table; *e != NULL; e++)
		cmd_out(ctx, "%-22s %s%s%s%s", (*e)->usage, (*e)->help,
		    (*e)->alias != NULL ? " (alias " : "",
		    (*e)->alias != NULL ? (*e)->alias : "",
		    (*e)->alias != NULL ? ")" : "");
	return CMD_OK;
}
