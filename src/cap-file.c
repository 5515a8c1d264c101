/*
 * The file backend: a producer thread reads pcap or pcapng through libpcap
 * and plays the kernel of zmodel.c, FreeBSD's two-buffer zero-copy BPF, so
 * replay exercises real buffer accounting.  The consumer (the engine
 * thread) sees buffers only through the model's generation protocol; the
 * mutex guards the producer's side against rotate, setfilter, kstats and
 * buffers.  As fast as possible the producer waits for the consumer and
 * keeps time by packet timestamps; at recorded speed it keeps wall time
 * and drops as bpf would.  Never prints, never allocates per packet.
 */
#include <sys/eventfd.h>

#include <errno.h>
#include <limits.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zmodel.h"

#define CAP_FILE_DEFKIB		1024	/* -B: 2 x 512 KiB */
#define CAP_FILE_DEFTOV		8	/* -T ms, like TPACKET_V3's default */
#define CAP_FILE_SNAPLEN	262144

/* done: how the producer ended. */
#define CAP_FILE_EOF		1
#define CAP_FILE_FAILED		2

struct cap_file {
	struct zmodel		 m;
	pcap_t			*pcap;
	char			 name[ZB_ERRBUFSZ]; /* escaped file name */
	double			 speed;
	int64_t			 tov;		/* read timeout, ns */
	uint32_t		 snaplen;
	int			 evfd;		/* producer -> consumer */
	int			 wakefd;
	pthread_t		 thread;
	int			 started;
	pthread_mutex_t		 mtx;
	pthread_cond_t		 cv;
	/* Under mtx. */
	struct bpf_insn		*prog;		/* producer's program */
	uint32_t		 epoch;		/* and its epoch */
	struct bpf_insn		*pend;		/* posted by setfilter */
	int			 havepend;
	uint32_t		 pend_epoch;
	int			 rotreq;	/* rotate asked, not answered */
	int			 rotres;
	int			 stop;
	int			 exited;
	struct cap_kstats	 told;		/* totals already reported */
	/* Producer only. */
	uint64_t		 nread;
	int64_t			 wall0, ts0;	/* pacing origin */
	int64_t			 swall;		/* store's first record, wall */
	/* Written once by the producer before done (release). */
	int			 done;
	char			 err[ZB_ERRBUFSZ];
	/* Consumer only. */
	uint32_t		 uepoch;
	struct bpf_program	 newest;	/* rechecks run it */
	struct zmodel_view	 view[ZMODEL_NBUFS];
};

static int	 cap_file_open(struct cap *, const struct cap_conf *, char *);
static int	 cap_file_start(struct cap *, char *);
static int	 cap_file_next(struct cap *, unsigned, struct cap_block *, int,
		    char *);
static int	 cap_file_pkt(struct cap *, struct cap_block *,
		    struct cap_pkt *);
static void	 cap_file_release(struct cap *, struct cap_block *);
static int	 cap_file_rotate(struct cap *, char *);
static int	 cap_file_setfilter(struct cap *, struct bpf_program *, char *);
static int	 cap_file_kstats(struct cap *, struct cap_kstats *);
static int	 cap_file_buffers(struct cap *, struct cap_bufstate *, int);
static int	 cap_file_ifdrops(struct cap *, uint64_t *);
static void	 cap_file_close(struct cap *);

static void	*cap_file_run(void *);
static int	 cap_file_packet(struct cap_file *, const struct pcap_pkthdr *,
		    const u_char *);
static int	 cap_file_put(struct cap_file *, struct zmodel_pkt *);
static int	 cap_file_wait_ack(struct cap_file *);
static int	 cap_file_wait_until(struct cap_file *, int64_t);
static void	 cap_file_serve(struct cap_file *);
static int	 cap_file_retire(struct cap_file *);
static void	 cap_file_failed(struct cap_file *, long);
static void	 cap_file_msg(char *, const char *, const char *, const char *);
static void	 cap_file_signal(struct cap_file *);
static int	 cap_file_take(struct cap *, struct cap_block *);
static enum cap_reason cap_file_reason(enum zmodel_reason);
static int64_t	 cap_file_now(void);

