/*
 * zbtop: watch a network interface through the kernel's zero-copy capture
 * path.  This file parses the command line, opens the engine, drops
 * privileges and hands over to one front end: the screen, batch mode or
 * print mode.  Options follow tcpdump where they mean the same, and top
 * for -b, -d and -n.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "batch.h"
#include "cap.h"
#include "cmd.h"
#include "engine.h"
#include "msg.h"
#include "print.h"
#include "priv.h"
#include "screen.h"
#include "tbuf.h"
#include "xmalloc.h"

#define ZBTOP_VERSION	"0.1.0"

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
	OPT_COMMAND
};

/* Everything the command line says. */
struct opts {
	struct engine_conf	 ec;
	struct batch_opts	 bo;
	int			 batch;
	int			 print;
	int			 hex;
	int			 tree;
	int			 speed_set;
	const char		*user;
	const char		*cmds[32];
	int			 ncmds;
	char			*ifname;	/* -i picked by number or default */
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
	{ NULL,			0,			NULL, 0 }
};

static void	usage(FILE *);
static unsigned	num(const char *, const char *, unsigned long, unsigned long);
static double	fnum(const char *, const char *, double, double);
static enum cap_dir direction(const char *);
static void	parse(struct opts *, int, char **);
static void	parse_check(struct opts *);
static void	cmd_stderr(void *, const char *);
static void	cmd_stdout(void *, const char *);
static char	*join(int, char **);
static int	list_devices(void);
static char	*device(unsigned);
static void	on_signal(int);
static void	run_commands(struct engine *, struct opts *);

