/*
 * What each request does, and the calls that make one.  The capture
 * thread serves the mailbox (engine-mbox.c) between two buffers, with
 * every --threads consumer parked between two (engine-lane.c), which is
 * what gives "rotate", "filter" and "write" an exact boundary in the
 * packet stream; engine_apply() is where each takes effect.  The other
 * calls here change what needs no boundary (the rotation timer, pause,
 * the replay speed) or only read (the filter check and image).  A new
 * filter is compiled on the caller's thread (engine_filter_new: its host
 * names are looked up there) and the request only swaps its programs in.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static int	engine_apply_write(struct engine *, const char *, char *);
static int	engine_swap_filter(struct engine *, const char *,
		    struct bpf_program *, char *);
static int	engine_compile(struct engine *, unsigned, const char *,
		    struct bpf_program *, char *);

/*
 * Between two buffers, on the engine thread: take the waiting request,
 * if any, and apply it with every consumer parked.
 */
void
engine_serve(struct engine *e)
{
	struct engine_req	*req;
	int			 rc;

	if ((req = engine_take(e)) == NULL)
		return;
	/* A rotation needs no parking: the backend publishes the flip. */
	if (req->type != REQ_ROTATE)
		engine_park(e);
	rc = engine_apply(e, req);
	if (req->type != REQ_ROTATE)
		engine_unpark(e);
	engine_answer(e, req, rc);
}