const struct cap_ops cap_file_ops = {
	.name = "file",
	.open = cap_file_open,
	.start = cap_file_start,
	.next = cap_file_next,
	.pkt = cap_file_pkt,
	.release = cap_file_release,
	.rotate = cap_file_rotate,
	.setfilter = cap_file_setfilter,
	.kstats = cap_file_kstats,
	.buffers = cap_file_buffers,
	.ifdrops = cap_file_ifdrops,
	.close = cap_file_close
};

static int
cap_file_open(struct cap *cap, const struct cap_conf *conf, char *errbuf)
{
	struct cap_file		*cf;
	pthread_condattr_t	 ca;
	char			 perr[PCAP_ERRBUF_SIZE];
	size_t			 total;

	cf = xcalloc(1, sizeof *cf);
	esc_str(cf->name, sizeof cf->name, conf->file, strlen(conf->file));
	perr[0] = '\0';
	cf->pcap = pcap_open_offline_with_tstamp_precision(conf->file,
	    PCAP_TSTAMP_PRECISION_NANO, perr);
	if (cf->pcap == NULL) {
		cap_file_msg(errbuf, "cannot read ", cf->name, perr);
		free(cf);
		return -1;
	}
	total = (size_t)(conf->buffer_kib ? conf->buffer_kib :
	    CAP_FILE_DEFKIB) * 1024;
	cap->dlt = pcap_datalink(cf->pcap);
	/* bpf_hdrlen(): only Ethernet's link header length is known here. */
	if (zmodel_init(&cf->m, total, cap->dlt == DLT_EN10MB ? 14 : 0, 0,
	    errbuf) == -1) {
		pcap_close(cf->pcap);
		free(cf);
		return -1;
	}
	cf->speed = conf->speed > 0 ? conf->speed : 0;
	cap->retire_ms = conf->retire_ms ? conf->retire_ms : CAP_FILE_DEFTOV;
	cf->tov = (int64_t)cap->retire_ms * 1000000;
	cf->snaplen = conf->snaplen ? conf->snaplen : CAP_FILE_SNAPLEN;
	cf->evfd = -1;
	cf->wakefd = conf->wakefd[0];
	pthread_mutex_init(&cf->mtx, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cf->cv, &ca);
	pthread_condattr_destroy(&ca);
	cap->snaplen = pcap_snapshot(cf->pcap);
	cap->nrings = 1;
	cap->nbufs = ZMODEL_NBUFS;
	cap->bufsize = cf->m.datasize;
	snprintf(cap->geometry, sizeof cap->geometry, "%d x %zu KiB "
	    "(zbuf model)", ZMODEL_NBUFS, cf->m.bufsize / 1024);
	cap->priv = cf;
	return 0;
}

static int
cap_file_start(struct cap *cap, char *errbuf)
{
	struct cap_file	*cf = cap->priv;
	int		 e;

	if ((cf->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "eventfd: %s", strerror(errno));
		return -1;
	}
	if ((e = pthread_create(&cf->thread, NULL, cap_file_run, cf)) != 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot start the file reader: "
		    "%s", strerror(e));
		return -1;
	}
	cf->started = 1;
	return 0;
}

/*
 * The producer.  ftell() before each record gives the offset of the record
 * libpcap is about to read, for the message if that record is bad.
 */
static void *
cap_file_run(void *arg)
{
	struct cap_file		*cf = arg;
	struct pcap_pkthdr	*h;
	const u_char		*d;
	FILE			*fp = pcap_file(cf->pcap);
	long			 off;
	int			 rc, how = CAP_FILE_EOF;

	for (;;) {
		off = fp != NULL ? ftell(fp) : -1;
		rc = pcap_next_ex(cf->pcap, &h, &d);
		if (rc == 1) {
			if (cap_file_packet(cf, h, d) == -1)
				break;
			cf->nread++;
			continue;
		}
		if (rc != PCAP_ERROR_BREAK) {
			cap_file_failed(cf, off);
			how = CAP_FILE_FAILED;
		}
		break;
	}
	pthread_mutex_lock(&cf->mtx);
	(void)cap_file_retire(cf);	/* end of file */
	cf->exited = 1;
	pthread_cond_broadcast(&cf->cv);
	pthread_mutex_unlock(&cf->mtx);
	__atomic_store_n(&cf->done, how, __ATOMIC_RELEASE);
	cap_file_signal(cf);
	return NULL;
}

