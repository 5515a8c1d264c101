/*
 * The command line's face: getopt's tables, --help and --version, and the
 * loop that hands each option to opts-set.c and the whole line to
 * opts-check.c.  Every tcpdump option keeps tcpdump's meaning (issue 10);
 * zbtop's own are long options, or letters tcpdump does not use on Linux
 * (-b batch, as top's, -P print, -m mode, -T retire timeout, -J).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "iface.h"
#include "msg.h"
#include "opts.h"
#include "opts-int.h"
#include "tbuf.h"
#include "zbtop.h"

#define ZBTOP_VERSION	"0.1.0"

static const struct option zbtop_longopts[] = {
	{ "help",		no_argument,		NULL, 'h' },
	{ "version",		no_argument,		NULL, OPT_VERSION },
	{ "speed",		required_argument,	NULL, OPT_SPEED },
	{ "rotate-every",	required_argument,	NULL, OPT_ROTATE_EVERY },
	{ "blocks",		required_argument,	NULL, OPT_BLOCKS },
	{ "block-size",		required_argument,	NULL, OPT_BLOCK_SIZE },
	{ "threads",		required_argument,	NULL, OPT_THREADS },
	{ "seq-log",		required_argument,	NULL, OPT_SEQ_LOG },
	{ "iterations",		required_argument,	NULL, OPT_ITERATIONS },
	{ "delay",		required_argument,	NULL, OPT_DELAY },
	{ "command",		required_argument,	NULL, OPT_COMMAND },
	{ "metrics",		required_argument,	NULL, OPT_METRICS },
	{ "metrics-file",	required_argument,	NULL, OPT_METRICS_FILE },
	{ "bench-work",		required_argument,	NULL, OPT_BENCH_WORK },
	/* tcpdump's long options. */
	{ "absolute-tcp-sequence-numbers", no_argument,	NULL, 'S' },
	{ "buffer-size",	required_argument,	NULL, 'B' },
	{ "count",		no_argument,		NULL, OPT_COUNT },
	{ "direction",		required_argument,	NULL, 'Q' },
	{ "dont-verify-checksums", no_argument,		NULL, 'K' },
	{ "immediate-mode",	no_argument,		NULL, OPT_IMMEDIATE },
	{ "interface",		required_argument,	NULL, 'i' },
	{ "linktype",		required_argument,	NULL, 'y' },
	{ "list-data-link-types", no_argument,		NULL, 'L' },
	{ "list-interfaces",	no_argument,		NULL, 'D' },
	{ "list-time-stamp-types", no_argument,		NULL, OPT_LIST_TSTAMP },
	{ "micro",		no_argument,		NULL, OPT_MICRO },
	{ "monitor-mode",	no_argument,		NULL, 'I' },
	{ "nano",		no_argument,		NULL, OPT_NANO },
	{ "no-optimize",	no_argument,		NULL, 'O' },
	{ "no-promiscuous-mode", no_argument,		NULL, 'p' },
	{ "number",		no_argument,		NULL, '#' },
	{ "packet-buffered",	no_argument,		NULL, 'U' },
	{ "print",		no_argument,		NULL, OPT_PRINT },
	{ "relinquish-privileges", required_argument,	NULL, 'Z' },
	{ "snapshot-length",	required_argument,	NULL, 's' },
	{ "time-stamp-precision", required_argument,	NULL, OPT_TSPREC },
	{ "time-stamp-type",	required_argument,	NULL, 'j' },
	{ "sockets",		no_argument,		NULL, OPT_SOCKETS },
	{ "attach",		required_argument,	NULL, OPT_ATTACH },
	{ "filters",		no_argument,		NULL, OPT_FILTERS },
	{ "keep",		required_argument,	NULL, OPT_KEEP },
	{ NULL,			0,			NULL, 0 }
};

static void	usage(FILE *);
static char	*join(int, char **);
static void	bad_option(int, char **);
static int	ambiguous(const char *, int, struct tbuf *);

