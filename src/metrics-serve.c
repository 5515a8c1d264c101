/*
 * Serves metrics.c's text over HTTP with libmicrohttpd's own polling
 * thread, and rewrites it into a file every refresh for node_exporter's
 * textfile collector.  The only file that sees <microhttpd.h>.  It never
 * holds a lock the engine waits for while a client is slow: the text is
 * rendered from a snapshot into a cache at most METRICS_TTL_MS old (so
 * any number of clients costs at most a few snapshots a second), and
 * each response owns a copy of it.  Slow or hostile clients are bounded
 * by libmicrohttpd's limits on connections, connections per address,
 * memory per connection (which caps a request's headers) and idle time.
 * The file is written from the front end's own snapshot, handed over at
 * each refresh (metrics_serve_snap), so it holds the numbers the screen or
 * the batch snapshot shows at that moment, and follows "delay"; print
 * mode, with no refresh, has it written every --delay seconds.
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <netdb.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "engine.h"
#include "metrics-serve.h"
#include "metrics.h"
#include "stats.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

#define METRICS_TTL_MS		200	/* cached text is this fresh */
#define METRICS_CONNS		32	/* connections at once */
#define METRICS_PER_IP		8	/* of them from one address */
#define METRICS_TIMEOUT		10	/* seconds a connection may idle */
#define METRICS_MEMORY		(16 * 1024)	/* per connection: headers */
#define METRICS_BACKLOG		16

struct metrics_serve {
	struct engine		*eng;
	struct MHD_Daemon	*daemon;
	pthread_mutex_t		 lock;		/* the cache */
	struct stats_snap	*sn;
	struct tbuf		 text;
	struct timespec		 when;		/* text rendered at */
	int			 fresh;		/* text was rendered once */
	/* The textfile writer. */
	char			*path;
	double			 interval;
	pthread_t		 writer;
	int			 started;	/* writer thread running */
	pthread_mutex_t		 wlock;		/* stop, werr, the next text */
	pthread_cond_t		 wcond;
	int			 stop;
	int			 driven;	/* a front end hands snapshots */
	struct tbuf		 next;		/* its latest, unwritten */
	int			 pending;	/* next waits to be written */
	char			 werr[ZB_ERRBUFSZ];	/* "": no failure */
};

static int	metrics_serve_split(const char *, char *, size_t, char *,
		    size_t);
static int	metrics_serve_listen(const char *, char *);
static char	*metrics_serve_copy(struct metrics_serve *, size_t *);
static enum MHD_Result metrics_serve_answer(void *, struct MHD_Connection *,
		    const char *, const char *, const char *, const char *,
		    size_t *, void **);
static enum MHD_Result metrics_serve_reply(struct MHD_Connection *,
		    unsigned, char *, size_t, enum MHD_ResponseMemoryMode);
static struct MHD_Daemon *metrics_serve_http(struct metrics_serve *, int);
static int	metrics_serve_write(struct metrics_serve *, char *);
static int	metrics_serve_put(struct metrics_serve *, const char *, size_t,
		    char *);
static int	metrics_serve_wait(struct metrics_serve *);
static void	*metrics_serve_writer(void *);
static void	metrics_serve_free(struct metrics_serve *);

static char	metrics_notfound[] = "not found: try /metrics\n";
static char	metrics_badmethod[] = "only GET and HEAD\n";

/*
 * "ADDR:PORT" or "[ADDR6]:PORT" into host and port, both numeric (no
 * name is looked up).  -1 when the shape is wrong.
 */
