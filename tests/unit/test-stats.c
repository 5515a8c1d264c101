/*
 * Counters and tables: buffers add up, kernel deltas accumulate (the
 * kernel clears PACKET_STATISTICS on every read), clear resets what is
 * shown but not the exit totals, per-ring packets, forced hand-overs
 * and buffers add up ring by ring, and the talker table stays bounded and
 * keeps the busiest pairs however many flows arrive, over the shards
 * of several consumer queues.  The -w file's name as the ticks give it:
 * each new name replaces the last, however it compares, none clears it,
 * and one closed at the end stays with its count.
 */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"

static void
talk(struct stats *st, unsigned q, uint32_t src, uint32_t n)
{
	struct dec_info	di;
	uint32_t	i;

	memset(&di, 0, sizeof di);
	di.af = 4;
	di.proto = DEC_P_UDP;
	memcpy(di.src, &src, 4);
	di.dst[0] = 198;
	stats_lock(st, q);
	for (i = 0; i < n; i++)
		stats_parsed(st, q, &di, 100);
	stats_unlock(st, q);
}

int
main(void)
{
	struct stats		*st = stats_new(3);
	struct stats_snap	*sn = calloc(1, sizeof *sn);
	struct stats_info	 info = { .nrings = 2 };
	struct stats_counts	 t;
	struct stats_flags	 fl;
	char			 longname[STATS_PATHSZ + 10];
	struct cap_kstats	 ks = { .packets = 10, .drops = 3, .freezes = 1,
	    .cut = 4 };
	struct cap_bufstate	 bs[3];
	uint32_t		 i;

	stats_info(st, &info);
	stats_block(st, 0, 5, 500, 0, CAP_ROT_FULL);
	stats_block(st, 1, 2, 120, 1, CAP_ROT_FORCED);
	stats_block(st, 1, 1, 60, 0, CAP_ROT_NONE);
	stats_kernel(st, &ks);
	stats_kernel(st, &ks);
	stats_snapshot(st, sn);
	CHECK(sn->c.packets == 8 && sn->c.bytes == 680 && sn->c.rejected == 1);
	CHECK(sn->c.rot[CAP_ROT_FULL] == 1 && sn->c.rot[CAP_ROT_FORCED] == 1 &&
	    sn->c.rot[CAP_ROT_TIMEOUT] == 0);
	CHECK(sn->c.kpackets == 20 && sn->c.kdrops == 6 && sn->c.kfreezes == 2);
	CHECK(sn->c.kcut == 8);
	CHECK(sn->nrings == 2);
	CHECK(sn->rings[0].packets == 5 && sn->rings[0].forced == 0);
	CHECK(sn->rings[1].packets == 3 && sn->rings[1].forced == 1);
	CHECK(sn->rings[2].packets == 0);
	/* No more rings than queues (three): each ring is a lane of its own. */
	CHECK(sn->rings[0].lane == 0 && sn->rings[1].lane == 1);
	stats_sample(st);
	stats_snapshot(st, sn);
	CHECK(sn->rings[0].pps > 0 && sn->rings[1].pps > 0 &&
	    sn->rings[0].pps > sn->rings[1].pps);

	memset(bs, 0, sizeof bs);
	for (i = 0; i < 3; i++) {
		bs[i].ring = i / 2;
		bs[i].index = i % 2;
		bs[i].owner = i == 0 ? CAP_OWN_KERNEL : CAP_OWN_FREE;
		bs[i].size = 4096;
		bs[i].used = 1024 * i;
		bs[i].active = i < 2;
	}
	stats_buffers(st, bs, 3);
	stats_snapshot(st, sn);
	CHECK(sn->nbufs == 3 && sn->bufs[0].st.owner == CAP_OWN_KERNEL &&
	    sn->bufs[2].st.index == 0);
	CHECK(sn->rings[0].nbufs == 2 && sn->rings[1].nbufs == 1);
	CHECK(sn->rings[0].owner[CAP_OWN_KERNEL] == 1 &&
	    sn->rings[0].owner[CAP_OWN_FREE] == 1 &&
	    sn->rings[1].owner[CAP_OWN_FREE] == 1);
	CHECK(sn->rings[0].used == 1024 && sn->rings[0].size == 8192 &&
	    sn->rings[1].used == 2048 && sn->rings[1].size == 4096);
	CHECK(sn->rings[0].active && !sn->rings[1].active);
	CHECK(strcmp(stats_owner_name(CAP_OWN_USER), "user") == 0);
	CHECK(strcmp(stats_reason_name(CAP_ROT_TIMEOUT), "timeout") == 0);

	stats_epoch(st, "udp");
	stats_block(st, 0, 4, 400, 0, CAP_ROT_NONE);
	stats_snapshot(st, sn);
	CHECK(sn->epoch == 1 && sn->epoch_packets == 4 &&
	    strcmp(sn->filter, "udp") == 0);

	stats_clear(st);
	stats_snapshot(st, sn);
	CHECK(sn->c.packets == 0 && sn->c.kdrops == 0 && sn->ntalkers == 0);
	CHECK(sn->rings[0].packets == 0 && sn->rings[1].packets == 0 &&
	    sn->rings[1].forced == 0 && sn->nrings == 2);
	stats_block(st, 1, 6, 600, 0, CAP_ROT_FORCED);
	stats_snapshot(st, sn);
	CHECK(sn->rings[0].packets == 0 && sn->rings[1].packets == 6 &&
	    sn->rings[1].forced == 1 && sn->c.packets == 6);
	/* Since start: what clear took off, and what came after. */
	CHECK(sn->total.packets == 18 && sn->total.kdrops == 6 &&
	    sn->total.ring_packets[1] == 9 && sn->total.ring_forced[1] == 2);
	stats_totals(st, &t);
	CHECK(t.packets == 18 && t.kdrops == 6 && t.kpackets == 20 &&
	    t.rejected == 1 && t.rot[CAP_ROT_FULL] == 1 && t.kcut == 8);
	/* A file read again: the exit lines and the metrics start over. */
	stats_rerun(st);
	stats_block(st, 0, 2, 200, 0, CAP_ROT_FULL);
	stats_snapshot(st, sn);
	stats_totals(st, &t);
	CHECK(t.packets == 2 && sn->c.packets == 2 &&
	    sn->total.packets == 2 && sn->total.ring_packets[0] == 2);

	/*
	 * 100000 one-packet flows over three queues, then three busy ones,
	 * one per queue: all three on top, in order, mixes summed.
	 */
	for (i = 0; i < 100000; i++)
		talk(st, i % 3, i, 1);
	talk(st, 2, 0xfffffff1, 500);
	talk(st, 0, 0xfffffff2, 400);
	talk(st, 1, 0xfffffff3, 300);
	stats_snapshot(st, sn);
	CHECK(sn->ntalkers == STATS_TOPN);
	CHECK(sn->talkers[0].packets == 500 && sn->talkers[1].packets == 400 &&
	    sn->talkers[2].packets == 300);
	CHECK(sn->proto[DEC_P_UDP] == 100000 + 1200);
	for (i = 1; i < (uint32_t)sn->ntalkers; i++)
		CHECK(sn->talkers[i - 1].packets >= sn->talkers[i].packets);
	stats_clear(st);
	stats_snapshot(st, sn);
	CHECK(sn->ntalkers == 0 && sn->proto[DEC_P_UDP] == 0);

	memset(&fl, 0, sizeof fl);
	fl.writing = 1;
	fl.wfile = "a.pcap";
	fl.wframes = 3;
	stats_flags(st, &fl);
	stats_flags(st, &fl);
	stats_snapshot(st, sn);
	CHECK(sn->writing == STATS_W_OPEN && strcmp(sn->wfile, "a.pcap") == 0 &&
	    sn->wframes == 3);
	fl.wfile = "a.pcap1";
	fl.wframes = 1;
	stats_flags(st, &fl);
	stats_snapshot(st, sn);
	CHECK(strcmp(sn->wfile, "a.pcap1") == 0 && sn->wframes == 1);
	fl.wfile = "a.pcap";
	stats_flags(st, &fl);
	stats_snapshot(st, sn);
	CHECK(strcmp(sn->wfile, "a.pcap") == 0);
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	fl.wfile = longname;
	stats_flags(st, &fl);
	stats_flags(st, &fl);
	stats_snapshot(st, sn);
	CHECK(strlen(sn->wfile) == STATS_PATHSZ - 1 &&
	    strncmp(sn->wfile, longname, STATS_PATHSZ - 1) == 0);
	fl.writing = 0;
	fl.wfile = NULL;
	fl.wframes = 0;
	stats_flags(st, &fl);
	stats_snapshot(st, sn);
	CHECK(sn->writing == 0 && sn->wfile[0] == '\0' && sn->wframes == 0);
	fl.writing = 1;
	fl.wfile = "b.pcap";
	fl.wframes = 7;
	stats_flags(st, &fl);
	stats_wclosed(st, 1);
	fl.writing = 0;
	fl.wfile = NULL;
	fl.wframes = 0;
	stats_flags(st, &fl);
	stats_snapshot(st, sn);
	CHECK(sn->writing == STATS_W_DONE && strcmp(sn->wfile, "b.pcap") == 0 &&
	    sn->wframes == 7);

	free(sn);
	stats_free(st);
	CHECK_DONE();
}
