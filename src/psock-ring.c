/*
 * Another process's capture ring, read-only, once psock-attach.c has
 * found it and opened /proc/PID/mem: its block headers (TPACKET_V3) or
 * frame statuses (V2) are read with pread, each block's owner and how
 * long it has been held worked out, the socket's drops taken from
 * sock_diag, and a verdict drawn as for zbtop's own ring.  Never writes
 * to the process or its socket.  Every value read is the other
 * process's memory, so hostile: nothing from it is used as a length or
 * an offset.  Layouts: linux/if_packet.h (tpacket_block_desc,
 * tpacket2_hdr); block life: af_packet.c (prb_open_block,
 * prb_close_block, prb_retire_rx_blk_timer_expired).
 */
#include <sys/types.h>

#include <poll.h>

#include <linux/if_packet.h>
#include <linux/packet_diag.h>

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "psock-int.h"
#include "psock.h"
#include "xmalloc.h"

#define PSOCK_STOP_S	2.0	/* held this long, none given back: stopped */
#define PSOCK_V2SMALL	4096	/* V2 frames up to this are read by block */
#define PSOCK_V2BUF	(1 << 20)	/* bytes of a block read at once */

static int	psock_v3(struct psock_att *, struct psock_ringsnap *);
static void	psock_v3_held(struct psock_att *, struct psock_ringsnap *, int,
	    const struct tpacket_block_desc *, double);
static void	psock_v3_sum(struct psock_ringsnap *, int);
static int	psock_v2(struct psock_att *, struct psock_ringsnap *);
static int	psock_v2_block(struct psock_att *, const struct psock_ringsnap *,
		    int, uint32_t);
static int	psock_v2_status(struct psock_att *,
		    const struct psock_ringsnap *, int, uint32_t, uint32_t *);
static void	psock_verdict(struct psock_att *, struct psock_ringsnap *);
static double	psock_now(int);
static void	psock_head(struct psock_ringsnap *,
		    const struct psock_ringsnap *);
static int	psock_exited(const struct psock_att *);
static int	psock_gone(struct psock_att *, struct psock_ringsnap *, int,
		    char *);
static int	psock_drops(struct psock_att *, struct psock *,
		    struct psock_ringsnap *);

