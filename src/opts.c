/*
 * The command line: getopt's tables, --help, and the checks of options
 * against each other.  Every tcpdump option keeps tcpdump's meaning (issue
 * 10); zbtop's own are long options, or letters tcpdump does not use on
 * Linux (-b batch, as top's, -P print, -m mode, -T retire timeout, -J).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "iface.h"
#include "msg.h"
#include "opts.h"
#include "recent.h"
#include "tbuf.h"
#include "work.h"
#include "xmalloc.h"
#include "zbtop.h"

#define ZBTOP_VERSION	"0.1.0"
#define OPTS_KEEP_MAX	65536		/* --keep, MiB */

enum {
	OPT_VERSION = 256,
	OPT_SPEED,
	OPT_ROTATE_EVERY,
	OPT_BLOCKS,
	OPT_BLOCK_SIZE,
	OPT_THREADS,
	OPT_SEQ_LOG,
	OPT_ITERATIONS,
	OPT_DELAY,
	OPT_COMMAND,
	OPT_METRICS,
	OPT_METRICS_FILE,
	OPT_NANO,
	OPT_MICRO,
	OPT_TSPREC,
	OPT_IMMEDIATE,
	OPT_PRINT,
	OPT_COUNT,
	OPT_LIST_TSTAMP,
	OPT_BENCH_WORK,
	OPT_SOCKETS,
	OPT_ATTACH,
	OPT_FILTERS,
	OPT_KEEP
};

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
	{ "buffer-size",	required_argument,	NULL, 'B' },
	{ "count",		no_argument,		NULL, OPT_COUNT },
	{ "direction",		required_argument,	NULL, 'Q' },
	{ "dont-verify-checksums", no_argument,		NULL, 'K' },
	{ "immediate-mode",	no_argument,		NULL, OPT_IMMEDIATE },
	{ "interface",		required_argument,	NULL, 'i' },
	{ "linktype",		required_argument,	NULL, 'y' },
	{ "list-interfaces",	no_argument,		NULL, 'D' },
	{ "list-time-stamp-types", no_argument,		NULL, OPT_LIST_TSTAMP },
	{ "micro",		no_argument,		NULL, OPT_MICRO },
	{ "monitor-mode",	no_argument,		NULL, 'I' },
	{ "nano",		no_argument,		NULL, OPT_NANO },
	{ "no-optimize",	no_argument,		NULL, 'O' },
	{ "no-promiscuous-mode", no_argument,		NULL, 'p' },
	{ "number",		no_argument,		NULL, '#' },
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
static size_t	opts_keep(unsigned);
static unsigned	num(const char *, const char *, unsigned long, unsigned long);
static double	fnum(const char *, const char *, double, double);
static enum cap_dir direction(const char *);
static void	parse_check(struct opts *);
static void	parse_check_sockets(struct opts *);
static void	parse_source(struct opts *);
static void	parse_front_end(struct opts *);
static void	parse_listing(struct opts *);
static int	parse_tcpdump(struct opts *, int);
static int	parse_print(struct print_opts *, int);
static int	parse_ignored(int);
static int	parse_capture(struct opts *, int);
static int	parse_engine(struct opts *, int);
static int	parse_front(struct opts *, int);
static void	parse_retire(struct opts *, const char *);
static char	*join(int, char **);

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
"              1 to 65536, at most half the machine's memory)\n"
"  --bench-work none|touch|scan  benchmarking aid: per-packet reads\n"
"  --sockets  every packet socket on the host (-J: JSON lines)\n"
"  --attach pid|socket:inode  watch another process's ring, read-only\n"
"  --filters  --sockets: print each attached filter as bpf does\n"
"  -h         this help                       --version  the version\n"
"Other tcpdump options are accepted; see zbtop(8), FOR TCPDUMP USERS.\n"
"Keys on the screen: ? help, / search, \\ display, f filter, : command, q quit.\n");
}

/*
 * --keep's bytes, from MiB (0 for the default): the packet list faults
 * it all in at start, with an index of some 3/4 as much again
 * (recent.c), so more than half of the machine's memory (sysconf
 * _SC_PHYS_PAGES) is refused here, naming the option.
 */