static int
metrics_serve_split(const char *addr, char *host, size_t hostsz, char *port,
    size_t portsz)
{
	const char	*colon, *end;
	size_t		 n;

	if (addr[0] == '[') {
		if ((end = strchr(addr, ']')) == NULL || end[1] != ':')
			return -1;
		addr++;
		colon = end + 1;
	} else {
		if ((colon = strrchr(addr, ':')) == NULL ||
		    memchr(addr, ':', (size_t)(colon - addr)) != NULL)
			return -1;
		end = colon;
	}
	n = (size_t)(end - addr);
	if (n == 0 || n >= hostsz || strlen(colon + 1) == 0 ||
	    strlen(colon + 1) >= portsz ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return -1;
	memcpy(host, addr, n);
	host[n] = '\0';
	snprintf(port, portsz, "%s", colon + 1);
	return 0;
}

/* A listening socket on addr, or -1 with the reason in errbuf. */
static int
metrics_serve_listen(const char *addr, char *errbuf)
{
	struct addrinfo	 hints, *ai = NULL;
	char		 host[128], port[8], shown[128];
	const char	*why = NULL;
	int		 fd = -1, one = 1, rc, saved;

	esc_str(shown, sizeof shown, addr, strlen(addr));
	memset(&hints, 0, sizeof hints);
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	if (metrics_serve_split(addr, host, sizeof host, port,
	    sizeof port) == -1 || atoi(port) < 1 || atoi(port) > 65535)
		why = "expected ADDR:PORT or [ADDR6]:PORT, numeric";
	else if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0)
		why = gai_strerror(rc);
	if (why != NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot serve metrics on %s: %s",
		    shown, why);
		return -1;
	}
	if ((fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == -1 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
	    listen(fd, METRICS_BACKLOG) == -1) {
		saved = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot serve metrics on %s: %s",
		    shown, strerror(saved));
		if (fd != -1)
			close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	return fd;
}

/*
 * The current text, as a copy the caller frees: rendered again only when
 * the cached one is older than METRICS_TTL_MS.
 */
static char *
metrics_serve_copy(struct metrics_serve *ms, size_t *len)
{
	struct timespec	 now;
	char		*s;
	long		 ms_old;

	clock_gettime(CLOCK_MONOTONIC, &now);
	pthread_mutex_lock(&ms->lock);
	ms_old = (now.tv_sec - ms->when.tv_sec) * 1000 +
	    (now.tv_nsec - ms->when.tv_nsec) / 1000000;
	if (!ms->fresh || ms_old >= METRICS_TTL_MS || ms_old < 0) {
		engine_snapshot_tick(ms->eng, ms->sn);
		tbuf_reset(&ms->text);
		metrics_render(ms->sn, &ms->text);
		ms->when = now;
		ms->fresh = 1;
	}
	*len = ms->text.len;
	s = xmalloc(ms->text.len + 1);
	memcpy(s, ms->text.s, ms->text.len + 1);
	pthread_mutex_unlock(&ms->lock);
	return s;
}

/*
 * One request: GET or HEAD /metrics.  Another method is refused at once,
 * unread, and the connection closes.  Otherwise the first call only
 * marks the request seen and a body is skipped: libmicrohttpd closes the
 * connection when the answer comes before the request is read, and
 * Prometheus would have to connect for every scrape.
 */
static enum MHD_Result
metrics_serve_answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	static int	 seen;
	char		*text;
	size_t		 len;

	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return metrics_serve_reply(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    metrics_badmethod, sizeof metrics_badmethod - 1,
		    MHD_RESPMEM_PERSISTENT);
	if (*state == NULL) {
		*state = &seen;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(url, "/metrics") != 0)
		return metrics_serve_reply(c, MHD_HTTP_NOT_FOUND,
		    metrics_notfound, sizeof metrics_notfound - 1,
		    MHD_RESPMEM_PERSISTENT);
	text = metrics_serve_copy(cls, &len);
	return metrics_serve_reply(c, MHD_HTTP_OK, text, len,
	    MHD_RESPMEM_MUST_FREE);
}

