/*
 * Batch mode's loop.  Snapshots come from the engine by value;
 * every string in them was escaped when it entered stats, and JSON output
 * escapes again per RFC 8259.  Commands on standard input are run by a
 * thread of their own, so a slow pipe never delays a snapshot.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "cap.h"
#include "cmd.h"
#include "diag.h"
#include "engine.h"
#include "msg.h"
#include "stats.h"
#include "tbuf.h"
#include "work.h"
#include "xmalloc.h"

/* The text rings list's heading; several -i add " IFACE". */
#define BATCH_RINGS	"RING LANE ACT KERNEL USER FREE   FILL    PACKETS " \
			"       PPS FORCED"

/* The stdin reader and the main loop share this. */
struct batch_in {
	struct engine		*eng;
	struct batch_opts	*opts;
	pthread_mutex_t		 lock;	/* stdout and opts->delay */
	volatile sig_atomic_t	 quit;
};

static void	 batch_text(const struct stats_snap *, struct tbuf *);
static void	 batch_json(const struct stats_snap *, struct tbuf *);
static void	 batch_list(const struct stats_snap *, struct tbuf *,
		    const char *, const char *, unsigned,
		    void (*)(const struct stats_snap *, unsigned, struct tbuf *));
static void	 batch_ring_text(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_ring_json(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_buf_text(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_buf_json(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_ifaces_text(const struct stats_snap *, struct tbuf *);
static void	 batch_ifaces_json(const struct stats_snap *, struct tbuf *);
static void	 batch_summary_ifaces(const struct stats_snap *, FILE *);
static void	 batch_count(FILE *, uint64_t, const char *);
static double	 batch_fill(const struct stats_ring *);
static char	*batch_time(char *, size_t, int64_t);
static void	 batch_out(void *, const char *);
static void	 batch_err(void *, const char *);
static void	*batch_reader(void *);
static int	 batch_sleep(struct engine *, double, volatile sig_atomic_t *,
		    volatile sig_atomic_t *);
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
			line[n - 1] = '\0';
		pthread_mutex_lock(&in->lock);
		ctx.delay = &in->opts->delay;
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

/* Wait up to secs (saying the counters on SIGUSR1); 1: time to stop. */
static int
batch_sleep(struct engine *eng, double secs, volatile sig_atomic_t *quit,
    volatile sig_atomic_t *info)
{
	int	ms = (int)(secs * 1000);

	while (ms > 0 && !*quit) {
		if (engine_wait(eng, ms > 100 ? 100 : ms))
			return 1;
		batch_info(eng, info);
		ms -= 100;
	}
	return *quit != 0;
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
	int	err = 0;

	tbuf_reset(tb);
	if (json)
		batch_json(sn, tb);
	else
		batch_text(sn, tb);
	pthread_mutex_lock(lock);
	errno = 0;
	if (fputs(tb->s, stdout) == EOF || fflush(stdout) == EOF)
		err = errno != 0 ? errno : EIO;
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
	sn = xmalloc(sizeof *sn);
	tbuf_init(&tb);
	for (;;) {
		done = batch_sleep(eng, opts->delay, opts->quit, opts->info) ||
		    in.quit || (opts->iterations > 0 &&
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
	struct stats_totals	 t;
	struct stats_snap	*sn;
	char			 v[512];

	engine_totals(eng, &t);
	sn = xmalloc(sizeof *sn);
	engine_snapshot(eng, sn);
	batch_count(f, t.packets, "captured");
	batch_count(f, t.kpackets, "received by filter");
	batch_count(f, t.kdrops, "dropped by kernel (ring full)");
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
	struct stats_totals	t;

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
	struct stats_totals	t;
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

static void
batch_text(const struct stats_snap *sn, struct tbuf *tb)
{
	char			 v[512], t[32];

	tbuf_printf(tb, "zbtop %s %s, up %.1f s, filter: %s (epoch %u, "
	    "refiltered %llu)%s\n", sn->mode, sn->source, sn->uptime,
	    sn->filter[0] != '\0' ? sn->filter : "none", sn->epoch,
	    (unsigned long long)sn->rejected, sn->eof ? ", end of file" : "");
	tbuf_printf(tb, "packets %llu (%.0f/s), %llu bytes (%.3f Mbit/s)\n",
	    (unsigned long long)sn->packets, sn->pps,
	    (unsigned long long)sn->bytes, sn->bps / 1e6);
	tbuf_printf(tb, "drops: kernel %llu (ring full), freezes %llu "
	    "(queue frozen), ", (unsigned long long)sn->kdrops,
	    (unsigned long long)sn->kfreezes);
	/* A file or the copy backend has no interface counter at all. */
	if (sn->have_ifdrops)
		tbuf_printf(tb, "interface %llu (rx_dropped), ",
		    (unsigned long long)sn->ifdrops);
	tbuf_printf(tb, "write %llu", (unsigned long long)sn->wdrops);
	/* Only a packet larger than a block is cut: say so when it was. */
	if (sn->kcut != 0)
		tbuf_printf(tb, "; cut %llu (block too small)",
		    (unsigned long long)sn->kcut);
	tbuf_putc(tb, '\n');
	batch_ifaces_text(sn, tb);
	if (sn->linkdown != 0)
		tbuf_printf(tb, "link: down since %s\n",
		    batch_time(t, sizeof t, sn->linkdown));
	diag_verdict(sn, v, sizeof v);
	tbuf_printf(tb, "verdict: %s\n", v);
	tbuf_printf(tb, "peaks: since the last snapshot, held %d buffers of "
	    "a ring, fill %.1f%%, freezes %llu\n", sn->peak_held,
	    sn->peak_fill, (unsigned long long)sn->peak_freezes);
	tbuf_printf(tb, "rotations: full %llu (%.1f/s), timeout %llu "
	    "(%.1f/s), forced %llu (%.1f/s); %s\n",
	    (unsigned long long)sn->rot[CAP_ROT_FULL], sn->rotps[CAP_ROT_FULL],
	    (unsigned long long)sn->rot[CAP_ROT_TIMEOUT],
	    sn->rotps[CAP_ROT_TIMEOUT],
	    (unsigned long long)sn->rot[CAP_ROT_FORCED],
	    sn->rotps[CAP_ROT_FORCED], sn->geometry);
	batch_list(sn, tb, sn->nifs > 1 ? BATCH_RINGS " IFACE\n" :
	    BATCH_RINGS "\n", "", sn->nrings, batch_ring_text);
	batch_list(sn, tb, "RING BUF OWNER    FILL   PKTS      BYTES        SEQ "
	    "LAST      AGE\n", "", (unsigned)sn->nbufs, batch_buf_text);
	tbuf_putc(tb, '\n');
}

static void
batch_json(const struct stats_snap *sn, struct tbuf *tb)
{
	char			 v[512];

	tbuf_puts(tb, "{\"mode\":");
	tbuf_json(tb, sn->mode, strlen(sn->mode));
	tbuf_puts(tb, ",\"source\":");
	tbuf_json(tb, sn->raw_source, strlen(sn->raw_source));
	tbuf_puts(tb, ",\"filter\":");
	tbuf_json(tb, sn->raw_filter, strlen(sn->raw_filter));
	tbuf_printf(tb, ",\"epoch\":%u,\"uptime\":%.3f,\"eof\":%s,"
	    "\"packets\":%llu,\"bytes\":%llu,\"pps\":%.1f,\"bps\":%.1f,"
	    "\"drops\":{\"kernel\":%llu,\"freezes\":%llu,",
	    sn->epoch, sn->uptime, sn->eof ? "true" : "false",
	    (unsigned long long)sn->packets, (unsigned long long)sn->bytes,
	    sn->pps, sn->bps, (unsigned long long)sn->kdrops,
	    (unsigned long long)sn->kfreezes);
	if (sn->have_ifdrops)
		tbuf_printf(tb, "\"interface\":%llu,",
		    (unsigned long long)sn->ifdrops);
	tbuf_printf(tb, "\"write\":%llu},\"refiltered\":%llu,\"cut\":%llu,"
	    "\"kernel_packets\":%llu,\"rotations\":{\"full\":%llu,"
	    "\"timeout\":%llu,\"forced\":%llu}",
	    (unsigned long long)sn->wdrops, (unsigned long long)sn->rejected,
	    (unsigned long long)sn->kcut,
	    (unsigned long long)sn->kpackets,
	    (unsigned long long)sn->rot[CAP_ROT_FULL],
	    (unsigned long long)sn->rot[CAP_ROT_TIMEOUT],
	    (unsigned long long)sn->rot[CAP_ROT_FORCED]);
	tbuf_printf(tb, ",\"peaks\":{\"held\":%d,\"fill\":%.1f,"
	    "\"freezes\":%llu}", sn->peak_held, sn->peak_fill,
	    (unsigned long long)sn->peak_freezes);
	batch_ifaces_json(sn, tb);
	if (sn->linkdown != 0)
		tbuf_printf(tb, ",\"link_down_since\":%lld",
		    (long long)sn->linkdown);
	diag_verdict(sn, v, sizeof v);
	tbuf_puts(tb, ",\"verdict\":");
	tbuf_json(tb, v, strlen(v));
	batch_list(sn, tb, ",\"rings\":[", ",", sn->nrings, batch_ring_json);
	tbuf_putc(tb, ']');
	batch_list(sn, tb, ",\"buffers\":[", ",", (unsigned)sn->nbufs,
	    batch_buf_json);
	tbuf_puts(tb, "]}\n");
}

/* A wall-clock second as local HH:MM:SS. */
static char *
batch_time(char *buf, size_t sz, int64_t when)
{
	struct tm	 tm;
	time_t		 t = (time_t)when;

	localtime_r(&t, &tm);
	strftime(buf, sz, "%H:%M:%S", &tm);
	return buf;
}

/* Percent of a ring's bytes in use, over all its buffers. */
static double
batch_fill(const struct stats_ring *r)
{
	return r->size == 0 ? 0.0 : 100.0 * (double)r->used / (double)r->size;
}

/*
 * A list of the snapshot's rings or buffers: head, then row() for each
 * of the n, sep between them.  Text and JSON differ only in these.
 */
static void
batch_list(const struct stats_snap *sn, struct tbuf *tb, const char *head,
    const char *sep, unsigned n,
    void (*row)(const struct stats_snap *, unsigned, struct tbuf *))
{
	unsigned	 i;

	tbuf_puts(tb, head);
	for (i = 0; i < n; i++) {
		if (i > 0)
			tbuf_puts(tb, sep);
		row(sn, i, tb);
	}
}

/* Ring i: packets since clear, buffers by owner now. */
static void
batch_ring_text(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_ring	*r = &sn->rings[i];

	char			 name[4 * CAP_IFNAMSZ];

	/* Several -i: the interface the ring belongs to, last. */
	name[0] = '\0';
	if (sn->nifs > 1 && r->iface < CAP_MAXIF)
		esc_str(name, sizeof name, sn->ifname[r->iface],
		    strnlen(sn->ifname[r->iface], CAP_IFNAMSZ));
	tbuf_printf(tb, "%4u %4u %3s %6d %4d %4d %5.1f%% %10llu %10.0f "
	    "%6llu%s%s\n", i, r->lane, r->active ? "*" : "-",
	    r->owner[CAP_OWN_KERNEL], r->owner[CAP_OWN_USER],
	    r->owner[CAP_OWN_FREE], batch_fill(r),
	    (unsigned long long)r->packets, r->pps,
	    (unsigned long long)r->forced, name[0] != '\0' ? " " : "", name);
}

static void
batch_ring_json(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_ring	*r = &sn->rings[i];

	tbuf_printf(tb, "{\"ring\":%u,", i);
	if (sn->nifs > 1 && r->iface < CAP_MAXIF) {
		tbuf_puts(tb, "\"iface\":");
		tbuf_json(tb, sn->ifname[r->iface],
		    strnlen(sn->ifname[r->iface], CAP_IFNAMSZ));
		tbuf_putc(tb, ',');
	}
	tbuf_printf(tb, "\"lane\":%u,\"active\":%s,"
	    "\"kernel\":%d,\"user\":%d,\"free\":%d,\"size\":%llu,"
	    "\"used\":%llu,\"fill\":%.1f,\"packets\":%llu,"
	    "\"pps\":%.1f,\"forced\":%llu}",
	    r->lane, r->active ? "true" : "false",
	    r->owner[CAP_OWN_KERNEL], r->owner[CAP_OWN_USER],
	    r->owner[CAP_OWN_FREE], (unsigned long long)r->size,
	    (unsigned long long)r->used, batch_fill(r),
	    (unsigned long long)r->packets, r->pps,
	    (unsigned long long)r->forced);
}

/* Buffer i: its owner, fill and the reason of its last hand-over. */
static void
batch_buf_text(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_buf	*b = &sn->bufs[i];

	tbuf_printf(tb, "%4u %3u %-6s%c %5.1f%% %6u %10u %10llu %-7s "
	    "%5.1fs\n", b->st.ring, b->st.index,
	    stats_buf_owner(&b->st), b->st.active ? '*' : ' ',
	    b->st.size == 0 ? 0.0 : 100.0 * b->st.used / b->st.size,
	    b->st.pkts, b->st.used, (unsigned long long)b->st.seq,
	    stats_reason_name(b->st.reason), b->age);
}

static void
batch_buf_json(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_buf	*b = &sn->bufs[i];

	tbuf_printf(tb, "{\"ring\":%u,\"index\":%u,\"owner\":"
	    "\"%s\",\"active\":%s,\"size\":%u,\"used\":%u,"
	    "\"packets\":%u,\"seq\":%llu,\"reason\":\"%s\","
	    "\"age\":%.3f}", b->st.ring,
	    b->st.index, stats_buf_owner(&b->st),
	    b->st.active ? "true" : "false", b->st.size, b->st.used,
	    b->st.pkts, (unsigned long long)b->st.seq,
	    stats_reason_name(b->st.reason), b->age);
}

/*
 * Several -i: each interface's share of the kernel counters, so a drop
 * is pinned on the interface whose rings overflowed; their sum is the
 * one dropped= count.
 */
static void
batch_ifaces_text(const struct stats_snap *sn, struct tbuf *tb)
{
	char		name[4 * CAP_IFNAMSZ];
	unsigned	k;

	if (sn->nifs < 2)
		return;
	tbuf_puts(tb, "interfaces:");
	for (k = 0; k < sn->nifs && k < CAP_MAXIF; k++) {
		esc_str(name, sizeof name, sn->ifname[k],
		    strnlen(sn->ifname[k], CAP_IFNAMSZ));
		tbuf_printf(tb, "%s %s kernel %llu dropped %llu",
		    k > 0 ? "," : "", name,
		    (unsigned long long)sn->if_kpackets[k],
		    (unsigned long long)sn->if_kdrops[k]);
	}
	tbuf_putc(tb, '\n');
}

/* JSON's: each interface's packets and bytes too, its rings' sums. */
static void
batch_ifaces_json(const struct stats_snap *sn, struct tbuf *tb)
{
	uint64_t	pkts, bytes;
	unsigned	k, i;

	if (sn->nifs < 2)
		return;
	tbuf_puts(tb, ",\"interfaces\":[");
	for (k = 0; k < sn->nifs && k < CAP_MAXIF; k++) {
		tbuf_puts(tb, k > 0 ? ",{\"name\":" : "{\"name\":");
		tbuf_json(tb, sn->ifname[k], strnlen(sn->ifname[k],
		    CAP_IFNAMSZ));
		for (i = 0, pkts = bytes = 0; i < sn->nrings &&
		    i < CAP_MAXRINGS; i++)
			if (sn->rings[i].iface == k) {
				pkts += sn->rings[i].packets;
				bytes += sn->rings[i].bytes;
			}
		tbuf_printf(tb, ",\"packets\":%llu,\"bytes\":%llu,"
		    "\"kernel\":%llu,\"dropped\":%llu}",
		    (unsigned long long)pkts, (unsigned long long)bytes,
		    (unsigned long long)sn->if_kpackets[k],
		    (unsigned long long)sn->if_kdrops[k]);
	}
	tbuf_putc(tb, ']');
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
		    (unsigned long long)(sn->if_kdrops[k] +
		    sn->cleared.if_kdrops[k]), name,
		    (unsigned long long)(sn->if_kpackets[k] +
		    sn->cleared.if_kpackets[k]));
	}
}
