/*
 * A fake /dev/bpf for Linux: the calls of bpfsys.h answered by zmodel.c
 * with the rules of FreeBSD's bpfioctl(), bpfread(), bpf_poll() and
 * bpf_zerocopy.c (../shared/freebsd-zbuf.md): EINVAL, EBUSY and
 * EOPNOTSUPP where the kernel gives them, every ioctl resetting the read
 * timeout state, reset_d() on BIOCSETF, BIOCFLUSH and attach.  One
 * descriptor at a time; packets come from bpfsys_fake_put(), called by
 * the test between the backend's calls.  Only tests use it: zbtop on
 * Linux does not register the FreeBSD backend.  Never blocks except in
 * poll, on the caller's wake-up descriptor.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pcap/pcap.h>

#include "bpfc.h"
#include "bpfsys.h"
#include "zmodel.h"

#define FAKE_FD		4242		/* not a descriptor of this process */
#define FAKE_PAGE	4096
#define FAKE_ZMAX	(512 * FAKE_PAGE)	/* BIOCGETZMAX on amd64 */
#define FAKE_BUFSIZE	4096		/* net.bpf.bufsize */
#define FAKE_MAXBUF	524288		/* net.bpf.maxbufsize */
#define FAKE_MAXINSNS	512		/* BPF_MAXINSNS */
#define FAKE_NCOUNT	64

/* bd_state: the read timeout's callout. */
enum fake_state { FAKE_IDLE, FAKE_WAITING, FAKE_TIMED_OUT };

static struct {
	int			 open;
	int			 zerocopy;	/* net.bpf.zerocopy_enable */
	unsigned		 bufmode;
	unsigned		 bufsize;	/* BIOCSBLEN, read mode */
	int			 havebufs;
	int			 attached;
	int			 immediate;
	unsigned		 tstamp;
	long long		 rtout_ms;
	enum fake_state		 state;
	long long		 deadline;
	struct zmodel		 m;
	uint8_t			*rbuf[2];	/* read mode's kernel buffers */
	struct bpf_insn		*prog;
	unsigned long		 allowed[8];	/* bpfsys_limit(), 0: all */
	size_t			 nallowed;
	int			 limited;
	unsigned long long	 ifdrops;	/* bpfsys_fake_ifdrops() */
	unsigned		 fail_req;
	int			 fail_errno;
	struct {
		unsigned long	 req;
		unsigned long	 n;
	}			 count[FAKE_NCOUNT];
} fk;

static int	 fake_ioctl(unsigned long, void *);
static int	 fake_knobs(unsigned long, void *);
static int	 fake_bufs(unsigned long, void *);
static int	 fake_attach(const struct bpfc_ifreq *);
static int	 fake_setf(const struct bpfc_program *);
static void	 fake_count(unsigned long);
static int	 fake_allowed(unsigned long);
static void	 fake_drop(void);
static long long fake_now(void);

/* The sysctl net.bpf.zerocopy_enable, and a fresh device. */
void
bpfsys_fake_reset(int zerocopy)
{
	fake_drop();
	memset(&fk, 0, sizeof fk);
	fk.zerocopy = zerocopy;
}

static void
fake_drop(void)
{
	zmodel_free(&fk.m);
	free(fk.rbuf[0]);
	free(fk.rbuf[1]);
	free(fk.prog);
	fk.rbuf[0] = fk.rbuf[1] = NULL;
	fk.prog = NULL;
}

/* The next call of request req fails with err (0: none). */
void
bpfsys_fake_fail(unsigned long req, int err)
{
	fk.fail_req = (unsigned)req;
	fk.fail_errno = err;
}

/* What the interface reports as input drops from now on. */
void
bpfsys_fake_ifdrops(unsigned long long n)
{
	fk.ifdrops = n;
}

/* The "fake*" interfaces exist, with the drops set above. */
int
bpfsys_ifdrops(const char *ifname, unsigned long long *drops)
{
	if (strncmp(ifname, "fake", 4) != 0) {
		errno = ENXIO;
		return -1;
	}
	*drops = fk.ifdrops;
	return 0;
}

struct zmodel *
bpfsys_fake_model(void)
{
	return &fk.m;
}

/* How many times request req was made (poll: 0, read: 1). */
unsigned long
bpfsys_fake_calls(unsigned long req)
{
	int	 i;

	for (i = 0; i < FAKE_NCOUNT; i++)
		if (fk.count[i].req == req)
			return fk.count[i].n;
	return 0;
}

