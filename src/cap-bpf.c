/*
 * The FreeBSD backend: zero-copy BPF (BIOCSETZBUF, the seed's system) as
 * -m zbuf, and read(2) on a BPF_BUFMODE_BUFFER descriptor as -m copy.
 * Buffers, records and counters go through bpfz.c, the consumer core
 * that -r replays run too; the system calls through bpfsys.h, so this
 * file runs on Linux against bpfsys-fake.c (tests/unit/test-cap-bpf.c).
 * Never prints, never allocates per packet.  Kernel facts: sys/net/bpf.c,
 * sys/net/bpf_zerocopy.c, bpf(4); see ../shared/freebsd-zbuf.md.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "bpfc.h"
#include "bpfsys.h"
#include "bpfz.h"
#include "cap.h"
#include "tbuf.h"
#include "xmalloc.h"

#define CAP_BPF_DEFKIB		2048	/* -B: 2 x 1 MiB */
#define CAP_BPF_DEFTOV		8	/* -T ms */
#define CAP_BPF_SNAPLEN		262144
#define CAP_BPF_PAGE		4096

/* The backend's state, cap->priv. */
struct cap_bpf {
	int			 fd;
	int			 zbuf;		/* else read(2) */
	char			 ifname[ZB_ERRBUFSZ];	/* escaped */
	char			 ifraw[BPFC_IFNAMSIZ];	/* for getifaddrs */
	int			 wakefd;
	uint8_t			*buf[2];	/* zbuf: A and B; copy: buf[0] */
	size_t			 buflen;	/* each, header included */
	struct bpfz		 z;
	struct bpfz_view	 view[2];
	/* Buffers the user owned when BIOCSETF ran, by generation. */
	int			 stale[2];
	uint32_t		 stalegen[2];
	struct bpf_program	 newest;
	struct cap_kstats	 pend;		/* read before a counter reset */
	/* Copy mode. */
	uint64_t		 reads;
	int			 held;
	uint32_t		 lastpkts, lastused;
};

static int	 cap_bpf_open(struct cap *, const struct cap_conf *, char *);
static int	 cap_bpf_mode(struct cap *, struct cap_bpf *,
		    const struct cap_conf *, char *);
static int	 cap_bpf_zsetup(struct cap *, struct cap_bpf *,
		    const struct cap_conf *, char *);
static int	 cap_bpf_rsetup(struct cap *, struct cap_bpf *,
		    const struct cap_conf *, char *);
static int	 cap_bpf_attach(struct cap *, struct cap_bpf *,
		    const struct cap_conf *, char *);
static int	 cap_bpf_ioc(struct cap_bpf *, unsigned long, const char *,
		    void *, char *);
static int	 cap_bpf_start(struct cap *, char *);
static int	 cap_bpf_next(struct cap *, unsigned, struct cap_block *, int,
		    char *);
static int	 cap_bpf_read(struct cap *, struct cap_block *, int, char *);
static int	 cap_bpf_take(struct cap_bpf *, struct cap_block *);
static int	 cap_bpf_pkt(struct cap *, struct cap_block *, struct cap_pkt *);
static void	 cap_bpf_release(struct cap *, struct cap_block *);
static int	 cap_bpf_rotate(struct cap *, char *);
static int	 cap_bpf_rotz(struct cap_bpf *, enum cap_reason, char *);
static int	 cap_bpf_setfilter(struct cap *, struct bpf_program *, char *);
static int	 cap_bpf_kstats(struct cap *, struct cap_kstats *);
static int	 cap_bpf_buffers(struct cap *, struct cap_bufstate *, int);
static int	 cap_bpf_ifdrops(struct cap *, uint64_t *);
static void	 cap_bpf_close(struct cap *);

