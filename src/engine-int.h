/*
 * What the engine's files share: engine.c (lifecycle and the control
 * loop), engine-tick.c (the tick: counters, rates, timers), engine-req.c
 * (what requests do), engine-lane.c (the lanes: --threads consumers,
 * parking, rotate-now), engine-walk.c (the packet path) and
 * engine-mbox.c (the mailbox).  Private to those files.
 */
#ifndef ZBTOP_ENGINE_INT_H
#define ZBTOP_ENGINE_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "engine.h"

struct filter_live;
struct pcapw;
struct recent;
struct stats;

#define ENGINE_TICK_MS		100	/* kernel counters, buffer states */
#define ENGINE_AGAIN_MS		2000	/* give up on a busy backend */
#define ENGINE_REFRESH_MS	500	/* longest wait for a refresh */
#define ENGINE_SYNC_MS		400	/* of which for the consumers */

/* How consumer threads are told to end (engine->wstop). */
#define ENGINE_DRAIN		1	/* walk what is handed over, exit */
#define ENGINE_QUIT		2	/* exit now */

/* A consumer thread of one queue (--threads). */
struct engine_worker {
	struct engine	*e;
	unsigned	 q;
	int		 wakefd;
	pthread_t	 thread;
	unsigned long	 synced;	/* the last engine->wsync it met */
};

enum engine_req_type {
	REQ_NONE,
	REQ_ROTATE,
	REQ_FILTER,
	REQ_WRITE,
	REQ_SNAPLEN
};

/* A filter compiled off the engine thread (engine_filter_new). */
struct engine_filter {
	char			*expr;		/* NULL: every packet */
	unsigned		 snaplen;	/* compiled for */
	unsigned		 nifs;
	struct bpf_program	 prog[CAP_MAXIF];	/* one per interface */
};

/* The mailbox: one request in flight, answered through done/rc/errbuf. */
struct engine_req {
	enum engine_req_type	 type;
	char			*text;
	struct engine_filter	*filt;		/* REQ_FILTER */
	unsigned		 num;
	int			 done;
	int			 rc;
	struct timespec		 since;
	char			 errbuf[ZB_ERRBUFSZ];
};

struct engine {
	struct engine_conf	 conf;
	struct cap		 cap;
	struct stats		*stats;
	struct recent		*recent;
	struct pcapw		*w;
	FILE			*seqlog;
	int			 wakefd;
	pthread_t		 thread;
	int			 started;
	unsigned		 nq;		/* consumer queues */
	struct engine_worker	*workers;	/* when nq > 1 */
	unsigned		 nworkers;	/* started */
	pthread_mutex_t		 wlock;		/* -w, when nq > 1 */
	_Atomic uint64_t	 claimed;	/* packets counted for -c */
	_Atomic uint64_t	 frames;	/* frame numbers given */
	_Atomic uint64_t	 worksum;	/* --bench-work's result */

	pthread_mutex_t		 lock;		/* mailbox, flags below */
	pthread_cond_t		 cond;
	pthread_mutex_t		 reqlock;	/* one requester at a time */
	pthread_mutex_t		 snaplock;	/* one tick snapshot asked */
	struct engine_req	*req;
	int			 stop;
	int			 woken;		/* wakefd was written */
	int			 park;		/* consumers: hold still */
	unsigned		 parked;
	unsigned		 wlive;		/* consumer threads running */
	int			 wstop;		/* ENGINE_DRAIN, ENGINE_QUIT */
	int			 wdone;		/* a consumer hit -c or failed */
	int			 finished;
	int			 paused;
	/* engine_tick(): tickets asked for, and the last one served. */
	unsigned long		 tick_asked;
	unsigned long		 tick_done;
	/*
	 * --threads: the ticket consumers are asked to meet (walk what is
	 * handed over, then say so), and how many have met it.
	 */
	unsigned long		 wsync;
	unsigned		 wsynced;
	int			 whold;		/* met: wait until the tick ends */
	/* engine_snapshot_tick(): where, for which ticket, and if taken. */
	struct stats_snap	*tsnap;
	unsigned long		 tsnap_ticket;
	int			 tsnap_taken;
	unsigned		 rotate_ms;
	double			 speed;		/* file replay, x recorded */
	_Atomic unsigned	 run;		/* file read again: a new run */
	char			 error[ZB_ERRBUFSZ];
	char			 event[ZB_ERRBUFSZ];
	unsigned		 eventno;
	int			 eventerr;	/* the last event is a fault */

	/*
	 * Engine thread only; consumers read prog, epoch and w, which only
	 * change while they are parked.
	 */
	struct bpf_program	 prog[CAP_MAXIF];	/* one per interface */
	struct filter_live	*fl[CAP_MAXIF];	/* compile live filters */
	char			*expr;
	unsigned		 epoch;
	struct timespec		 next_tick, next_sample, next_rotate;
	struct cap_bufstate	 bufs[CAP_MAXBUFS];
};


/*
 * The files, top to bottom; each calls only the ones below it.
 * engine.c (lifecycle, control loop) -> engine-tick.c, engine-req.c ->
 * engine-lane.c -> engine-walk.c -> engine-mbox.c.
 */

/* engine-tick.c: the clock, counters and rates each tick, timers */
int	engine_timeout(struct engine *);
void	engine_periodic(struct engine *, int);

/* engine-req.c: what requests do */
void	engine_serve(struct engine *);
int	engine_set_filter(struct engine *, const char *, unsigned, char *);
int	engine_resnap(struct engine *, const char *,
	    const struct bpf_program *, unsigned, unsigned, char *);
int	engine_open_write(struct engine *, const char *,
	    const struct pcapw_conf *, struct pcapw **, char *);

/* engine-lane.c: the lanes, --threads consumers and parking */
int	engine_workers_start(struct engine *, char *);
void	engine_workers_stop(struct engine *, int);
void	engine_park(struct engine *);
void	engine_lanes_sync(struct engine *, unsigned long);
void	engine_lanes_release(struct engine *);
int	engine_rotate_now(struct engine *, char *);
void	engine_unpark(struct engine *);

/* engine-walk.c: the packet path */
int	engine_block(struct engine *, struct cap_block *);
int	engine_walk_drain(struct engine *, unsigned);

/* engine-mbox.c: the mailbox, wake-ups, events, time */
int	engine_post(struct engine *, enum engine_req_type, const char *,
	    unsigned, char *);
int	engine_send(struct engine *, struct engine_req *, char *);
struct engine_req *engine_take(struct engine *);
void	engine_answer(struct engine *, struct engine_req *, int);
void	engine_wake(struct engine *);
void	engine_event(struct engine *, const char *, int);
void	engine_after(struct timespec *, const struct timespec *, unsigned);
int	engine_due(const struct timespec *, const struct timespec *);

#endif /* ZBTOP_ENGINE_INT_H */