static void
usage(FILE *f)
{
	fprintf(f,
"usage: zbtop [-AbdDehJlLnOpPqStUvVxX] [-B KiB] [-c count] [-C MB]\n"
"             [-F file] [-G secs] [-i interface] [-m zbuf|copy]\n"
"             [-Q in|out|inout] [-r file] [-s snaplen] [-T ms] [-w file]\n"
"             [-W n] [-z command] [-Z user] [--bench-work none|touch|scan]\n"
"             [--block-size KiB] [--blocks n] [--command cmd] [--count]\n"
"             [--delay secs] [--iterations n] [--keep MiB]\n"
"             [--metrics addr:port] [--metrics-file file] [--nano] [--print]\n"
"             [--rotate-every ms] [--seq-log file] [--speed x] [--threads n]\n"
"             [--version] [expression]\n"
"       zbtop --sockets [-J] [--filters] [--delay s] [--iterations n]\n"
"       zbtop --attach pid|socket:inode [-J] [--delay s] [--iterations n]\n"
"  -i iface   capture live on iface       -r file  replay a pcap/pcapng file\n"
"  -m mode    zbuf (TPACKET_V3 ring, default) or copy (recvmmsg)\n"
"  -B KiB     ring size (default 32768; copy: queue, 8192)\n"
"  -T ms      retire a partly filled block after ms (default 100)\n"
"  -s len     snap length (default 262144)    -p     no promiscuous mode\n"
"  -c count   stop after count packets        -F file  filter from a file\n"
"  -w file    write packets (pcap); -U flush each, -C MB/-G secs/-W n ring\n"
"  -z cmd     run cmd on each finished -C/-G file\n"
"  -b         batch mode: snapshots on stdout, commands on stdin\n"
"  --delay s  refresh interval (default 1)    --iterations n  then exit\n"
"  -J         with -b: JSON lines; alone: list time stamp types (tcpdump)\n"
"  --command cmd  run a command once capture has started\n"
"  -P         print one line per packet, as tcpdump -n (also -l, --print,\n"
"             any line option below, or stdout not a terminal)\n"
"  -l         line-buffered output            -n     accepted (no names)\n"
"  -e         link-level header               -q     shorter lines\n"
"  -t...      -t none, -tt epoch, -ttt delta, -tttt date, -ttttt since first\n"
"  -v         more fields (-vv more)          -S     absolute TCP sequences\n"
"  -x, -X     hex, hex and ASCII (doubled: with link header)  -A  ASCII\n"
"  -V         zbtop's detail tree             --nano  nanosecond times\n"
"  -d         print the compiled filter (-dd as C, -ddd decimal), exit\n"
"  -O         with -d: do not optimize        -L     list link types\n"
"  -Q dir     direction: in, out or inout     --count  only count packets\n"
"  -D         list interfaces                 -Z user  drop to user (nobody)\n"
"  --speed x  replay at x times recorded speed (0: as fast as possible)\n"
"  --rotate-every ms  force a buffer rotation every ms milliseconds\n"
"  --blocks n, --block-size KiB  ring geometry\n"
"  --threads n  n ring pairs and threads (per -i), packets spread by flow\n"
"  --metrics addr:port  serve Prometheus metrics at /metrics\n"
"  --metrics-file file  write them to file every refresh (textfile)\n"
"  --seq-log file  debug: log test sequence numbers seen\n"
"  --keep MiB  memory for the packet list's kept packets (default 64;\n"
"              1 to 32768, at most half the machine's memory)\n"
"  --bench-work none|touch|scan  benchmarking aid: per-packet reads\n"
"  --sockets  every packet socket on the host (-J: JSON lines)\n"
"  --attach pid|socket:inode  watch another process's ring, read-only\n"
"  --filters  --sockets: print each attached filter as bpf does\n"
"  -h         this help                       --version  the version\n"
"Other tcpdump options are accepted; see zbtop(8), FOR TCPDUMP USERS.\n"
"Keys on the screen: ? help, / search, \\ display, f filter, : command, q quit.\n");
}