static size_t
opts_keep(unsigned mib)
{
	long		pages = sysconf(_SC_PHYS_PAGES);
	long		pgsz = sysconf(_SC_PAGESIZE);
	uint64_t	physmib;

	if (mib == 0)
		return (size_t)RECENT_DEFMB << 20;
	if (pages > 0 && pgsz > 0) {
		physmib = (uint64_t)pages * (uint64_t)pgsz >> 20;
		if ((uint64_t)mib > physmib / 2)
			msg_fatal("--keep %u: more than half of this machine's "
			    "memory (%llu MiB)", mib,
			    (unsigned long long)physmib);
	}
	return (size_t)mib << 20;
}

static unsigned
num(const char *opt, const char *s, unsigned long lo, unsigned long hi)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || *s == '-' || v < lo ||
	    v > hi)
		msg_fatal("%s: expected a number from %lu to %lu, not '%s'",
		    opt, lo, hi, s);
	return (unsigned)v;
}

static double
fnum(const char *opt, const char *s, double lo, double hi)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || *end != '\0' || end == s || !isfinite(v) ||
	    v < lo || v > hi)
		msg_fatal("%s: expected a number from %g to %g, not '%s'",
		    opt, lo, hi, s);
	return v;
}

/* -Q in|out|inout, tcpdump's words. */
static enum cap_dir
direction(const char *s)
{
	if (strcmp(s, "in") == 0)
		return CAP_DIR_IN;
	if (strcmp(s, "out") == 0)
		return CAP_DIR_OUT;
	if (strcmp(s, "inout") == 0)
		return CAP_DIR_INOUT;
	msg_fatal("-Q %s: expected in, out or inout", s);
	/* NOTREACHED */
	return CAP_DIR_INOUT;
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

/* getopt's string: tcpdump's letters, then zbtop's own (b, J, m, P, T). */
#define ZBTOP_SHORTOPTS \
	"aAB:c:C:dDeE:fF:G:hHi:Ij:KlLM:nNOpqQ:r:s:StUvw:W:xXy:Yz:Z:#" "bJm:PT:V"

/* What is captured, and from where: 0 when ch was one of those. */
static int
parse_capture(struct opts *o, int ch)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ];

	switch (ch) {
	case 'B':
		cc->buffer_kib = num("-B", optarg, 16, 4194304);
		break;
	case 'c':
		o->ec.count = num("-c", optarg, 1, UINT_MAX);
		break;
	case 'F':
		o->tc.filter_file = optarg;
		break;
	case 'i':
		if (iface_add(&o->ifs, optarg, errbuf) == -1)
			msg_fatal("%s", errbuf);
		cc->iface = optarg;
		break;
	case 'm':
		o->ec.mode = optarg;
		o->ec.cap.strict = 1;
		break;
	case 'p':
		cc->promisc = 0;
		break;
	case 'r':
		cc->file = optarg;
		break;
	case 's':
		/* tcpdump: 0 means the default, 262144. */
		cc->snaplen = strcmp(optarg, "0") == 0 ? 262144 :
		    num("-s", optarg, 1, 262144);
		break;
	case 'T':
		parse_retire(o, optarg);
		break;
	case 'w':
		o->ec.wfile = optarg;
		break;
	default:
		return -1;
	}
	return 0;
}

/*
 * Ring geometry, replay pace and debugging aids, zbtop's long options:
 * 0 when ch was one of them.
 */
