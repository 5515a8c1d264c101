/*
 * The engine's mailbox: post and serve, nothing else.  Any thread may
 * post a request (engine_post); it waits in one slot until the capture
 * thread takes it between two buffers (engine_take) and answers it
 * (engine_answer).  What a request does is engine-req.c's.  A backend
 * that is still draining a previous hand-over answers CAP_AGAIN and the
 * request stays in the slot, retried for at most ENGINE_AGAIN_MS.  Also
 * here, as the bottom of the engine's files: waking the engine thread,
 * the one-line events for the front end, and the timespec arithmetic.
 * Calls no other engine file.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "engine.h"
#include "xmalloc.h"
#include "engine-int.h"

void
engine_after(struct timespec *t, const struct timespec *from, unsigned ms)
{
	t->tv_sec = from->tv_sec + ms / 1000;
	t->tv_nsec = from->tv_nsec + (long)(ms % 1000) * 1000000;
	if (t->tv_nsec >= 1000000000) {
		t->tv_sec++;
		t->tv_nsec -= 1000000000;
	}
}

int
engine_due(const struct timespec *when, const struct timespec *now)
{
	return now->tv_sec > when->tv_sec || (now->tv_sec == when->tv_sec &&
	    now->tv_nsec >= when->tv_nsec);
}

/* Wake the engine thread; "woken" tells it to read the eventfd. */
void
engine_wake(struct engine *e)
{
	uint64_t	one = 1;

	pthread_mutex_lock(&e->lock);
	e->woken = 1;
	if (write(e->wakefd, &one, sizeof one) == -1 && errno != EAGAIN)
		e->woken = 0;
	pthread_mutex_unlock(&e->lock);
}

void
engine_event(struct engine *e, const char *text, int fault)
{
	pthread_mutex_lock(&e->lock);
	snprintf(e->event, sizeof e->event, "%s", text);
	e->eventno++;
	e->eventerr = fault;
	pthread_mutex_unlock(&e->lock);
}

int
engine_event_get(struct engine *e, unsigned *seen, char *buf)
{
	int	new;

	pthread_mutex_lock(&e->lock);
	new = e->eventno != *seen ? 1 + e->eventerr : 0;
	if (new) {
		snprintf(buf, ZB_ERRBUFSZ, "%s", e->event);
		*seen = e->eventno;
	}
	pthread_mutex_unlock(&e->lock);
	return new;
}

/*
 * Post a request and wait for its answer: 0, or -1 with errbuf set.
 * One requester at a time (reqlock); "capture has ended" once it has.
 */
int
engine_post(struct engine *e, enum engine_req_type type, const char *text,
    unsigned num, char *errbuf)
{
	struct engine_req	req;
	int			rc;

	memset(&req, 0, sizeof req);
	req.type = type;
	req.text = text != NULL ? xstrdup(text) : NULL;
	req.num = num;
	rc = engine_send(e, &req, errbuf);
	free(req.text);
	return rc;
}

/* As engine_post, for a request the caller has filled in. */
int
engine_send(struct engine *e, struct engine_req *req, char *errbuf)
{
	clock_gettime(CLOCK_MONOTONIC, &req->since);
	pthread_mutex_lock(&e->reqlock);
	pthread_mutex_lock(&e->lock);
	if (e->finished || !e->started) {
		snprintf(req->errbuf, sizeof req->errbuf, "capture has ended");
		req->rc = -1;
	} else {
		e->req = req;
		pthread_mutex_unlock(&e->lock);
		engine_wake(e);
		pthread_mutex_lock(&e->lock);
		while (!req->done)
			pthread_cond_wait(&e->cond, &e->lock);
		e->req = NULL;
	}
	pthread_mutex_unlock(&e->lock);
	pthread_mutex_unlock(&e->reqlock);
	if (req->rc == -1)
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", req->errbuf);
	return req->rc;
}

/*
 * The request waiting in the slot, or NULL; clears the wake-up first.
 * Engine thread only.
 */
struct engine_req *
engine_take(struct engine *e)
{
	struct engine_req	*req;
	uint64_t		 v;
	int			 woken;

	pthread_mutex_lock(&e->lock);
	woken = e->woken;
	e->woken = 0;
	req = e->req != NULL && !e->req->done ? e->req : NULL;
	pthread_mutex_unlock(&e->lock);
	/* Only when written: not one failed read() per buffer. */
	if (woken && read(e->wakefd, &v, sizeof v) == -1 && errno != EAGAIN)
		return NULL;
	return req;
}

/*
 * Answer a taken request with rc.  CAP_AGAIN leaves it in the slot, to
 * be taken again, until ENGINE_AGAIN_MS after it was posted; then it
 * fails with "busy".
 */
void
engine_answer(struct engine *e, struct engine_req *req, int rc)
{
	struct timespec	now, limit;

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