static char *
join(int argc, char **argv)
{
	struct tbuf	tb;
	int		i;

	if (argc == 0)
		return NULL;
	tbuf_init(&tb);
	for (i = 0; i < argc; i++)
		tbuf_printf(&tb, "%s%s", i > 0 ? " " : "", argv[i]);
	return tb.s;
}

/*
 * getopt's string: tcpdump's letters, then zbtop's own (b, J, m, P, T).
 * The leading ':' makes a missing argument ':' and silences getopt, so
 * bad_option says what was wrong in one line.
 */
#define ZBTOP_SHORTOPTS \
	":aAB:c:C:dDeE:fF:G:hHi:Ij:KlLM:nNOpqQ:r:s:StuUvw:W:xXy:Yz:Z:#" \
	"bJm:PT:V"

/*
 * How many long options start with the n bytes at s, their names
 * appended to tb (initialised here) as " --a, --b".
 */
static int
ambiguous(const char *s, int n, struct tbuf *tb)
{
	const struct option	*lo;
	int			 k = 0;

	tbuf_init(tb);
	if (n <= 0)
		return 0;
	for (lo = zbtop_longopts; lo->name != NULL; lo++)
		if (strncmp(lo->name, s, (size_t)n) == 0)
			tbuf_printf(tb, "%s --%s", k++ > 0 ? "," : "",
			    lo->name);
	return k;
}

/*
 * One line for what getopt refused (ch '?' or ':'), naming the option as
 * typed: an unknown letter, an unknown or ambiguous long option, a long
 * option given a value it does not take, or a missing argument.  getopt
 * leaves optopt 0 for a long option it could not name, and the long
 * option's code (a known letter or OPT_*) for one it could; an unknown
 * letter is never in ZBTOP_SHORTOPTS.  tcpdump adds its usage; zbtop
 * points to -h.
 */
static void
bad_option(int ch, char **argv)
{
	const char	*w = argv[optind - 1];
	int		 n = (int)strcspn(w, "=");
	struct tbuf	 tb;

	if (ch == ':') {
		if (strncmp(w, "--", 2) == 0)
			msg_fatal("%.*s: needs an argument", n, w);
		msg_fatal("-%c: needs an argument", optopt);
	}
	if (optopt == 0 && ambiguous(w + 2, n - 2, &tb) > 1)
		msg_fatal("%.*s: ambiguous, the start of%s", n, w, tb.s);
	if (optopt == 0)
		msg_fatal("%.*s: unknown option (zbtop -h lists them)", n, w);
	if (optopt >= OPT_VERSION ||
	    (optopt != ':' && strchr(ZBTOP_SHORTOPTS, optopt) != NULL))
		msg_fatal("%.*s: takes no argument", n, w);
	if (optopt > ' ' && optopt < 0x7f)
		msg_fatal("-%c: unknown option (zbtop -h lists them)", optopt);
	msg_fatal("-\\x%02x: unknown option (zbtop -h lists them)",
	    (unsigned char)optopt);
}

void
opts_parse(struct opts *o, int argc, char **argv)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ];
	int		 ch;

	memset(o, 0, sizeof *o);
	opterr = 0;
	cc->promisc = 1;
	cc->threads = 1;
	o->bo.delay = 1;
	o->bo.quit = &zbtop_quit;
	o->bo.info = &zbtop_report;
	while ((ch = getopt_long(argc, argv, ZBTOP_SHORTOPTS,
	    zbtop_longopts, NULL)) != -1) {
		if (opts_set(o, ch) == 0)
			continue;
		/* What is left prints something and exits. */
		switch (ch) {
		case 'D':
			if (iface_list(stdout, errbuf) == -1)
				msg_fatal("%s", errbuf);
			exit(0);
		case 'h':
			usage(stdout);
			exit(0);
		case OPT_VERSION:
			printf("zbtop %s (%s)\n", ZBTOP_VERSION,
			    pcap_lib_version());
			exit(0);
		default:
			bad_option(ch, argv);
		}
	}
	o->ec.filter = join(argc - optind, argv + optind);
	opts_check(o);
}

void
opts_free(struct opts *o)
{
	free((char *)o->ec.filter);
	iface_free(&o->ifs);
}
