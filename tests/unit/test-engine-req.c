/*
 * The engine's mailbox and parking (src/engine-mbox.c, src/engine-req.c, src/engine-lane.c)
 * without root: an engine put together by hand around a stand-in backend,
 * two consumer threads (--threads 2) walking it, and a thread serving the
 * mailbox as the engine thread does.  Checks that a filter reaches the
 * backend only while every consumer is parked between two buffers and
 * that they walk again afterwards; that a rotation is not parked; that a
 * bad expression or a refusing backend comes back as the poster's error
 * and keeps the old filter; that CAP_AGAIN is retried until it passes
 * or ENGINE_AGAIN_MS runs out; that requests from several threads at
 * once are each answered once; that "write" opens and closes the file;
 * that the command layer compiles a filter with a host name on a job's
 * thread (cmd_start), refuses a second one meanwhile, applies it when
 * polled and drops it when given up, and runs a filter without names at
 * once; and that a request after the end is refused.
 */
#include <sys/eventfd.h>

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "cmd.h"
#include "engine.h"
#include "engine-int.h"
#include "stats.h"

#include "unit.h"

#define NQ		2
#define POSTERS		4
#define PER_POSTER	25

static struct engine	*e;
static atomic_int	 inside;	/* consumers inside next() */
static atomic_int	 nexts[NQ];
static atomic_int	 filters, unparked, rotations, parked_rot;
static atomic_int	 again;		/* setfilter: CAP_AGAIN this often */
static atomic_int	 refuse;	/* setfilter: fail */
static atomic_int	 serving;

/* A consumer "walks" for up to the timeout, woken by its eventfd. */
static int
fake_next(struct cap *cap, unsigned q, struct cap_block *blk, int timeout,
    char *errbuf)
{
	struct pollfd	pfd;

	atomic_fetch_add(&inside, 1);
	atomic_fetch_add(&nexts[q], 1);
	pfd.fd = e->workers[q].wakefd;
	pfd.events = POLLIN;
	(void)poll(&pfd, 1, timeout < 5 ? timeout : 5);
	atomic_fetch_sub(&inside, 1);
	return 0;
}

static int
fake_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *pkt)
{
	return 0;
}

static void
fake_release(struct cap *cap, struct cap_block *blk)
{
}

/* Not parked: rotations run while the consumers walk. */
static int
fake_rotate(struct cap *cap, char *errbuf)
{
	pthread_mutex_lock(&e->lock);
	if (e->park)
		atomic_fetch_add(&parked_rot, 1);
	pthread_mutex_unlock(&e->lock);
	atomic_fetch_add(&rotations, 1);
	return 0;
}

/* Only while every consumer is parked and none is inside next(). */
static int
fake_setfilter(struct cap *cap, struct bpf_program *prog, char *errbuf)
{
	int	n, ok;

	pthread_mutex_lock(&e->lock);
	ok = e->park && e->parked == e->wlive && e->wlive == NQ;
	pthread_mutex_unlock(&e->lock);
	if (!ok || atomic_load(&inside) != 0)
		atomic_fetch_add(&unparked, 1);
	n = atomic_fetch_add(&filters, 1);
	if (atomic_load(&refuse)) {
		snprintf(errbuf, ZB_ERRBUFSZ, "stand-in refuses");
		return -1;
	}
	if (atomic_load(&again) < 0 ||
	    n % (atomic_load(&again) + 1) != atomic_load(&again))
		return CAP_AGAIN;
	return 0;
}

static const struct cap_ops fake_ops = {
	.name = "stand-in",
	.next = fake_next,
	.pkt = fake_pkt,
	.release = fake_release,
	.rotate = fake_rotate,
	.setfilter = fake_setfilter,
};

/* The engine thread's share: serve the mailbox, sleep on the eventfd. */
static void *
server(void *arg)
{
	struct pollfd	pfd;

	while (atomic_load(&serving)) {
		engine_serve(e);
		pfd.fd = e->wakefd;
		pfd.events = POLLIN;
		(void)poll(&pfd, 1, 10);
	}
	return NULL;
}

