/*
 * The file backend's producer thread: reads the pcap or pcapng file
 * through pcap_next_ex() (a stream through cap_file_read(), which hands
 * over before it waits) and stores each record into the zbuf model
 * (zmodel.c) as catchpacket() would, switching filters and answering
 * rotate requests between two records.  As fast as possible it waits for
 * the consumer and keeps time by packet timestamps; at recorded speed it
 * keeps wall time and drops as bpf would.  Never prints, never allocates
 * per packet.
 */
#include <sys/types.h>

#include <errno.h>
#include <pcap/pcap.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "cap-file-int.h"
#include "tbuf.h"
#include "zmodel.h"

static int	 cap_file_packet(struct cap_file *, const struct pcap_pkthdr *,
		    const u_char *);
static int	 cap_file_put(struct cap_file *, struct zmodel_pkt *);
static int	 cap_file_wait_ack(struct cap_file *);
static int	 cap_file_wait_until(struct cap_file *, int64_t);
static void	 cap_file_gap(struct cap_file *, int64_t);
static int	 cap_file_retire(struct cap_file *);
static int	 cap_file_quiet(struct cap_file *, struct pollfd *, int);
static void	 cap_file_failed(struct cap_file *, long);
static void	 cap_file_signal(struct cap_file *);

/*
 * The producer.  ftell() before each record gives the offset of the record
 * libpcap is about to read, for the message if that record is bad (on a
 * stream, through compat_fropen()'s count of the bytes read).
 */
