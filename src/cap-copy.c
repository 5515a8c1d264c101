/*
 * The seed's copy mode (BPF_BUFMODE_BUFFER) on Linux: plain AF_PACKET
 * sockets read with recvmmsg(2), every packet copied into our own buffer.
 * One "buffer" handed to the consumer is one recvmmsg batch: up to
 * CAP_COPY_BATCH frames in preallocated slots, reason FULL when the batch
 * came back full (more was waiting), TIMEOUT when the queue ran dry first.
 * There is one such buffer, so there is nothing to rotate.
 *
 * An exact filter boundary needs two sockets: they sit in one
 * PACKET_FANOUT_CBPF group whose steering program sends every packet to
 * the active one.  A filter change attaches the new program to the idle
 * socket, then flips the steering with PACKET_FANOUT_DATA.  The kernel
 * swaps the steering program under RCU and calls synchronize_net() before
 * that setsockopt returns (af_packet.c, __fanout_set_data_bpf), so from
 * then on the old socket's queue only shrinks: it is drained with
 * MSG_DONTWAIT, its packets marked recheck, and the first EAGAIN proves
 * that no packet of the old filter is left.  Never prints, never
 * allocates per packet.  Reading a batch is cap-copy-recv.c's.  Kernel
 * facts: af_packet.c (packet_rcv, packet_getsockopt).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <linux/filter.h>
#include <linux/if_packet.h>

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <poll.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "cap-linux.h"
#include "cap-copy-int.h"
#include "xmalloc.h"

#define CAP_COPY_RCVBUF		(8u << 20)	/* default SO_RCVBUF */
#define CAP_COPY_SNAPLEN	262144u
/* Longest frame a slot holds at least: a 64 KiB GSO frame plus headers. */
#define CAP_COPY_MAXSLOT	65664u

static int	cap_copy_open(struct cap *, const struct cap_conf *, char *);
static void	cap_copy_geometry(struct cap *, struct cap_copy *, unsigned);
static unsigned	cap_copy_slots(struct cap *, struct cap_copy *,
		    const struct cap_conf *);
static int	cap_copy_sockopts(struct cap_copy *, int, unsigned, char *);
static int	cap_copy_start(struct cap *, char *);
static int	cap_copy_steer(struct cap_copy *, int, char *);
static int	cap_copy_next(struct cap *, unsigned, struct cap_block *, int,
		    char *);
static int	cap_copy_hand(struct cap *, struct cap_block *, int, int);
static int	cap_copy_pkt(struct cap *, struct cap_block *, struct cap_pkt *);
static void	cap_copy_release(struct cap *, struct cap_block *);
static int	cap_copy_setfilter(struct cap *, struct bpf_program *, char *);
static int	cap_copy_kstats(struct cap *, struct cap_kstats *);
static int	cap_copy_buffers(struct cap *, struct cap_bufstate *, int);
static int	cap_copy_ifdrops(struct cap *, uint64_t *);
static void	cap_copy_close(struct cap *);
static void	cap_copy_free(struct cap_copy *);

const struct cap_ops cap_copy_ops = {
	.name = "copy",
	.open = cap_copy_open,
	.start = cap_copy_start,
	.next = cap_copy_next,
	.pkt = cap_copy_pkt,
	.release = cap_copy_release,
	.rotate = NULL,
	.setfilter = cap_copy_setfilter,
	.kstats = cap_copy_kstats,
	.buffers = cap_copy_buffers,
	.ifdrops = cap_copy_ifdrops,
	.close = cap_copy_close
};

/*
 * Until its first filter, the idle socket rejects everything: between its
 * bind() and its joining the group it has a hook of its own and would
 * otherwise queue a second copy of every packet.
 */
static struct sock_filter cap_copy_reject[] = {
	BPF_STMT(BPF_RET | BPF_K, 0)
};

/*
 * The batch's packet slots and control buffers (CAP_COPY_BATCH of each).
 * Returns the snap length asked for, in bytes; the slot may be shorter
 * (cap->note says so).
 */