static void
fake_count(unsigned long req)
{
	int	 i;

	for (i = 0; i < FAKE_NCOUNT; i++)
		if (fk.count[i].req == req || fk.count[i].n == 0) {
			fk.count[i].req = req;
			fk.count[i].n++;
			return;
		}
}

/*
 * bpf_tap(): bd_rcount counts every packet, the filter's return value is
 * the snap length (0: not for us), then catchpacket().  -1 when no
 * interface is attached, else zmodel_put()'s result.
 */
int
bpfsys_fake_put(const void *pkt, unsigned len, long long sec, unsigned nsec)
{
	struct zmodel_pkt	 p;
	unsigned		 snap = len;

	if (!fk.attached)
		return -1;
	if (fk.prog != NULL)
		snap = bpf_filter(fk.prog, pkt, len, len);
	if (snap == 0) {
		fk.m.rcount++;
		return ZMODEL_STORED;
	}
	memset(&p, 0, sizeof p);
	p.sec = sec;
	p.nsec = fk.tstamp == BPFC_T_MICROTIME ? nsec / 1000 : nsec;
	p.data = pkt;
	p.caplen = p.len = len;
	p.snap = snap;
	return zmodel_put(&fk.m, &p, 0);
}

int
bpfsys_open(void)
{
	if (fk.open) {
		errno = EBUSY;
		return -1;
	}
	if (fk.fail_req == 0 && fk.fail_errno != 0) {
		errno = fk.fail_errno;
		fk.fail_errno = 0;
		return -1;
	}
	fk.open = 1;
	fk.bufmode = BPFC_BUFMODE_BUFFER;
	fk.bufsize = FAKE_BUFSIZE;
	return FAKE_FD;
}

void
bpfsys_close(int fd)
{
	int	 zc = fk.zerocopy;

	if (fd != FAKE_FD || !fk.open)
		return;
	fake_drop();
	memset(&fk, 0, sizeof fk);
	fk.zerocopy = zc;
}

/* bpfioctl(): every request first stops the read timeout. */
int
bpfsys_ioctl(int fd, unsigned long req, void *arg)
{
	if (fd != FAKE_FD || !fk.open) {
		errno = EBADF;
		return -1;
	}
	fake_count(req);
	if (fk.limited && !fake_allowed(req)) {
		errno = EPERM;		/* FreeBSD: ENOTCAPABLE */
		return -1;
	}
	fk.state = FAKE_IDLE;
	if (fk.fail_req != 0 && fk.fail_req == (unsigned)req) {
		fk.fail_req = 0;
		errno = fk.fail_errno;
		return -1;
	}
	return fake_ioctl(req, arg);
}

static int
fake_ioctl(unsigned long req, void *arg)
{
	unsigned	 v;

	switch (req) {
	case BPFC_BIOCGETBUFMODE:
		*(unsigned *)arg = fk.bufmode;
		return 0;
	case BPFC_BIOCSETBUFMODE:
		/* bpfioctl() checks the mode first, then for EBUSY. */
		v = *(unsigned *)arg;
		if (v != BPFC_BUFMODE_BUFFER &&
		    (v != BPFC_BUFMODE_ZBUF || !fk.zerocopy)) {
			errno = EINVAL;
			return -1;
		}
		if (fk.havebufs || fk.attached) {
			errno = EBUSY;
			return -1;
		}
		fk.bufmode = v;
		return 0;
	case BPFC_BIOCGETZMAX:
	case BPFC_BIOCSETZBUF:
	case BPFC_BIOCROTZBUF:
	case BPFC_BIOCGBLEN:
	case BPFC_BIOCSBLEN:
		return fake_bufs(req, arg);
	case BPFC_BIOCSETIF:
		return fake_attach(arg);
	case BPFC_BIOCSETF:
		return fake_setf(arg);
	case BPFC_BIOCFLUSH:
		if (fk.havebufs)
			zmodel_flush(&fk.m);
		return 0;
	default:
		return fake_knobs(req, arg);
	}
}

