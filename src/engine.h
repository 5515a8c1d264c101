/*
 * The capture engine: one thread that owns the backend, walks every buffer
 * it hands over, counts, writes -w output, keeps recent packets and applies
 * commands (rotate, filter, write, snaplen) between buffers.  Other threads
 * talk to it only through the calls below, which post a request and wait
 * for its answer.  Knows nothing of the screen.
 */
#ifndef ZBTOP_ENGINE_H
#define ZBTOP_ENGINE_H

#include <stdint.h>

#include "cap.h"

struct pcapw_conf;
struct recent;
struct stats;
struct stats_snap;
struct stats_counts;
struct tbuf;

/* Called on a consumer thread for every packet accepted (print mode). */
typedef void engine_print_cb(void *, const struct cap_pkt *, int);

struct engine_conf {
	struct cap_conf	 cap;
	const char	*mode;		/* "zbuf", "copy", "file" */
	const char	*filter;	/* initial expression, NULL: all */
	const char	*wfile;		/* -w */
	const struct pcapw_conf *wconf;	/* -C, -G, -W, -U, -z; or NULL */
	uint64_t	 count;		/* -c, 0: no limit */
	int		 parse;		/* light parse: mix and talkers */
	size_t		 keep;		/* bytes of recent packets, 0: none */
	unsigned	 rotate_ms;	/* rotate every, 0: off */
	const char	*seqlog;	/* --seq-log */
	int		 work;		/* --bench-work: enum work_kind */
	engine_print_cb	*print;		/* print mode, or NULL */
	/*
	 * -r: called with the file, its link type and the snap length its
	 * header states as soon as it is open, before the filter is
	 * compiled or -w opened (print mode's tcpdump line); or NULL.
	 */
	void		(*opened)(const char *, int, int);
	void		*print_arg[CAP_MAXQ];	/* one per queue */
};

struct engine;
struct engine_filter;

struct engine	*engine_new(const struct engine_conf *, char *);
int		 engine_start(struct engine *, char *);
int		 engine_wait(struct engine *, int);
void		 engine_stop(struct engine *);
const char	*engine_error(struct engine *);
const char	*engine_note(struct engine *);
void		 engine_free(struct engine *);

/* Requests: any thread; applied on the engine thread between buffers. */
int		 engine_rotate(struct engine *, char *);
int		 engine_rotate_every(struct engine *, unsigned, char *);
int		 engine_filter(struct engine *, const char *, char *);
/*
 * engine_filter in two steps.  engine_filter_new compiles expr for every
 * interface on the calling thread, looking its host names up (DNS: it
 * may block for the resolver's timeout); NULL with errbuf if it does not
 * compile.  engine_filter_set swaps it in, as engine_filter, and takes
 * the programs on success; engine_filter_free frees what is left.
 */
struct engine_filter *engine_filter_new(struct engine *, const char *,
		    char *);
int		 engine_filter_set(struct engine *, struct engine_filter *,
		    char *);
void		 engine_filter_free(struct engine_filter *);
int		 engine_write(struct engine *, const char *, char *);
int		 engine_snaplen(struct engine *, unsigned, char *);
void		 engine_pause(struct engine *, int);
int		 engine_speed(struct engine *, double, char *);
double		 engine_speed_get(struct engine *);
void		 engine_clear(struct engine *);

/* Reading: any thread. */
int		 engine_check_filter(struct engine *, const char *, char *);
/* The capture filter's expression as given, NULL for none: free() it. */
char		*engine_filter_expr(struct engine *);
/*
 * The filter in force compiled again, as tcpdump -d shows it (one
 * program per interface), into tb; -1 with the reason there instead.
 * Looks its host names up (DNS: it may block for the resolver's timeout).
 */
int		 engine_bpf(struct engine *, struct tbuf *);
void		 engine_snapshot(struct engine *, struct stats_snap *);
/*
 * A snapshot taken at a tick asked for now rather than at the next
 * 100 ms one: on the engine's thread, while no buffer is being walked
 * (with --threads each consumer first walks what it was handed,
 * engine_lanes_sync), so packets, the kernel's counters, the buffers (the
 * block being filled too) and the rings are read at one moment.  Waits
 * at most ENGINE_REFRESH_MS (500 ms), then, or once the capture has
 * ended, an ordinary engine_snapshot().
 */
void		 engine_snapshot_tick(struct engine *, struct stats_snap *);
void		 engine_totals(struct engine *, struct stats_counts *);
struct recent	*engine_recent(struct engine *);
uint64_t	 engine_frames(struct engine *);
unsigned	 engine_run(struct engine *);
/*
 * The newest event since *seen, in buf (ZB_ERRBUFSZ): 0 none, 1 a notice
 * (a file's silent gap skipped), 2 a fault that leaves what was asked
 * for short (a -w write failed).
 */
int		 engine_event_get(struct engine *, unsigned *, char *);
/* Several -i: the link type of interface k (struct cap_pkt's iface). */
int		 engine_ifdlt(struct engine *, unsigned);
/* Every interface's link type into dlt (CAP_MAXIF); how many. */
unsigned	 engine_ifdlts(struct engine *, int *);
int		 engine_work(struct engine *, uint64_t *);

#endif /* ZBTOP_ENGINE_H */
