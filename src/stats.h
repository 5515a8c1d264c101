/*
 * Counters, rates, per-ring and per-buffer state, protocol mix and top
 * talkers.  The engine's threads write (one shard each for mix and
 * talkers, the queue number says which); readers take a snapshot by
 * value, so the screen, batch output and JSON never touch live state and
 * never make the engine wait longer than one copy.  Knows nothing of
 * terminals.
 */
#ifndef ZBTOP_STATS_H
#define ZBTOP_STATS_H

#include <stdint.h>

#include "cap.h"
#include "dec.h"

#define STATS_HIST	60		/* one-second samples kept */
#define STATS_SAMPLE_MIN 0.25		/* seconds: a shorter sample is noise */
#define STATS_TOPN	32		/* talkers in a snapshot */
#define STATS_TEXTSZ	512		/* filter text, escaped */
#define STATS_NAMESZ	128		/* source: interface or file, escaped */
#define STATS_PATHSZ	1024		/* the same as given: JSON, the screen */

/* One buffer row of the buffers pane. */
struct stats_buf {
	struct cap_bufstate	 st;
	double			 age;	/* seconds since its owner changed */
};

/*
 * One ring (socket) of the capture: what zbtop took from it since clear,
 * and its buffers by owner now.  Ring r belongs to the consumer queue
 * (lane) r / (nrings / lanes): zbuf's lane l owns rings 2l and 2l + 1.
 */
struct stats_ring {
	unsigned	 lane;
	unsigned	 iface;		/* several -i: index in ifname */
	int		 active;	/* a buffer of it is steered to */
	uint64_t	 packets;	/* handed to zbtop from it */
	uint64_t	 kpackets;	/* kernel: passed the filter, drops
					   included */
	double		 pps;		/* over the last sample */
	uint64_t	 forced;	/* forced hand-overs of its buffers */
	uint64_t	 bytes;		/* of the packets handed over */
	uint64_t	 rot[CAP_ROT_NREASONS];	/* its hand-overs by reason */
	int		 nbufs;
	int		 owner[3];	/* buffers by enum cap_owner */
	uint64_t	 used;		/* bytes in its buffers now */
	uint64_t	 size;		/* bytes they hold at most */
};

/* One address pair and protocol, busiest first in a snapshot. */
struct stats_talker {
	uint8_t		 af;		/* 4 or 6 */
	uint8_t		 proto;		/* enum dec_proto_id */
	uint8_t		 src[16];
	uint8_t		 dst[16];
	uint64_t	 packets;
	uint64_t	 bytes;
	double		 pps;		/* over the last sample */
};

/*
 * The counters, as one function (stats-snap.c) reads them off the
 * engine's at one instant, less a base: since the last clear in a
 * snapshot (c), since start in its total, since start or since a file was
 * read again for the exit lines (stats_totals).  A total never goes
 * backwards (metrics.c exports those).  Several -i: if_ counts are each
 * interface's (index in ifname); ring counts are ring i's (the snapshot's
 * rows show them with the rings' state).
 */
struct stats_counts {
	uint64_t	 packets;	/* processed by zbtop */
	uint64_t	 bytes;		/* of those, wire length */
	uint64_t	 kpackets;	/* kernel: passed the filter */
	uint64_t	 kdrops;	/* kernel: ring or queue full */
	uint64_t	 kfreezes;	/* kernel: queue frozen */
	uint64_t	 ifdrops;	/* interface (sysfs rx_dropped) */
	int		 have_ifdrops;	/* the interface counts them */
	uint64_t	 rejected;	/* zbtop: failed the new filter */
	uint64_t	 wdrops;	/* zbtop: -w could not write */
	uint64_t	 kcut;		/* kernel: cut to fit a block or slot */
	uint64_t	 rot[CAP_ROT_NREASONS];	/* hand-overs by reason */
	uint64_t	 if_kpackets[CAP_MAXIF];
	uint64_t	 if_kdrops[CAP_MAXIF];
	uint64_t	 if_kfreezes[CAP_MAXIF];
	uint64_t	 ring_packets[CAP_MAXRINGS];	/* handed over */
	uint64_t	 ring_forced[CAP_MAXRINGS];	/* forced hand-overs */
	uint64_t	 ring_bytes[CAP_MAXRINGS];	/* of ring_packets */
	uint64_t	 ring_rot[CAP_MAXRINGS][CAP_ROT_NREASONS];
	uint64_t	 ring_kpackets[CAP_MAXRINGS];	/* kernel, as kpackets */
};

