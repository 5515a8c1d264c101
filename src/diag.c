/*
 * Why packets are lost, in one line.  Three places can lose them: the
 * kernel ring (PACKET_STATISTICS tp_drops: no free block when a packet
 * arrived; in copy mode a full socket queue, diag_queue), the interface
 * (sysfs rx_dropped: the NIC or driver, before any capture) and the -w
 * writer.  A full ring has two causes that look
 * alike in the counters: bursts larger than the ring while the consumer
 * keeps up on average (the ring is too small: the figure is how many ms
 * of traffic it holds), or a consumer that is busy all the time (zbtop
 * held every block: the figure is its busy share and the stage).  Packets
 * the recheck removes after a filter change are not drops and are not
 * judged here.  Reads only the snapshot.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "stats.h"
#include "tbuf.h"

#define DIAG_BUSY	0.85	/* consumer share that counts as too slow */
#define DIAG_HOLD_MS	250	/* what a suggested ring should hold */
#define DIAG_HDR	80	/* bytes a packet costs in a block, at least */
#define DIAG_MAXKIB	4194304	/* -B's upper bound */

static double	diag_peak_rate(const struct stats_snap *);
static double	diag_lane_share(const struct stats_snap *);
static double	diag_pkt_cost(const struct stats_snap *);
static uint64_t	diag_ring_bytes(const struct stats_snap *);
static const char *diag_stage(const struct stats_snap *);
static void	diag_ring(const struct stats_snap *, char *, size_t,
		    const char *);
static void	diag_queue(const struct stats_snap *, char *, size_t,
		    const char *, double);
static void	diag_ifaces(const struct stats_snap *, char *, size_t);

enum diag_level
diag_verdict(const struct stats_snap *s, char *buf, size_t sz)
{
	char	 what[192], on[96];

	if (s->c.kdrops > 0) {
		diag_ifaces(s, on, sizeof on);
		if (s->dps > 0)
			snprintf(what, sizeof what, "kernel ring drops "
			    "growing%s (%llu, %.0f/s)", on,
			    (unsigned long long)s->c.kdrops, s->dps);
		else
			snprintf(what, sizeof what, "kernel ring dropped "
			    "%llu%s", (unsigned long long)s->c.kdrops, on);
		diag_ring(s, buf, sz, what);
		return s->dps > 0 ? DIAG_GROWING : DIAG_PAST;
	}
	if (s->c.have_ifdrops && s->c.ifdrops > 0) {
		snprintf(buf, sz, "interface %s dropped %llu%s before capture "
		    "(rx_dropped): the NIC or its driver, not the ring; a "
		    "bigger -B does not help", s->source,
		    (unsigned long long)s->c.ifdrops, s->ifdps > 0 ?
		    " and growing" : "");
		return s->ifdps > 0 ? DIAG_GROWING : DIAG_PAST;
	}
	if (s->c.wdrops > 0) {
		snprintf(buf, sz, "-w writer dropped %llu: the output file "
		    "could not take them (disk full or too slow)",
		    (unsigned long long)s->c.wdrops);
		return DIAG_PAST;
	}
	snprintf(buf, sz, "no drops");
	return DIAG_OK;
}

/*
 * Several -i: " on eth0, eth1", the interfaces whose rings dropped, so
 * the verdict says where as the interfaces line does (names escaped as
 * there); else "".
 */
static void
diag_ifaces(const struct stats_snap *s, char *on, size_t sz)
{
	char		name[4 * CAP_IFNAMSZ];
	size_t		len = 0;
	unsigned	k;

	on[0] = '\0';
	for (k = 0; s->nifs > 1 && k < s->nifs && k < CAP_MAXIF &&
	    len < sz; k++) {
		if (s->c.if_kdrops[k] == 0)
			continue;
		esc_str(name, sizeof name, s->ifname[k],
		    strnlen(s->ifname[k], CAP_IFNAMSZ));
		len += (size_t)snprintf(on + len, sz - len, "%s %s",
		    len == 0 ? " on" : ",", name);
	}
}

/* The kernel ring lost packets: a slow consumer, or a small ring. */
static void
diag_ring(const struct stats_snap *s, char *buf, size_t sz, const char *what)
{
	uint64_t	 ring = diag_ring_bytes(s), kib, want;
	double		 rate = diag_peak_rate(s), cost = diag_pkt_cost(s);
	double		 ms, share, lrate;
	int		 per = s->nrings > 0 ? s->nbufs / (int)s->nrings : 0;
	char		 of[64] = "";

	/*
	 * A full ring is every block held by zbtop either way; only the
	 * consumer's busy share in the second the drops grew tells a slow
	 * consumer from a burst.
	 */
	if (s->drop_busy >= DIAG_BUSY) {
		snprintf(buf, sz, "%s: zbtop held every block (peak %d of %d "
		    "in a ring, busy %.0f%%): the consumer is too slow, in "
		    "%s", what, s->peak_held, per, s->drop_busy * 100,
		    diag_stage(s));
		return;
	}
	if (s->qbytes > 0) {
		diag_queue(s, buf, sz, what, rate);
		return;
	}
	if (ring == 0 || rate <= 0) {
		snprintf(buf, sz, "%s: bursts overflow the ring; try a "
		    "bigger -B", what);
		return;
	}
	/* One ring of the busiest lane takes its share of the rate. */
	share = diag_lane_share(s);
	lrate = rate * share;
	if (share < 0.995)
		snprintf(of, sizeof of, ", the busiest lane's %.0f%% of %.0f",
		    share * 100, rate);
	ms = (double)ring / (lrate * cost) * 1000;
	/* Both rings of a pair, or every lane's, share -B. */
	kib = ring * (s->nrings > 0 ? s->nrings : 1) / 1024;
	want = (uint64_t)(DIAG_HOLD_MS / 1000.0 * lrate * cost) *
	    (s->nrings > 0 ? s->nrings : 1) / 1024;
	if (want < kib * 4)
		want = kib * 4;
	for (kib = 1024; kib < want && kib < DIAG_MAXKIB; kib *= 2)
		;
	snprintf(buf, sz, "%s: the ring holds %.0f ms at %.0f pkt/s%s "
	    "(%llu KiB, %.0f B a packet) and bursts overflow it: try -B %llu",
	    what, ms, lrate, of, (unsigned long long)(ring / 1024), cost,
	    (unsigned long long)kib);
}

