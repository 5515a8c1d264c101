/*
 * What stats.c, stats-rate.c, stats-snap.c and stats-info.c share: the
 * live state behind struct stats and the calls between the four.  The
 * counters are read as a vector of uint64_t in struct order (stats_load),
 * and STATS_SLOT names a field's place in it.  Nothing outside stats
 * includes this.
 */
#ifndef ZBTOP_STATS_INT_H
#define ZBTOP_STATS_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "stats.h"

#define TALK_SLOTS	4096		/* talker table, fixed: evicts */
#define TALK_PROBE	16

struct talk {
	struct stats_talker	 t;
	uint64_t		 sampled;	/* packets at the last sample */
	int			 used;
};

/* Counters that only grow; the reader subtracts the base set by clear. */
struct counters {
	_Atomic uint64_t	 packets, bytes, kpackets, kdrops, kfreezes;
	_Atomic uint64_t	 rejected, wdrops, epoch_packets, kcut;
	_Atomic uint64_t	 busy_ns, wbusy_ns;
	_Atomic uint64_t	 rot[CAP_ROT_NREASONS];
	_Atomic uint64_t	 ring_pkts[CAP_MAXRINGS];
	_Atomic uint64_t	 ring_forced[CAP_MAXRINGS];
	_Atomic uint64_t	 if_kpkts[CAP_MAXIF];	/* several -i */
	_Atomic uint64_t	 if_kdrops[CAP_MAXIF];
	_Atomic uint64_t	 if_kfreezes[CAP_MAXIF];
	_Atomic uint64_t	 ring_bytes[CAP_MAXRINGS];
	_Atomic uint64_t	 ring_rot[CAP_MAXRINGS][CAP_ROT_NREASONS];
	_Atomic uint64_t	 ring_kpkts[CAP_MAXRINGS];
};

/* What one queue's consumer parses into. */
struct shard {
	pthread_mutex_t		 lock;
	uint64_t		 proto[DEC_P_NPROTO];
	struct talk		*last;		/* the previous packet's talker */
	struct talk		 talk[TALK_SLOTS];
};

/* The live state; readers never see it, only snapshots of it. */
struct stats {
	struct counters		 c;
	struct shard		*shard;
	unsigned		 nshards;
	_Atomic uint64_t	 ifdrops;
	_Atomic int		 have_ifdrops;
	struct timespec		 start;
	pthread_mutex_t		 lock;
	/* Behind the lock. */
	struct stats_snap	 info;		/* mode, source, filter... */
	uint64_t		 base[sizeof(struct counters) / 8];
	uint64_t		 ifbase;
	/*
	 * Where the totals of the exit lines and the metrics start: at
	 * start, or where a file was read again (clear leaves it).
	 */
	uint64_t		 runbase[sizeof(struct counters) / 8];
	uint64_t		 ifrun;
	int			 nbufs;
	struct stats_buf	 bufs[CAP_MAXBUFS];
	struct timespec		 changed[CAP_MAXBUFS];
	int			 nhist;
	double			 hist_pps[STATS_HIST], hist_dps[STATS_HIST];
	double			 pps, bps, dps, rotps[CAP_ROT_NREASONS];
	double			 ifdps, busy, wbusy, drop_busy, drop_wbusy;
	uint64_t		 iflast;
	double			 ring_pps[CAP_MAXRINGS];
	uint64_t		 last[sizeof(struct counters) / 8];
	struct timespec		 lastsample;
	int			 sampled;	/* stats_sample() ran */
	int			 peak_held;	/* since the last snapshot */
	double			 peak_fill;
	uint64_t		 freezes_seen;	/* at the last snapshot */
};

/* A counter's index in the vector stats_load() fills. */
#define STATS_SLOT(f)	(offsetof(struct counters, f) / 8)
#define STATS_NSLOTS	(sizeof(struct counters) / 8)

/*
 * stats.c: seconds from a to b; the counters into STATS_NSLOTS plain
 * numbers (no lock); the fullest ring now, buffers held and percent
 * filled (st->lock held).
 */
double	stats_since(const struct timespec *, const struct timespec *);
void	stats_load(struct stats *, uint64_t *);
void	stats_peaks(struct stats *, int *, double *);

/*
 * stats-rate.c, for the snapshot (st->lock held): its rates, and its
 * ring rows from its counters since clear (sn->c).
 */
void	stats_rates(const struct stats *, struct stats_snap *);
void	stats_rings(const struct stats *, struct stats_snap *);

#endif /* ZBTOP_STATS_INT_H */