static void
cap_file_failed(struct cap_file *cf, long off)
{
	const char	*perr = pcap_geterr(cf->pcap);
	char		 what[96];
	int		 n;

	n = snprintf(what, sizeof what, ": %s packet record after packet %llu",
	    strstr(perr, "truncated") != NULL ? "truncated" : "bad",
	    (unsigned long long)cf->nread);
	if (off >= 0 && n > 0 && (size_t)n < sizeof what)
		snprintf(what + n, sizeof what - n, " (byte offset %ld)", off);
	cap_file_msg(cf->err, "", cf->name, "");
	cap_file_msg(cf->err, cf->err, what, perr);
}

/*
 * errbuf = a b ": " c, cut to ZB_ERRBUFSZ; a and b are ours (b escaped
 * already), c is libpcap's text and gets escaped.  errbuf may be a.
 */
static void
cap_file_msg(char *errbuf, const char *a, const char *b, const char *c)
{
	struct tbuf	 tb;
	size_t		 n;

	tbuf_init(&tb);
	tbuf_puts(&tb, a);
	tbuf_puts(&tb, b);
	if (*c != '\0') {
		tbuf_puts(&tb, ": ");
		tbuf_esc(&tb, c, strlen(c));
	}
	n = tb.len < ZB_ERRBUFSZ - 1 ? tb.len : ZB_ERRBUFSZ - 1;
	if (n > 0)
		memcpy(errbuf, tb.s, n);
	errbuf[n] = '\0';
	tbuf_free(&tb);
}

/*
 * Locked: the read timeout when nothing may be lost (as fast as possible,
 * or at end of file): wait for the hold slot, then hand over the store
 * buffer if it holds anything.
 */
static int
cap_file_retire(struct cap_file *cf)
{
	int	 r;

	while ((r = zmodel_rotate(&cf->m, ZMODEL_ROT_TIMEOUT)) ==
	    ZMODEL_BUSY)
		if (cap_file_wait_ack(cf) == -1)
			return -1;
	if (r == ZMODEL_STORED)
		cap_file_signal(cf);
	return 0;
}

/*
 * One record: pace it, run the filter (its return value is the snap
 * length, 0 rejects without counting), let the read timeout act in packet
 * time when not pacing, then catchpacket().
 */
static int
cap_file_packet(struct cap_file *cf, const struct pcap_pkthdr *h,
    const u_char *d)
{
	struct zmodel_pkt	 p;
	int64_t			 ts, due;
	double			 gap;
	int			 ret = 0;

	/* With nanosecond precision tv_usec holds nanoseconds. */
	memset(&p, 0, sizeof p);
	p.sec = h->ts.tv_sec;
	p.nsec = h->ts.tv_usec > 0 ? (uint64_t)h->ts.tv_usec % 1000000000 : 0;
	if (h->ts.tv_usec >= 1000000000 && p.sec < INT64_MAX - 5)
		p.sec += h->ts.tv_usec / 1000000000;
	ts = zmodel_ns(p.sec, p.nsec);
	pthread_mutex_lock(&cf->mtx);
	if (cf->speed > 0) {
		if (cf->nread == 0) {
			cf->wall0 = cap_file_now();
			cf->ts0 = ts;
		}
		gap = (double)(ts - cf->ts0) / cf->speed;
		due = cf->wall0 + (int64_t)(gap < 0 ? 0 : gap < 1e17 ? gap : 1e17);
		if (cap_file_wait_until(cf, due) == -1)
			goto stop;
	}
	cap_file_serve(cf);
	if (cf->stop)
		goto stop;
	if (cf->speed == 0 && cf->m.slen != 0 && ts - cf->m.sfirst >= cf->tov &&
	    cap_file_retire(cf) == -1)
		goto stop;
	p.snap = cf->snaplen;
	if (cf->prog != NULL)
		p.snap = bpf_filter(cf->prog, d, h->len, h->caplen);
	if (p.snap == 0)
		goto out;
	if (p.snap > cf->snaplen)
		p.snap = cf->snaplen;
	p.data = d;
	p.caplen = h->caplen;
	p.len = h->len;
	p.epoch = cf->epoch;
	if (cap_file_put(cf, &p) == -1)
		goto stop;
	goto out;
stop:
	ret = -1;
out:
	pthread_mutex_unlock(&cf->mtx);
	return ret;
}