static int
parse_engine(struct opts *o, int ch)
{
	struct cap_conf	*cc = &o->ec.cap;

	switch (ch) {
	case OPT_SPEED:
		cc->speed = fnum("--speed", optarg, 0, 1000);
		o->speed_set = 1;
		break;
	case OPT_ROTATE_EVERY:
		o->ec.rotate_ms = num("--rotate-every", optarg, 1, 60000);
		break;
	case OPT_BLOCKS:
		cc->block_nr = num("--blocks", optarg, 4, 65536);
		break;
	case OPT_BLOCK_SIZE:
		cc->block_kib = num("--block-size", optarg, 4, 65536);
		break;
	case OPT_THREADS:
		cc->threads = num("--threads", optarg, 1, CAP_MAXQ);
		break;
	case OPT_KEEP:
		o->keep_mib = num("--keep", optarg, 1, OPTS_KEEP_MAX);
		break;
	case OPT_SEQ_LOG:
		o->ec.seqlog = optarg;
		break;
	case OPT_BENCH_WORK:
		if ((o->ec.work = work_find(optarg)) == -1)
			msg_fatal("--bench-work %s: expected none, "
			    "touch or scan", optarg);
		break;
	default:
		return -1;
	}
	return 0;
}

/* The front end and what it shows or serves: 0 when ch was one of those. */
static int
parse_front(struct opts *o, int ch)
{
	switch (ch) {
	case 'b':
		o->batch = 1;
		break;
	case 'J':
		o->bo.json = 1;
		break;
	case 'P':
		o->print = 1;
		break;
	case OPT_DELAY:
		o->bo.delay = fnum("--delay", optarg, 0.1, 3600);
		break;
	case OPT_COMMAND:
		if (o->ncmds == (int)(sizeof o->cmds / sizeof o->cmds[0]))
			msg_fatal("--command: at most 32 commands");
		o->cmds[o->ncmds++] = optarg;
		break;
	case OPT_ITERATIONS:
		o->bo.iterations = num("--iterations", optarg, 1, INT_MAX);
		break;
	case 'Z':
		o->user = optarg;
		break;
	case OPT_METRICS:
		o->mc.addr = optarg;
		break;
	case OPT_METRICS_FILE:
		o->mc.file = optarg;
		break;
	case OPT_SOCKETS:
		o->sockets = 1;
		break;
	case OPT_ATTACH:
		o->attach = optarg;
		break;
	case OPT_FILTERS:
		o->filters = 1;
		break;
	default:
		return -1;
	}
	return 0;
}

void
opts_parse(struct opts *o, int argc, char **argv)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ];
	int		 ch;

	memset(o, 0, sizeof *o);
	cc->promisc = 1;
	cc->threads = 1;
	o->bo.delay = 1;
	o->bo.quit = &zbtop_quit;
	o->bo.info = &zbtop_report;
	while ((ch = getopt_long(argc, argv, ZBTOP_SHORTOPTS,
	    zbtop_longopts, NULL)) != -1) {
		/* Each option is in exactly one group; order does not matter. */
		if (parse_tcpdump(o, ch) == 0 || parse_capture(o, ch) == 0 ||
		    parse_engine(o, ch) == 0 || parse_front(o, ch) == 0)
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
			usage(stderr);
			exit(1);
		}
	}
	o->ec.filter = join(argc - optind, argv + optind);
	parse_check(o);
}

/* --sockets and --attach watch other processes: nothing of zbtop's own. */
static void
parse_check_sockets(struct opts *o)
{
	struct cap_conf	*cc = &o->ec.cap;

	if (cc->iface != NULL || cc->file != NULL ||
	    o->ec.filter != NULL || o->print || o->ec.wfile != NULL)
		msg_fatal("--sockets and --attach watch other "
		    "processes: no -i, -r, -w, -P or expression");
	if (o->sockets && o->attach != NULL)
		msg_fatal("--sockets and --attach exclude each other");
}

/*
 * Where packets come from and through which model: the default
 * interface when none was given, "file" for -r, zbuf unless -m says.
 */
static void
parse_source(struct opts *o)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ];

	if (cc->iface == NULL && cc->file == NULL &&
	    iface_default(&o->ifs, cc, errbuf) == -1)
		msg_fatal("%s", errbuf);
	if (cc->file != NULL) {
		if (o->ec.mode != NULL && strcmp(o->ec.mode, "file") != 0)
			msg_fatal("-m %s: a file is always replayed through "
			    "the zbuf model", o->ec.mode);
		o->ec.mode = "file";
	} else if (o->ec.mode == NULL)
		o->ec.mode = "zbuf";
	else if (strcmp(o->ec.mode, "zbuf") != 0 &&
	    strcmp(o->ec.mode, "copy") != 0)
		msg_fatal("-m %s: unknown mode (zbuf or copy)", o->ec.mode);
}

