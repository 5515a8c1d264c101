/* help: every command with its usage, or one command in full. */
#include <stddef.h>

#include "cmd.h"
#include "zb.h"

static enum cmd_ret	cmd_help_exec(struct cmd_ctx *, int, char **);
static void		cmd_help_line(struct cmd_ctx *, const struct cmd_entry *,
			    int);

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.alias = "?",
	.usage = "help [command]",
	.help = "list the commands, or describe one",
	.args = { 0, 1, NULL },
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
		cmd_help_line(ctx, ce, 0);
		return CMD_OK;
	}
	for (e = cmd_table; *e != NULL; e++)
		cmd_help_line(ctx, *e, 1);
	return CMD_OK;
}

/* One entry: in the list, its usage padded to a column; else, a dash. */
static void
cmd_help_line(struct cmd_ctx *ctx, const struct cmd_entry *ce, int list)
{
	const char	*a = ce->alias;

	cmd_out(ctx, "%-*s%s%s%s%s%s", list ? 22 : 0, ce->usage,
	    list ? " " : " - ", ce->help, a != NULL ? " (alias " : "",
	    a != NULL ? a : "", a != NULL ? ")" : "");
}
