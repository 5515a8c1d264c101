/*
 * The command table and parser: lookup by alias, name and unique prefix,
 * unknown names (escaped), argument counts from the entry,
 * quoting, and a command that needs no engine run for real.  Entries
 * grouped in one file (pause and resume share their exec) stay apart in
 * lookup and help; the shared number parser.
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

/*
 * What a typed word finds: a name, an alias, a unique prefix.  No two
 * names share a prefix that is not an alias: "r" is rotate, "re" resume;
 * entries that share a file (bpf, filter and snaplen; pause and resume)
 * are found apart.
 */
static const struct {
	const char	*typed;
	const char	*name;
} finds[] = {
	{ "filter", "filter" }, { "f", "filter" }, { "sna", "snaplen" },
	{ "re", "resume" }, { "r", "rotate" }, { "p", "pause" },
	{ "bp", "bpf" }, { "b", "buffers" }, { "se", "search" },
	{ "sp", "speed" }, { "s", "snaplen" }, { "res", "resume" },
	{ NULL, NULL }
};

int
main(void)
{
	struct cmd_ctx		 ctx;
	const struct cmd_entry	*ce, **e;
	char			 cause[ZB_ERRBUFSZ];
	double			 delay = 1, x;
	int			 n;

	memset(&ctx, 0, sizeof ctx);
	ctx.out = out;
	ctx.error = err;
	ctx.delay = &delay;

	for (n = 0; finds[n].typed != NULL; n++)
		CHECK((ce = cmd_find(finds[n].typed, cause)) != NULL &&
		    strcmp(ce->name, finds[n].name) == 0);
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

	/* Entries that share a file (and pause's, its exec) stay apart. */
	CHECK(cmd_find("", cause) == NULL && strcmp(cause,
	    "ambiguous command:  (bpf, buffers, clear, delay, display, "
	    "filter, help, pause, quit, resume, rotate, search, snaplen, "
	    "speed, write)") == 0);
	CHECK(cmd_find("pause", cause)->exec ==
	    cmd_find("resume", cause)->exec);
	CHECK(cmd_run(&ctx, "help resume") == CMD_OK && strcmp(last_out,
	    "resume - let the packet list follow new packets again") == 0);
	CHECK(cmd_run(&ctx, "help pause") == CMD_OK && strcmp(last_out,
	    "pause - freeze the packet list (counters keep running)") == 0);
	CHECK(cmd_run(&ctx, "help s") == CMD_OK && strcmp(last_out,
	    "snaplen bytes - keep at most this many bytes of each packet "
	    "(0: 262144) (alias s)") == 0);
	CHECK(cmd_run(&ctx, "help") == CMD_OK && strcmp(last_out,
	    "write file|stop        write captured packets to a pcap file, "
	    "or stop writing (alias w)") == 0);
	CHECK(cmd_run(&ctx, "help display") == CMD_OK && strcmp(last_out,
	    "display [expression|off] - narrow the packet list (pcap "
	    "syntax), capture unchanged; alone, show it") == 0);

	/* An exec's own usage error, and the numbers its words are. */
	CHECK(cmd_run(&ctx, "rotate foo") == CMD_ERROR &&
	    strcmp(last_err, "usage: rotate [every ms|off]") == 0);
	CHECK(ctx.entry == NULL && ctx.prep == NULL);
	CHECK(cmd_run(&ctx, "rotate every 0") == CMD_ERROR &&
	    strcmp(last_err, "rotate every: 1 to 60000 ms, or off") == 0);
	CHECK(cmd_run(&ctx, "rotate every 5.5") == CMD_ERROR);
	CHECK(cmd_run(&ctx, "rotate every 0x10") == CMD_ERROR);
	CHECK(cmd_run(&ctx, "rotate every 60001") == CMD_ERROR);
	CHECK(cmd_number("60000", 1, 60000, 1, &x) == 0 && x == 60000);
	CHECK(cmd_number("0x10", 0, 100, 0, &x) == 0 && x == 16);
	CHECK(cmd_number("0x10", 0, 100, 1, &x) == -1);
	CHECK(cmd_number("-1", 0, 262144, 1, &x) == -1);
	CHECK(cmd_number("1e999", 0.1, 3600, 0, &x) == -1);
	CHECK(cmd_number("nan", 0, 1000, 0, &x) == -1);
	CHECK(cmd_number("", 0, 1000, 0, &x) == -1);
	CHECK(cmd_number("2x", 0, 1000, 0, &x) == -1);
	CHECK(cmd_number("0.1", 0.1, 3600, 0, &x) == 0 && x == 0.1);
	/* The command's own line, before the engine is asked (none here). */
	CHECK(cmd_run(&ctx, "snaplen abc") == CMD_ERROR &&
	    strcmp(last_err, "snaplen must be 1 to 262144 bytes, or 0 for "
	    "262144") == 0);
	CHECK(cmd_run(&ctx, "snaplen -1") == CMD_ERROR &&
	    strcmp(last_err, "snaplen must be 1 to 262144 bytes, or 0 for "
	    "262144") == 0);
	CHECK(cmd_run(&ctx, "snaplen 262145") == CMD_ERROR &&
	    strcmp(last_err, "snaplen must be 1 to 262144 bytes, or 0 for "
	    "262144") == 0);
	CHECK(cmd_run(&ctx, "delay 3600") == CMD_OK && delay == 3600);
	CHECK(cmd_run(&ctx, "delay 3601") == CMD_ERROR &&
	    strcmp(last_err, "delay must be 0.1 to 3600 seconds") == 0);
	ctx.delay = NULL;
	CHECK(cmd_run(&ctx, "delay") == CMD_ERROR &&
	    strcmp(last_err, "delay: no refresh in this mode") == 0);
	CHECK(cmd_run(&ctx, "delay 2") == CMD_OK &&
	    strcmp(last_out, "delay 2 s") == 0);
	CHECK_DONE();
}
