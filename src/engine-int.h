/*
 * What engine.c (the capture thread) and engine-req.c (the mailbox other
 * threads post requests into) share.  Private to those two files.
 */
#ifndef ZBTOP_ENGINE_INT_H
#define ZBTOP_ENGINE_INT_H

#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "engine.h"

struct pcapw;
struct recent;
struct stats;

#define ENGINE_TICK_MS		100	/* kernel counters, buffer states */
#define ENGINE_AGAIN_MS		2000	/* give up on a busy backend */

enum engine_req_type {
	REQ_NONE,
	REQ_ROTATE,
	REQ_FILTER,
	REQ_WRITE,
	REQ_SNAPLEN
};

/* The mailbox: one request in flight, answered through done/rc/errbuf. */
struct engine_req {
	enum engine_req_type	 type;
	char			*text;
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

	pthread_mutex_t		 lock;		/* mailbox, flags below */
	pthread_cond_t		 cond;
	pthread_mutex_t		 reqlock;	/* one requester at a time */
	struct engine_req	*req;
	int			 stop;
	int			 finished;
	int			 paused;
	unsigned		 rotate_ms;
	char			 error[ZB_ERRBUFSZ];
	char			 event[ZB_ERRBUFSZ];
	unsigned		 eventno;

	/* Engine thread only. */
	struct bpf_program	 prog;
	char			*expr;
	unsigned		 epoch;
	uint64_t		 total;
	struct timespec		 next_tick, next_sample, next_rotate;
	struct cap_bufstate	 bufs[CAP_MAXBUFS];
};


void	engine_serve(struct engine *);
int	engine_set_filter(struct engine *, const char *, unsigned, char *);
void	engine_event(struct engine *, const char *);
void	engine_wake(struct engine *);
void	engine_after(struct timespec *, const struct timespec *, unsigned);
int	engine_due(const struct timespec *, const struct timespec *);

#endif /* ZBTOP_ENGINE_INT_H */