static unsigned
cap_copy_slots(struct cap *cap, struct cap_copy *s,
    const struct cap_conf *conf)
{
	unsigned	snap, lim;

	/*
	 * A slot holds the longest packet the interface hands a tap, whatever
	 * -s says: the filter's return cuts each packet to the snap length
	 * in force (packet_rcv() trims it), so the snaplen command may raise
	 * it later.  A slot of -s bytes kept it there for the whole run.
	 */
	snap = conf->snaplen != 0 ? conf->snaplen : CAP_COPY_SNAPLEN;
	lim = caplinux_maxpkt(s->ifindex) + CAP_COPY_VLANLEN;
	if (lim < CAP_COPY_MAXSLOT)
		lim = CAP_COPY_MAXSLOT;
	s->slot = lim;
	if (conf->snaplen > lim)
		snprintf(cap->note, sizeof cap->note, "copy mode keeps at "
		    "most %u bytes of a packet", lim);
	/* Cooked (any): the frame starts at its network header. */
	s->head = s->how.cooked ? CAPLINUX_SLL2LEN : 0;
	s->stride = (s->head + s->slot + CAP_COPY_VLANLEN + 63) & ~63u;
	s->buf = xcalloc(CAP_COPY_BATCH, s->stride);
	s->ctlsz = CMSG_SPACE(sizeof(struct timespec)) +
	    CMSG_SPACE(sizeof(struct tpacket_auxdata));
	s->ctl = xcalloc(CAP_COPY_BATCH, s->ctlsz);
	return snap;
}

static int
cap_copy_open(struct cap *cap, const struct cap_conf *conf, char *errbuf)
{
	struct cap_copy	*s;
	unsigned	 rcvbuf, snap, i;

	if (conf->iface == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "copy mode needs an interface");
		return -1;
	}
	s = xcalloc(1, sizeof *s);
	s->dropfd = -1;
	s->fd[0] = s->fd[1] = -1;
	s->wakefd = conf->wakefd[0];
	s->promisc = conf->promisc;
	snprintf(s->ifname, sizeof s->ifname, "%s", conf->iface);
	cap->priv = s;
	if ((s->ifindex = caplinux_ifindex(conf->iface, errbuf)) == -1)
		goto fail;
	for (i = 0; i < 2; i++)
		if ((s->fd[i] = caplinux_socket(conf->iface, errbuf)) == -1)
			goto fail;
	if ((cap->dlt = caplinux_dlt(conf->iface, s->fd[0], errbuf)) == -1)
		goto fail;
	if (caplinux_how(s->fd[0], conf, &s->how, errbuf) == -1)
		goto fail;
	rcvbuf = CAP_COPY_RCVBUF;
	if (conf->buffer_kib != 0)
		rcvbuf = conf->buffer_kib > INT_MAX / 2048 ? INT_MAX / 2 :
		    conf->buffer_kib * 1024;
	for (i = 0; i < 2; i++)
		if (cap_copy_sockopts(s, s->fd[i], rcvbuf, errbuf) == -1)
			goto fail;

	snap = cap_copy_slots(cap, s, conf);

	cap->snaplen = snap;
	cap->nrings = 1;
	cap->nbufs = 1;
	cap->bufsize = CAP_COPY_BATCH * s->slot;
	cap->retire_ms = 0;
	cap_copy_geometry(cap, s, rcvbuf);
	return 0;
fail:
	cap_copy_free(s);
	cap->priv = NULL;
	return -1;
}

/* "recvmmsg 64 x 2048 B, rcvbuf 8 MiB", with the queue the kernel gave. */
static void
cap_copy_geometry(struct cap *cap, struct cap_copy *s, unsigned rcvbuf)
{
	int		got;
	socklen_t	len = sizeof got;

	if (getsockopt(s->fd[0], SOL_SOCKET, SO_RCVBUF, &got, &len) == -1)
		got = (int)rcvbuf * 2;
	cap->qbytes = (uint32_t)got;
	/* The kernel doubles what it is given (sock_setsockopt). */
	got /= 2;
	if (got >= 1 << 20 && got % (1 << 20) == 0)
		snprintf(cap->geometry, sizeof cap->geometry,
		    "recvmmsg %d x %u B, rcvbuf %d MiB", CAP_COPY_BATCH,
		    s->slot, got >> 20);
	else
		snprintf(cap->geometry, sizeof cap->geometry,
		    "recvmmsg %d x %u B, rcvbuf %d KiB", CAP_COPY_BATCH,
		    s->slot, got >> 10);
}