/* Everything a reader may show, copied at one instant. */
struct stats_snap {
	double		 uptime;	/* seconds since capture started */
	struct stats_counts c;		/* since clear */
	struct stats_counts total;	/* since start or a file read again
					   (the exit lines'), same instant */
	/*
	 * Peaks since the previous refresh (a snapshot without keep_peaks:
	 * the screen's or -b's), from the buffer states read every engine
	 * tick: a burst shorter than the refresh still shows.
	 */
	int		 peak_held;	/* most buffers of one ring held */
	double		 peak_fill;	/* highest ring fill, percent */
	uint64_t	 peak_freezes;	/* queue freezes in the interval */
	/*
	 * Set by the caller, kept: 1 for a reader that shows no peaks (a
	 * metrics scrape, a command), so the next refresh's interval goes
	 * on; a scrape between two refreshes took the burst away.
	 */
	int		 keep_peaks;
	double		 pps;
	double		 bps;		/* bits per second */
	double		 dps;		/* kernel drops per second */
	double		 ifdps;		/* interface drops per second */
	double		 busy;		/* consumers' time walking, 0-1 */
	double		 wbusy;		/* of which -w writing, 0-1 */
	double		 drop_busy;	/* busy in the last second with drops */
	double		 drop_wbusy;
	double		 rotps[CAP_ROT_NREASONS];
	unsigned	 epoch;		/* filter epoch, 0 = initial */
	uint64_t	 epoch_packets;	/* processed in this epoch */
	char		 filter[STATS_TEXTSZ];	/* esc_text */
	char		 raw_filter[STATS_TEXTSZ];	/* as given */
	int		 nhist;		/* valid samples, newest last */
	double		 hist_pps[STATS_HIST];
	double		 hist_dps[STATS_HIST];
	uint64_t	 proto[DEC_P_NPROTO];
	int		 ntalkers;
	struct stats_talker talkers[STATS_TOPN];
	int		 nbufs;
	struct stats_buf bufs[CAP_MAXBUFS];
	unsigned	 nrings;	/* set once by stats_info */
	/*
	 * Copy mode: the kernel drops in each socket's queue, this many
	 * bytes of whole packet buffers (SO_RCVBUF), not in the buffers
	 * here; 0 otherwise.  Set once by stats_info.
	 */
	uint64_t	 qbytes;
	struct stats_ring rings[CAP_MAXRINGS];
	/* The capture itself, for headers. */
	char		 mode[8];
	char		 source[STATS_NAMESZ];	/* interface or file, escaped */
	char		 raw_source[STATS_PATHSZ];	/* as given */
	char		 geometry[256];
	char		 note[2 * ZB_ERRBUFSZ];
	unsigned	 snaplen;
	int		 dlt;
	/* Several -i (nifs > 1): each interface's name (counts in c). */
	unsigned	 nifs;
	char		 ifname[CAP_MAXIF][CAP_IFNAMSZ];
	int		 paused;	/* packet list frozen */
	int		 eof;		/* file: nothing more to come */
	/*
	 * The capture is over (-c reached, an error, the end of a file,
	 * a stop): what the kernel's blocks still hold is never handed
	 * over, so it is not "filling".
	 */
	int		 ended;
	int		 writing;	/* -w or write FILE: STATS_W_ */
#define STATS_W_OPEN	1		/* open, written to */
#define STATS_W_DONE	2		/* closed at the capture's end */
	int		 parsing;	/* decoding for mix and talkers */
	int		 printing;	/* print mode: a line per packet */
	unsigned	 rotate_ms;	/* rotate every, 0 = off */
	int64_t		 linkdown;	/* link down since (epoch s), 0 up */
	char		 wfile[STATS_PATHSZ];	/* -w or write FILE, as given */
	uint64_t	 wframes;	/* frames written to it */
};