/* The settings and counters; ENOTTY for a request bpf does not know. */
static int
fake_knobs(unsigned long req, void *arg)
{
	struct bpfc_stat	*st;
	struct bpfc_timeval	*tv;
	unsigned		 v;

	switch (req) {
	case BPFC_BIOCPROMISC:
	case BPFC_BIOCGDLT:
		if (!fk.attached)
			goto inval;
		if (req == BPFC_BIOCGDLT)
			*(unsigned *)arg = DLT_EN10MB;
		return 0;
	case BPFC_BIOCSRTIMEOUT:
		tv = arg;
		if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
			goto inval;
		fk.rtout_ms = tv->tv_sec * 1000LL + tv->tv_usec / 1000;
		return 0;
	case BPFC_BIOCGSTATS:
		st = arg;
		st->bs_recv = fk.m.rcount;
		st->bs_drop = fk.m.dcount;
		return 0;
	case BPFC_BIOCIMMEDIATE:
		fk.immediate = *(unsigned *)arg != 0;
		return 0;
	case BPFC_BIOCSTSTAMP:
		/* The fake stores micro- and nanoseconds only. */
		v = *(unsigned *)arg;
		if (v != BPFC_T_MICROTIME && v != BPFC_T_NANOTIME)
			goto inval;
		fk.tstamp = v;
		return 0;
	default:
		errno = ENOTTY;
		return -1;
	}
inval:
	errno = EINVAL;
	return -1;
}

/*
 * The buffer requests: zero-copy ones need zero-copy mode (else
 * EOPNOTSUPP), BIOCSBLEN needs read mode; BIOCSETZBUF only once, before
 * attach, with two page-aligned buffers of whole pages up to the max.
 */
static int
fake_bufs(unsigned long req, void *arg)
{
	struct bpfc_zbuf	*bz = arg;
	int			 zb = fk.bufmode == BPFC_BUFMODE_ZBUF;

	if (req == BPFC_BIOCGBLEN) {
		*(unsigned *)arg = zb ? (fk.havebufs ? (unsigned)fk.m.datasize :
		    0) : fk.bufsize;
		return 0;
	}
	if (req == BPFC_BIOCSBLEN) {
		if (zb) {
			errno = EOPNOTSUPP;
			return -1;
		}
		if (fk.attached) {
			errno = EINVAL;
			return -1;
		}
		fk.bufsize = *(unsigned *)arg;
		if (fk.bufsize > FAKE_MAXBUF)
			fk.bufsize = FAKE_MAXBUF;
		if (fk.bufsize < 32)
			fk.bufsize = 32;
		*(unsigned *)arg = fk.bufsize;
		return 0;
	}
	if (!zb) {
		errno = EOPNOTSUPP;
		return -1;
	}
	if (req == BPFC_BIOCGETZMAX) {
		*(size_t *)arg = FAKE_ZMAX;
		return 0;
	}
	if (req == BPFC_BIOCROTZBUF) {
		memset(bz, 0, sizeof *bz);
		if (fk.havebufs && zmodel_rotate(&fk.m, ZMODEL_ROT_FORCED) ==
		    ZMODEL_STORED) {
			bz->bz_bufa = fk.m.buf[fk.m.hbuf].base;
			bz->bz_buflen = fk.m.hlen;
		}
		return 0;
	}
	if (fk.havebufs || fk.attached || bz->bz_bufa == NULL ||
	    bz->bz_bufb == NULL || bz->bz_buflen == 0 ||
	    bz->bz_buflen % FAKE_PAGE != 0 || bz->bz_buflen > FAKE_ZMAX ||
	    (uintptr_t)bz->bz_bufa % FAKE_PAGE != 0 ||
	    (uintptr_t)bz->bz_bufb % FAKE_PAGE != 0) {
		errno = EINVAL;
		return -1;
	}
	zmodel_attach(&fk.m, bz->bz_bufa, bz->bz_bufb, bz->bz_buflen, 14);
	fk.havebufs = 1;
	return 0;
}

/* BIOCSETIF: "fake*" interfaces exist; read mode allocates its buffers. */
static int
fake_attach(const struct bpfc_ifreq *ifr)
{
	size_t	 size;

	if (strncmp(ifr->name, "fake", 4) != 0 ||
	    memchr(ifr->name, '\0', sizeof ifr->name) == NULL) {
		errno = ENXIO;
		return -1;
	}
	if (fk.bufmode == BPFC_BUFMODE_ZBUF && !fk.havebufs) {
		errno = EINVAL;
		return -1;
	}
	if (!fk.havebufs) {
		size = fk.bufsize + sizeof(struct bpfc_zhdr);
		if ((fk.rbuf[0] = calloc(1, size)) == NULL ||
		    (fk.rbuf[1] = calloc(1, size)) == NULL)
			return -1;
		zmodel_attach(&fk.m, fk.rbuf[0], fk.rbuf[1], size, 14);
		fk.havebufs = 1;
	}
	fk.attached = 1;
	zmodel_flush(&fk.m);
	return 0;
}

