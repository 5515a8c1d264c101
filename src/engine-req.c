/*
 * The engine's mailbox.  Any thread may ask; the request waits in one slot
 * until the capture thread picks it up between two buffers (with
 * --threads, while every consumer is parked between two), which is what
 * gives "rotate", "filter" and "write" an exact boundary in the packet
 * stream.  A backend that is still draining a previous hand-over answers
 * CAP_AGAIN and the request is retried, for at most ENGINE_AGAIN_MS.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "engine.h"
#include "engine-int.h"
#include "filter.h"
#include "pcapw.h"
#include "recent.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"

static int	engine_apply(struct engine *, struct engine_req *);
static int	engine_reread(struct engine *, const char *, char *);
static int	engine_apply_write(struct engine *, const char *, char *);
static int	engine_compile(struct engine *, unsigned, const char *,
		    struct bpf_program *, char *);
static int	engine_post(struct engine *, enum engine_req_type, const char *,
		    unsigned, char *);

void
engine_event(struct engine *e, const char *text)
{
	pthread_mutex_lock(&e->lock);
	snprintf(e->event, sizeof e->event, "%s", text);
	e->eventno++;
	pthread_mutex_unlock(&e->lock);
}

int
engine_event_get(struct engine *e, unsigned *seen, char *buf)
{
	int	new;

	pthread_mutex_lock(&e->lock);
	new = e->eventno != *seen;
	if (new) {
		snprintf(buf, ZB_ERRBUFSZ, "%s", e->event);
		*seen = e->eventno;
	}
	pthread_mutex_unlock(&e->lock);
	return new;
}

void
engine_serve(struct engine *e)
{
	struct engine_req	*req;
	struct timespec		 now, limit;
	uint64_t		 v;
	int			 rc, woken;

	pthread_mutex_lock(&e->lock);
	woken = e->woken;
	e->woken = 0;
	req = e->req != NULL && !e->req->done ? e->req : NULL;
	pthread_mutex_unlock(&e->lock);
	/* Only when written: not one failed read() per buffer. */
	if (woken && read(e->wakefd, &v, sizeof v) == -1 && errno != EAGAIN)
		return;
	if (req == NULL)
		return;
	/* A rotation needs no parking: the backend publishes the flip. */
	if (req->type != REQ_ROTATE)
		engine_park(e);
	rc = engine_apply(e, req);
	if (req->type != REQ_ROTATE)
		engine_unpark(e);
	if (rc == CAP_AGAIN) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		engine_after(&limit, &req->since, ENGINE_AGAIN_MS);
		if (!engine_due(&limit, &now))
			return;
		snprintf(req->errbuf, sizeof req->errbuf, "capture is busy "
		    "handing over buffers; try again");
		rc = -1;
	}
	pthread_mutex_lock(&e->lock);
	req->rc = rc;
	req->done = 1;
	pthread_cond_broadcast(&e->cond);
	pthread_mutex_unlock(&e->lock);
}

static int
engine_apply(struct engine *e, struct engine_req *req)
{
	char	esc[STATS_TEXTSZ];
	int	rc;

	switch (req->type) {
	case REQ_ROTATE:
		if (e->cap.ops->rotate == NULL) {
			snprintf(req->errbuf, ZB_ERRBUFSZ, "cannot rotate: "
			    "the %s backend has no buffers", e->cap.ops->name);
			return -1;
		}
		return engine_rotate_now(e, req->errbuf);
	case REQ_FILTER:
		rc = engine_set_filter(e, req->text, e->cap.snaplen,
		    req->errbuf);
		if (rc == 0) {
			e->epoch++;
			esc_str(esc, sizeof esc, req->text, strlen(req->text));
			stats_epoch(e->stats, esc);
		}
		return rc;
	case REQ_SNAPLEN:
		rc = engine_set_filter(e, e->expr, req->num, req->errbuf);
		if (rc == 0) {
			e->cap.snaplen = req->num;
			stats_snaplen(e->stats, req->num);
		}
		return rc;
	case REQ_WRITE:
		return engine_apply_write(e, req->text, req->errbuf);
	case REQ_NONE:
		break;
	}
	return 0;
}