/* Queue size, timestamps, the wire length (auxdata), the reject filter. */
static int
cap_copy_sockopts(struct cap_copy *s, int fd, unsigned rcvbuf, char *errbuf)
{
	struct sock_fprog	fp;
	int			one = 1, v = (int)rcvbuf, serr;

	/* SO_RCVBUFFORCE passes rmem_max; it needs CAP_NET_ADMIN. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &v, sizeof v) == -1 &&
	    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, sizeof v) == -1)
		goto fail;
	if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one) == -1)
		goto fail;
	/* tp_len is the length before the filter's snap trimmed the skb. */
	if (setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof one) == -1)
		goto fail;
	if (fd == s->fd[1]) {
		fp.len = 1;
		fp.filter = cap_copy_reject;
		if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fp,
		    sizeof fp) == -1)
			goto fail;
	}
	return 0;
fail:
	serr = errno;
	snprintf(errbuf, ZB_ERRBUFSZ, "cannot set up capture on %s: %s",
	    s->ifname, strerror(serr));
	return -1;
}

static int
cap_copy_start(struct cap *cap, char *errbuf)
{
	struct cap_copy	*s = cap->priv;
	int		 id = -1;

	if (caplinux_bind(s->fd[0], s->ifindex, errbuf) == -1 ||
	    caplinux_fanout(s->fd[0], &id, s->ifname, errbuf) == -1)
		return -1;
	/*
	 * Install the steering program now, while fd[0] is the only
	 * member: the kernel only waits for readers when it replaces an
	 * older program, and every later flip must be such a replacement.
	 */
	if (cap_copy_steer(s, 0, errbuf) == -1 ||
	    caplinux_bind(s->fd[1], s->ifindex, errbuf) == -1 ||
	    caplinux_fanout(s->fd[1], &id, s->ifname, errbuf) == -1)
		return -1;
	/* As libpcap: the any device has no promiscuous mode. */
	if (s->promisc && !s->how.cooked &&
	    caplinux_promisc(s->fd[0], s->ifindex, errbuf) == -1)
		return -1;
	s->active = 0;
	return 0;
}

/* Steer every packet to member "to", the socket of that index. */
static int
cap_copy_steer(struct cap_copy *s, int to, char *errbuf)
{
	struct sock_filter	ret;

	ret = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, (unsigned)to);
	return caplinux_steer(s->fd[0], &ret, 1, s->ifname, errbuf);
}