/* BIOCSETF: validated, copied, then reset_d(). */
static int
fake_setf(const struct bpfc_program *fp)
{
	struct bpf_insn	*copy = NULL;

	if (fp->bf_len > FAKE_MAXINSNS || (fp->bf_len > 0 &&
	    (fp->bf_insns == NULL || !bpf_validate(fp->bf_insns,
	    (int)fp->bf_len)))) {
		errno = EINVAL;
		return -1;
	}
	if (fp->bf_len > 0) {
		if ((copy = calloc(fp->bf_len, sizeof *copy)) == NULL)
			return -1;
		memcpy(copy, fp->bf_insns, fp->bf_len * sizeof *copy);
	}
	free(fk.prog);
	fk.prog = copy;
	if (fk.havebufs)
		zmodel_flush(&fk.m);
	return 0;
}

/* Capsicum's cap_ioctls_limit(), remembered and enforced. */
int
bpfsys_limit(int fd, const unsigned long *reqs, size_t n)
{
	if (fd != FAKE_FD || !fk.open || n > 8) {
		errno = fd != FAKE_FD || !fk.open ? EBADF : EINVAL;
		return -1;
	}
	memcpy(fk.allowed, reqs, n * sizeof *reqs);
	fk.nallowed = n;
	fk.limited = 1;
	return 0;
}

static int
fake_allowed(unsigned long req)
{
	size_t	 i;

	for (i = 0; i < fk.nallowed; i++)
		if (fk.allowed[i] == req)
			return 1;
	return 0;
}

/*
 * bpf_poll(): readable when bpf_ready(); otherwise a read timeout arms
 * the callout once (bd_state WAITING) and its expiry makes a non-empty
 * store buffer readable.  Waits on wakefd only; 1 readable, 0 not.
 */
int
bpfsys_poll(int fd, int wakefd, int ms)
{
	struct pollfd	 pfd;
	long long	 now, end, wait;

	if (fd != FAKE_FD || !fk.open) {
		errno = EBADF;
		return -1;
	}
	fake_count(0);
	now = fake_now();
	end = now + (ms < 0 ? 3600000 : ms);
	if (fk.rtout_ms > 0 && fk.state == FAKE_IDLE) {
		fk.state = FAKE_WAITING;
		fk.deadline = now + fk.rtout_ms;
	}
	for (;;) {
		if (fk.state == FAKE_WAITING && now >= fk.deadline)
			fk.state = FAKE_TIMED_OUT;
		if (fk.havebufs && zmodel_ready(&fk.m, fk.immediate ||
		    fk.state == FAKE_TIMED_OUT))
			return 1;
		wait = end - now;
		if (fk.state == FAKE_WAITING && fk.deadline - now < wait)
			wait = fk.deadline - now;
		if (wait <= 0 && now >= end)
			return 0;
		pfd.fd = wakefd;
		pfd.events = POLLIN;
		if (poll(&pfd, wakefd >= 0 ? 1 : 0, (int)wait) > 0)
			return 0;
		now = fake_now();
	}
}

/*
 * bpfread(): zero-copy mode has no read(2); the length must be the
 * buffer size; the hold buffer, or after a timeout (or in immediate mode)
 * the store buffer rotated into hold, is copied out and freed.
 */
ssize_t
bpfsys_read(int fd, void *buf, size_t len)
{
	uint32_t	 n;

	if (fd != FAKE_FD || !fk.open) {
		errno = EBADF;
		return -1;
	}
	fake_count(1);
	if (fk.bufmode == BPFC_BUFMODE_ZBUF) {
		errno = EOPNOTSUPP;
		return -1;
	}
	if (!fk.attached) {
		errno = ENXIO;
		return -1;
	}
	if (len != fk.bufsize) {
		errno = EINVAL;
		return -1;
	}
	if (fk.m.hbuf == -1 && fk.m.slen != 0 && (fk.immediate ||
	    fk.state == FAKE_TIMED_OUT))
		(void)zmodel_rotate(&fk.m, ZMODEL_ROT_TIMEOUT);
	fk.state = FAKE_IDLE;
	if (fk.m.hbuf == -1)
		return 0;
	n = fk.m.hlen;
	memcpy(buf, fk.m.buf[fk.m.hbuf].base + sizeof(struct bpfc_zhdr), n);
	/* Read mode frees the hold buffer at once. */
	((struct bpfc_zhdr *)(void *)fk.m.buf[fk.m.hbuf].base)->user_gen =
	    ((struct bpfc_zhdr *)(void *)fk.m.buf[fk.m.hbuf].base)->kernel_gen;
	zmodel_reclaim(&fk.m);
	return n;
}

static long long
fake_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}