static double
psock_now(int clk)
{
	struct timespec	 ts;

	clock_gettime(clk, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Copies everything but the blocks: a whole snapshot is 2.6 MB
 * (PSOCK_MAXBLK blocks), and two such copies per read were 80% of
 * --attach's CPU.  Every read rewrites each block it shows.
 */
static void
psock_head(struct psock_ringsnap *dst, const struct psock_ringsnap *src)
{
	memcpy(dst, src, offsetof(struct psock_ringsnap, blk));
}

/*
 * Whether the attached process has exited: its pidfd turns readable
 * then (kernel/pid.c, pidfd_poll), even as a zombie and whatever process
 * takes its number later; without one, kill(2).  EPERM is alive, but
 * another user's now that root is gone.
 */
static int
psock_exited(const struct psock_att *a)
{
	struct pollfd	 p;

	if (a->pidfd == -1)
		return kill(a->pid, 0) == -1 && errno == ESRCH;
	p.fd = a->pidfd;
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, 0) == 1;
}

/*
 * The end of an attachment: the process exited, or it lives on without
 * the ring (its memory no longer holds it: unmapped, or a new program
 * after exec; or the socket is gone).  Always -1.
 */
static int
psock_gone(struct psock_att *a, struct psock_ringsnap *rs, int exited,
    char *errbuf)
{
	rs->verdict = exited ? PSOCK_V_GONE : PSOCK_V_UNMAPPED;
	if (exited)
		snprintf(rs->why, sizeof rs->why, "process %d exited",
		    a->pid);
	else
		snprintf(rs->why, sizeof rs->why, "process %d runs on "
		    "without the ring: closed, unmapped or exec'd", a->pid);
	snprintf(errbuf, PSOCK_ERRSZ, exited ? "process %d exited while "
	    "attached" : "process %d no longer maps socket %u's ring (closed "
	    "or unmapped it, or exec'd)", a->pid, a->ino);
	psock_head(&a->last, rs);
	return -1;
}

/*
 * Drops: the socket's sk_drops from sock_diag, in its namespace.  0, or
 * -1 when a whole answer no longer lists the socket: closed and not
 * mapped anywhere, so what is read at the ring's address is not it.
 */
static int
psock_drops(struct psock_att *a, struct psock *ps, struct psock_ringsnap *rs)
{
	static struct psock_snap	 s;
	char				 err[PSOCK_ERRSZ];
	int				 i, listed = 0;

	rs->have_drops = 0;
	s.nrows = 0;
	s.truncated = 0;
	for (i = 0; ps != NULL && i < ps->nns; i++)
		if (ps->ns[i].ino == a->ns && ps->ns[i].diag != -1 &&
		    psock_dump(ps->ns[i].diag, ++ps->seq, PACKET_SHOW_MEMINFO,
		    &s, a->ns, 0, NULL, 0, NULL, err) == 0 && !s.truncated)
			listed = 1;
	for (i = 0; i < s.nrows; i++)
		if (s.rows[i].ino == a->ino) {
			listed = 0;
			if (!s.rows[i].have_mem)
				continue;
			rs->have_drops = 1;
			rs->drops = s.rows[i].drops;
			rs->rmem = s.rows[i].rmem;
		}
	return listed ? -1 : 0;
}

int
psock_ring_read(struct psock_att *a, struct psock *ps,
    struct psock_ringsnap *rs, char *errbuf)
{
	int	 rc;

	psock_head(rs, &a->last);
	rs->t = psock_now(CLOCK_MONOTONIC);
	rs->nown[0] = rs->nown[1] = rs->nown[2] = 0;
	rs->pkts_held = rs->pkts_ring = 0;
	rs->oldest = 0;
	rc = rs->version == 3 ? psock_v3(a, rs) : psock_v2(a, rs);
	if (psock_exited(a))
		return psock_gone(a, rs, 1, errbuf);
	if (rc == -1 || psock_drops(a, ps, rs) == -1)
		return psock_gone(a, rs, 0, errbuf);
	rs->ddrops = a->reads > 0 && a->last.have_drops && rs->have_drops &&
	    rs->drops >= a->last.drops ? rs->drops - a->last.drops : 0;
	psock_verdict(a, rs);
	a->reads++;
	psock_head(&a->last, rs);
	return 0;
}

/*
 * Block i, which user space holds (TP_STATUS_USER): how long it has, from
 * when it closed, about the time of its last packet (real is
 * CLOCK_REALTIME, rs->t the monotonic time of this read, in seconds).
 */
static void
psock_v3_held(struct psock_att *a, struct psock_ringsnap *rs, int i,
    const struct tpacket_block_desc *d, double real)
{
	struct psock_blk	*b = &rs->blk[i];
	double			 now = rs->t, last;

	b->owner = PSOCK_OWN_USER;
	if (a->heldseq[i] != b->seq || a->since[i] == 0) {
		/*
		 * Closed about when its last packet came: prb_close_block
		 * copies that packet's tp_sec and tp_nsec (whole seconds
		 * alone made a block up to 1 s older, "stopped" early).
		 */
		a->since[i] = now;
		last = d->hdr.bh1.ts_last_pkt.ts_sec +
		    (d->hdr.bh1.ts_last_pkt.ts_nsec < 1000000000 ?
		    d->hdr.bh1.ts_last_pkt.ts_nsec / 1e9 : 0);
		if (d->hdr.bh1.ts_last_pkt.ts_sec != 0 && real - last > 0 &&
		    real - last < 86400)
			a->since[i] = now - (real - last);
		a->heldseq[i] = b->seq;
	}
	b->held = now - a->since[i];
	if (b->held > rs->oldest)
		rs->oldest = b->held;
	rs->pkts_held += b->pkts;
}

/* The ring's totals over its n blocks, once each block's owner is known. */
static void
psock_v3_sum(struct psock_ringsnap *rs, int n)
{
	uint64_t	dseq;
	int		i;

	/*
	 * prb_close_block marks a block TP_STATUS_LOSING while the socket
	 * has drops its owner has not read (PACKET_STATISTICS): the newest
	 * closed block turning losing means drops began since last time.
	 */
	rs->losing = 0;
	for (i = 0, dseq = 0; i < n; i++)
		if (rs->blk[i].owner != PSOCK_OWN_KERNEL &&
		    rs->blk[i].seq > dseq) {
			dseq = rs->blk[i].seq;
			rs->losing = rs->blk[i].losing;
		}
	for (i = 0; i < n; i++) {
		if (rs->blk[i].owner == PSOCK_OWN_FREE)
			rs->blk[i].pkts = rs->blk[i].used = 0;
		rs->nown[rs->blk[i].owner]++;
		rs->pkts_ring += rs->blk[i].pkts;
	}
}

/*
 * TPACKET_V3: status USER is a block handed over and not yet given
 * back.  Of the KERNEL ones, the one with the highest sequence number
 * is being filled (prb_open_block numbers blocks as it opens them); the
 * rest are free and their counts are left over from before.
 */
static int
psock_v3(struct psock_att *a, struct psock_ringsnap *rs)
{
	struct tpacket_block_desc	 d;
	struct psock_blk		*b;
	double				 now = rs->t, real;
	uint64_t			 top = 0, dseq;
	int				 i, n, cur = -1;

	real = psock_now(CLOCK_REALTIME);
	n = rs->g.block_nr < PSOCK_MAXBLK ? (int)rs->g.block_nr : PSOCK_MAXBLK;
	rs->nblk = n;
	rs->released = 0;
	for (i = 0; i < n; i++) {
		b = &rs->blk[i];
		if (pread(a->mem, &d, sizeof d, (off_t)(a->base +
		    (uint64_t)i * rs->g.block_size)) != (ssize_t)sizeof d)
			return -1;
		b->seq = d.hdr.bh1.seq_num;
		b->pkts = d.hdr.bh1.num_pkts;
		b->used = d.hdr.bh1.blk_len < rs->g.block_size ?
		    d.hdr.bh1.blk_len : rs->g.block_size;
		b->losing = (d.hdr.bh1.block_status & TP_STATUS_LOSING) != 0;
		b->held = -1;
		if (a->reads > 0 && a->heldseq[i] != 0 &&
		    (!(d.hdr.bh1.block_status & TP_STATUS_USER) ||
		    a->heldseq[i] != b->seq))
			rs->released++;
		if (d.hdr.bh1.block_status & TP_STATUS_USER)
			psock_v3_held(a, rs, i, &d, real);
		else {
			b->owner = PSOCK_OWN_FREE;
			a->heldseq[i] = 0;
			a->since[i] = 0;
			if (cur == -1 || b->seq > rs->blk[cur].seq)
				cur = i;
		}
		if (b->seq > top)
			top = b->seq;
	}
	if (cur != -1 && rs->blk[cur].seq == top)
		rs->blk[cur].owner = PSOCK_OWN_KERNEL;
	psock_v3_sum(rs, n);
	dseq = top >= a->last.seq ? top - a->last.seq : 0;
	rs->rotps = a->reads > 0 && now > a->last.t ?
	    (double)dseq / (now - a->last.t) : 0;
	rs->seq = top;
	return 0;
}

/*
 * The first nf frames of V2 block i, as far as their statuses go: one
 * pread of the block when its frames are small (many statuses to one
 * system call: 47,656 frames of 176 bytes took a fifth of a core at a
 * 100 ms refresh read one by one), else nothing here and a pread per
 * frame in psock_v2_status.  -1: unreadable.
 */
static int
psock_v2_block(struct psock_att *a, const struct psock_ringsnap *rs, int i,
    uint32_t nf)
{
	size_t	 len = (size_t)nf * rs->g.frame_size;

	a->v2len = 0;
	if (rs->g.frame_size > PSOCK_V2SMALL || len > PSOCK_V2BUF || nf == 0)
		return 0;
	if (a->v2buf == NULL)
		a->v2buf = xmalloc(PSOCK_V2BUF);
	if (pread(a->mem, a->v2buf, len, (off_t)(a->base +
	    (uint64_t)i * rs->g.block_size)) != (ssize_t)len)
		return -1;
	a->v2len = len;
	return 0;
}

/*
 * tp_status of frame f of block i into *st: the first member of struct
 * tpacket2_hdr, a __u32, or of TPACKET_V1's struct tpacket_hdr, an
 * unsigned long whose low bits carry the same flags; -1: unreadable.
 */
static int
psock_v2_status(struct psock_att *a, const struct psock_ringsnap *rs, int i,
    uint32_t f, uint32_t *st)
{
	uint64_t	 off = (uint64_t)f * rs->g.frame_size;
	unsigned long	 l = 0;
	size_t		 w = rs->version == 1 ? sizeof l : sizeof *st;
	void		*to = rs->version == 1 ? (void *)&l : (void *)st;

	if (off + w <= a->v2len)
		memcpy(to, a->v2buf + off, w);
	else if (pread(a->mem, to, w, (off_t)(a->base + (uint64_t)i *
	    rs->g.block_size + off)) != (ssize_t)w)
		return -1;
	if (rs->version == 1)
		*st = (uint32_t)l;
	return 0;
}

/*
 * TPACKET_V1 and V2: frame status, grouped by block; no sequence
 * numbers.
 */
static int
psock_v2(struct psock_att *a, struct psock_ringsnap *rs)
{
	struct psock_blk	*b;
	uint32_t		 fpb, st, f, nf, held;
	double			 now = rs->t;
	int			 i, n, washeld;

	fpb = rs->g.block_size / rs->g.frame_size;
	n = rs->g.block_nr < PSOCK_MAXBLK ? (int)rs->g.block_nr : PSOCK_MAXBLK;
	rs->nblk = n;
	rs->released = 0;
	rs->rotps = -1;
	for (i = 0; i < n; i++) {
		b = &rs->blk[i];
		memset(b, 0, sizeof *b);
		held = 0;
		nf = (uint64_t)i * fpb >= rs->g.frame_nr ? 0 :
		    (uint64_t)i * fpb + fpb <= rs->g.frame_nr ? fpb :
		    (uint32_t)(rs->g.frame_nr - (uint64_t)i * fpb);
		if (psock_v2_block(a, rs, i, nf) == -1)
			return -1;
		for (f = 0; f < nf; f++) {
			if (psock_v2_status(a, rs, i, f, &st) == -1)
				return -1;
			if (st & TP_STATUS_USER)
				held++;
			if (st & TP_STATUS_LOSING)
				b->losing = 1;
		}
		washeld = a->heldseq[i] != 0;
		b->pkts = held;
		b->used = held * rs->g.frame_size;	/* fpb frames fit */
		b->owner = held > 0 ? PSOCK_OWN_USER : PSOCK_OWN_FREE;
		b->held = -1;
		if (held > 0) {
			if (!washeld || held < a->heldseq[i])
				a->since[i] = now;
			if (washeld && held < a->heldseq[i])
				rs->released++;
			a->heldseq[i] = held;
			b->held = now - a->since[i];
			if (b->held > rs->oldest)
				rs->oldest = b->held;
		} else {
			if (washeld && a->reads > 0)
				rs->released++;
			a->heldseq[i] = 0;
		}
		rs->pkts_held += held;
		rs->pkts_ring += held;
		rs->nown[b->owner]++;
	}
	return 0;
}

/*
 * The same three diagnoses as for zbtop's own ring: blocks held and
 * none given back for PSOCK_STOP_S is a stopped consumer (a running
 * one gives a block back within milliseconds); a full ring, or drops
 * with most blocks held, is a consumer too slow for the rate; drops
 * with most blocks free is a ring too small for the bursts.
 */
static void
psock_verdict(struct psock_att *a, struct psock_ringsnap *rs)
{
	int	 held = rs->nown[PSOCK_OWN_USER], dropping, full;

	/* A frame ring's block is held by one frame: full is every frame. */
	full = rs->version == 3 ? held == rs->nblk :
	    rs->pkts_held >= rs->g.frame_nr;

	/* sk_drops misses ring drops (tpacket_rcv counts tp_drops only). */
	dropping = rs->ddrops > 0 || (rs->losing && !a->last.losing);

	if (a->reads == 0) {
		rs->verdict = PSOCK_V_MEASURING;
		snprintf(rs->why, sizeof rs->why, "first sample");
	} else if (held > 0 && rs->released == 0 &&
	    rs->oldest >= PSOCK_STOP_S) {
		rs->verdict = PSOCK_V_STOPPED;
		snprintf(rs->why, sizeof rs->why, "%d of %d blocks held, "
		    "none given back for %.1fs", held, rs->nblk, rs->oldest);
	} else if (full && rs->released == 0) {
		rs->verdict = PSOCK_V_STOPPED;
		snprintf(rs->why, sizeof rs->why, "ring full: all %d blocks "
		    "held, none given back yet", held);
	} else if (full) {
		rs->verdict = PSOCK_V_SLOW;
		snprintf(rs->why, sizeof rs->why, "ring full: all %d blocks "
		    "held, %d given back since", held, rs->released);
	} else if (dropping && held * 2 >= rs->nblk) {
		rs->verdict = PSOCK_V_SLOW;
		snprintf(rs->why, sizeof rs->why, "drops with %d of %d "
		    "blocks held", held, rs->nblk);
	} else if (dropping) {
		rs->verdict = PSOCK_V_SMALL;
		snprintf(rs->why, sizeof rs->why, "drops with only %d of %d "
		    "blocks held", held, rs->nblk);
	} else {
		rs->verdict = PSOCK_V_OK;
		snprintf(rs->why, sizeof rs->why, "no drops, blocks given "
		    "back");
	}
}