static void *
poster(void *arg)
{
	char	errbuf[ZB_ERRBUFSZ];
	int	i, *bad = arg;

	for (i = 0; i < PER_POSTER; i++)
		if (engine_filter(e, i % 2 ? "udp" : "tcp", errbuf) != 0)
			(*bad)++;
	return NULL;
}

static void
build(void)
{
	unsigned	q;
	char		errbuf[ZB_ERRBUFSZ];

	if ((e = calloc(1, sizeof *e)) == NULL)
		abort();
	pthread_mutex_init(&e->lock, NULL);
	pthread_mutex_init(&e->reqlock, NULL);
	pthread_mutex_init(&e->wlock, NULL);
	pthread_cond_init(&e->cond, NULL);
	e->wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	e->cap.ops = &fake_ops;
	e->cap.dlt = DLT_EN10MB;
	/* One interface, as cap_open() leaves a single-interface handle. */
	e->cap.nifs = 1;
	e->cap.ifdlt[0] = DLT_EN10MB;
	e->cap.snaplen = 262144;
	e->cap.nbufs = 4;
	e->nq = NQ;
	e->stats = stats_new(NQ);
	e->workers = calloc(NQ, sizeof *e->workers);
	for (q = 0; q < NQ; q++) {
		e->workers[q].e = e;
		e->workers[q].q = q;
		e->workers[q].wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	}
	CHECK(e->wakefd != -1 && e->workers[NQ - 1].wakefd != -1);
	CHECK(engine_workers_start(e, errbuf) == 0);
	e->started = 1;
}

/* The consumers end first; there is no engine thread to join. */
static void
teardown(void)
{
	engine_workers_stop(e, ENGINE_DRAIN);
	e->started = 0;
	engine_free(e);
}

/* Both consumers call next() again within a second. */
static int
walking(void)
{
	struct timespec	ms10 = { 0, 10000000 };
	int		before[NQ], i, q, moved;

	for (q = 0; q < NQ; q++)
		before[q] = atomic_load(&nexts[q]);
	for (i = 0; i < 100; i++) {
		nanosleep(&ms10, NULL);
		for (moved = 0, q = 0; q < NQ; q++)
			moved += atomic_load(&nexts[q]) > before[q] + 1;
		if (moved == NQ)
			return 1;
	}
	return 0;
}

static void
said(void *arg, const char *line)
{
}

/* A filter through the command table, its compile on a job's thread. */
static void
jobs(void)
{
	struct timespec	 ms10 = { 0, 10000000 };
	struct cmd_ctx	 ctx;
	struct cmd_job	*job = NULL;
	enum cmd_ret	 r = CMD_ERROR;
	int		 i, n;

	memset(&ctx, 0, sizeof ctx);
	ctx.eng = e;
	ctx.out = ctx.error = said;
	/* localhost is in every /etc/hosts: no DNS is asked. */
	CHECK(cmd_start(&ctx, "filter", "host localhost", &job) == CMD_OK);
	CHECK(job != NULL);
	CHECK(cmd_start(&ctx, "filter", "tcp", &job) == CMD_ERROR);
	for (i = 0; job != NULL && i < 500 && !cmd_job_poll(job, &r); i++)
		nanosleep(&ms10, NULL);
	CHECK(i < 500 && r == CMD_OK);
	CHECK(e->expr != NULL && strcmp(e->expr, "host localhost") == 0);
	/* Given up: its result is dropped once its thread is done. */
	job = NULL;
	n = atomic_load(&filters);
	CHECK(cmd_start(&ctx, "filter", "udp and host localhost", &job) ==
	    CMD_OK && job != NULL);
	if (job != NULL)
		cmd_job_cancel(job);
	for (i = 0; cmd_jobs_running() > 0 && i < 500; i++)
		nanosleep(&ms10, NULL);
	CHECK(i < 500 && atomic_load(&filters) == n);
	CHECK(strcmp(e->expr, "host localhost") == 0);
	/* No name: at once, no job. */
	job = NULL;
	CHECK(cmd_start(&ctx, "filter", "udp", &job) == CMD_OK && job == NULL);
	CHECK(strcmp(e->expr, "udp") == 0);
}

