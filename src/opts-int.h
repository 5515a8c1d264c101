/*
 * What opts.c, opts-set.c and opts-check.c share: the long options'
 * codes (getopt_long hands them back beside the letters) and the calls
 * between the three.  Nothing outside the command line includes this.
 */
#ifndef ZBTOP_OPTS_INT_H
#define ZBTOP_OPTS_INT_H

struct opts;

#define OPTS_KEEP_MAX	32768		/* --keep, MiB: recent.c offsets reach 32 GiB */

/* Long options without a letter: getopt_long returns these codes. */
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

/*
 * opts-set.c: what option ch (a letter or an OPT_ code, its argument in
 * optarg) sets in o.  0 when ch was one of the options that set
 * something, -1 for the rest (those that print and exit, and unknown
 * ones); exits through msg_fatal on a value out of range.
 */
int	opts_set(struct opts *o, int ch);

/*
 * opts-check.c: the combinations getopt cannot see, once every option is
 * in, and what follows from them.  Exits through msg_fatal on a conflict,
 * and with status 0 after tcpdump's listings (-d, -L, -J alone).
 */
void	opts_check(struct opts *o);

#endif /* ZBTOP_OPTS_INT_H */