const struct cap_ops cap_bpf_ops = {
	.name = "zbuf",
	.open = cap_bpf_open,
	.start = cap_bpf_start,
	.next = cap_bpf_next,
	.pkt = cap_bpf_pkt,
	.release = cap_bpf_release,
	.rotate = cap_bpf_rotate,
	.setfilter = cap_bpf_setfilter,
	.kstats = cap_bpf_kstats,
	.buffers = cap_bpf_buffers,
	.ifdrops = cap_bpf_ifdrops,
	.close = cap_bpf_close
};

/* read(2) mode: the same slots, no rotation (the kernel keeps buffers). */
const struct cap_ops cap_bpf_copy_ops = {
	.name = "copy",
	.open = cap_bpf_open,
	.start = cap_bpf_start,
	.next = cap_bpf_next,
	.pkt = cap_bpf_pkt,
	.release = cap_bpf_release,
	.rotate = NULL,
	.setfilter = cap_bpf_setfilter,
	.kstats = cap_bpf_kstats,
	.buffers = cap_bpf_buffers,
	.ifdrops = cap_bpf_ifdrops,
	.close = cap_bpf_close
};

static int
cap_bpf_open(struct cap *cap, const struct cap_conf *conf, char *errbuf)
{
	struct cap_bpf	*cb;

	if (conf->iface == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "no interface given (-i)");
		return -1;
	}
	cb = xcalloc(1, sizeof *cb);
	cb->fd = -1;
	cap->priv = cb;
	esc_str(cb->ifname, sizeof cb->ifname, conf->iface,
	    strlen(conf->iface));
	cb->wakefd = conf->wakefd[0];
	if ((cb->fd = bpfsys_open()) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot open /dev/bpf: %s",
		    strerror(errno));
		goto fail;
	}
	if (cap_bpf_mode(cap, cb, conf, errbuf) == -1)
		goto fail;
	if ((cb->zbuf ? cap_bpf_zsetup(cap, cb, conf, errbuf) :
	    cap_bpf_rsetup(cap, cb, conf, errbuf)) == -1)
		goto fail;
	cap->snaplen = conf->snaplen ? conf->snaplen : CAP_BPF_SNAPLEN;
	cap->retire_ms = conf->retire_ms ? conf->retire_ms : CAP_BPF_DEFTOV;
	cap->nrings = 1;
	cap->nbufs = cb->zbuf ? 2 : 1;
	cap->bufsize = cb->zbuf ? (uint32_t)(cb->buflen - BPFC_ZHDRLEN) :
	    (uint32_t)cb->buflen;
	snprintf(cap->geometry, sizeof cap->geometry, cb->zbuf ?
	    "2 x %zu KiB (zero-copy BPF)" : "%zu KiB (BPF read)",
	    cb->buflen / 1024);
	return cap_bpf_attach(cap, cb, conf, errbuf);
fail:
	cap_bpf_close(cap);
	return -1;
}

/*
 * BIOCSETBUFMODE.  FreeBSD ships with net.bpf.zerocopy_enable=0, and then
 * zero-copy mode fails with EINVAL: without -m we say so and read(2)
 * instead (libpcap falls back silently); with -m zbuf it is an error.
 */
static int
cap_bpf_mode(struct cap *cap, struct cap_bpf *cb, const struct cap_conf *conf,
    char *errbuf)
{
	unsigned	 mode = BPFC_BUFMODE_ZBUF;

	if (cap->ops != &cap_bpf_ops)
		return 0;
	if (bpfsys_ioctl(cb->fd, BPFC_BIOCSETBUFMODE, &mode) == 0) {
		cb->zbuf = 1;
		return 0;
	}
	if (errno != EINVAL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot choose zero-copy BPF "
		    "(BIOCSETBUFMODE): %s", strerror(errno));
		return -1;
	}
	if (conf->strict) {
		snprintf(errbuf, ZB_ERRBUFSZ, "zero-copy BPF is off: turn it "
		    "on with sysctl net.bpf.zerocopy_enable=1, or use -m copy");
		return -1;
	}
	snprintf(cap->note, sizeof cap->note, "zero-copy BPF is off, reading "
	    "with read(2) (-m copy); turn it on with sysctl "
	    "net.bpf.zerocopy_enable=1");
	cap->ops = &cap_bpf_copy_ops;
	return 0;
}