static int
engine_apply(struct engine *e, struct engine_req *req)
{
	int	rc;

	switch (req->type) {
	case REQ_ROTATE:
		if (e->cap.ops->rotate == NULL) {
			snprintf(req->errbuf, ZB_ERRBUFSZ, CAP_NOROTATE,
			    e->cap.ops->name);
			return -1;
		}
		return engine_rotate_now(e, req->errbuf);
	case REQ_FILTER:
		rc = engine_resnap(e, req->filt->expr, req->filt->prog,
		    req->filt->snaplen, e->cap.snaplen, req->errbuf);
		if (rc == 0) {
			e->epoch++;
			stats_epoch(e->stats, req->filt->expr);
		}
		return rc;
	case REQ_SNAPLEN:
		/*
		 * A -w file's header states its snap length, and libpcap
		 * cuts a longer record to it when reading the file back.
		 */
		if (e->w != NULL && req->num > pcapw_snaplen(e->w)) {
			snprintf(req->errbuf, ZB_ERRBUFSZ, "snaplen %u: the -w "
			    "file says %u, and readers would cut packets to it "
			    "(write stop, or write a new file, first)",
			    req->num, pcapw_snaplen(e->w));
			return -1;
		}
		rc = engine_resnap(e, e->expr, e->prog, e->cap.snaplen,
		    req->num, req->errbuf);
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

/*
 * Swap in programs compiled for snap length "from" (the request's, the
 * ones in force, or a reread file's) with "to" put in their returns: a
 * snap length changed meanwhile, or by the snaplen command, never
 * compiles again here, where every consumer waits parked and a host name
 * in the filter would be looked up (DNS) meanwhile.  The programs stay
 * the caller's.
 */
int
engine_resnap(struct engine *e, const char *expr,
    const struct bpf_program *from_prog, unsigned from, unsigned to,
    char *errbuf)
{
	struct bpf_program	prog[CAP_MAXIF];
	unsigned		k;
	int			rc;

	/*
	 * engine_new() and engine_filter_new() compile one for each
	 * interface (a reread file has as many): never empty.
	 */
	for (k = 0; k < e->cap.nifs; k++)
		filter_resnap(&from_prog[k], from, to, &prog[k]);
	if ((rc = engine_swap_filter(e, expr, prog, errbuf)) != 0)
		for (k = 0; k < e->cap.nifs; k++)
			filter_free(&prog[k]);
	return rc;
}

static int
engine_apply_write(struct engine *e, const char *path, char *errbuf)
{
	struct pcapw	*w = NULL;
	int		 rc = 0;

	if (path == NULL && e->w == NULL)
		return 1;		/* stop, but nothing is written */
	if (path != NULL && engine_open_write(e, path, NULL, &w, errbuf) == -1)
		return -1;
	if (e->w != NULL)
		rc = pcapw_close(e->w, errbuf);
	e->w = w;
	return rc;
}

/*
 * Compile as tcpdump would on this source (a live capture: as libpcap
 * does for its kernel, VLAN tags in metadata), once per interface for
 * its link type, and hand the programs to the backend; keep the old ones
 * if either step fails.
 */
int
engine_set_filter(struct engine *e, const char *expr, unsigned snaplen,
    char *errbuf)
{
	struct bpf_program	prog[CAP_MAXIF];
	unsigned		k;
	int			rc;

	if (engine_compile(e, snaplen, expr, prog, errbuf) == -1)
		return -1;
	if ((rc = engine_swap_filter(e, expr, prog, errbuf)) != 0)
		for (k = 0; k < e->cap.nifs; k++)
			filter_free(&prog[k]);
	return rc;
}

/*
 * Hand compiled programs (one per interface) to the backend.  On success
 * they are the engine's (prog[] is left empty) and expr is the filter in
 * force; on failure, CAP_AGAIN included, they stay the caller's.
 */
static int
engine_swap_filter(struct engine *e, const char *expr,
    struct bpf_program *prog, char *errbuf)
{
	unsigned	k;
	int		rc;

	if ((rc = e->cap.ops->setfilter(&e->cap, prog, errbuf)) != 0)
		return rc;
	for (k = 0; k < e->cap.nifs; k++) {
		if (e->prog[k].bf_insns != NULL)
			filter_free(&e->prog[k]);
		e->prog[k] = prog[k];
		memset(&prog[k], 0, sizeof prog[k]);
	}
	if (expr != e->expr) {
		pthread_mutex_lock(&e->lock);
		free(e->expr);
		e->expr = expr != NULL && *expr != '\0' ? xstrdup(expr) : NULL;
		pthread_mutex_unlock(&e->lock);
	}
	return 0;
}

/*
 * A filter compiled now, on the calling thread, for the engine to swap
 * in: host names in it are looked up here (DNS), never on the engine
 * thread, where every consumer waits parked while a request is applied.
 */
struct engine_filter *
engine_filter_new(struct engine *e, const char *expr, char *errbuf)
{
	struct engine_filter	*ef;

	ef = xcalloc(1, sizeof *ef);
	ef->snaplen = e->cap.snaplen;
	ef->nifs = e->cap.nifs;
	if (engine_compile(e, ef->snaplen, expr, ef->prog, errbuf) == -1) {
		free(ef);
		return NULL;
	}
	ef->expr = expr != NULL && *expr != '\0' ? xstrdup(expr) : NULL;
	return ef;
}

void
engine_filter_free(struct engine_filter *ef)
{
	unsigned	k;

	if (ef == NULL)
		return;
	for (k = 0; k < ef->nifs; k++)
		if (ef->prog[k].bf_insns != NULL)
			filter_free(&ef->prog[k]);
	free(ef->expr);
	free(ef);
}

/*
 * One filter, one meaning: the programs the kernel runs are the ones
 * shown.  prog gets cap.nifs of them; on failure none is left and the
 * reason names the interface when there are several.
 */
static int
engine_compile(struct engine *e, unsigned snaplen, const char *expr,
    struct bpf_program *prog, char *errbuf)
{
	char		ebuf[ZB_ERRBUFSZ];
	unsigned	k;
	int		rc;

	for (k = 0; k < e->cap.nifs; k++) {
		if (e->fl[k] != NULL)
			rc = filter_live_compile(e->fl[k], snaplen, expr,
			    &prog[k], ebuf);
		else
			rc = filter_compile(e->cap.ifdlt[k], snaplen, expr,
			    &prog[k], ebuf);
		if (rc == -1) {
			if (e->cap.nifs > 1)
				snprintf(errbuf, ZB_ERRBUFSZ, "%s (on %s)",
				    ebuf, e->cap.ifname[k]);
			else
				snprintf(errbuf, ZB_ERRBUFSZ, "%s", ebuf);
			while (k-- > 0)
				filter_free(&prog[k]);
			return -1;
		}
	}
	return 0;
}

/* The -w output: pcap for one interface, pcapng for several. */
int
engine_open_write(struct engine *e, const char *path,
    const struct pcapw_conf *conf, struct pcapw **w, char *errbuf)
{
	if (e->cap.nifs > 1)
		*w = pcapw_open_ng(path, e->cap.nifs, e->cap.ifdlt,
		    e->cap.ifname, e->cap.snaplen, conf, errbuf);
	else
		*w = pcapw_open(path, e->cap.dlt, e->cap.snaplen, conf,
		    errbuf);
	return *w == NULL ? -1 : 0;
}

int
engine_rotate(struct engine *e, char *errbuf)
{
	return engine_post(e, REQ_ROTATE, NULL, 0, errbuf);
}

/*
 * Write to path from now on, or stop writing (path NULL).  Returns 0, 1
 * when asked to stop with nothing being written, -1 with errbuf.
 */
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
		snprintf(errbuf, ZB_ERRBUFSZ, CAP_NOROTATE, e->cap.ops->name);
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
	struct bpf_program	prog[CAP_MAXIF];
	unsigned		k;

	if (engine_compile(e, e->cap.snaplen, expr, prog, errbuf) == -1)
		return -1;
	for (k = 0; k < e->cap.nifs; k++)
		filter_free(&prog[k]);
	return 0;
}

char *
engine_filter_expr(struct engine *e)
{
	char	*expr;

	pthread_mutex_lock(&e->lock);
	expr = e->expr != NULL ? xstrdup(e->expr) : NULL;
	pthread_mutex_unlock(&e->lock);
	return expr;
}

int
engine_bpf(struct engine *e, struct tbuf *tb)
{
	struct bpf_program	 prog[CAP_MAXIF];
	char			*expr, errbuf[ZB_ERRBUFSZ];
	unsigned		 k;
	int			 rc;

	expr = engine_filter_expr(e);
	rc = engine_compile(e, e->cap.snaplen, expr, prog, errbuf);
	free(expr);
	if (rc == -1) {
		tbuf_puts(tb, errbuf);
		return -1;
	}
	for (k = 0; k < e->cap.nifs; k++) {
		/* Several -i: each interface's program under its name. */
		if (e->cap.nifs > 1)
			tbuf_printf(tb, "%s:\n", e->cap.ifname[k]);
		filter_image(&prog[k], tb);
		filter_free(&prog[k]);
	}
	return 0;
}