static double
since(const struct timespec *t0)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) +
	    (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

int
main(void)
{
	pthread_t	 srv, pt[POSTERS];
	char		 errbuf[ZB_ERRBUFSZ], path[] = "/tmp/zbtop-req-XXXXXX";
	struct timespec	 t0;
	FILE		*f;
	long		 size;
	int		 i, fd, bad[POSTERS];

	build();
	atomic_store(&serving, 1);
	CHECK(pthread_create(&srv, NULL, server, NULL) == 0);
	CHECK(walking());

	/* A filter: applied while both consumers are parked, then on. */
	CHECK(engine_filter(e, "udp", errbuf) == 0);
	CHECK(atomic_load(&filters) == 1 && atomic_load(&unparked) == 0);
	CHECK(e->expr != NULL && strcmp(e->expr, "udp") == 0);
	CHECK(e->epoch == 1 && e->park == 0);
	CHECK(walking());

	/* A bad expression never reaches the backend. */
	errbuf[0] = '\0';
	CHECK(engine_filter(e, "tcp port", errbuf) == -1 && errbuf[0] != '\0');
	CHECK(atomic_load(&filters) == 1);

	/* The backend refuses: its words, the old filter stays. */
	atomic_store(&refuse, 1);
	CHECK(engine_filter(e, "tcp", errbuf) == -1);
	CHECK(strcmp(errbuf, "stand-in refuses") == 0);
	CHECK(strcmp(e->expr, "udp") == 0 && e->epoch == 1);
	atomic_store(&refuse, 0);
	CHECK(walking());

	/* CAP_AGAIN twice, then done: three tries, each one parked. */
	atomic_store(&filters, 0);
	atomic_store(&again, 2);
	CHECK(engine_filter(e, "tcp", errbuf) == 0);
	CHECK(atomic_load(&filters) == 3 && atomic_load(&unparked) == 0);
	CHECK(strcmp(e->expr, "tcp") == 0 && e->epoch == 2);

	/* CAP_AGAIN for ever: given up after ENGINE_AGAIN_MS. */
	atomic_store(&again, -1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(engine_filter(e, "udp", errbuf) == -1);
	CHECK(strstr(errbuf, "busy") != NULL);
	CHECK(since(&t0) >= ENGINE_AGAIN_MS / 1000.0 - 0.05);
	CHECK(strcmp(e->expr, "tcp") == 0);
	atomic_store(&again, 0);
	CHECK(walking());

	/* A rotation is not parked. */
	CHECK(engine_rotate(e, errbuf) == 0);
	CHECK(atomic_load(&rotations) == 1 && atomic_load(&parked_rot) == 0);

	/* Posters on several threads: each request answered once. */
	atomic_store(&filters, 0);
	for (i = 0; i < POSTERS; i++) {
		bad[i] = 0;
		CHECK(pthread_create(&pt[i], NULL, poster, &bad[i]) == 0);
	}
	for (i = 0; i < POSTERS; i++) {
		pthread_join(pt[i], NULL);
		CHECK(bad[i] == 0);
	}
	CHECK(atomic_load(&filters) == POSTERS * PER_POSTER);
	CHECK(atomic_load(&unparked) == 0);
	CHECK(walking());

	/* write FILE opens a pcap file at the boundary, write - closes it. */
	if ((fd = mkstemp(path)) != -1)
		close(fd);
	CHECK(engine_write(e, path, errbuf) == 0 && e->w != NULL);
	CHECK(engine_write(e, NULL, errbuf) == 0 && e->w == NULL);
	if ((f = fopen(path, "rb")) != NULL) {
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fclose(f);
		CHECK(size == 24);	/* the pcap file header only */
	} else
		CHECK(f != NULL);
	unlink(path);

	jobs();
	CHECK(walking());

	/* After the end, nothing is posted. */
	pthread_mutex_lock(&e->lock);
	e->finished = 1;
	pthread_mutex_unlock(&e->lock);
	CHECK(engine_filter(e, "udp", errbuf) == -1);
	CHECK(strcmp(errbuf, "capture has ended") == 0);

	atomic_store(&serving, 0);
	pthread_join(srv, NULL);
	teardown();
	CHECK_DONE();
}