/*
 * Copy mode: the kernel drops when a socket's queue is full (packet_rcv
 * in net/packet/af_packet.c: sk_rmem_alloc against sk_rcvbuf), not in
 * the recvmmsg batch the buffers pane shows, and charges each packet its
 * whole buffer (skb_set_owner_r: truesize), so the bytes zbtop sees do
 * not say how many packets it holds.  -B asked half of it, per socket
 * (sock_setsockopt doubles it), and with several -i is shared out.
 */
static void
diag_queue(const struct stats_snap *s, char *buf, size_t sz,
    const char *what, double rate)
{
	uint64_t	 kib, want;
	char		 at[48] = "";

	kib = s->qbytes / 2 / 1024 * (s->nifs > 1 ? s->nifs : 1);
	for (want = 1024; want < kib * 4 && want < DIAG_MAXKIB; want *= 2)
		;
	if (rate > 0)
		snprintf(at, sizeof at, " at %.0f pkt/s", rate);
	snprintf(buf, sz, "%s: the socket queue overflows%s (-B %llu: a queue "
	    "of %llu KiB of kernel buffers, one whole buffer a packet): try -B "
	    "%llu, or -m zbuf", what, at, (unsigned long long)kib,
	    (unsigned long long)(s->qbytes / 1024), (unsigned long long)want);
}

/* The busiest second in the history: what the burst ran at. */
static double
diag_peak_rate(const struct stats_snap *s)
{
	double	 r = s->pps + s->dps;
	int	 i;

	/*
	 * What arrived, not what was taken: a consumer that lost the CPU
	 * takes few packets in the second its ring overflowed.
	 */
	for (i = 0; i < s->nhist; i++)
		if (s->hist_pps[i] + s->hist_dps[i] > r)
			r = s->hist_pps[i] + s->hist_dps[i];
	return r;
}

/*
 * The busiest lane's share of what the kernel passed since clear (each
 * ring's PACKET_STATISTICS tp_packets, drops included), lanes of every
 * interface alike: a lane's packets go to one ring of its pair at a
 * time, so that ring took this share of the rate.  1 when the kernel's
 * counts are not kept per ring.
 */
static double
diag_lane_share(const struct stats_snap *s)
{
	uint64_t	 lane, top = 0, all = 0;
	unsigned	 i, j;

	for (i = 0; i < s->nrings && i < CAP_MAXRINGS; i++) {
		all += s->rings[i].kpackets;
		for (j = 0, lane = 0; j < s->nrings && j < CAP_MAXRINGS; j++)
			if (s->rings[j].lane == s->rings[i].lane)
				lane += s->rings[j].kpackets;
		if (lane > top)
			top = lane;
	}
	return all > 0 ? (double)top / (double)all : 1.0;
}

/* Bytes one packet takes in a block: measured on the blocks in use. */
static double
diag_pkt_cost(const struct stats_snap *s)
{
	uint64_t	 used = 0, pkts = 0;
	int		 i;

	for (i = 0; i < s->nbufs; i++) {
		used += s->bufs[i].st.used;
		pkts += s->bufs[i].st.pkts;
	}
	if (pkts > 0 && used / pkts >= DIAG_HDR / 2)
		return (double)used / (double)pkts;
	if (s->c.packets > 0)
		return (double)s->c.bytes / (double)s->c.packets + DIAG_HDR;
	return DIAG_HDR;
}

/* Bytes of the biggest ring: what the kernel fills before a flip. */
static uint64_t
diag_ring_bytes(const struct stats_snap *s)
{
	uint64_t	 max = 0;
	unsigned	 i;

	for (i = 0; i < s->nrings; i++)
		if (s->rings[i].size > max)
			max = s->rings[i].size;
	return max;
}

/* Where the consumer spends its time, by what it was asked to do. */
static const char *
diag_stage(const struct stats_snap *s)
{
	if (s->writing && s->drop_wbusy * 2 >= s->drop_busy)
		return "-w writing (the disk)";
	if (s->printing)
		return "printing (-P output)";
	if (s->parsing)
		return "decoding (mix, talkers, packet list)";
	return "walking the blocks";
}