static enum MHD_Result
metrics_serve_reply(struct MHD_Connection *c, unsigned status, char *body,
    size_t len, enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response	*r;
	enum MHD_Result		 rc;

	if ((r = MHD_create_response_from_buffer(len, body, mode)) == NULL) {
		if (mode == MHD_RESPMEM_MUST_FREE)
			free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    status == MHD_HTTP_OK ? METRICS_CONTENT_TYPE :
	    "text/plain; charset=utf-8");
	rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

/*
 * The file, atomically: a temporary file beside it, then rename, so the
 * textfile collector never reads half of it.  The temporary name does
 * not end in .prom, so the collector never picks it up either.
 */
static int
metrics_serve_write(struct metrics_serve *ms, char *errbuf)
{
	char	*text;
	size_t	 len;
	int	 rc;

	text = metrics_serve_copy(ms, &len);
	rc = metrics_serve_put(ms, text, len, errbuf);
	free(text);
	return rc;
}

/* text (len bytes) into the file, atomically; -1 with errbuf's reason. */
static int
metrics_serve_put(struct metrics_serve *ms, const char *text, size_t len,
    char *errbuf)
{
	struct tbuf	 tmp;
	char		 shown[256];
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd, saved = 0;

	tbuf_init(&tmp);
	tbuf_printf(&tmp, "%s.XXXXXX", ms->path);
	if ((fd = mkstemp(tmp.s)) == -1)
		saved = errno;
	else if (fchmod(fd, 0644) == -1)
		saved = errno;
	while (saved == 0 && off < len) {
		if ((n = write(fd, text + off, len - off)) == -1) {
			if (errno != EINTR)
				saved = errno;
			continue;
		}
		off += (size_t)n;
	}
	if (fd != -1 && close(fd) == -1 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(tmp.s, ms->path) == -1)
		saved = errno;
	if (saved != 0) {
		if (fd != -1)
			unlink(tmp.s);
		esc_str(shown, sizeof shown, ms->path, strlen(ms->path));
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write metrics to %s: %s",
		    shown, strerror(saved));
	}
	tbuf_free(&tmp);
	return saved == 0 ? 0 : -1;
}

/*
 * Locked (wlock): until there is something to write (1) or stop (0):
 * a front end's snapshot when one hands them over, else the interval.
 */
static int
metrics_serve_wait(struct metrics_serve *ms)
{
	struct timespec	 until;
	long		 ns;

	clock_gettime(CLOCK_MONOTONIC, &until);
	ns = until.tv_nsec + (long)(ms->interval * 1e9);
	until.tv_sec += ns / 1000000000;
	until.tv_nsec = ns % 1000000000;
	while (!ms->stop && !ms->pending) {
		if (ms->driven)
			pthread_cond_wait(&ms->wcond, &ms->wlock);
		else if (pthread_cond_timedwait(&ms->wcond, &ms->wlock,
		    &until) == ETIMEDOUT)
			break;
	}
	return !ms->stop;
}

/* Every snapshot or interval, until told to stop; the first failure kept. */
static void *
metrics_serve_writer(void *arg)
{
	struct metrics_serve	*ms = arg;
	struct tbuf		 text;
	char			 errbuf[ZB_ERRBUFSZ];
	int			 rc, snap;

	tbuf_init(&text);
	pthread_mutex_lock(&ms->wlock);
	while (metrics_serve_wait(ms)) {
		/* The snapshot's text is taken; the next one may come. */
		if ((snap = ms->pending)) {
			tbuf_reset(&text);
			tbuf_puts(&text, ms->next.s);
			ms->pending = 0;
		}
		pthread_mutex_unlock(&ms->wlock);
		rc = snap ? metrics_serve_put(ms, text.s, text.len, errbuf) :
		    metrics_serve_write(ms, errbuf);
		pthread_mutex_lock(&ms->wlock);
		if (rc == -1 && ms->werr[0] == '\0')
			memcpy(ms->werr, errbuf, sizeof ms->werr);
	}
	pthread_mutex_unlock(&ms->wlock);
	tbuf_free(&text);
	return NULL;
}