/*
 * Two page-aligned buffers of half of -B each, at most BIOCGETZMAX (the
 * kernel refuses more with EINVAL), handed over with BIOCSETZBUF before
 * BIOCSETIF, the only order the kernel accepts.
 */
static int
cap_bpf_zsetup(struct cap *cap, struct cap_bpf *cb,
    const struct cap_conf *conf, char *errbuf)
{
	struct bpfc_zbuf	 bz;
	size_t			 zmax = 0, want;
	int			 i;

	if (cap_bpf_ioc(cb, BPFC_BIOCGETZMAX, "BIOCGETZMAX", &zmax,
	    errbuf) == -1)
		return -1;
	want = (size_t)(conf->buffer_kib ? conf->buffer_kib :
	    CAP_BPF_DEFKIB) * 1024 / 2;
	want = (want + CAP_BPF_PAGE - 1) / CAP_BPF_PAGE * CAP_BPF_PAGE;
	if (want == 0)
		want = CAP_BPF_PAGE;
	cb->buflen = want;
	if (want > zmax) {
		cb->buflen = zmax / CAP_BPF_PAGE * CAP_BPF_PAGE;
		snprintf(cap->note, sizeof cap->note, "-B %u KiB is more than "
		    "zero-copy BPF allows: using 2 x %zu KiB (BIOCGETZMAX)",
		    conf->buffer_kib, cb->buflen / 1024);
	}
	for (i = 0; i < 2; i++) {
		if (cb->buflen == 0 || posix_memalign((void **)&cb->buf[i],
		    CAP_BPF_PAGE, cb->buflen) != 0) {
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot allocate 2 x %zu "
			    "bytes for zero-copy BPF", cb->buflen);
			return -1;
		}
		memset(cb->buf[i], 0, cb->buflen);
	}
	memset(&bz, 0, sizeof bz);
	bz.bz_bufa = cb->buf[0];
	bz.bz_bufb = cb->buf[1];
	bz.bz_buflen = cb->buflen;
	return cap_bpf_ioc(cb, BPFC_BIOCSETZBUF, "BIOCSETZBUF", &bz, errbuf);
}

/* read(2) mode: BIOCSBLEN before attach; the kernel may give less. */
static int
cap_bpf_rsetup(struct cap *cap, struct cap_bpf *cb,
    const struct cap_conf *conf, char *errbuf)
{
	unsigned	 len;

	len = (conf->buffer_kib ? conf->buffer_kib : CAP_BPF_DEFKIB) * 512;
	if (cap_bpf_ioc(cb, BPFC_BIOCSBLEN, "BIOCSBLEN", &len, errbuf) == -1)
		return -1;
	cb->buflen = len;
	return 0;
}

/*
 * Attach, then learn what the kernel made of it: link type, buffer size
 * (read mode), stamps.  Nanosecond stamps where BIOCSTSTAMP has them.
 * Immediate mode stays off: with it, poll() reports the descriptor
 * readable whenever the store buffer holds data, and while an
 * acknowledged buffer sits in the hold slot BIOCROTZBUF cannot move it,
 * so a poll-and-rotate loop spins (libpcap's does).  The read timeout
 * (-T) makes a non-empty store buffer readable instead.
 */
