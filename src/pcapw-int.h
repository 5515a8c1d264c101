/*
 * What pcapw.c (the writer: open, put, sync, cut back, close) and
 * pcapw-ring.c (which file comes next: -C, -G, -W, -z) share: the
 * writer's state and the ring's calls.  Nothing outside pcapw includes
 * this.
 */
#ifndef ZBTOP_PCAPW_INT_H
#define ZBTOP_PCAPW_INT_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "pcapw.h"
#include "zb.h"

#define PCAPW_MAXRING	4096		/* -G with -W: names remembered */

struct pcapw {
	pcap_t		*dead;		/* pcap: libpcap's dumper writes */
	pcap_dumper_t	*d;
	FILE		*f;		/* the file: d's, or pcapng's own */
	int		 ng;		/* pcapng: several interfaces */
	unsigned	 nifs;
	int		 dlt[CAP_MAXIF];
	char		 ifname[CAP_MAXIF][CAP_IFNAMSZ];
	unsigned	 snaplen;
	char		*path;		/* as given: a pattern with -G */
	char		*cur;		/* the file being written */
	char		 name[256];	/* cur escaped, for messages */
	long		 good;		/* offset after the last good sync */
	int		 failed;
	int		 gone;		/* the pipe's reader went away */
	uint64_t	 frames;	/* put; one writer, read by others */
	struct pcapw_conf conf;
	unsigned	 idx;		/* -C: number of the current file */
	time_t		 opened;	/* -G: when the current period began */
	char		*ring[PCAPW_MAXRING]; /* -G -W: the files kept */
	unsigned	 nring;
	char		 err[ZB_ERRBUFSZ]; /* a rotation failed: for sync */
};


/* 1 when -z's command can be run (a path, or a name in $PATH). */
int	 pcapw_runnable(const char *);
/* The next file's name, allocated: -G's pattern at t, then -C's number. */
char	*pcapw_name(struct pcapw *, time_t);
/* -G -W: the new file w->cur joins the ring; the oldest past -W goes. */
void	 pcapw_keep(struct pcapw *);
/* -z: "command file" started, not waited for; earlier ones reaped. */
void	 pcapw_post(struct pcapw *, const char *);
/* 1 when a new file is due before a packet of time t (-G, -C). */
int	 pcapw_due(struct pcapw *, time_t);

#endif /* ZBTOP_PCAPW_INT_H */
