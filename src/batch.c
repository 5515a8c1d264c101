/*
 * Batch mode's loop and tcpdump's exit lines.  Snapshots come from the
 * engine by value and batch-snap.c turns each into text or JSON.
 * Commands on standard input are run by a thread of their own, so a slow
 * pipe never delays a snapshot.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "batch-int.h"
#include "cap.h"
#include "cmd.h"
#include "diag.h"
#include "engine.h"
#include "msg.h"
#include "stats.h"
#include "tbuf.h"
#include "work.h"
#include "xmalloc.h"

/* The stdin reader and the main loop share this. */
struct batch_in {
	struct engine		*eng;
	struct batch_opts	*opts;
	pthread_mutex_t		 lock;	/* stdout and opts->delay */
	volatile sig_atomic_t	 quit;
};

static void	 batch_summary_ifaces(const struct stats_snap *, FILE *);
static void	 batch_count(FILE *, uint64_t, const char *);
static void	 batch_out(void *, const char *);
static void	 batch_err(void *, const char *);
static void	*batch_reader(void *);
static int	 batch_sleep(struct batch_in *);
static void	 batch_counters(struct engine *, FILE *);
static int	 batch_put(const struct stats_snap *, struct tbuf *, int,
		    pthread_mutex_t *);

static void
batch_out(void *arg, const char *text)
{
	struct batch_in	*in = arg;
	struct tbuf	 tb;

	if (!in->opts->json) {
		printf("%s\n", text);
		return;
	}
	tbuf_init(&tb);
	msg_json(&tb, text);
	fputs(tb.s, stdout);
	tbuf_free(&tb);
}

static void
batch_err(void *arg, const char *text)
{
	msg_error("%s", text);
}

/* Every line of standard input is a command, as at the ":" prompt. */
static void *
batch_reader(void *arg)
{
	struct batch_in	*in = arg;
	struct cmd_ctx	 ctx;
	char		*line = NULL;
	size_t		 sz = 0;
	ssize_t		 n;
	enum cmd_ret	 ret;

	memset(&ctx, 0, sizeof ctx);
	ctx.eng = in->eng;
	ctx.out = batch_out;
	ctx.error = batch_err;
	ctx.arg = in;
	while ((n = getline(&line, &sz, stdin)) != -1) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		pthread_mutex_lock(&in->lock);
		ctx.delay = &in->opts->delay;
		/* A NUL would cut the line: "filter \0udp" is no "filter". */
		if (strlen(line) != (size_t)n) {
			batch_err(in, "a NUL byte in a command line");
			ret = CMD_ERROR;
		} else
			ret = cmd_run(&ctx, line);
		fflush(stdout);
		pthread_mutex_unlock(&in->lock);
		if (ret == CMD_QUIT) {
			in->quit = 1;
			break;
		}
	}
	free(line);
	return NULL;
}

/*
 * Wait out the refresh interval (saying the counters on SIGUSR1); 1: time
 * to stop.  The interval in force is read every 100 ms: "delay 1" after
 * --delay 60 takes effect now, not after the minute already begun.
 */
static int
batch_sleep(struct batch_in *in)
{
	struct batch_opts	*o = in->opts;
	int			 ms, waited = 0;

	while (!*o->quit) {
		pthread_mutex_lock(&in->lock);
		ms = (int)(o->delay * 1000) - waited;
		pthread_mutex_unlock(&in->lock);
		if (ms <= 0)
			break;
		if (ms > 100)
			ms = 100;
		if (engine_wait(in->eng, ms))
			return 1;
		batch_info(in->eng, o->info);
		waited += ms;
	}
	return *o->quit != 0;
}

/*
 * Say what happened without stopping capture: a fault (the -w disk
 * filled up) counts, making the exit status 1 since the asked-for file
 * is short; a notice (a file's gap skipped) does not.
 */
int
batch_events(struct engine *eng, unsigned *seen)
{
	char	text[ZB_ERRBUFSZ];
	int	k;

	if ((k = engine_event_get(eng, seen, text)) == 0)
		return 0;
	msg_error("%s", text);
	return k == 2;
}

/*
 * Standard output failed with err: a reader that went away (EPIPE, "|
 * head") got what it wanted, which is a quiet exit 0, as when SIGPIPE is
 * ignored; anything else (a full disk) is an error.  Returns the status.
 */
int
batch_outerr(int err)
{
	if (err == 0 || err == EPIPE)
		return 0;
	msg_error("cannot write standard output: %s", strerror(err));
	return 1;
}

/*
 * One snapshot on standard output, text or JSON, whole: the stdin
 * reader's command output takes the same lock.  0, or errno.
 */
static int
batch_put(const struct stats_snap *sn, struct tbuf *tb, int json,
    pthread_mutex_t *lock)
{
	int	err;

	tbuf_reset(tb);
	if (json)
		batch_json(sn, tb);
	else
		batch_text(sn, tb);
	pthread_mutex_lock(lock);
	err = tbuf_write(tb, stdout);
	pthread_mutex_unlock(lock);
	return err;
}

