/*
 * The file backend: a producer thread (cap-file-prod.c) reads pcap or
 * pcapng through libpcap and plays the kernel of zmodel.c, FreeBSD's
 * two-buffer zero-copy BPF, so replay exercises real buffer accounting.
 * This file opens and closes the backend and holds its ops: the
 * consumer (the engine thread) sees buffers only through bpfz.c, the
 * FreeBSD backend's consumer core; rotate, setfilter, kstats and buffers
 * reach the producer's side under the mutex (cap-file-int.h).  Never
 * prints, never allocates per packet.
 */
#include <sys/eventfd.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bpfz.h"
#include "cap.h"
#include "cap-file-int.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zmodel.h"

#define CAP_FILE_DEFKIB		1024	/* -B: 2 x 512 KiB */
#define CAP_FILE_DEFTOV		8	/* -T ms, like TPACKET_V3's default */
#define CAP_FILE_SNAPLEN	262144

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
static int	 cap_file_speed(struct cap *, double, char *);
static int	 cap_file_buffers(struct cap *, struct cap_bufstate *, int);
static int	 cap_file_ifdrops(struct cap *, uint64_t *);
static void	 cap_file_close(struct cap *);
static const char *cap_file_perr(const char *, const char *);
static pcap_t	*cap_file_pcap(struct cap_file *, const char *, char *);
static pcap_t	*cap_file_fdopen(int, char *);

static int	 cap_file_take(struct cap *, struct cap_block *);
static enum cap_reason cap_file_reason(enum zmodel_reason);

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
	.speed = cap_file_speed,
	.close = cap_file_close
};

/*
 * libpcap's reason without the file name it puts first when it cannot
 * open the file ("F: No such file or directory"), so the line names
 * the file once, as tcpdump's does.
 */
static const char *
cap_file_perr(const char *perr, const char *file)
{
	size_t	 n = strlen(file);

	if (strncmp(perr, file, n) == 0 && strncmp(perr + n, ": ", 2) == 0)
		return perr + n + 2;
	return perr;
}

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
	cf->fd = -1;
	if ((cf->pcap = cap_file_pcap(cf, conf->file, perr)) == NULL) {
		cap_file_msg(errbuf, "cannot read ", cf->name,
		    cap_file_perr(perr, conf->file));
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
		if (cf->ownfd)
			close(cf->fd);
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
	bpfz_init(&cf->z, cf->m.buf[0].base, cf->m.buf[1].base, cf->m.bufsize,
	    BPFZ_TS_NANO);
	/* The snaplen in force: -s cuts records below the file's own. */
	cap->filesnap = pcap_snapshot(cf->pcap);
	cap->snaplen = (unsigned)cap->filesnap;
	if (conf->snaplen != 0 && conf->snaplen < cap->snaplen)
		cap->snaplen = conf->snaplen;
	cap->nrings = 1;
	cap->nbufs = ZMODEL_NBUFS;
	cap->bufsize = cf->m.datasize;
	snprintf(cap->geometry, sizeof cap->geometry, "%d x %zu KiB "
	    "(zbuf model)", ZMODEL_NBUFS, cf->m.bufsize / 1024);
	cap->priv = cf;
	return 0;
}

/*
 * libpcap's handle on file ("-": standard input).  A regular file (or
 * anything but a pipe, FIFO, tty or socket) libpcap opens and reads
 * itself.  A stream, which may go quiet without ending, is read through
 * cap_file_read() instead; a FIFO is opened once, here, as fopen() would
 * have (waiting for a writer).  NULL: the reason in perr.
 */
static pcap_t *
cap_file_pcap(struct cap_file *cf, const char *file, char *perr)
{
	struct stat	 st;
	pcap_t		*p;
	FILE		*fp;
	int		 std = strcmp(file, "-") == 0, fd = -1;

	/*
	 * The type of what was opened, not of the name: a name looked at and
	 * then opened could have become a FIFO in between.
	 */
	if (!std && (fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(perr, PCAP_ERRBUF_SIZE, "%s", strerror(errno));
		return NULL;
	}
	cf->stream = fstat(std ? STDIN_FILENO : fd, &st) == 0 &&
	    (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) ||
	    S_ISSOCK(st.st_mode));
	if (!cf->stream && std)
		return pcap_open_offline_with_tstamp_precision(file,
		    PCAP_TSTAMP_PRECISION_NANO, perr);
	if (!cf->stream)
		return cap_file_fdopen(fd, perr);
	cf->fd = std ? STDIN_FILENO : fd;
	cf->ownfd = !std;
	cf->rd.read = cap_file_read;
	cf->rd.arg = cf;
	if ((fp = compat_fropen(&cf->rd)) == NULL) {
		snprintf(perr, PCAP_ERRBUF_SIZE, "%s", strerror(errno));
		if (cf->ownfd)
			close(cf->fd);
		return NULL;
	}
	p = pcap_fopen_offline_with_tstamp_precision(fp,
	    PCAP_TSTAMP_PRECISION_NANO, perr);
	if (p == NULL) {
		fclose(fp);
		if (cf->ownfd)
			close(cf->fd);
	}
	return p;
}