static int
engine_apply_write(struct engine *e, const char *path, char *errbuf)
{
	struct pcapw	*w = NULL;
	int		 rc = 0;

	if (path != NULL && (w = pcapw_open(path, e->cap.dlt, e->cap.snaplen,
	    NULL, errbuf)) == NULL)
		return -1;
	if (e->w != NULL)
		rc = pcapw_close(e->w, errbuf);
	e->w = w;
	return rc;
}

/*
 * Compile as tcpdump would on this source (a live capture: as libpcap
 * does for its kernel, VLAN tags in metadata) and hand the program to
 * the backend; keep the old one if either step fails.
 */
int
engine_set_filter(struct engine *e, const char *expr, unsigned snaplen,
    char *errbuf)
{
	struct bpf_program	prog;
	int			rc;

	if (engine_compile(e, snaplen, expr, &prog, errbuf) == -1)
		return -1;
	rc = e->cap.ops->setfilter(&e->cap, &prog, errbuf);
	if (rc != 0) {
		filter_free(&prog);
		return rc;
	}
	if (e->prog.bf_insns != NULL)
		filter_free(&e->prog);
	e->prog = prog;
	if (expr != e->expr) {
		pthread_mutex_lock(&e->lock);
		free(e->expr);
		e->expr = expr != NULL && *expr != '\0' ? xstrdup(expr) : NULL;
		pthread_mutex_unlock(&e->lock);
	}
	return 0;
}

/* One filter, one meaning: the program the kernel runs is the one shown. */
static int
engine_compile(struct engine *e, unsigned snaplen, const char *expr,
    struct bpf_program *prog, char *errbuf)
{
	if (e->fl != NULL)
		return filter_live_compile(e->fl, snaplen, expr, prog, errbuf);
	return filter_compile(e->cap.dlt, snaplen, expr, prog, errbuf);
}

static int
engine_post(struct engine *e, enum engine_req_type type, const char *text,
    unsigned num, char *errbuf)
{
	struct engine_req	req;

	memset(&req, 0, sizeof req);
	req.type = type;
	req.text = text != NULL ? xstrdup(text) : NULL;
	req.num = num;
	clock_gettime(CLOCK_MONOTONIC, &req.since);
	pthread_mutex_lock(&e->reqlock);
	pthread_mutex_lock(&e->lock);
	if (e->finished || !e->started) {
		snprintf(req.errbuf, sizeof req.errbuf, "capture has ended");
		req.rc = -1;
	} else {
		e->req = &req;
		pthread_mutex_unlock(&e->lock);
		engine_wake(e);
		pthread_mutex_lock(&e->lock);
		while (!req.done)
			pthread_cond_wait(&e->cond, &e->lock);
		e->req = NULL;
	}
	pthread_mutex_unlock(&e->lock);
	pthread_mutex_unlock(&e->reqlock);
	free(req.text);
	if (req.rc == -1)
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", req.errbuf);
	return req.rc;
}

int
engine_rotate(struct engine *e, char *errbuf)
{
	return engine_post(e, REQ_ROTATE, NULL, 0, errbuf);
}

/*
 * A new capture filter.  After the end of a replayed file it reads the
 * file again from the start with that filter, frames numbered from 1.
 */
int
engine_filter(struct engine *e, const char *expr, char *errbuf)
{
	int	 ended;

	pthread_mutex_lock(&e->lock);
	ended = e->finished && e->started && e->error[0] == '\0';
	pthread_mutex_unlock(&e->lock);
	if (ended && strcmp(e->cap.ops->name, "file") == 0)
		return engine_reread(e, expr, errbuf);
	return engine_post(e, REQ_FILTER, expr, 0, errbuf);
}

/*
 * The engine thread has ended at the end of the file: open the file
 * again (by name: if the user zbtop runs as may not read it, this says
 * so and nothing else changes), restart the counters, the frame numbers
 * and the kept packets, attach the filter and start again.  The -w file
 * was closed at the end and stays closed.
 */
