/*
 * The one message formatter: "zbtop: text" on stderr, or the sink while
 * the screen runs; control bytes from outside are escaped either way.
 */
#include "msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tbuf.h"
#include "unit.h"

static char	got[2048];
static int	got_level = -1;

static void
sink(int level, const char *text)
{
	got_level = level;
	snprintf(got, sizeof got, "%s", text);
}

/* Run f with stderr sent to a temporary file; return what it wrote. */
static void
capture_stderr(void (*f)(void), char *out, size_t outsz)
{
	FILE	*tmp = tmpfile();
	int	 saved = dup(STDERR_FILENO);
	size_t	 n;

	fflush(stderr);
	dup2(fileno(tmp), STDERR_FILENO);
	f();
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(out, 1, outsz - 1, tmp);
	out[n] = '\0';
	fclose(tmp);
}

static void
say_hostile(void)
{
	msg_error("cannot open %s: %s", "evil\033]0;x\007.pcap", "No such file");
}

int
main(void)
{
	char		out[2048], longarg[4000];
	struct tbuf	tb;

	capture_stderr(say_hostile, out, sizeof out);
	CHECK(strcmp(out, "zbtop: cannot open evil\\x1b]0;x\\x07.pcap: "
	    "No such file\n") == 0);

	msg_set_sink(sink);
	msg_error("bad %s", "filter\n\tx");
	CHECK(got_level == 1 && strcmp(got, "bad filter\\x0a\\x09x") == 0);
	msg_info("ok %d", 3);
	CHECK(got_level == 0 && strcmp(got, "ok 3") == 0);

	/* A long message is cut, never overflows, and ends in a whole escape. */
	memset(longarg, '\001', sizeof longarg - 1);
	longarg[sizeof longarg - 1] = '\0';
	msg_error("%s", longarg);
	CHECK(strlen(got) < 1024 && strlen(got) % 4 == 0);
	CHECK(strncmp(got, "\\x01\\x01", 8) == 0);

	msg_set_sink(NULL);
	capture_stderr(say_hostile, out, sizeof out);
	CHECK(strncmp(out, "zbtop: cannot open", 18) == 0);

	/* A JSON message line: quotes, backslashes and control bytes escaped. */
	tbuf_init(&tb);
	msg_json(&tb, "filter \"a\\b\"\n\001");
	CHECK(strcmp(tb.s, "{\"message\":\"filter \\\"a\\\\b\\\""
	    "\\u000a\\u0001\"}\n") == 0);
	tbuf_free(&tb);
	CHECK_DONE();
}