/*
 * tcpdump's listings (-d, -L, -J) print and exit.  Several -i: each
 * interface's, under its name, as each is captured and filtered for its
 * own link type.
 */
static void
parse_listing(struct opts *o)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ], name[64];
	unsigned	 k, n = cc->nifaces > 1 ? cc->nifaces : 1;
	int		 rc;

	for (k = 0; k < n; k++) {
		if (n > 1 && (o->tc.dump || o->tc.list_dlts ||
		    o->tc.list_tstamps)) {
			esc_str(name, sizeof name, cc->ifaces[k],
			    strlen(cc->ifaces[k]));
			printf("%s:\n", name);
		}
		if ((rc = compat_run(&o->tc, n > 1 ? cc->ifaces[k] : cc->iface,
		    cc->file, o->ec.filter, cc->snaplen, errbuf)) == -1)
			return;
		if (rc == 1)
			msg_fatal("%s", errbuf);
	}
	exit(0);
}

/* Which front end: the screen, batch mode (-b) or print mode. */
static void
parse_front_end(struct opts *o)
{
	/* tcpdump's -U without -w: printed lines packet-buffered, as -l. */
	if (o->wr.flush && o->ec.wfile == NULL)
		o->lbuf = 1;
	/*
	 * As tcpdump: lines when the user asked for a line option, for -l,
	 * when standard output is no terminal, or when standard input is the
	 * capture (-r -: the screen would read its keys from it); with -w,
	 * only with --print or -P (-w - would carry text inside the pcap
	 * stream).
	 */
	if (!o->batch && !o->print && (o->lbuf || print_shaped(&o->po) ||
	    !isatty(STDOUT_FILENO) || (o->ec.cap.file != NULL &&
	    strcmp(o->ec.cap.file, "-") == 0))) {
		o->print = 1;
		o->po.silent = o->ec.wfile != NULL;
	}
	if (o->batch && o->print)
		msg_fatal("-b and print mode (-P, -l, --print, -x, -e, -v, "
		    "...) exclude each other");
}

/* Combinations getopt cannot see. */
static void
parse_check(struct opts *o)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ];
	size_t		 keep;

	if (o->sockets || o->attach != NULL) {
		parse_check_sockets(o);
		return;
	}
	if (o->filters)
		msg_fatal("--filters goes with --sockets");
	if (cc->iface != NULL && cc->file != NULL)
		msg_fatal("-i and -r exclude each other");
	if (cc->buffer_kib != 0 && cc->block_nr != 0 && cc->block_kib != 0)
		msg_fatal("-B, --blocks and --block-size: give at most two, "
		    "the third follows");
	if (iface_resolve(&o->ifs, cc, errbuf) == -1)
		msg_fatal("%s", errbuf);
	/* tcpdump -J lists time stamp types; with -b it is zbtop's JSON. */
	if (o->bo.json && !o->batch)
		o->tc.list_tstamps = 1;
	if (o->tc.filter_file != NULL) {
		free((char *)o->ec.filter);
		if ((o->ec.filter = compat_read_filter(o->tc.filter_file,
		    errbuf)) == NULL)
			msg_fatal("%s", errbuf);
	}
	parse_listing(o);
	parse_source(o);
	parse_front_end(o);
	/* Only the screen replays a file at its recorded pace. */
	if (cc->file != NULL && !o->speed_set && !o->batch && !o->print)
		cc->speed = 1;
	if ((o->wr.file_mb || o->wr.rotate_secs || o->wr.files ||
	    o->wr.postrotate) && o->ec.wfile == NULL)
		msg_fatal("-C, -G, -W and -z go with -w");
	o->ec.wconf = &o->wr;
	o->ec.parse = !o->batch && !o->print;
	keep = opts_keep(o->keep_mib);
	if (o->ec.parse)
		o->ec.keep = keep;
	o->bo.commands = o->batch && !isatty(STDIN_FILENO);
}

