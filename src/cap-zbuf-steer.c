/*
 * The fanout group of the zbuf backend and its flips.  Every ring is a
 * member of one PACKET_FANOUT_CBPF group; the steering program picks the
 * member: "ret #side" with one lane, a hash of the flow plus side * N
 * with N.  Swapping that program with PACKET_FANOUT_DATA is our
 * BIOCROTZBUF; swapping it after attaching a new filter to the idle side
 * gives an exact filter boundary.  The kernel swaps the program under RCU
 * and calls synchronize_net() before the setsockopt returns
 * (__fanout_set_data_bpf), so afterwards nothing is still being written
 * into the side we steered away from: its half-filled blocks are stable
 * and can be handed over at once.  That grace period (about 12 ms on a
 * 2-CPU VM) is spent on the control thread; with --threads the consumers
 * keep walking meanwhile (a rotation only publishes each lane's old side),
 * while a filter change runs with them parked.  Kernel facts:
 * net/packet/af_packet.c (fanout_add, fanout_demux_bpf), net/core/filter.c
 * (SKF_NET_OFF loads, BPF_MOD).
 */
#include <linux/filter.h>
#include <linux/if_ether.h>

#include <string.h>

#include "cap.h"
#include "cap-linux.h"
#include "cap-zbuf-int.h"

#define ZBUF_HASHMUL	0x9e3779b1u	/* Fibonacci hashing: spread bits */
#define ZBUF_STEERMAX	48		/* steering program, instructions */

static unsigned	zbuf_fold(struct sock_filter *, unsigned, unsigned, unsigned);
static unsigned	zbuf_hashprog(struct sock_filter *, unsigned, unsigned);
static int	zbuf_steer(struct zbuf *, unsigned, char *);
static int	zbuf_attach_side(struct zbuf *, unsigned,
		    const struct bpf_program *, char *);
static int	zbuf_settled(struct zbuf *);
static int	zbuf_flip(struct zbuf *, char *);

/*
 * Join without duplicates: the first member binds and joins first (its
 * packets before the join are ours anyway); every other one drops
 * everything until it is in the group, where the steering program
 * decides.  Members join side 0 first, so member side * N + l is lane
 * l's ring on that side.  Until the last one has joined, the kernel takes
 * the program's answer modulo the members so far: nothing is lost, but a
 * flow may start in another lane than the one it stays in.
 */
int
zbuf_start(struct cap *cap, char *errbuf)
{
	struct zbuf		*z = cap->priv;
	struct bpf_insn		 ret0;
	struct bpf_program	 none;
	unsigned		 m, r;
	int			 id = -1;

	memset(&ret0, 0, sizeof ret0);
	ret0.code = BPF_RET | BPF_K;
	none.bf_len = 1;
	none.bf_insns = &ret0;
	for (m = 0; m < ZBUF_SIDES * z->nlanes; m++) {
		r = ZBUF_RING(m % z->nlanes, m / z->nlanes);
		if (caplinux_attach(z->ring[r].fd, m == 0 ? &z->prog : &none,
		    &z->how, errbuf) == -1 ||
		    caplinux_bind(z->ring[r].fd, z->ifindex, errbuf) == -1 ||
		    caplinux_fanout(z->ring[r].fd, &id, z->ifname,
		    errbuf) == -1)
			return -1;
		if (m == 0 && zbuf_steer(z, 0, errbuf) == -1)
			return -1;
		if (m > 0 && caplinux_attach(z->ring[r].fd, &z->prog,
		    &z->how, errbuf) == -1)
			return -1;
	}
	/* As libpcap: the any device has no promiscuous mode. */
	if (z->promisc != 0 && !z->how.cooked &&
	    caplinux_promisc(z->ring[0].fd, z->ifindex, errbuf) == -1)
		return -1;
	z->active = 0;
	z->running = 1;
	return 0;
}

/* A = the XOR of n words from the network header on, at offset off. */
static unsigned
zbuf_fold(struct sock_filter *f, unsigned n, unsigned off, unsigned words)
{
	unsigned	i;

	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    (unsigned)SKF_NET_OFF + off);
	for (i = 1; i < words; i++) {
		f[n++] = (struct sock_filter)BPF_STMT(BPF_MISC | BPF_TAX, 0);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    (unsigned)SKF_NET_OFF + off + 4 * i);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_XOR | BPF_X,
		    0);
	}
	return n;
}

/*
 * Lane by the XOR of source and destination address: both directions of
 * a conversation, and every fragment of a datagram, land in one lane, so
 * each keeps its order.  Ports are left out on purpose (fragments have
 * none).  The hash itself, not skb->hash: a CBPF program reads
 * SKF_AD_RXHASH as the driver left it, and veth leaves 0.  Loads are
 * relative to the network header (SKF_NET_OFF), the same whether a
 * packet is received or sent.  Anything but IP goes to lane 0.
 */
