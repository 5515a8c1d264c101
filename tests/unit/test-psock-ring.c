/*
 * The foreign-ring reader on rings laid out in a scratch file (the way
 * the kernel lays them out, linux/if_packet.h), read through the same
 * pread path as /proc/PID/mem: owners, counts, hold times, hostile
 * lengths, the verdicts, a ring cut short, and a V2 ring.  No root.
 */
#include "psock.h"

#include <linux/if_packet.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#define BS	4096

static int	 fd;

static void
put_blk(int i, uint32_t status, uint32_t pkts, uint32_t len, uint64_t seq,
    uint32_t last)
{
	struct tpacket_block_desc	 d;

	memset(&d, 0, sizeof d);
	d.version = TPACKET_V3;
	d.hdr.bh1.block_status = status;
	d.hdr.bh1.num_pkts = pkts;
	d.hdr.bh1.blk_len = len;
	d.hdr.bh1.seq_num = seq;
	d.hdr.bh1.ts_last_pkt.ts_sec = last;
	if (pwrite(fd, &d, sizeof d, (off_t)i * BS) != (ssize_t)sizeof d)
		abort();
}

int
main(void)
{
	static struct psock_ringsnap	 rs;
	struct psock_geom		 g;
	struct psock_att		*a;
	char				 path[] = "/tmp/test-psock-ring.XXXXXX";
	char				 err[PSOCK_ERRSZ];
	uint32_t			 now = (uint32_t)time(NULL), st;
	int				 i;

	if ((fd = mkstemp(path)) == -1)
		return 1;
	unlink(path);
	if (ftruncate(fd, 4 * BS) == -1)
		return 1;
	memset(&g, 0, sizeof g);
	g.block_size = BS;
	g.block_nr = 4;
	g.frame_nr = 4;
	g.retire_ms = 8;
	/* Two held (one closed 3 s ago), one filling, one never used. */
	put_blk(0, TP_STATUS_USER, 10, 2000, 1, now - 3);
	put_blk(1, TP_STATUS_USER | TP_STATUS_LOSING, 20, 0xffffffff, 2, 0);
	put_blk(2, TP_STATUS_KERNEL, 5, 600, 3, 0);
	put_blk(3, TP_STATUS_KERNEL, 7, 900, 0, 0);
	a = psock_attach_fd(fd, 0, 3, &g);
	CHECK(psock_ring_read(a, NULL, &rs, err) == 0);
	CHECK(rs.nblk == 4);
	CHECK(rs.blk[0].owner == PSOCK_OWN_USER &&
	    rs.blk[1].owner == PSOCK_OWN_USER &&
	    rs.blk[2].owner == PSOCK_OWN_KERNEL &&
	    rs.blk[3].owner == PSOCK_OWN_FREE);
	CHECK(rs.nown[PSOCK_OWN_USER] == 2 && rs.nown[PSOCK_OWN_KERNEL] == 1 &&
	    rs.nown[PSOCK_OWN_FREE] == 1);
	/* A free block's left-over counts are not shown. */
	CHECK(rs.blk[3].pkts == 0 && rs.blk[3].used == 0);
	CHECK(rs.pkts_held == 30 && rs.pkts_ring == 35);
	/* A length past the block is clamped to it. */
	CHECK(rs.blk[1].used == BS && rs.blk[0].used == 2000);
	CHECK(rs.blk[1].losing && !rs.blk[0].losing && rs.losing);
	CHECK(rs.blk[0].held >= 2.0 && rs.blk[0].held < 10.0);
	CHECK(rs.blk[2].held < 0 && rs.seq == 3);
	CHECK(rs.verdict == PSOCK_V_MEASURING);
	/* Nothing given back since, held 3 s: stopped. */
	CHECK(psock_ring_read(a, NULL, &rs, err) == 0);
	CHECK(rs.released == 0 && rs.verdict == PSOCK_V_STOPPED);
	/* Block 0 given back, block 2 handed over, block 3 filling. */
	put_blk(0, TP_STATUS_KERNEL, 10, 2000, 1, now - 3);
	put_blk(1, TP_STATUS_KERNEL, 20, 100, 2, 0);
	put_blk(2, TP_STATUS_USER, 5, 600, 3, 0);
	put_blk(3, TP_STATUS_KERNEL, 1, 100, 4, 0);
	CHECK(psock_ring_read(a, NULL, &rs, err) == 0);
	CHECK(rs.released == 2 && rs.seq == 4 && rs.rotps > 0);
	CHECK(rs.blk[3].owner == PSOCK_OWN_KERNEL &&
	    rs.blk[2].owner == PSOCK_OWN_USER);
	CHECK(rs.verdict == PSOCK_V_OK);
	/* Every block held, one given back and refilled since: too slow. */
	put_blk(0, TP_STATUS_USER, 3, 100, 5, 0);
	put_blk(1, TP_STATUS_USER, 3, 100, 6, 0);
	put_blk(2, TP_STATUS_USER, 3, 100, 7, 0);
	put_blk(3, TP_STATUS_USER, 3, 100, 4, 0);
	CHECK(psock_ring_read(a, NULL, &rs, err) == 0);
	CHECK(rs.nown[PSOCK_OWN_USER] == 4 && rs.verdict == PSOCK_V_SLOW);
	/*
	 * The ring shorter than it claims, the process (this one) alive:
	 * the ring is gone from its memory, not the process.
	 */
	if (ftruncate(fd, 2 * BS) == -1)
		return 1;
	CHECK(psock_ring_read(a, NULL, &rs, err) == -1);
	CHECK(rs.verdict == PSOCK_V_UNMAPPED &&
	    strstr(err, "no longer maps") != NULL);
	psock_detach(a);

	/* V2: 2 blocks of 4 frames of 1024; frames held by status. */
	strcpy(path + strlen(path) - 6, "XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		return 1;
	unlink(path);
	if (ftruncate(fd, 2 * BS) == -1)
		return 1;
	g.block_nr = 2;
	g.frame_size = 1024;
	g.frame_nr = 8;
	for (i = 0; i < 8; i++) {
		st = i < 3 ? TP_STATUS_USER : TP_STATUS_KERNEL;
		if (pwrite(fd, &st, sizeof st, (off_t)i * 1024) != sizeof st)
			abort();
	}
	a = psock_attach_fd(fd, 0, 2, &g);
	CHECK(psock_ring_read(a, NULL, &rs, err) == 0);
	CHECK(rs.blk[0].owner == PSOCK_OWN_USER && rs.blk[0].pkts == 3 &&
	    rs.blk[0].used == 3 * 1024);
	CHECK(rs.blk[1].owner == PSOCK_OWN_FREE && rs.blk[1].pkts == 0);
	CHECK(rs.pkts_held == 3 && rs.rotps < 0);
	psock_detach(a);

	/*
	 * V2 with large frames, read one by one: 2 blocks of 2 frames of
	 * 8192, 3 frames in all (the last block half used).
	 */
	strcpy(path + strlen(path) - 6, "XXXXXX");
	if ((fd = mkstemp(path)) == -1)
		return 1;
	unlink(path);
	if (ftruncate(fd, 4 * 8192) == -1)
		return 1;
	g.block_nr = 2;
	g.block_size = 2 * 8192;
	g.frame_size = 8192;
	g.frame_nr = 3;
	for (i = 0; i < 4; i++) {
		st = i != 1 ? TP_STATUS_USER : TP_STATUS_KERNEL;
		if (pwrite(fd, &st, sizeof st, (off_t)i * 8192) != sizeof st)
			abort();
	}
	a = psock_attach_fd(fd, 0, 2, &g);
	CHECK(psock_ring_read(a, NULL, &rs, err) == 0);
	CHECK(rs.blk[0].owner == PSOCK_OWN_USER && rs.blk[0].pkts == 1);
	CHECK(rs.blk[1].owner == PSOCK_OWN_USER && rs.blk[1].pkts == 1);
	CHECK(rs.pkts_held == 2);
	psock_detach(a);
	CHECK_DONE();
}
