/*
 * Writing captured packets to a pcap file that stays valid: after an I/O
 * error (a full disk) the file is cut back to the last whole packet.
 * tcpdump's -C, -G and -W make it a ring of files, -U flushes each packet.
 */
#ifndef ZBTOP_PCAPW_H
#define ZBTOP_PCAPW_H

#include <stdint.h>
#include <time.h>

#include "cap.h"

struct pcapw;

/* tcpdump's options for -w; all zero: one file, flushed per buffer. */
struct pcapw_conf {
	unsigned	 file_mb;	/* -C: next file past this many 10^6 bytes */
	unsigned	 rotate_secs;	/* -G: next file every so many seconds */
	unsigned	 files;		/* -W: keep only the newest n files */
	int		 flush;		/* -U: flush after every packet */
	const char	*postrotate;	/* -z: run "cmd file" on each closed one */
};

/* pcap of one link type (DLT_), snap length, options; NULL: errbuf. */
struct pcapw	*pcapw_open(const char *, int, unsigned,
		    const struct pcapw_conf *, char *);
/*
 * pcapng with one interface description per interface (DLT_ values and
 * names, n of each); pcapw_put() writes each packet as its pkt->iface's.
 */
struct pcapw	*pcapw_open_ng(const char *, unsigned, const int *,
		    const char (*)[CAP_IFNAMSZ], unsigned,
		    const struct pcapw_conf *, char *);
int		 pcapw_put(struct pcapw *, const struct cap_pkt *);
int		 pcapw_sync(struct pcapw *, char *);
/* 1 once a write failed because a pipe's reader went away (EPIPE). */
int		 pcapw_gone(const struct pcapw *);
int		 pcapw_close(struct pcapw *, char *);
uint64_t	 pcapw_frames(const struct pcapw *);
unsigned	 pcapw_snaplen(const struct pcapw *);
const char	*pcapw_file(const struct pcapw *);

#endif /* ZBTOP_PCAPW_H */