static int
cap_bpf_attach(struct cap *cap, struct cap_bpf *cb,
    const struct cap_conf *conf, char *errbuf)
{
	struct bpfc_ifreq	 ifr;
	struct bpfc_timeval	 tv;
	unsigned		 v;
	enum bpfz_ts		 ts = BPFZ_TS_NANO;

	memset(&ifr, 0, sizeof ifr);
	if (strlen(conf->iface) >= sizeof ifr.name) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s: interface name too long",
		    cb->ifname);
		goto fail;
	}
	memcpy(ifr.name, conf->iface, strlen(conf->iface));
	memcpy(cb->ifraw, ifr.name, sizeof cb->ifraw);
	v = BPFC_T_NANOTIME;
	if (bpfsys_ioctl(cb->fd, BPFC_BIOCSTSTAMP, &v) == -1)
		ts = BPFZ_TS_MICRO;	/* bpf_hdr with a timeval */
	if (cap_bpf_ioc(cb, BPFC_BIOCSETIF, "BIOCSETIF", &ifr, errbuf) == -1)
		goto fail;
	v = 0;
	if (cap_bpf_ioc(cb, BPFC_BIOCIMMEDIATE, "BIOCIMMEDIATE", &v,
	    errbuf) == -1)
		goto fail;
	tv.tv_sec = cap->retire_ms / 1000;
	tv.tv_usec = (cap->retire_ms % 1000) * 1000;
	if (cap_bpf_ioc(cb, BPFC_BIOCSRTIMEOUT, "BIOCSRTIMEOUT", &tv,
	    errbuf) == -1)
		goto fail;
	if (conf->promisc && cap_bpf_ioc(cb, BPFC_BIOCPROMISC, "BIOCPROMISC",
	    NULL, errbuf) == -1)
		goto fail;
	if (cap_bpf_ioc(cb, BPFC_BIOCGDLT, "BIOCGDLT", &v, errbuf) == -1)
		goto fail;
	cap->dlt = (int)v;
	if (!cb->zbuf) {
		if (cap_bpf_ioc(cb, BPFC_BIOCGBLEN, "BIOCGBLEN", &v,
		    errbuf) == -1)
			goto fail;
		cb->buflen = v;
		cap->bufsize = v;
		cb->buf[0] = xcalloc(1, v);
	}
	bpfz_init(&cb->z, cb->buf[0], cb->buf[1], cb->zbuf ? cb->buflen : 0,
	    ts);
	cb->z.datalen = cb->zbuf ? (uint32_t)(cb->buflen - BPFC_ZHDRLEN) :
	    (uint32_t)cb->buflen;
	return 0;
fail:
	cap_bpf_close(cap);
	return -1;
}

/* One ioctl; on failure errbuf says which, on what, and why. */
static int
cap_bpf_ioc(struct cap_bpf *cb, unsigned long req, const char *name,
    void *arg, char *errbuf)
{
	if (bpfsys_ioctl(cb->fd, req, arg) == 0)
		return 0;
	snprintf(errbuf, ZB_ERRBUFSZ, "%s on %s: %s", name, cb->ifname,
	    strerror(errno));
	return -1;
}

/*
 * What arrived before this (filter set-up, attach) is not ours.  Then the
 * descriptor keeps only what running needs: read, poll and the ioctls of
 * rotate, filter changes and counters (Capsicum, as tcpdump does).
 */
