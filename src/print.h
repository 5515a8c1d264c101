/*
 * Print mode (-P): one line per packet on stdout, as tcpdump -n prints it
 * (tcpdump 4.99 is the reference): the time stamp forms of -t, the packet
 * number of -#, the link header of -e, the hex and ASCII dumps of -x, -X
 * and -A, and zbtop's own detail tree (-V).
 */
#ifndef ZBTOP_PRINT_H
#define ZBTOP_PRINT_H

#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "dec.h"
#include "tbuf.h"

struct cap_pkt;
struct engine;

/* Time stamp forms, by the number of -t given (tcpdump's ts_format). */
enum print_ts {
	PRINT_TS_TIME,		/* none: local HH:MM:SS.frac */
	PRINT_TS_NONE,		/* -t */
	PRINT_TS_EPOCH,		/* -tt: seconds.frac since 1970 */
	PRINT_TS_DELTA,		/* -ttt: since the previous packet */
	PRINT_TS_DATE,		/* -tttt: local date and time */
	PRINT_TS_SINCE		/* -ttttt: since the first packet */
};

/* What the command line asked of each line. */
struct print_opts {
	int		 ts;		/* enum print_ts */
	int		 nano;		/* --nano: 9 digits of fraction */
	int		 number;	/* -#: packet number first */
	int		 hex;		/* -x count: 1 without, 2 with link header */
	int		 hexascii;	/* -X count, the same */
	int		 ascii;		/* -A */
	int		 tree;		/* -V: zbtop's detail tree */
	int		 count_only;	/* --count: only "N packets" at the end */
	int		 silent;	/* -w without -P: no lines */
	int		 live;		/* not -r: tcpdump's lines at exit */
	struct dec_opts	 dec;		/* -e, -v, -q, -S */
	/* Several -i: the names pkt->iface indexes; a line names its own. */
	const char	*const *ifname;
	unsigned	 nifs;
};

/*
 * What the print callback needs; set up before the engine starts, one per
 * consumer thread (lines are whole: one fwrite each, and stdio locks).
 */
struct print_ctx {
	FILE		*out;
	struct print_opts o;
	atomic_int	 failed;	/* errno of a failed write (EPIPE: reader gone) */
	long		 cached_sec;	/* the time prefix below is for it */
	char		 cached[32];
	size_t		 cachedlen;	/* its length */
	unsigned long	 count;		/* packets printed, for -# */
	/* -ttt: the previous stamp, -ttttt: the first; 0: none yet. */
	struct timespec	 ref;
	struct tbuf	 tb;		/* reused for every packet */
};

void	print_init(struct print_ctx *, FILE *, const struct print_opts *);
void	print_free(struct print_ctx *);
void	print_packet(void *, const struct cap_pkt *, int);
int	print_failed(struct print_ctx *, unsigned);
int	print_shaped(const struct print_opts *);
unsigned long print_count(struct print_ctx *, unsigned);
/*
 * Print mode's loop: the engine prints through the npc contexts; this
 * waits until the capture ends, *quit is set or printing fails (saying
 * the counters whenever *info is set), stops the engine and says the
 * closing lines.  Returns the exit status.
 */
int	print_run(struct engine *, struct print_ctx *, unsigned,
	    volatile sig_atomic_t *, volatile sig_atomic_t *);
/*
 * tcpdump's line once a live capture is open, which scripts wait for, on
 * stderr: "zbtop: listening on eth0, link-type EN10MB (Ethernet),
 * snapshot length 262144 bytes"; one line per interface with several -i.
 */
void	print_listening(struct engine *);
/*
 * tcpdump's first line reading a file, on stderr before any packet, with
 * no "zbtop: " (tcpdump writes none): "reading from file F, link-type
 * EN10MB (Ethernet), snapshot length 65535", the link type and snap
 * length the file states; file is -r's argument ("-": standard input),
 * escaped as every name (esc_str); dlt and snaplen as libpcap reads them
 * from its header.  A LINUX_SLL2 file adds tcpdump's "Warning: interface
 * names might be incorrect".
 */
void	print_reading(const char *, int, int);

#endif /* ZBTOP_PRINT_H */