void
metrics_serve_snap(struct metrics_serve *ms, const struct stats_snap *sn)
{
	if (ms == NULL || !ms->started)
		return;
	pthread_mutex_lock(&ms->wlock);
	ms->driven = 1;
	tbuf_reset(&ms->next);
	metrics_render(sn, &ms->next);
	ms->pending = 1;
	pthread_cond_signal(&ms->wcond);
	pthread_mutex_unlock(&ms->wlock);
}

/* libmicrohttpd on fd, polling from a thread of its own, within limits. */
static struct MHD_Daemon *
metrics_serve_http(struct metrics_serve *ms, int fd)
{
	return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL,
	    metrics_serve_answer, ms,
	    MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)METRICS_CONNS,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)METRICS_PER_IP,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)METRICS_TIMEOUT,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)METRICS_MEMORY,
	    MHD_OPTION_END);
}

struct metrics_serve *
metrics_serve_start(struct engine *eng, const struct metrics_serve_conf *conf,
    char *errbuf)
{
	struct metrics_serve	*ms;
	pthread_condattr_t	 ca;
	sigset_t		 all, old;
	int			 fd = -1, ok = 0;

	if (conf->addr != NULL &&
	    (fd = metrics_serve_listen(conf->addr, errbuf)) == -1)
		return NULL;
	ms = xcalloc(1, sizeof *ms);
	ms->eng = eng;
	ms->sn = xcalloc(1, sizeof *ms->sn);
	ms->sn->keep_peaks = 1;		/* the metrics show none */
	tbuf_init(&ms->text);
	tbuf_init(&ms->next);
	pthread_mutex_init(&ms->lock, NULL);
	pthread_mutex_init(&ms->wlock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&ms->wcond, &ca);
	pthread_condattr_destroy(&ca);
	ms->interval = conf->interval > 0 ? conf->interval : 1;
	if (conf->file != NULL) {
		ms->path = xstrdup(conf->file);
		if (metrics_serve_write(ms, errbuf) == -1)
			goto fail;
	}
	/* Signals stay with the front end, as for the capture threads. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if (fd != -1 && (ms->daemon = metrics_serve_http(ms, fd)) == NULL)
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot serve metrics: the HTTP "
		    "server did not start");
	else if (ms->path != NULL && pthread_create(&ms->writer, NULL,
	    metrics_serve_writer, ms) != 0)
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write metrics: no thread");
	else
		ok = 1;
	ms->started = ok && ms->path != NULL;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (ok)
		return ms;
fail:
	if (fd != -1 && ms->daemon == NULL)
		close(fd);
	metrics_serve_free(ms);
	return NULL;
}

int
metrics_serve_stop(struct metrics_serve *ms, char *errbuf)
{
	int	rc = 0;

	if (ms == NULL)
		return 0;
	if (ms->started) {
		pthread_mutex_lock(&ms->wlock);
		ms->stop = 1;
		pthread_cond_signal(&ms->wcond);
		pthread_mutex_unlock(&ms->wlock);
		pthread_join(ms->writer, NULL);
		ms->started = 0;
	}
	if (ms->daemon != NULL)
		MHD_stop_daemon(ms->daemon);
	ms->daemon = NULL;
	/* The final counts; a fresh snapshot, whatever the cache holds. */
	ms->fresh = 0;
	if (ms->path != NULL && metrics_serve_write(ms, errbuf) == -1)
		rc = -1;
	if (ms->werr[0] != '\0') {
		memcpy(errbuf, ms->werr, ZB_ERRBUFSZ);
		rc = -1;
	}
	metrics_serve_free(ms);
	return rc;
}

static void
metrics_serve_free(struct metrics_serve *ms)
{
	if (ms->daemon != NULL)
		MHD_stop_daemon(ms->daemon);
	pthread_mutex_destroy(&ms->lock);
	pthread_mutex_destroy(&ms->wlock);
	pthread_cond_destroy(&ms->wcond);
	tbuf_free(&ms->text);
	tbuf_free(&ms->next);
	free(ms->sn);
	free(ms->path);
	free(ms);
}