static int
cap_bpf_start(struct cap *cap, char *errbuf)
{
	static const unsigned long	 run[] = {
		BPFC_BIOCGSTATS, BPFC_BIOCROTZBUF, BPFC_BIOCSETF
	};
	struct cap_bpf			*cb = cap->priv;

	if (cap_bpf_ioc(cb, BPFC_BIOCFLUSH, "BIOCFLUSH", NULL, errbuf) == -1)
		return -1;
	bpfz_kreset(&cb->z);
	if (bpfsys_limit(cb->fd, run, sizeof run / sizeof run[0]) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot limit /dev/bpf to what "
		    "capture needs: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Zero-copy: a buffer is ready when its generation moved (bpfz_next).
 * Otherwise poll; the descriptor turns readable when a full buffer was
 * handed over, or when the read timeout found the store buffer non-empty,
 * which is when we rotate.  A rotation that moves nothing is not retried
 * before the next timeout: every ioctl restarts it (bpfioctl()).
 */
static int
cap_bpf_next(struct cap *cap, unsigned q, struct cap_block *blk,
    int timeout, char *errbuf)
{
	struct cap_bpf	*cb = cap->priv;
	int		 r;

	if (!cb->zbuf)
		return cap_bpf_read(cap, blk, timeout, errbuf);
	if (cap_bpf_take(cb, blk))
		return 1;
	if ((r = bpfsys_poll(cb->fd, cb->wakefd, timeout)) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "poll on %s: %s", cb->ifname,
		    strerror(errno));
		return -1;
	}
	if (cap_bpf_take(cb, blk))
		return 1;
	if (r == 1 && cap_bpf_rotz(cb, CAP_ROT_TIMEOUT, errbuf) == -1)
		return -1;
	return cap_bpf_take(cb, blk);
}

/* read(2) mode: one read is one block, walked by the same core. */
static int
cap_bpf_read(struct cap *cap, struct cap_block *blk, int timeout,
    char *errbuf)
{
	struct cap_bpf		*cb = cap->priv;
	struct bpfz_view	*v = &cb->view[0];
	ssize_t			 n;
	int			 r;

	if ((r = bpfsys_poll(cb->fd, cb->wakefd, timeout)) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "poll on %s: %s", cb->ifname,
		    strerror(errno));
		return -1;
	}
	if (r == 0)
		return 0;
	if ((n = bpfsys_read(cb->fd, cb->buf[0], cb->buflen)) == -1) {
		if (errno == EINTR || errno == EAGAIN)
			return 0;
		snprintf(errbuf, ZB_ERRBUFSZ, "read on %s: %s", cb->ifname,
		    strerror(errno));
		return -1;
	}
	if (n == 0)
		return 0;
	memset(v, 0, sizeof *v);
	v->data = cb->buf[0];
	v->len = (uint32_t)n;
	v->reason = CAP_ROT_FULL;
	bpfz_block(v, bpfz_count(&cb->z, v), blk);
	blk->seq = ++cb->reads;
	cb->held = 1;
	cb->lastpkts = blk->npkts;
	cb->lastused = v->len;
	return 1;
}

static int
cap_bpf_take(struct cap_bpf *cb, struct cap_block *blk)
{
	struct bpfz_view	 v;

	if (!bpfz_next(&cb->z, &v))
		return 0;
	cb->view[v.index] = v;
	bpfz_block(&v, bpfz_count(&cb->z, &v), blk);
	/* Handed over before the last BIOCSETF: recheck its records. */
	if (cb->stale[v.index] && cb->stalegen[v.index] == v.gen &&
	    cb->newest.bf_len > 0)
		blk->recheck = &cb->newest;
	cb->stale[v.index] = 0;
	return 1;
}

static int
cap_bpf_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *p)
{
	struct cap_bpf	*cb = cap->priv;

	return bpfz_pkt(&cb->z, &cb->view[blk->index], &blk->left, p);
}

static void
cap_bpf_release(struct cap *cap, struct cap_block *blk)
{
	struct cap_bpf	*cb = cap->priv;

	if (cb->zbuf)
		bpfz_ack(&cb->z, &cb->view[blk->index]);
	else
		cb->held = 0;
}

static int
cap_bpf_rotate(struct cap *cap, char *errbuf)
{
	return cap_bpf_rotz(cap->priv, CAP_ROT_FORCED, errbuf);
}

/* BIOCROTZBUF, its answer read by the core (0, CAP_AGAIN, CAP_NOTHING). */
static int
cap_bpf_rotz(struct cap_bpf *cb, enum cap_reason why, char *errbuf)
{
	struct bpfc_zbuf	 bz;

	memset(&bz, 0, sizeof bz);
	if (cap_bpf_ioc(cb, BPFC_BIOCROTZBUF, "BIOCROTZBUF", &bz,
	    errbuf) == -1)
		return -1;
	return bpfz_rotated(&cb->z, bz.bz_bufa, why);
}

/*
 * BIOCSETF resets the descriptor (reset_d()): it empties a store buffer
 * not handed over and zeroes the counters.  So first hand the store
 * buffer over (its records predate the filter and come back with
 * recheck set), keep the counters read so far, then attach.  XXX issue
 * 12: while our acknowledged buffer still blocks the hold slot the
 * rotation moves nothing, and what the store buffer holds is lost to
 * BIOCSETF; a reader cannot tell that case from an empty store buffer.
 */
