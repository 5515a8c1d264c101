/*
 * The drop verdict from made-up snapshots: no drops; kernel drops with a
 * consumer that was idle most of the second (the ring is too small: how
 * many ms it holds, worked out here from the ring bytes, the rate and
 * the bytes a packet takes in a block, and a -B four times bigger at
 * least; with lanes, at the busiest lane's share of the rate); kernel
 * drops with a busy consumer (too slow, and the stage: -w writing when
 * that took most of the time, decoding otherwise);
 * copy mode, where the kernel drops in a socket queue and not in the
 * recvmmsg batch the snapshot's one buffer is (the queue, -B, and a -B
 * four times bigger, never "the ring holds"); interface drops only; -w
 * drops only.
 */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "unit.h"

/* Two rings of 4 buffers of 8 KiB: 32 KiB a ring, 256 B a packet. */
static void
ring(struct stats_snap *s)
{
	int	 i;

	memset(s, 0, sizeof *s);
	snprintf(s->source, sizeof s->source, "veth0");
	s->nrings = 2;
	s->nbufs = 8;
	for (i = 0; i < 8; i++) {
		s->bufs[i].st.ring = (unsigned)i / 4;
		s->bufs[i].st.size = 8192;
	}
	s->bufs[0].st.used = 2560;
	s->bufs[0].st.pkts = 10;
	s->rings[0].size = s->rings[1].size = 32768;
	s->rings[0].nbufs = s->rings[1].nbufs = 4;
}

int
main(void)
{
	struct stats_snap	*s = calloc(1, sizeof *s);
	char			 v[512];

	ring(s);
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_OK);
	CHECK(strcmp(v, "no drops") == 0);

	/*
	 * 900 taken + 100 dropped arrived a second: 32768 B / (1000 pkt/s *
	 * 256 B) = 128 ms; -B: 4 x 64 KiB -> 1024.
	 */
	s->c.kdrops = 500;
	s->dps = 100;
	s->pps = 900;
	s->drop_busy = 0.2;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "kernel ring drops growing (500, 100/s)") == v);
	CHECK(strstr(v, "the ring holds 128 ms at 1000 pkt/s (32 KiB, 256 B "
	    "a packet) and bursts overflow it: try -B 1024") != NULL);
	/*
	 * The busiest second of the history counts, taken + dropped:
	 * 4000 pkt/s, 32 ms.
	 */
	s->nhist = 2;
	s->hist_pps[0] = 1000;
	s->hist_dps[0] = 3000;
	s->hist_pps[1] = 10;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "holds 32 ms at 4000 pkt/s") != NULL);
	/* 0.25 s * 4000 * 256 * 2 rings = 500 KiB: still 1024 at least. */
	CHECK(strstr(v, "try -B 1024") != NULL);
	s->hist_pps[0] = 97000;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	/* 0.25 * 100000 * 256 * 2 / 1024 = 12500 KiB -> 16384. */
	CHECK(strstr(v, "try -B 16384") != NULL);

	/*
	 * --threads 2: the kernel passed 3000 to lane 0 (rings 0, 1) and
	 * 1000 to lane 1: a ring takes 75% of 100000 pkt/s, 32768 B /
	 * (75000 * 256 B) = 2 ms; 0.25 * 75000 * 256 * 4 rings / 1024 =
	 * 18750 KiB -> 32768.
	 */
	s->nrings = 4;
	s->rings[2].size = s->rings[3].size = 32768;
	s->rings[1].lane = 0;
	s->rings[2].lane = s->rings[3].lane = 1;
	s->rings[0].kpackets = 2000;
	s->rings[1].kpackets = 1000;
	s->rings[3].kpackets = 1000;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "the ring holds 2 ms at 75000 pkt/s, the busiest "
	    "lane's 75% of 100000 (32 KiB, 256 B a packet) and bursts "
	    "overflow it: try -B 32768") != NULL);
	s->nrings = 2;
	memset(&s->rings[2], 0, 2 * sizeof s->rings[0]);
	s->rings[0].kpackets = s->rings[1].kpackets = 0;

	/* Busy: zbtop held every block; the stage. */
	s->drop_busy = 0.97;
	s->parsing = 1;
	s->peak_held = 4;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "zbtop held every block (peak 4 of 4 in a ring, "
	    "busy 97%): the consumer is too slow, in decoding") != NULL);
	s->writing = 1;
	s->drop_wbusy = 0.6;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "too slow, in -w writing") != NULL);

	/* Past drops: not growing. */
	s->dps = 0;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_PAST);
	CHECK(strstr(v, "kernel ring dropped 500:") == v);

	/* Several -i: the interfaces whose rings dropped are named. */
	s->nifs = 3;
	snprintf(s->ifname[0], sizeof s->ifname[0], "a0");
	snprintf(s->ifname[1], sizeof s->ifname[1], "b0");
	snprintf(s->ifname[2], sizeof s->ifname[2], "c0");
	s->c.if_kdrops[0] = 200;
	s->c.if_kdrops[2] = 300;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_PAST);
	CHECK(strstr(v, "kernel ring dropped 500 on a0, c0:") == v);
	s->dps = 5;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "kernel ring drops growing on a0, c0 (500, 5/s):") ==
	    v);
	/* A name reaches the terminal escaped, as on the interfaces line. */
	snprintf(s->ifname[2], sizeof s->ifname[2], "c\033[2J");
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "growing on a0, c\\x1b[2J (500, 5/s):") != NULL);
	CHECK(strchr(v, '\033') == NULL);
	snprintf(s->ifname[2], sizeof s->ifname[2], "c0");

	/*
	 * Copy mode, -B 64: a queue of 128 KiB as the kernel counts it, one
	 * buffer of 4 MiB that is only the recvmmsg batch; 1000 pkt/s.
	 */
	ring(s);
	s->nrings = 1;
	s->nbufs = 1;
	s->rings[0].size = s->bufs[0].st.size = 4 << 20;
	s->qbytes = 131072;
	s->c.kdrops = 500;
	s->dps = 100;
	s->pps = 900;
	s->drop_busy = 0.2;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "kernel ring drops growing (500, 100/s): the socket "
	    "queue overflows at 1000 pkt/s (-B 64: a queue of 128 KiB of "
	    "kernel buffers, one whole buffer a packet): try -B 1024, or -m "
	    "zbuf") == v);
	CHECK(strstr(v, "ring holds") == NULL);
	/* Two interfaces shared -B 512: 256 KiB each. */
	s->nifs = 2;
	s->qbytes = 524288;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "(-B 512: a queue of 512 KiB of kernel buffers, one "
	    "whole buffer a packet): try -B 2048, or -m zbuf") != NULL);

	/* The interface, before capture. */
	ring(s);
	s->c.have_ifdrops = 1;
	s->c.ifdrops = 7;
	s->ifdps = 1;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_GROWING);
	CHECK(strstr(v, "interface veth0 dropped 7 and growing before "
	    "capture (rx_dropped)") == v);
	s->c.have_ifdrops = 0;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_OK);

	ring(s);
	s->c.wdrops = 3;
	CHECK(diag_verdict(s, v, sizeof v) == DIAG_PAST);
	CHECK(strstr(v, "-w writer dropped 3") == v);
	free(s);
	CHECK_DONE();
}