/* catchpacket(), waiting out a busy hold slot when replaying at full speed. */
static int
cap_file_put(struct cap_file *cf, struct zmodel_pkt *p)
{
	int	 r;

	while ((r = zmodel_put(&cf->m, p, cf->speed == 0)) == ZMODEL_BLOCKED)
		if (cap_file_wait_ack(cf) == -1)
			return -1;
	/* The read timeout runs from the store buffer's first record. */
	if (r != ZMODEL_DROPPED && cf->m.buf[cf->m.sbuf].pkts == 1)
		cf->swall = cap_file_now();
	/* A rotation, or buffull() giving the store buffer away. */
	if (r != ZMODEL_STORED)
		cap_file_signal(cf);
	return 0;
}

/* Locked: until the user gives the hold buffer back; -1 when stopping. */
static int
cap_file_wait_ack(struct cap_file *cf)
{
	for (;;) {
		cap_file_serve(cf);
		if (cf->stop)
			return -1;
		zmodel_reclaim(&cf->m);
		if (cf->m.hbuf == -1)
			return 0;
		pthread_cond_wait(&cf->cv, &cf->mtx);
	}
}

/*
 * Locked: sleep until wall time "due" (monotonic ns), meanwhile serving
 * rotate requests and the read timeout of a non-empty store buffer.  A
 * timeout that finds the hold slot busy is retried when the user acks.
 */
static int
cap_file_wait_until(struct cap_file *cf, int64_t due)
{
	struct timespec	 ts;
	int64_t		 now, exp, dl;

	for (;;) {
		cap_file_serve(cf);
		if (cf->stop)
			return -1;
		now = cap_file_now();
		exp = cf->m.slen != 0 ? cf->swall + cf->tov : INT64_MAX;
		if (now >= exp) {
			if (zmodel_rotate(&cf->m, ZMODEL_ROT_TIMEOUT) ==
			    ZMODEL_STORED)
				cap_file_signal(cf);
			exp = INT64_MAX;
		}
		if (now >= due)
			return 0;
		dl = due < exp ? due : exp;
		ts.tv_sec = dl / 1000000000;
		ts.tv_nsec = dl % 1000000000;
		pthread_cond_timedwait(&cf->cv, &cf->mtx, &ts);
	}
}

/* Locked: apply a posted filter and a rotate request between records. */
static void
cap_file_serve(struct cap_file *cf)
{
	if (cf->havepend) {
		free(cf->prog);
		cf->prog = cf->pend;
		cf->epoch = cf->pend_epoch;
		cf->pend = NULL;
		cf->havepend = 0;
	}
	if (cf->rotreq) {
		cf->rotres = zmodel_rotate(&cf->m, ZMODEL_ROT_FORCED);
		cf->rotreq = 0;
		if (cf->rotres == ZMODEL_STORED)
			cap_file_signal(cf);
		pthread_cond_broadcast(&cf->cv);
	}
}

static void
cap_file_signal(struct cap_file *cf)
{
	uint64_t	 one = 1;

	/* EAGAIN: the counter is already non-zero, the consumer will see. */
	if (write(cf->evfd, &one, sizeof one) == -1)
		return;
}

static int64_t
cap_file_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * Read "done" before looking for a buffer: the producer hands its last
 * buffer over before it sets done, so done and nothing ready is the end.
 */