static int
cap_bpf_setfilter(struct cap *cap, struct bpf_program *fp, char *errbuf)
{
	struct cap_bpf		*cb = cap->priv;
	struct bpfc_program	 prog;
	struct cap_kstats	 ks;
	int			 i, r;

	if (cap->state == CAP_RUNNING && cb->zbuf) {
		r = cap_bpf_rotz(cb, CAP_ROT_FORCED, errbuf);
		if (r == -1 || r == CAP_AGAIN)
			return r;
		for (i = 0; i < 2; i++) {
			cb->stale[i] = bpfz_owned(&cb->z, i);
			cb->stalegen[i] = ((struct bpfc_zhdr *)(void *)
			    cb->buf[i])->kernel_gen;
		}
	}
	if (cap_bpf_kstats(cap, &ks) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "BIOCGSTATS on %s: %s",
		    cb->ifname, strerror(errno));
		return -1;
	}
	cb->pend = ks;
	memset(&prog, 0, sizeof prog);
	if (fp != NULL) {
		prog.bf_len = fp->bf_len;
		prog.bf_insns = fp->bf_insns;
	}
	if (cap_bpf_ioc(cb, BPFC_BIOCSETF, "BIOCSETF", &prog, errbuf) == -1)
		return -1;
	bpfz_kreset(&cb->z);
	if (fp != NULL && fp->bf_len > 0)
		cap_keep(&cb->newest, fp);
	return 0;
}

/* BIOCGSTATS: bs_recv counts every packet the descriptor saw. */
static int
cap_bpf_kstats(struct cap *cap, struct cap_kstats *ks)
{
	struct cap_bpf		*cb = cap->priv;
	struct bpfc_stat	 st;

	memset(ks, 0, sizeof *ks);
	if (bpfsys_ioctl(cb->fd, BPFC_BIOCGSTATS, &st) == -1)
		return -1;
	bpfz_kstats(&cb->z, st.bs_recv, st.bs_drop, ks);
	ks->packets += cb->pend.packets;
	ks->drops += cb->pend.drops;
	ks->ring_packets[0] = ks->packets;
	memset(&cb->pend, 0, sizeof cb->pend);
	return 0;
}

/* The seed's names: A and B, held (user), store (kernel) or free. */
static int
cap_bpf_buffers(struct cap *cap, struct cap_bufstate *bs, int n)
{
	struct cap_bpf	*cb = cap->priv;
	int		 i;

	if (!cb->zbuf) {
		if (n < 1)
			return 0;
		memset(bs, 0, sizeof *bs);
		bs->owner = cb->held ? CAP_OWN_USER : CAP_OWN_KERNEL;
		bs->size = cap->bufsize;
		bs->pkts = cb->lastpkts;
		bs->used = cb->lastused;
		bs->seq = cb->reads;
		bs->reason = CAP_ROT_FULL;
		return 1;
	}
	for (i = 0; i < n && i < 2; i++)
		bpfz_bufstate(&cb->z, i, &bs[i]);
	return i;
}

/* The interface's own input drops: if_data's ifi_iqdrops. */
static int
cap_bpf_ifdrops(struct cap *cap, uint64_t *drops)
{
	struct cap_bpf		*cb = cap->priv;
	unsigned long long	 n;

	if (bpfsys_ifdrops(cb->ifraw, &n) == -1)
		return -1;
	*drops = n;
	return 0;
}

static void
cap_bpf_close(struct cap *cap)
{
	struct cap_bpf	*cb = cap->priv;

	if (cb == NULL)
		return;
	/* The kernel stops writing before the buffers go. */
	if (cb->fd >= 0)
		bpfsys_close(cb->fd);
	free(cb->buf[0]);
	free(cb->buf[1]);
	free(cb->newest.bf_insns);
	free(cb);
	cap->priv = NULL;
}