int
batch_run(struct engine *eng, struct batch_opts *opts)
{
	struct batch_in		 in;
	struct stats_snap	*sn;
	struct tbuf		 tb;
	pthread_t		 reader;
	long			 n = 0;
	unsigned		 seen = 0;
	int			 done, events = 0, outerr = 0;

	memset(&in, 0, sizeof in);
	in.eng = eng;
	in.opts = opts;
	pthread_mutex_init(&in.lock, NULL);
	if (opts->commands && pthread_create(&reader, NULL, batch_reader,
	    &in) == 0)
		pthread_detach(reader);
	sn = xcalloc(1, sizeof *sn);	/* keep_peaks 0: a refresh */
	tbuf_init(&tb);
	for (;;) {
		done = batch_sleep(&in) || in.quit || (opts->iterations > 0 &&
		    ++n >= opts->iterations);
		/*
		 * The last snapshot is the end of the run: taken once the
		 * engine has drained, it holds the packets of the blocks
		 * still filling, as the closing line and the -w file do.
		 * The others see the counters and buffers at one tick.
		 */
		events += batch_events(eng, &seen);
		if (done) {
			engine_stop(eng);
			engine_snapshot(eng, sn);
		} else
			engine_snapshot_tick(eng, sn);
		if (opts->snap_hook != NULL)
			opts->snap_hook(opts->snap_arg, sn);
		outerr = batch_put(sn, &tb, opts->json, &in.lock);
		if (done || outerr != 0)
			break;
	}
	tbuf_free(&tb);
	free(sn);
	engine_stop(eng);
	events += batch_events(eng, &seen);
	/*
	 * Held to the end: no command output may follow the final line.
	 * With -J standard output carries JSON lines only, for jq.
	 */
	pthread_mutex_lock(&in.lock);
	batch_final(eng, opts->json ? stderr : stdout);
	if (batch_outerr(outerr) != 0)
		events++;
	return engine_error(eng) != NULL || events > 0 ? 1 : 0;
}

/*
 * After the screen closes, what tcpdump says at exit: packets captured,
 * then where any were lost, then the drop verdict.
 */
void
batch_summary(struct engine *eng, FILE *f)
{
	struct stats_counts	 t;
	struct stats_snap	*sn;
	char			 v[512];

	engine_totals(eng, &t);
	sn = xmalloc(sizeof *sn);
	sn->keep_peaks = 1;
	engine_snapshot(eng, sn);
	batch_count(f, t.packets, "captured");
	batch_count(f, t.kpackets, "received by filter");
	batch_count(f, t.kdrops, sn->qbytes > 0 ?
	    "dropped by kernel (socket queue full)" :
	    "dropped by kernel (ring full)");
	batch_summary_ifaces(sn, f);
	if (t.have_ifdrops)
		batch_count(f, t.ifdrops, "dropped by interface (rx_dropped)");
	if (sn->writing || t.wdrops > 0)
		batch_count(f, t.wdrops, "dropped by the -w writer");
	if (t.rejected > 0)
		batch_count(f, t.rejected, "refiltered after a filter change");
	diag_verdict(sn, v, sizeof v);
	fprintf(f, "verdict: %s\n", v);
	free(sn);
}

void
batch_tcpdump(struct engine *eng, FILE *f)
{
	struct stats_counts	t;

	engine_totals(eng, &t);
	batch_count(f, t.packets, "captured");
	batch_count(f, t.kpackets, "received by filter");
	batch_count(f, t.kdrops, "dropped by kernel");
	if (t.have_ifdrops && t.ifdrops > 0)
		batch_count(f, t.ifdrops, "dropped by interface");
}

/* "1 packet captured", "2 packets ...": tcpdump's words. */
static void
batch_count(FILE *f, uint64_t n, const char *what)
{
	fprintf(f, "%llu packet%s %s\n", (unsigned long long)n,
	    n == 1 ? "" : "s", what);
}

/* The closing line of shared/bench/README.md, then the error if any. */
void
batch_final(struct engine *eng, FILE *f)
{
	const char	*err;

	batch_counters(eng, f);
	if ((err = engine_error(eng)) != NULL)
		msg_error("%s", err);
}

void
batch_info(struct engine *eng, volatile sig_atomic_t *info)
{
	if (info == NULL || !*info)
		return;
	*info = 0;
	batch_counters(eng, stderr);
}

/* The closing line's counters, as they are now. */
static void
batch_counters(struct engine *eng, FILE *f)
{
	struct stats_counts	t;
	char			 work[32] = "";
	uint64_t		 sum;

	engine_totals(eng, &t);
	if (engine_work(eng, &sum) != WORK_NONE)
		snprintf(work, sizeof work, " work=%016llx",
		    (unsigned long long)sum);
	fprintf(f, "captured=%llu dropped=%llu kernel=%llu refiltered=%llu "
	    "forced=%llu full=%llu timeout=%llu cut=%llu%s\n",
	    (unsigned long long)t.packets, (unsigned long long)t.kdrops,
	    (unsigned long long)t.kpackets, (unsigned long long)t.rejected,
	    (unsigned long long)t.rot[CAP_ROT_FORCED],
	    (unsigned long long)t.rot[CAP_ROT_FULL],
	    (unsigned long long)t.rot[CAP_ROT_TIMEOUT],
	    (unsigned long long)t.kcut, work);
	fflush(f);
}

/*
 * The exit summary's kernel drops, interface by interface: since start,
 * as the totals they add up to (clear took its part off the snapshot).
 */
static void
batch_summary_ifaces(const struct stats_snap *sn, FILE *f)
{
	char		name[4 * CAP_IFNAMSZ];
	unsigned	k;

	for (k = 0; sn->nifs > 1 && k < sn->nifs && k < CAP_MAXIF; k++) {
		esc_str(name, sizeof name, sn->ifname[k],
		    strnlen(sn->ifname[k], CAP_IFNAMSZ));
		fprintf(f, "  %llu of them on %s (%llu received by filter)\n",
		    (unsigned long long)sn->total.if_kdrops[k], name,
		    (unsigned long long)sn->total.if_kpackets[k]);
	}
}