static void
usage(FILE *f)
{
	fprintf(f,
"usage: zbtop [-bDhJpPVx] [-B KiB] [-c count] [-d seconds] [-e command]\n"
"             [-i interface] [-m zbuf|copy] [-n iterations] [-Q in|out|inout]\n"
"             [-r file] [-s snaplen] [-T ms] [-w file] [-Z user]\n"
"             [--block-size KiB] [--blocks n] [--rotate-every ms]\n"
"             [--seq-log file] [--speed x] [--threads n] [--version]\n"
"             [expression]\n"
"  -i iface   capture live on iface       -r file  replay a pcap/pcapng file\n"
"  -m mode    zbuf (TPACKET_V3 ring, default) or copy (recvmmsg)\n"
"  -B KiB     ring size (default 32768; copy: queue, 8192)  -T ms  retire\n"
"  -s len     snap length (default 262144)    -p     no promiscuous mode\n"
"  -c count   stop after count packets        -w file  write packets (pcap)\n"
"  -b         batch mode: snapshots on stdout, commands on stdin\n"
"  -d secs    refresh interval (default 1)    -n n   snapshots, then exit\n"
"  -J         batch snapshots as JSON lines   -e cmd run a command at start\n"
"  -P         print one line per packet       -x hex dump, -V detail tree\n"
"  -D         list interfaces                 -Z user  drop to user (nobody)\n"
"  -Q dir     in, out or inout (default): packets by direction\n"
"  --speed x  replay at x times recorded speed (0: as fast as possible)\n"
"  --rotate-every ms  force a buffer rotation every ms milliseconds\n"
"  --blocks n, --block-size KiB  ring geometry\n"
"  --threads n  n ring pairs and consumer threads, packets spread by flow\n"
"  --seq-log file  debug: log test sequence numbers seen\n"
"Keys on the screen: ? for help, / filter, : command, q quit.\n");
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
	msg_fatal("-Q: expected in, out or inout, not '%s'", s);
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

static void
parse(struct opts *o, int argc, char **argv)
{
	struct cap_conf	*cc = &o->ec.cap;
	int		 ch;

	memset(o, 0, sizeof *o);
	cc->promisc = 1;
	cc->threads = 1;
	o->bo.delay = 1;
	while ((ch = getopt_long(argc, argv, "bB:c:d:De:hi:Jm:n:pPQ:r:s:T:Vw:xZ:",
	    zbtop_longopts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			o->batch = 1;
			break;
		case 'B':
			cc->buffer_kib = num("-B", optarg, 16, 4194304);
			break;
		case 'c':
			o->ec.count = num("-c", optarg, 1, UINT_MAX);
			break;
		case 'd':
		case OPT_DELAY:
			o->bo.delay = fnum("-d", optarg, 0.1, 3600);
			break;
		case 'D':
			exit(list_devices());
		case 'e':
		case OPT_COMMAND:
			if (o->ncmds == (int)(sizeof o->cmds / sizeof o->cmds[0]))
				msg_fatal("-e: at most 32 commands");
			o->cmds[o->ncmds++] = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'i':
			cc->iface = optarg;
			break;
		case 'J':
			o->bo.json = 1;
			break;
		case 'm':
			o->ec.mode = optarg;
			break;
		case 'n':
		case OPT_ITERATIONS:
			o->bo.iterations = num("-n", optarg, 1, INT_MAX);
			break;
		case 'p':
			cc->promisc = 0;
			break;
		case 'P':
			o->print = 1;
			break;
		case 'Q':
			cc->dir = direction(optarg);
			break;
		case 'r':
			cc->file = optarg;
			break;
		case 's':
			cc->snaplen = num("-s", optarg, 1, 262144);
			break;
		case 'T':
			cc->retire_ms = num("-T", optarg, 1, 60000);
			break;
		case 'V':
			o->tree = 1;
			break;
		case 'w':
			o->ec.wfile = optarg;
			break;
		case 'x':
			o->hex = 1;
			break;
		case 'Z':
			o->user = optarg;
			break;
		case OPT_VERSION:
			printf("zbtop %s (%s)\n", ZBTOP_VERSION,
			    pcap_lib_version());
			exit(0);
		case OPT_SPEED:
			cc->speed = fnum("--speed", optarg, 0, 1000);
			o->speed_set = 1;
			break;
		case OPT_ROTATE_EVERY:
			o->ec.rotate_ms = num("--rotate-every", optarg, 1,
			    60000);
			break;
		case OPT_BLOCKS:
			cc->block_nr = num("--blocks", optarg, 2, 65536);
			break;
		case OPT_BLOCK_SIZE:
			cc->block_kib = num("--block-size", optarg, 4, 65536);
			break;
		case OPT_THREADS:
			cc->threads = num("--threads", optarg, 1, CAP_MAXQ);
			break;
		case OPT_SEQ_LOG:
			o->ec.seqlog = optarg;
			break;
		default:
			usage(stderr);
			exit(1);
		}
	}
	o->ec.filter = join(argc - optind, argv + optind);
	parse_check(o);
}

/* Combinations getopt cannot see. */
static void
parse_check(struct opts *o)
{
	struct cap_conf	*cc = &o->ec.cap;

	if (cc->iface != NULL && cc->file != NULL)
		msg_fatal("-i and -r exclude each other");
	/* As tcpdump: no -i is the first up interface, a number -D's. */
	if (cc->iface == NULL && cc->file == NULL) {
		if ((o->ifname = device(0)) == NULL)
			msg_fatal("no interface is up to capture on (-D lists "
			    "them; -r file replays one)");
		cc->iface = o->ifname;
	} else if (cc->iface != NULL && cc->iface[0] != '\0' &&
	    strspn(cc->iface, "0123456789") == strlen(cc->iface)) {
		if ((o->ifname = device((unsigned)num("-i", cc->iface, 1,
		    INT_MAX))) == NULL)
			msg_fatal("-i %s: no such interface number (-D lists "
			    "them)", cc->iface);
		cc->iface = o->ifname;
	}
	if (cc->file != NULL) {
		if (o->ec.mode != NULL && strcmp(o->ec.mode, "file") != 0)
			msg_fatal("-m %s: a file is always replayed through "
			    "the zbuf model", o->ec.mode);
		o->ec.mode = "file";
		if (!o->speed_set && !o->batch && !o->print)
			cc->speed = 1;
	} else if (o->ec.mode == NULL)
		o->ec.mode = "zbuf";
	else if (strcmp(o->ec.mode, "zbuf") != 0 &&
	    strcmp(o->ec.mode, "copy") != 0)
		msg_fatal("-m %s: unknown mode (zbuf or copy)", o->ec.mode);
	if (o->batch && o->print)
		msg_fatal("-b and -P exclude each other");
	if ((o->hex || o->tree) && !o->print)
		msg_fatal("-x and -V go with -P");
	if (o->bo.json && !o->batch)
		msg_fatal("-J goes with -b");
	o->ec.parse = !o->batch && !o->print;
	o->ec.keep = o->ec.parse;
	o->bo.commands = o->batch && !isatty(STDIN_FILENO);
}

/*
 * The n-th interface -D lists (from 1), or with n 0 the first that is up
 * and not loopback (tcpdump takes the head of pcap_findalldevs, which
 * puts those first).  A copy, or NULL.
 */
static char *
device(unsigned n)
{
	pcap_if_t	*all, *d;
	char		 errbuf[PCAP_ERRBUF_SIZE], *name = NULL;
	unsigned	 i = 0;

	if (pcap_findalldevs(&all, errbuf) == -1)
		msg_fatal("cannot list interfaces: %s", errbuf);
	for (d = all; d != NULL && name == NULL; d = d->next) {
		if (!cap_usable(d->name))
			continue;
		i++;
		if (n != 0 ? i == n : (d->flags & PCAP_IF_UP) &&
		    !(d->flags & PCAP_IF_LOOPBACK))
			name = xstrdup(d->name);
	}
	pcap_freealldevs(all);
	return name;
}

/* As tcpdump -D: number, name, description and flags; only what -i takes. */
static int
list_devices(void)
{
	pcap_if_t	*all, *d;
	char		 errbuf[PCAP_ERRBUF_SIZE], name[128], desc[256];
	int		 i = 1;

	if (pcap_findalldevs(&all, errbuf) == -1)
		msg_fatal("cannot list interfaces: %s", errbuf);
	for (d = all; d != NULL; d = d->next) {
		if (!cap_usable(d->name))
			continue;
		esc_str(name, sizeof name, d->name, strlen(d->name));
		desc[0] = '\0';
		if (d->description != NULL)
			esc_str(desc, sizeof desc, d->description,
			    strlen(d->description));
		printf("%d.%s%s%s%s [%s%s]\n", i, name, desc[0] ? " (" : "",
		    desc, desc[0] ? ")" : "",
		    d->flags & PCAP_IF_UP ? "Up" : "Down",
		    d->flags & PCAP_IF_RUNNING ? ", Running" : "");
		i++;
	}
	pcap_freealldevs(all);
	return 0;
}

static void
on_signal(int sig)
{
	zbtop_quit = sig;
}

/* -e commands, after capture has started; errors go to stderr. */
static void
cmd_stderr(void *arg, const char *text)
{
	msg_error("%s", text);
}

static void
cmd_stdout(void *arg, const char *text)
{
	if (*(int *)arg)
		msg_info("%s", text);
}

static void
run_commands(struct engine *eng, struct opts *o)
{
	struct cmd_ctx	ctx;
	int		i, verbose = o->batch;

	memset(&ctx, 0, sizeof ctx);
	ctx.eng = eng;
	ctx.out = cmd_stdout;
	ctx.error = cmd_stderr;
	ctx.arg = &verbose;
	ctx.delay = &o->bo.delay;
	for (i = 0; i < o->ncmds; i++) {
		if (cmd_run(&ctx, o->cmds[i]) == CMD_QUIT)
			zbtop_quit = SIGTERM;
	}
}

int
main(int argc, char **argv)
{
	struct opts		 o;
	struct engine		*eng;
	struct print_ctx	 pc[CAP_MAXQ];
	struct screen_opts	 so;
	struct sigaction	 sa;
	sigset_t		 all, old;
	char			 errbuf[ZB_ERRBUFSZ];
	unsigned		 q, npc = 0;
	int			 rc, screen;

	parse(&o, argc, argv);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (o.print) {
		setvbuf(stdout, NULL, _IOFBF, 1 << 20);
		npc = o.ec.cap.threads;
		for (q = 0; q < npc; q++) {
			print_init(&pc[q], stdout, o.hex, o.tree);
			o.ec.print_arg[q] = &pc[q];
		}
		o.ec.print = print_packet;
	}
	if ((eng = engine_new(&o.ec, errbuf)) == NULL)
		msg_fatal("%s", errbuf);
	screen = !o.batch && !o.print;
	/* The screen shows it on its status line. */
	if (!screen && engine_note(eng) != NULL)
		msg_error("%s", engine_note(eng));
	if (screen) {
		so.delay = o.bo.delay;
		so.color = getenv("NO_COLOR") == NULL ||
		    *getenv("NO_COLOR") == '\0';
		so.histfile = NULL;
		/* The history file is opened while it is still reachable. */
		if (screen_init(&so, errbuf) == -1)
			msg_fatal("%s", errbuf);
	}
	if (priv_drop(o.user, errbuf) == -1)
		msg_fatal("%s", errbuf);
	/* Signals belong to the front end, never to the capture thread. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = engine_start(eng, errbuf);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == -1)
		msg_fatal("%s", errbuf);
	run_commands(eng, &o);
	if (o.batch)
		rc = batch_run(eng, &o.bo);
	else if (o.print)
		rc = batch_print(eng, pc, npc);
	else
		rc = screen_run(eng, &so);
	engine_free(eng);
	for (q = 0; q < npc; q++)
		print_free(&pc[q]);
	free((char *)o.ec.filter);
	free(o.ifname);
	return rc;
}