/*
 * How print mode shapes each packet's line, as tcpdump's letters do:
 * 0 when ch was one of them.
 */
static int
parse_print(struct print_opts *po, int ch)
{
	switch (ch) {
	case 'A':
		po->ascii = 1;
		break;
	case 'e':
		po->dec.link = 1;
		break;
	case 'q':
		po->dec.quick = 1;
		break;
	case 'S':
		po->dec.abs_seq = 1;
		break;
	case 't':
		if (po->ts < PRINT_TS_SINCE)
			po->ts++;
		break;
	case 'v':
		po->dec.verbose++;
		break;
	case 'V':
		po->tree = 1;
		break;
	case 'x':
		po->hex++;
		break;
	case 'X':
		po->hexascii++;
		break;
	case '#':
		po->number = 1;
		break;
	case OPT_NANO:
		po->nano = 1;
		break;
	case OPT_MICRO:
		po->nano = 0;
		break;
	case OPT_TSPREC:
		if (strcmp(optarg, "nano") == 0)
			po->nano = 1;
		else if (strcmp(optarg, "micro") == 0)
			po->nano = 0;
		else
			msg_fatal("--time-stamp-precision %s: expected micro "
			    "or nano", optarg);
		break;
	default:
		return -1;
	}
	return 0;
}

/*
 * tcpdump's options that change nothing here, accepted so a tcpdump
 * command line runs: 0 when ch was one of them.
 */
static int
parse_ignored(int ch)
{
	switch (ch) {
	case 'E':
	case 'I':
	case 'j':
	case 'M':
	case 'y':
		msg_info("-%c: not supported by zbtop, ignored", ch);
		break;
	case 'a':
	case 'f':
	case 'H':
	case 'K':
	case 'n':
	case 'N':
	case 'Y':
	case OPT_IMMEDIATE:
		/* zbtop never resolves names and never checks sums. */
		break;
	default:
		return -1;
	}
	return 0;
}

/*
 * tcpdump's options that do not shape a printed line: writing, listing,
 * print mode itself, and those zbtop accepts so a tcpdump command line
 * runs.  0 when ch was one of them.
 */
static int
parse_tcpdump(struct opts *o, int ch)
{
	if (parse_print(&o->po, ch) == 0 || parse_ignored(ch) == 0)
		return 0;
	switch (ch) {
	case 'C':
		o->wr.file_mb = num("-C", optarg, 1, INT_MAX);
		break;
	case 'd':
		o->tc.dump++;
		break;
	case 'G':
		o->wr.rotate_secs = num("-G", optarg, 1, INT_MAX);
		break;
	case 'l':
		o->lbuf = 1;
		break;
	case 'L':
		o->tc.list_dlts = 1;
		break;
	case 'O':
		o->tc.nooptimize = 1;
		break;
	case 'Q':
		o->ec.cap.dir = direction(optarg);
		break;
	case 'U':
		o->wr.flush = 1;
		break;
	case 'W':
		o->wr.files = num("-W", optarg, 1, INT_MAX);
		break;
	case 'z':
		o->wr.postrotate = optarg;
		break;
	case OPT_PRINT:
		o->print = 1;
		break;
	case OPT_COUNT:
		o->po.count_only = 1;
		o->print = 1;
		break;
	case OPT_LIST_TSTAMP:
		o->tc.list_tstamps = 1;
		break;
	default:
		return -1;
	}
	return 0;
}

/* tcpdump's -T type forces a decoder; zbtop's -T is the retire timeout. */
static void
parse_retire(struct opts *o, const char *arg)
{
	if (*arg < '0' || *arg > '9') {
		msg_info("-T %s: zbtop decodes by port numbers only; -T is "
		    "the retire timeout in ms, ignored", arg);
		return;
	}
	o->ec.cap.retire_ms = num("-T", arg, 1, 60000);
}

void
opts_free(struct opts *o)
{
	free((char *)o->ec.filter);
	iface_free(&o->ifs);
}
