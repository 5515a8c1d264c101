/*
 * The command table and parser: lookup by alias, name and unique prefix,
 * unknown names (escaped), argument counts from the entry,
 * quoting, and a command that needs no engine run for real.
 */
#include "cmd.h"

#include <string.h>

#include "cap.h"
#include "unit.h"

static char	last_out[1024], last_err[1024];
static int	nout, nerr;

static void
out(void *arg, const char *s)
{
	snprintf(last_out, sizeof last_out, "%s", s);
	nout++;
}

static void
err(void *arg, const char *s)
{
	snprintf(last_err, sizeof last_err, "%s", s);
	nerr++;
}

int
main(void)
{
	struct cmd_ctx		 ctx;
	const struct cmd_entry	*ce, **e;
	char			 cause[ZB_ERRBUFSZ];
	double			 delay = 1;
	int			 n;

	memset(&ctx, 0, sizeof ctx);
	ctx.out = out;
	ctx.error = err;
	ctx.delay = &delay;

	CHECK((ce = cmd_find("filter", cause)) != NULL &&
	    strcmp(ce->name, "filter") == 0);
	CHECK((ce = cmd_find("f", cause)) != NULL &&
	    strcmp(ce->name, "filter") == 0);
	CHECK((ce = cmd_find("sna", cause)) != NULL &&
	    strcmp(ce->name, "snaplen") == 0);
	/* No two names share a prefix that is not an alias: "r" is rotate. */
	CHECK((ce = cmd_find("re", cause)) != NULL &&
	    strcmp(ce->name, "resume") == 0);
	CHECK((ce = cmd_find("r", cause)) != NULL &&
	    strcmp(ce->name, "rotate") == 0);
	CHECK(cmd_find("frob", cause) == NULL &&
	    strcmp(cause, "unknown command: frob") == 0);
	CHECK(cmd_find("\x1b[2J", cause) == NULL &&
	    strchr(cause, '\x1b') == NULL);

	/* The table is sorted and every entry is complete. */
	for (e = cmd_table; *e != NULL; e++) {
		CHECK((*e)->usage != NULL && (*e)->help != NULL);
		CHECK((*e)->exec != NULL);
		if (e[1] != NULL)
			CHECK(strcmp((*e)->name, e[1]->name) < 0);
	}

	CHECK(cmd_run(&ctx, "delay 2.5") == CMD_OK && delay == 2.5);
	CHECK(cmd_run(&ctx, "d '0.5'") == CMD_OK && delay == 0.5);
	nerr = 0;
	CHECK(cmd_run(&ctx, "delay abc") == CMD_ERROR && nerr == 1 &&
	    delay == 0.5);
	CHECK(cmd_run(&ctx, "delay 0") == CMD_ERROR && delay == 0.5);
	CHECK(cmd_run(&ctx, "delay") == CMD_OK && delay == 0.5 &&
	    strcmp(last_out, "delay 0.5 s") == 0);
	CHECK(cmd_run(&ctx, "delay 1 2") == CMD_ERROR &&
	    strcmp(last_err, "usage: delay [seconds]") == 0);
	CHECK(cmd_run(&ctx, "delay \"1") == CMD_ERROR &&
	    strcmp(last_err, "missing \"") == 0);
	CHECK(cmd_run(&ctx, "quit") == CMD_QUIT);
	CHECK(cmd_run(&ctx, "q") == CMD_QUIT);
	CHECK(cmd_run(&ctx, "") == CMD_OK);
	CHECK(cmd_run(&ctx, "   # a comment") == CMD_OK);
	nout = 0;
	for (n = 0, e = cmd_table; *e != NULL; e++)
		n++;
	CHECK(cmd_run(&ctx, "help") == CMD_OK && nout == n && n >= 12);
	CHECK(cmd_run(&ctx, "help rotate") == CMD_OK &&
	    strstr(last_out, "rotate [every ms|off]") != NULL);
	CHECK(cmd_run(&ctx, "help nosuch") == CMD_ERROR);
	CHECK(cmd_run(&ctx, "pause extra") == CMD_ERROR);
	CHECK_DONE();
}