static int
cap_copy_next(struct cap *cap, unsigned q, struct cap_block *blk,
    int timeout_ms, char *errbuf)
{
	struct cap_copy	*s = cap->priv;
	struct pollfd	 pfd[2];
	int		 n, act;

	if (s->held) {
		snprintf(errbuf, ZB_ERRBUFSZ, "copy: batch not released");
		return -1;
	}
	if (s->draining) {
		if ((n = cap_copy_recv(s, s->fd[!s->active], &cap->linkdown,
		    errbuf)) == -1)
			return -1;
		if (n > 0)
			return cap_copy_hand(cap, blk, n, 1);
		/* EAGAIN after the flip: no old-filter packet is left. */
		s->draining = 0;
	}
	act = s->fd[s->active];
	if (caplinux_downcheck(act, s->ifname, &cap->linkdown, errbuf) == -1)
		return -1;
	if ((n = cap_copy_recv(s, act, &cap->linkdown, errbuf)) != 0)
		return n == -1 ? -1 : cap_copy_hand(cap, blk, n, 0);

	pfd[0].fd = act;
	pfd[0].events = POLLIN;
	pfd[1].fd = s->wakefd;
	pfd[1].events = POLLIN;
	pfd[0].revents = pfd[1].revents = 0;
	if (poll(pfd, s->wakefd >= 0 ? 2 : 1, timeout_ms) <= 0)
		return 0;	/* timeout, or EINTR: the caller looks again */
	if (pfd[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
		if (caplinux_sockerr(act, s->ifname, &cap->linkdown,
		    errbuf) == -1)
			return -1;
	}
	if (pfd[1].revents != 0 || !(pfd[0].revents & POLLIN))
		return 0;
	if ((n = cap_copy_recv(s, act, &cap->linkdown, errbuf)) <= 0)
		return n;
	return cap_copy_hand(cap, blk, n, 0);
}

static int
cap_copy_hand(struct cap *cap, struct cap_block *blk, int n, int old)
{
	struct cap_copy	*s = cap->priv;
	uint64_t	 bytes = 0;
	int		 i;

	for (i = 0; i < n; i++)
		bytes += s->msg[i].caplen;
	memset(blk, 0, sizeof *blk);
	blk->ring = 0;
	blk->index = 0;
	blk->npkts = (uint32_t)n;
	blk->bytes = bytes;
	blk->seq = s->batches++;
	/* A full batch means frames were still waiting: the seed's FULL. */
	blk->reason = n == CAP_COPY_BATCH ? CAP_ROT_FULL : CAP_ROT_TIMEOUT;
	blk->recheck = old ? &s->prog : NULL;
	blk->left = (uint32_t)n;
	s->held = 1;
	s->lastpkts = (uint32_t)n;
	s->lastused = (uint32_t)bytes;
	s->lastreason = blk->reason;
	return 1;
}

static int
cap_copy_pkt(struct cap *cap, struct cap_block *blk, struct cap_pkt *pkt)
{
	struct cap_copy		*s = cap->priv;
	struct cap_copy_msg	*m;

	if (blk->left == 0)
		return 0;
	m = &s->msg[blk->npkts - blk->left];
	blk->left--;
	pkt->data = m->data;
	pkt->caplen = m->caplen;
	pkt->len = m->len;
	pkt->ts = m->ts;
	pkt->vlan = m->vlan;
	pkt->pkttype = m->pkttype;
	return 1;
}

static void
cap_copy_release(struct cap *cap, struct cap_block *blk)
{
	struct cap_copy	*s = cap->priv;

	s->held = 0;
	blk->left = 0;
}

static int
cap_copy_setfilter(struct cap *cap, struct bpf_program *prog, char *errbuf)
{
	struct cap_copy	*s = cap->priv;
	int		 idle = !s->active;

	if (cap->state != CAP_RUNNING) {
		if (caplinux_attach(s->fd[s->active], prog, &s->how, errbuf) == -1)
			return -1;
		cap_keep(&s->prog, prog);
		return 0;
	}
	/* The idle socket may still hold the previous filter's packets. */
	if (s->draining)
		return CAP_AGAIN;
	if (caplinux_attach(s->fd[idle], prog, &s->how, errbuf) == -1)
		return -1;
	if (cap_copy_steer(s, idle, errbuf) == -1)
		return -1;
	s->active = idle;
	s->draining = 1;
	cap_keep(&s->prog, prog);
	return 0;
}

static int
cap_copy_kstats(struct cap *cap, struct cap_kstats *ks)
{
	struct cap_copy	*s = cap->priv;
	int		 i;

	memset(ks, 0, sizeof *ks);
	for (i = 0; i < 2; i++)
		if (caplinux_kstats(s->fd[i], ks) == -1)
			return -1;
	/* Both sockets feed the one ring the buffers pane shows. */
	ks->ring_packets[0] = ks->packets;
	ks->cut = __atomic_exchange_n(&s->cut, 0, __ATOMIC_RELAXED);
	return 0;
}

static int
cap_copy_buffers(struct cap *cap, struct cap_bufstate *bs, int max)
{
	struct cap_copy	*s = cap->priv;

	if (max < 1)
		return 0;
	memset(bs, 0, sizeof *bs);
	bs->owner = s->held ? CAP_OWN_USER : CAP_OWN_KERNEL;
	bs->size = cap->bufsize;
	bs->pkts = s->lastpkts;
	bs->used = s->lastused;
	bs->seq = s->batches;
	bs->reason = s->lastreason;
	bs->active = 1;
	return 1;
}

static int
cap_copy_ifdrops(struct cap *cap, uint64_t *drops)
{
	struct cap_copy	*s = cap->priv;

	return caplinux_ifdrops(s->ifname, &s->dropfd, drops);
}

static void
cap_copy_close(struct cap *cap)
{
	cap_copy_free(cap->priv);
	cap->priv = NULL;
}

static void
cap_copy_free(struct cap_copy *s)
{
	int	i;

	if (s == NULL)
		return;
	for (i = 0; i < 2; i++)
		if (s->fd[i] != -1)
			close(s->fd[i]);
	if (s->dropfd != -1)
		close(s->dropfd);
	free(s->buf);
	free(s->ctl);
	free(s->prog.bf_insns);
	free(s);
}