static int
cap_file_next(struct cap *cap, unsigned q, struct cap_block *blk,
    int timeout, char *errbuf)
{
	struct cap_file	*cf = cap->priv;
	struct pollfd	 pfd[2];
	uint64_t	 cnt;
	int		 done, pass, nfd;

	for (pass = 0; pass < 2; pass++) {
		done = __atomic_load_n(&cf->done, __ATOMIC_ACQUIRE);
		if (cap_file_take(cap, blk))
			return 1;
		if (done) {
			cap->eof = 1;
			if (done != CAP_FILE_FAILED)
				return 0;
			snprintf(errbuf, ZB_ERRBUFSZ, "%s", cf->err);
			return -1;
		}
		if (pass == 1)
			break;
		pfd[0].fd = cf->evfd;
		pfd[0].events = POLLIN;
		pfd[1].fd = cf->wakefd;
		pfd[1].events = POLLIN;
		nfd = cf->wakefd >= 0 ? 2 : 1;
		if (poll(pfd, nfd, timeout) == -1 && errno != EINTR) {
			snprintf(errbuf, ZB_ERRBUFSZ, "poll: %s",
			    strerror(errno));
			return -1;
		}
		if (read(cf->evfd, &cnt, sizeof cnt) == -1 && errno != EAGAIN) {
			snprintf(errbuf, ZB_ERRBUFSZ, "eventfd: %s",
			    strerror(errno));
			return -1;
		}
		if (nfd == 2 && (pfd[1].revents & POLLIN))
			break;
	}
	return 0;
}

static int
cap_file_take(struct cap *cap, struct cap_block *blk)
{
	struct cap_file		*cf = cap->priv;
	struct zmodel_view	 v;

	if (!zmodel_user_next(&cf->m, &v))
		return 0;
	cf->view[v.index] = v;
	memset(blk, 0, sizeof *blk);
	blk->index = v.index;
	blk->npkts = v.pkts;
	blk->bytes = v.len;
	blk->seq = v.gen;
	blk->reason = cap_file_reason(v.reason);
	/* Exact: epochs only grow, so an old oldest record means recheck. */
	if ((int32_t)(v.epoch - cf->uepoch) < 0 && cf->newest.bf_len > 0)
		blk->recheck = &cf->newest;
	blk->pos = v.data;
	blk->left = v.pkts;
	return 1;
}

static int
cap_file_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *p)
{
	struct cap_file		*cf = cap->priv;
	struct zmodel_view	*v = &cf->view[blk->index];
	struct zmodel_rec	 r;
	uint32_t		 off;

	if (blk->left == 0)
		return 0;
	off = (uint32_t)(blk->pos - v->data);
	if (!zmodel_user_rec(v, &off, &r)) {
		blk->left = 0;
		return 0;
	}
	blk->pos = v->data + off;
	blk->left--;
	p->data = r.data;
	p->caplen = r.caplen;
	p->len = r.len;
	p->ts.tv_sec = r.sec;
	p->ts.tv_nsec = r.nsec;
	return 1;
}

static void
cap_file_release(struct cap *cap, struct cap_block *blk)
{
	struct cap_file	*cf = cap->priv;

	zmodel_user_ack(&cf->m, &cf->view[blk->index]);
	/* The producer may be waiting for exactly this buffer. */
	pthread_mutex_lock(&cf->mtx);
	pthread_cond_broadcast(&cf->cv);
	pthread_mutex_unlock(&cf->mtx);
}

/*
 * BIOCROTZBUF, applied by the producer between two records so that the
 * model keeps a single writer; once it has exited, applied here.
 */
static int
cap_file_rotate(struct cap *cap, char *errbuf)
{
	struct cap_file	*cf = cap->priv;
	int		 r;

	pthread_mutex_lock(&cf->mtx);
	if (cf->started && !cf->exited) {
		cf->rotreq = 1;
		pthread_cond_broadcast(&cf->cv);
		while (cf->rotreq && !cf->exited)
			pthread_cond_wait(&cf->cv, &cf->mtx);
	}
	if (!cf->started || cf->rotreq) {
		cf->rotreq = 0;
		cf->rotres = zmodel_rotate(&cf->m, ZMODEL_ROT_FORCED);
	}
	r = cf->rotres;
	pthread_mutex_unlock(&cf->mtx);
	if (r == ZMODEL_EMPTY)
		return CAP_NOTHING;
	if (r == ZMODEL_BUSY)
		return CAP_AGAIN;
	return 0;
}

/*
 * Post a copy of the program; the producer switches between two records
 * and stamps each buffer with the epoch of its oldest record.
 */