void *
cap_file_run(void *arg)
{
	struct cap_file		*cf = arg;
	struct pcap_pkthdr	*h;
	const u_char		*d;
	FILE			*fp = pcap_file(cf->pcap);
	long			 off;
	int			 rc, how = CAP_FILE_EOF;

	/* Cancelled only while waiting for a stream (cap_file_read). */
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	cf->live = 1;
	if (fp != NULL && !cf->stream)
		compat_ftell_cheap(fp);
	for (;;) {
		off = fp != NULL ? ftell(fp) : -1;
		rc = pcap_next_ex(cf->pcap, &h, &d);
		if (rc == 1) {
			if (cap_file_packet(cf, h, d) == -1)
				break;
			cf->nread++;
			continue;
		}
		/* A stop while waiting looks like an end, maybe mid-record. */
		if (rc != PCAP_ERROR_BREAK && !cf->halt) {
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
 * A stream's read function, called by stdio (compat_fropen()) inside
 * libpcap's fread() when stdio's buffer is empty: so "would the next read
 * block?" is asked once a refill, not once a record, and only when every
 * record already buffered has been stored.  If no byte is ready, and none
 * comes within the read timeout (-T), the store buffer is handed over, as
 * the read timeout would, and the wait goes on.  The timeout keeps a
 * writer's short pauses (cat's between two writes, tcpdump -U's between
 * two packets) from handing over every few records.  Before the producer
 * runs (libpcap reading the file header in cap_file_open()) it is plain
 * read(2).
 *
 * Locks and cancellation: called on the producer thread with the mutex
 * not held and cancellation disabled (cap_file_run()).  It takes the
 * mutex to check stop, to hand over (cap_file_retire() may wait there
 * for the user's ack) and around each wait (cap_file_quiet()).  A wait
 * sets inread under the mutex in which stop was checked, then unlocks:
 * with inread set, cap_file_rotate() applies a rotation itself and
 * cap_file_close() cancels, and this thread does not touch the model
 * until it has cleared inread under the mutex again.  So either close
 * sees inread and cancels, or this sees stop and ends (returns 0 with
 * halt set, an end of file to libpcap, which cap_file_run() does not
 * report).  Cancellation is enabled only around the two poll()s, with
 * no lock held and no byte taken: cancelled, the thread ends there
 * (close joins it, then pcap_close() frees the stream) and nothing read
 * is lost.  read(2) comes after poll() said a byte or the end is there,
 * with cancellation disabled again; a poll() that fails is the read's
 * error.  The thread blocks every signal (main_start()), so no EINTR.
 * Not covered: another reader of the same FIFO or tty taking the bytes
 * poll() saw; read(2) then waits uncancelled, and closing with it.
 */
ssize_t
cap_file_read(void *arg, void *buf, size_t n)
{
	struct cap_file	*cf = arg;
	struct pollfd	 pfd;
	int		 r;

	pfd.fd = cf->fd;
	pfd.events = POLLIN;
	if (!cf->live)
		return read(cf->fd, buf, n);
	if ((r = poll(&pfd, 1, 0)) != 0)
		return r == -1 ? -1 : read(cf->fd, buf, n);
	pthread_mutex_lock(&cf->mtx);
	if (!cf->stop && (r = cap_file_quiet(cf, &pfd,
	    (int)(cf->tov / 1000000) + 1)) == 0 &&
	    cap_file_retire(cf) == 0 && !cf->stop)
		r = cap_file_quiet(cf, &pfd, -1);
	cf->halt = cf->stop;
	pthread_mutex_unlock(&cf->mtx);
	if (cf->halt)
		return 0;
	return r == -1 ? -1 : read(cf->fd, buf, n);
}

/*
 * Locked: poll() for the stream's bytes for ms (-1: until they come),
 * unlocked and cancellable meanwhile, with inread set (cap_file_read()).
 * poll()'s result.
 */
static int
cap_file_quiet(struct cap_file *cf, struct pollfd *pfd, int ms)
{
	int	 r, e;

	cf->inread = 1;
	pthread_cond_broadcast(&cf->cv);
	pthread_mutex_unlock(&cf->mtx);
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
	r = poll(pfd, 1, ms);
	e = errno;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	pthread_mutex_lock(&cf->mtx);
	cf->inread = 0;
	errno = e;
	return r;
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
	int64_t			 ts;
	int			 ret = 0;

	/* With nanosecond precision tv_usec holds nanoseconds. */
	memset(&p, 0, sizeof p);
	p.sec = h->ts.tv_sec;
	/*
	 * A pcap record's seconds are an unsigned 32-bit field that libpcap
	 * sign-extends: past 2038 they are not before 1970.
	 */
	if (p.sec < 0 && p.sec >= INT32_MIN)
		p.sec += (int64_t)1 << 32;
	p.nsec = h->ts.tv_usec > 0 ? (uint64_t)h->ts.tv_usec % 1000000000 : 0;
	if (h->ts.tv_usec >= 1000000000 && p.sec < INT64_MAX - 5)
		p.sec += h->ts.tv_usec / 1000000000;
	ts = zmodel_ns(p.sec, p.nsec);
	pthread_mutex_lock(&cf->mtx);
	if (cf->speed > 0) {
		if (cf->nread == 0 || cf->wall0 == 0) {
			cf->wall0 = cap_file_now();
			cf->ts0 = ts;
		} else
			cap_file_gap(cf, ts);
		if (cap_file_wait_until(cf, ts) == -1)
			goto stop;
	}
	cf->tsprev = ts;
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
 * Locked: a record at ts (ns) after a silent gap in the file longer
 * than CAP_FILE_MAXWAIT_NS that would also be slept through for longer
 * than that (a slow replay keeps the file's shorter pauses, slowed down
 * as asked): move the pacing origin so
 * that it is due now, and count the gap for kstats.  A file dated 1970
 * and then 2025 does not wait 55 years.
 */
static void
cap_file_gap(struct cap_file *cf, int64_t ts)
{
	int64_t	 gap = ts - cf->tsprev;

	if (gap <= CAP_FILE_MAXWAIT_NS ||
	    (double)gap / cf->speed <= CAP_FILE_MAXWAIT_NS)
		return;
	cf->ts0 += gap;
	cf->gaps++;
	cf->gap_s += (uint64_t)(gap / 1000000000);
}

/*
 * Locked: sleep until the wall time record time ts is due at the current
 * speed (it may change meanwhile: the speed slot re-anchors and wakes
 * us), serving rotate requests and the read timeout of a non-empty store
 * buffer.  A timeout that finds the hold slot busy is retried when the
 * user acks.
 */
static int
cap_file_wait_until(struct cap_file *cf, int64_t tsrec)
{
	struct timespec	 ts;
	int64_t		 now, exp, dl, due;
	double		 gap;

	for (;;) {
		cap_file_serve(cf);
		if (cf->stop)
			return -1;
		if (cf->speed <= 0)
			return 0;
		gap = (double)(tsrec - cf->ts0) / cf->speed;
		due = cf->wall0 + (int64_t)(gap < 0 ? 0 : gap < 1e17 ? gap :
		    1e17);
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
void
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

/* CLOCK_MONOTONIC in ns: the pacing clock. */
int64_t
cap_file_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * errbuf = a b ": " c, cut to ZB_ERRBUFSZ; a and b are ours (b escaped
 * already), c is libpcap's text and gets escaped.  errbuf may be a.
 */
void
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
