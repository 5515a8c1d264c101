/*
 * The command line: what each option asks for, checked against the others
 * (opts.c).  main (zbtop.c) reads struct opts and hands its parts to the
 * engine and to one front end.
 */
#ifndef ZBTOP_OPTS_H
#define ZBTOP_OPTS_H

#include "batch.h"
#include "cap.h"
#include "compat.h"
#include "engine.h"
#include "iface.h"
#include "metrics-serve.h"
#include "pcapw.h"
#include "print.h"

/* Everything the command line says. */
struct opts {
	struct engine_conf	 ec;
	struct batch_opts	 bo;
	struct metrics_serve_conf mc;
	int			 batch;
	int			 print;
	struct print_opts	 po;
	struct compat		 tc;		/* tcpdump's listing options */
	struct pcapw_conf	 wr;		/* -C, -G, -W, -U, -z */
	int			 lbuf;		/* -l */
	int			 speed_set;
	unsigned		 keep_mib;
	const char		*user;
	const char		*cmds[32];
	int			 ncmds;
	struct iface_set	 ifs;		/* every -i (iface.c) */
	int			 sockets;	/* --sockets */
	const char		*attach;	/* --attach PID|socket:INODE */
	int			 filters;	/* --filters */
};

/*
 * Fills o from argv.  Exits itself for --help, --version, -D, the tcpdump
 * listing options (-d, -L, -J alone) and on any error, with a message on
 * stderr and status 1, as getopt's callers do.
 */
void	opts_parse(struct opts *o, int argc, char **argv);

/* Frees what opts_parse allocated (the expression, interface names). */
void	opts_free(struct opts *o);

#endif /* ZBTOP_OPTS_H */