static unsigned
zbuf_hashprog(struct sock_filter *f, unsigned nlanes, unsigned side)
{
	unsigned	n = 0, v4, v6, ja4, ja0;

	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    (unsigned)SKF_AD_OFF + SKF_AD_PROTOCOL);
	v4 = n++;
	v6 = n++;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_IMM, 0);
	ja0 = n++;
	f[v4] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
	    ETH_P_IP, (uint8_t)(n - v4 - 1), 0);
	n = zbuf_fold(f, n, 12, 2);
	ja4 = n++;
	f[v6] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
	    ETH_P_IPV6, (uint8_t)(n - v6 - 1), 0);
	n = zbuf_fold(f, n, 8, 8);
	f[ja0] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, n - ja0 - 1,
	    0, 0);
	f[ja4] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JA, n - ja4 - 1,
	    0, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_MUL | BPF_K,
	    ZBUF_HASHMUL);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_RSH | BPF_K, 16);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_MOD | BPF_K,
	    nlanes);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_ALU | BPF_ADD | BPF_K,
	    side * nlanes);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_A, 0);
	return n;
}

/* Steer every lane to one side. */
static int
zbuf_steer(struct zbuf *z, unsigned side, char *errbuf)
{
	struct sock_filter	f[ZBUF_STEERMAX];
	unsigned short		len = 1;

	if (z->nlanes == 1)
		f[0] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, side);
	else
		len = (unsigned short)zbuf_hashprog(f, z->nlanes, side);
	return caplinux_steer(z->ring[0].fd, f, len, z->ifname, errbuf);
}

/* Attach a filter to every ring of one side. */
static int
zbuf_attach_side(struct zbuf *z, unsigned side, const struct bpf_program *p,
    char *errbuf)
{
	unsigned	l;

	for (l = 0; l < z->nlanes; l++)
		if (caplinux_attach(z->ring[ZBUF_RING(l, side)].fd, p,
		    &z->how, errbuf) == -1)
			return -1;
	return 0;
}

/*
 * 1 once every lane has emptied the side it was steered away from.  Only
 * reads: each lane's consumer clears its own mark when it is done.
 */
static int
zbuf_settled(struct zbuf *z)
{
	unsigned	l;

	for (l = 0; l < z->nlanes; l++)
		if (__atomic_load_n(&z->lane[l].old, __ATOMIC_ACQUIRE) != -1)
			return 0;
	return 1;
}

/*
 * Steer to the other side; its filter is put right first if stale.  The
 * consumers may be walking: each lane's old side is published before the
 * new active side (zbuf_next() reads them the other way round).
 */
static int
zbuf_flip(struct zbuf *z, char *errbuf)
{
	unsigned	from = z->active, to = 1 - from, l;

	if (z->stale && zbuf_attach_side(z, to, &z->prog, errbuf) == -1)
		return -1;
	z->stale = 0;
	if (zbuf_steer(z, to, errbuf) == -1)
		return -1;
	for (l = 0; l < z->nlanes; l++)
		__atomic_store_n(&z->lane[l].old, (int)from, __ATOMIC_RELEASE);
	__atomic_store_n(&z->active, to, __ATOMIC_RELEASE);
	return 0;
}

/*
 * BIOCROTZBUF: nothing to do when no lane's block being filled holds
 * anything new; not yet while the previous flip's side still holds
 * packets, or a lane's order would break.
 */
int
zbuf_rotate(struct cap *cap, char *errbuf)
{
	struct zbuf	*z = cap->priv;
	uint32_t	 pend, any = 0;
	unsigned	 l;

	if (!z->running)
		return CAP_NOTHING;
	for (l = 0; l < z->nlanes; l++) {
		(void)zbuf_storing(z, ZBUF_RING(l, z->active), &pend);
		any += pend;
	}
	if (any == 0)
		return CAP_NOTHING;
	if (!zbuf_settled(z))
		return CAP_AGAIN;
	/*
	 * A filter change that was told CAP_AGAIN gets the drained state
	 * first, once: rotating every millisecond would otherwise start a
	 * new drain before the caller comes back with the filter.
	 */
	if (z->fwait) {
		z->fwait = 0;
		return CAP_AGAIN;
	}
	return zbuf_flip(z, errbuf);
}

/*
 * An exact boundary: the idle side (empty) gets the new program, the
 * steering flips to it, and once the flip returns everything the old
 * filter accepted is in the other side, marked for a recheck until each
 * lane has drained it.  Only then does the old side get the program too.
 */
int
zbuf_setfilter(struct cap *cap, struct bpf_program *prog, char *errbuf)
{
	struct zbuf	*z = cap->priv;
	char		 ebuf[ZB_ERRBUFSZ];
	unsigned	 idle, l;

	if (!z->running) {
		if (caplinux_attach(z->ring[0].fd, prog, &z->how, errbuf) == -1)
			return -1;
		cap_keep(&z->prog, prog);
		return 0;
	}
	if (!zbuf_settled(z)) {
		z->fwait = 1;
		return CAP_AGAIN;
	}
	z->fwait = 0;
	idle = 1 - z->active;
	if (zbuf_attach_side(z, idle, prog, errbuf) == -1)
		goto undo;
	z->stale = 0;
	if (zbuf_flip(z, errbuf) == -1)
		goto undo;
	for (l = 0; l < z->nlanes; l++)
		z->ring[ZBUF_RING(l, 1 - z->active)].recheck = 1;
	cap_keep(&z->prog, prog);
	/* Harmless to fail now: the side gets nothing until the next flip. */
	if (zbuf_attach_side(z, 1 - z->active, prog, ebuf) == -1)
		z->stale = 1;
	return 0;
undo:
	if (zbuf_attach_side(z, idle, &z->prog, ebuf) == -1)
		z->stale = 1;
	return -1;
}