static int
engine_reread(struct engine *e, const char *expr, char *errbuf)
{
	struct bpf_program	 prog;
	struct cap_conf		 cc = e->conf.cap;
	struct cap		 old = e->cap;
	char			 esc[STATS_TEXTSZ];

	if (filter_compile(e->cap.dlt, e->cap.snaplen, expr, &prog,
	    errbuf) == -1)
		return -1;
	filter_free(&prog);
	cc.wakefd[0] = e->wakefd;
	cc.speed = e->speed;
	pthread_join(e->thread, NULL);
	e->started = 0;
	if (cap_open(&e->cap, e->cap.ops, &cc, errbuf) == -1) {
		e->cap = old;		/* joined: engine_stop joins no more */
		return -1;
	}
	cap_close(&old);
	stats_clear(e->stats);
	atomic_store(&e->frames, 0);
	atomic_store(&e->claimed, 0);
	atomic_fetch_add(&e->run, 1);
	if (e->recent != NULL)
		recent_clear(e->recent);
	if (engine_set_filter(e, expr, e->cap.snaplen, errbuf) != 0)
		return -1;
	e->epoch++;
	esc_str(esc, sizeof esc, expr, strlen(expr));
	stats_epoch(e->stats, esc);
	pthread_mutex_lock(&e->lock);
	e->finished = 0;
	pthread_mutex_unlock(&e->lock);
	return engine_start(e, errbuf);
}

int
engine_write(struct engine *e, const char *path, char *errbuf)
{
	return engine_post(e, REQ_WRITE, path, 0, errbuf);
}

int
engine_snaplen(struct engine *e, unsigned snaplen, char *errbuf)
{
	if (snaplen == 0 || snaplen > 262144) {
		snprintf(errbuf, ZB_ERRBUFSZ, "snaplen must be 1 to 262144");
		return -1;
	}
	return engine_post(e, REQ_SNAPLEN, NULL, snaplen, errbuf);
}

int
engine_rotate_every(struct engine *e, unsigned ms, char *errbuf)
{
	if (ms != 0 && e->cap.ops->rotate == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot rotate: the %s backend "
		    "has no buffers", e->cap.ops->name);
		return -1;
	}
	pthread_mutex_lock(&e->lock);
	e->rotate_ms = ms;
	pthread_mutex_unlock(&e->lock);
	engine_wake(e);
	return 0;
}

void
engine_pause(struct engine *e, int on)
{
	pthread_mutex_lock(&e->lock);
	e->paused = on;
	pthread_mutex_unlock(&e->lock);
}

/*
 * A file's replay speed, x times recorded (0: as fast as possible).  The
 * backend's slot locks its own state, so no request is needed.
 */
int
engine_speed(struct engine *e, double speed, char *errbuf)
{
	if (e->cap.ops->speed == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "speed: only a replayed file "
		    "has one");
		return -1;
	}
	if (e->cap.ops->speed(&e->cap, speed, errbuf) == -1)
		return -1;
	pthread_mutex_lock(&e->lock);
	e->speed = speed;
	pthread_mutex_unlock(&e->lock);
	return 0;
}

/* The replay speed, or -1 for live capture. */
double
engine_speed_get(struct engine *e)
{
	double	 s;

	if (e->cap.ops->speed == NULL)
		return -1;
	pthread_mutex_lock(&e->lock);
	s = e->speed;
	pthread_mutex_unlock(&e->lock);
	return s;
}

void
engine_clear(struct engine *e)
{
	stats_clear(e->stats);
	if (e->recent != NULL)
		recent_clear(e->recent);
}

int
engine_check_filter(struct engine *e, const char *expr, char *errbuf)
{
	struct bpf_program	prog;

	if (engine_compile(e, e->cap.snaplen, expr, &prog, errbuf) == -1)
		return -1;
	filter_free(&prog);
	return 0;
}

int
engine_bpf(struct engine *e, struct tbuf *tb)
{
	struct bpf_program	 prog;
	char			*expr, errbuf[ZB_ERRBUFSZ];
	int			 rc;

	pthread_mutex_lock(&e->lock);
	expr = e->expr != NULL ? xstrdup(e->expr) : NULL;
	pthread_mutex_unlock(&e->lock);
	rc = engine_compile(e, e->cap.snaplen, expr, &prog, errbuf);
	free(expr);
	if (rc == -1) {
		tbuf_puts(tb, errbuf);
		return -1;
	}
	filter_image(&prog, tb);
	filter_free(&prog);
	return 0;
}
