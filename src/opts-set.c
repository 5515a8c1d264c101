/*
 * What each option sets in struct opts, one group of options per
 * function (tcpdump's print letters, its other letters, capture, engine,
 * front end), and the checks of one value: numbers in range, words from
 * a list.  Never looks at two options together; opts-check.c does, once
 * all are in.  Exits through msg_fatal, naming the option.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pcap/pcap.h>

#include "iface.h"
#include "msg.h"
#include "opts.h"
#include "opts-int.h"
#include "work.h"

static unsigned	num(const char *, const char *, unsigned long, unsigned long);
static unsigned	numbase(const char *, const char *, unsigned long,
		    unsigned long, int);
static double	fnum(const char *, const char *, double, double);
static enum cap_dir direction(const char *);
static int	parse_tcpdump(struct opts *, int);
static int	parse_print(struct print_opts *, int);
static int	parse_ignored(int);
static int	parse_capture(struct opts *, int);
static int	parse_engine(struct opts *, int);
static int	parse_front(struct opts *, int);
static void	parse_retire(struct opts *, const char *);

int
opts_set(struct opts *o, int ch)
{
	/* Each option is in exactly one group; order does not matter. */
	if (parse_tcpdump(o, ch) == 0 || parse_capture(o, ch) == 0 ||
	    parse_engine(o, ch) == 0 || parse_front(o, ch) == 0)
		return 0;
	return -1;
}

static unsigned
num(const char *opt, const char *s, unsigned long lo, unsigned long hi)
{
	return numbase(opt, s, lo, hi, 10);
}

/*
 * A number from lo to hi in base (strtoul's: 0 takes 0x for hex and a
 * leading 0 for octal, as tcpdump reads -s and -G), or msg_fatal.
 */
static unsigned
numbase(const char *opt, const char *s, unsigned long lo, unsigned long hi,
    int base)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(s, &end, base);
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
		/* tcpdump: 0 means the default, 262144; 0x100 is 256. */
		cc->snaplen = numbase("-s", optarg, 0, 262144, 0);
		if (cc->snaplen == 0)
			cc->snaplen = 262144;
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
		cc->speed = fnum("--speed", optarg, 0, CAP_SPEED_MAX);
		if (cc->speed != 0 && cc->speed < CAP_SPEED_MIN)
			msg_fatal("--speed: expected 0 or a number from %g to "
			    "%d, not '%s'", CAP_SPEED_MIN, CAP_SPEED_MAX,
			    optarg);
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
	case 'K':
		po->dec.nocksum = 1;
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
	case 'j':
	case 'y':
		/* As tcpdump, a name libpcap does not know is refused. */
		if (ch == 'j' && pcap_tstamp_type_name_to_val(optarg) < 0)
			msg_fatal("-j %s: invalid time stamp type", optarg);
		if (ch == 'y' && pcap_datalink_name_to_val(optarg) < 0)
			msg_fatal("-y %s: invalid data link type", optarg);
		/* FALLTHROUGH */
	case 'E':
	case 'I':
	case 'M':
		msg_info("-%c: not supported by zbtop, ignored", ch);
		break;
	case 'a':
	case 'f':
	case 'H':
	case 'n':
	case 'N':
	case 'u':
	case 'Y':
	case OPT_IMMEDIATE:
		/*
		 * zbtop never resolves names; it decodes no NFS handles
		 * (-u).
		 */
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
		o->wr.rotate_secs = numbase("-G", optarg, 1, INT_MAX, 0);
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

/*
 * tcpdump's -T type forces a decoder; zbtop's -T is the retire timeout.
 * A type tcpdump 4.99 knows (tcpdump(8), any case) is ignored with a
 * warning, any other word refused as tcpdump refuses it.
 */
static void
parse_retire(struct opts *o, const char *arg)
{
	static const char *const types[] = { "aodv", "carp", "cnfp",
	    "domain", "lmp", "pgm", "pgm_zmtp1", "ptp", "radius", "resp",
	    "rpc", "rtcp", "rtp", "snmp", "someip", "tftp", "vat", "vxlan",
	    "wb", "zmtp1" };
	size_t	i;

	if (*arg < '0' || *arg > '9') {
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcasecmp(arg, types[i]) == 0)
				break;
		if (i == sizeof(types) / sizeof(types[0]))
			msg_fatal("-T %s: unknown packet type", arg);
		msg_info("-T %s: zbtop decodes by port numbers only; -T is "
		    "the retire timeout in ms, ignored", arg);
		return;
	}
	o->ec.cap.retire_ms = num("-T", arg, 1, 60000);
}