/*
 * The capture as the headers name it, given once at start to stats_info
 * (a few pointers, not a 57 KB snapshot).  Text is copied, cut to the
 * snapshot's fields; NULL is empty.  Source and filter arrive as given:
 * the snapshot keeps them so (for JSON) and escaped for terminals
 * (tbuf.h esc_str).
 */
struct stats_info {
	const char	*mode;		/* backend: "zbuf", "copy", "file" */
	const char	*source;	/* raw, cut to STATS_PATHSZ */
	const char	*geometry;	/* rings and buffers, for the header */
	const char	*note;		/* the backend's remark, or "" */
	const char	*filter;	/* raw, cut to STATS_TEXTSZ */
	unsigned	 snaplen;	/* bytes kept of each packet */
	int		 dlt;		/* libpcap DLT_ of the capture */
	unsigned	 nifs;		/* interfaces (several -i) */
	const char	 (*ifname)[CAP_IFNAMSZ];	/* CAP_MAXIF names, or NULL */
	unsigned	 nrings;	/* sockets; over CAP_MAXRINGS is cut */
	uint64_t	 qbytes;	/* cap.h: the socket queue, or 0 */
	const uint8_t	*ringif;	/* each ring's ifname index, or NULL */
	int		 parsing;	/* decoding for mix and talkers */
	int		 printing;	/* print mode */
};

/* What the engine gives the headers each tick (stats_flags). */
struct stats_flags {
	int		 paused;	/* packet list frozen */
	int		 eof;		/* file: nothing more to come */
	int		 writing;	/* -w or write FILE open */
	unsigned	 rotate_ms;	/* rotate every, 0 = off */
	int64_t		 linkdown;	/* link down since (time(3)), 0 up */
	const char	*wfile;		/* the file written, as given; NULL */
	uint64_t	 wframes;	/* frames written to it */
};

struct stats;

struct stats	*stats_new(unsigned);
void		 stats_free(struct stats *);

/* Writer side: the engine's threads. */
void		 stats_block(struct stats *, unsigned, uint64_t, uint64_t,
		     uint64_t, enum cap_reason);
void		 stats_kernel(struct stats *, const struct cap_kstats *);
void		 stats_ifdrops(struct stats *, uint64_t);
void		 stats_wdrop(struct stats *);
void		 stats_busy(struct stats *, uint64_t, uint64_t);
void		 stats_lock(struct stats *, unsigned);
void		 stats_unlock(struct stats *, unsigned);
void		 stats_parsed(struct stats *, unsigned, const struct dec_info *,
		     uint32_t);
void		 stats_buffers(struct stats *, const struct cap_bufstate *, int);
void		 stats_epoch(struct stats *, const char *);
void		 stats_sample(struct stats *);
/*
 * The capture's last reading: stats_sample(), unless one ran less than
 * STATS_SAMPLE_MIN seconds ago.  1 when it sampled.
 */
int		 stats_sample_last(struct stats *);
/* Once at start: copies *info's text (cut to size), keeps no pointer. */
void		 stats_info(struct stats *, const struct stats_info *);
/* Each tick: what changes now and then; copies the file name. */
void		 stats_flags(struct stats *, const struct stats_flags *);
/* The engine's last reading: nothing more will be handed over. */
void		 stats_ended(struct stats *, int);
/* The -w file closed at the end: 1 written whole, 0 not. */
void		 stats_wclosed(struct stats *, int);
void		 stats_snaplen(struct stats *, unsigned);

/* Reader side: any thread. */
void		 stats_snapshot(struct stats *, struct stats_snap *);
/* For the exit lines: since start or stats_rerun; clear leaves them. */
void		 stats_totals(struct stats *, struct stats_counts *);
void		 stats_clear(struct stats *);
void		 stats_rerun(struct stats *);
const char	*stats_reason_name(enum cap_reason);
const char	*stats_owner_name(enum cap_owner);
const char	*stats_buf_owner(const struct cap_bufstate *);

#endif /* ZBTOP_STATS_H */