/* libpcap on the regular file open on fd, which it then owns. */
static pcap_t *
cap_file_fdopen(int fd, char *perr)
{
	pcap_t	*p;
	FILE	*fp;

	if ((fp = fdopen(fd, "r")) == NULL) {
		snprintf(perr, PCAP_ERRBUF_SIZE, "%s", strerror(errno));
		close(fd);
		return NULL;
	}
	if ((p = pcap_fopen_offline_with_tstamp_precision(fp,
	    PCAP_TSTAMP_PRECISION_NANO, perr)) == NULL)
		fclose(fp);
	return p;
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
	struct bpfz_view	 v;
	struct zmodel_buf	*b;

	if (!bpfz_next(&cf->z, &v))
		return 0;
	cf->view[v.index] = v;
	/* Written by the producer before the generation bump we saw. */
	b = &cf->m.buf[v.index];
	bpfz_block(&v, b->pkts, blk);
	blk->reason = cap_file_reason(b->reason);
	/* Exact: epochs only grow, so an old oldest record means recheck. */
	if ((int32_t)(b->epoch - cf->uepoch) < 0 && cf->newest.bf_len > 0)
		blk->recheck = &cf->newest;
	return 1;
}

static int
cap_file_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *p)
{
	struct cap_file		*cf = cap->priv;
	struct bpfz_view	*v = &cf->view[blk->index];

	if (!bpfz_pkt(&cf->z, v, &blk->left, p))
		return 0;
	blk->pos = v->data + v->off;	/* past this record */
	return 1;
}

static void
cap_file_release(struct cap *cap, struct cap_block *blk)
{
	struct cap_file	*cf = cap->priv;

	bpfz_ack(&cf->z, &cf->view[blk->index]);
	/* The producer may be waiting for exactly this buffer. */
	pthread_mutex_lock(&cf->mtx);
	pthread_cond_broadcast(&cf->cv);
	pthread_mutex_unlock(&cf->mtx);
}

/*
 * BIOCROTZBUF, applied by the producer between two records so that the
 * model keeps a single writer; once it has exited, or while it waits for
 * a pipe's next bytes outside the model, applied here.  The answer is
 * read as cap-bpf.c reads the kernel's (bpfz_rotated()).
 */
static int
cap_file_rotate(struct cap *cap, char *errbuf)
{
	struct cap_file	*cf = cap->priv;
	const void	*moved = NULL;
	int		 r;

	pthread_mutex_lock(&cf->mtx);
	if (cf->started && !cf->exited) {
		cf->rotreq = 1;
		pthread_cond_broadcast(&cf->cv);
		while (cf->rotreq && !cf->exited && !cf->inread)
			pthread_cond_wait(&cf->cv, &cf->mtx);
	}
	if (!cf->started || cf->rotreq) {
		cf->rotreq = 0;
		cf->rotres = zmodel_rotate(&cf->m, ZMODEL_ROT_FORCED);
	}
	r = cf->rotres;
	/* Not taken yet, so not acked: still in the hold slot. */
	if (r == ZMODEL_STORED && cf->m.hbuf != -1)
		moved = cf->m.buf[cf->m.hbuf].base;
	pthread_mutex_unlock(&cf->mtx);
	return bpfz_rotated(&cf->z, moved, CAP_ROT_FORCED);
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

	/* Cut to 32 bits as BIOCGSTATS does; bpfz_kstats() widens. */
	pthread_mutex_lock(&cf->mtx);
	bpfz_kstats(&cf->z, (uint32_t)cf->m.npackets, (uint32_t)cf->m.ndrops,
	    ks);
	ks->ring_packets[0] = ks->packets;
	ks->freezes = cf->m.nfreezes - cf->told.freezes;
	cf->told.freezes = cf->m.nfreezes;
	ks->gaps = cf->gaps;
	ks->gap_s = cf->gap_s;
	cf->gaps = cf->gap_s = 0;
	pthread_mutex_unlock(&cf->mtx);
	return 0;
}

/*
 * A new replay speed, from the last record read on: the pacing origin
 * moves there, and a producer waiting for a record's time wakes to
 * compute it again.
 */
static int
cap_file_speed(struct cap *cap, double speed, char *errbuf)
{
	struct cap_file	*cf = cap->priv;

	pthread_mutex_lock(&cf->mtx);
	cf->speed = speed > 0 ? speed : 0;
	cf->wall0 = 0;		/* the next record anchors the pace */
	if (cf->nread > 0) {
		cf->wall0 = cap_file_now();
		cf->ts0 = cf->tsprev;
	}
	pthread_cond_broadcast(&cf->cv);
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
		/* A pipe that stays open and quiet would hold the join. */
		if (cf->inread)
			pthread_cancel(cf->thread);
		pthread_mutex_unlock(&cf->mtx);
		pthread_join(cf->thread, NULL);
	}
	if (cf->evfd != -1)
		close(cf->evfd);
	/* A stream's FILE goes with the handle; its descriptor stays. */
	pcap_close(cf->pcap);
	if (cf->ownfd)
		close(cf->fd);
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
