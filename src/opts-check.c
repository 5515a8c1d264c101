/*
 * The checks of options against each other, once getopt is done, and
 * what follows from them: --sockets' and --attach's exclusions, -i
 * ignored with -r, the ring geometry (two of -B, --blocks, --block-size; the
 * backend works out the third), --keep against the machine's memory,
 * the source and capture model, the front end, and tcpdump's listings,
 * which print and exit.  opts-set.c has already checked each value alone.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iface.h"
#include "msg.h"
#include "opts.h"
#include "opts-int.h"
#include "psock.h"
#include "recent.h"
#include "tbuf.h"

static size_t	opts_keep(unsigned);
static void	parse_check_sockets(struct opts *);
static void	parse_source(struct opts *);
static void	parse_front_end(struct opts *);
static void	parse_listing(struct opts *);

/* Combinations getopt cannot see. */
void
opts_check(struct opts *o)
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
	/* tcpdump reads the file and leaves -i alone; so does zbtop. */
	if (cc->iface != NULL && cc->file != NULL) {
		msg_info("-i ignored: -r reads a file");
		o->ifs.n = 0;
		cc->iface = NULL;
	}
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
	if (cc->file == NULL && iface_capturable(cc, errbuf) == -1)
		msg_fatal("%s", errbuf);
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
	/* With -r - standard input is the capture, not commands. */
	o->bo.commands = o->batch && !isatty(STDIN_FILENO) &&
	    (cc->file == NULL || strcmp(cc->file, "-") != 0);
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
#ifdef PSOCK_NOATTACH
	/* Before the list's own refusal (root), which would hide this one. */
	if (o->attach != NULL)
		msg_fatal("%s", PSOCK_NOATTACH);
#endif
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
 * tcpdump's listings (-d, -L, -J) print and exit.  -L and -J list an
 * interface, the default one without -i; with -r tcpdump reads the file
 * instead, and so does zbtop, saying so.  Several -i: each interface's,
 * under its name on the listing's stream, as each is captured and
 * filtered for its own link type.
 */
static void
parse_listing(struct opts *o)
{
	struct cap_conf	*cc = &o->ec.cap;
	char		 errbuf[ZB_ERRBUFSZ], name[64];
	unsigned	 k, n = cc->nifaces > 1 ? cc->nifaces : 1;
	int		 rc;

	if (cc->file != NULL && (o->tc.list_dlts || o->tc.list_tstamps)) {
		msg_info("%s ignored: -r reads a file",
		    o->tc.list_tstamps ? "-J" : "-L");
		o->tc.list_dlts = o->tc.list_tstamps = 0;
	}
	if ((o->tc.list_dlts || o->tc.list_tstamps) && cc->iface == NULL &&
	    iface_default(&o->ifs, cc, errbuf) == -1)
		msg_fatal("%s", errbuf);
	for (k = 0; k < n; k++) {
		if (n > 1 && (o->tc.dump || o->tc.list_dlts ||
		    o->tc.list_tstamps)) {
			esc_str(name, sizeof name, cc->ifaces[k],
			    strlen(cc->ifaces[k]));
			fprintf(o->tc.dump && !o->tc.list_dlts &&
			    !o->tc.list_tstamps ? stdout : stderr, "%s:\n",
			    name);
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
	/* Print mode has no refreshes to count; tcpdump's -c ends it. */
	if (o->print && o->bo.iterations > 0)
		msg_fatal("--iterations counts refreshes of the screen or -b; "
		    "print mode has none (use -c count)");
	/* Batch snapshots go to standard output: no pcap stream there too. */
	if (o->batch && o->ec.wfile != NULL && strcmp(o->ec.wfile, "-") == 0)
		msg_fatal("-b writes its snapshots on standard output: "
		    "-w - cannot write there too (use -w FILE)");
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