static int
cap_file_setfilter(struct cap *cap, struct bpf_program *fp, char *errbuf)
{
	struct cap_file	*cf = cap->priv;
	struct bpf_insn	*copy = NULL;

	if (fp != NULL && fp->bf_len > 0) {
		if (!bpf_validate(fp->bf_insns, (int)fp->bf_len)) {
			snprintf(errbuf, ZB_ERRBUFSZ, "invalid filter program");
			return -1;
		}
		if ((copy = calloc(fp->bf_len, sizeof *copy)) == NULL) {
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot copy filter: %s",
			    strerror(errno));
			return -1;
		}
		memcpy(copy, fp->bf_insns, fp->bf_len * sizeof *copy);
		cap_keep(&cf->newest, fp);
	} else {
		free(cf->newest.bf_insns);
		memset(&cf->newest, 0, sizeof cf->newest);
	}
	pthread_mutex_lock(&cf->mtx);
	free(cf->pend);
	cf->pend = copy;
	cf->havepend = 1;
	cf->pend_epoch = ++cf->uepoch;
	if (!cf->started || cf->exited)
		cap_file_serve(cf);
	pthread_cond_broadcast(&cf->cv);
	pthread_mutex_unlock(&cf->mtx);
	return 0;
}

static int
cap_file_kstats(struct cap *cap, struct cap_kstats *ks)
{
	struct cap_file	*cf = cap->priv;

	pthread_mutex_lock(&cf->mtx);
	ks->packets = cf->m.npackets - cf->told.packets;
	ks->drops = cf->m.ndrops - cf->told.drops;
	ks->freezes = cf->m.nfreezes - cf->told.freezes;
	cf->told.packets = cf->m.npackets;
	cf->told.drops = cf->m.ndrops;
	cf->told.freezes = cf->m.nfreezes;
	pthread_mutex_unlock(&cf->mtx);
	return 0;
}

static int
cap_file_buffers(struct cap *cap, struct cap_bufstate *bs, int n)
{
	struct cap_file		*cf = cap->priv;
	struct zmodel_state	 st;
	static const enum cap_owner own[] = {
		[ZMODEL_OWN_FREE] = CAP_OWN_FREE,
		[ZMODEL_OWN_KERNEL] = CAP_OWN_KERNEL,
		[ZMODEL_OWN_USER] = CAP_OWN_USER
	};
	int			 i;

	pthread_mutex_lock(&cf->mtx);
	for (i = 0; i < n && i < ZMODEL_NBUFS; i++) {
		zmodel_state(&cf->m, i, &st);
		memset(&bs[i], 0, sizeof bs[i]);
		bs[i].index = i;
		bs[i].owner = own[st.owner];
		bs[i].size = cf->m.datasize;
		bs[i].pkts = st.pkts;
		bs[i].used = st.used;
		bs[i].seq = st.gen;
		bs[i].reason = cap_file_reason(st.reason);
		bs[i].active = st.active;
	}
	pthread_mutex_unlock(&cf->mtx);
	return i;
}

static int
cap_file_ifdrops(struct cap *cap, uint64_t *drops)
{
	return -1;
}

static void
cap_file_close(struct cap *cap)
{
	struct cap_file	*cf = cap->priv;

	if (cf == NULL)
		return;
	if (cf->started) {
		pthread_mutex_lock(&cf->mtx);
		cf->stop = 1;
		pthread_cond_broadcast(&cf->cv);
		pthread_mutex_unlock(&cf->mtx);
		pthread_join(cf->thread, NULL);
	}
	if (cf->evfd != -1)
		close(cf->evfd);
	pcap_close(cf->pcap);
	zmodel_free(&cf->m);
	free(cf->prog);
	free(cf->pend);
	free(cf->newest.bf_insns);
	pthread_cond_destroy(&cf->cv);
	pthread_mutex_destroy(&cf->mtx);
	free(cf);
	cap->priv = NULL;
}

static enum cap_reason
cap_file_reason(enum zmodel_reason r)
{
	switch (r) {
	case ZMODEL_ROT_FULL:
		return CAP_ROT_FULL;
	case ZMODEL_ROT_TIMEOUT:
		return CAP_ROT_TIMEOUT;
	case ZMODEL_ROT_FORCED:
		return CAP_ROT_FORCED;
	default:
		return CAP_ROT_NONE;
	}
}
