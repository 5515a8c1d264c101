/*
 * libFuzzer target for the capture-file reading path: the input is a
 * whole pcap or pcapng file.  It goes into a memfd and is replayed through
 * the file backend's ops (libpcap's reader, the zbuf model, the producer
 * thread) exactly as -r does, as fast as possible; every packet is then
 * summarised.  Aborts when a packet claims more bytes than the snap
 * length, when the summary holds a control or non-ASCII byte, or when
 * the replay makes no progress for 5 s (a hostile file must end, never
 * hang the reader).  The buffer size comes from the file length so that
 * both small buffers (many rotations) and the default are exercised.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "dec.h"
#include "tbuf.h"

#define FUZZ_FILE_SPINS	500		/* x 10 ms without a buffer */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	fuzz_check(const struct tbuf *);
static void	fuzz_walk(struct cap *, struct cap_block *, struct tbuf *);
static int	fuzz_memfd(const uint8_t *, size_t);

static void
fuzz_check(const struct tbuf *tb)
{
	size_t	i;

	for (i = 0; i < tb->len; i++) {
		unsigned char	ch = (unsigned char)tb->s[i];

		if (ch < 0x20 || ch > 0x7e)
			abort();
	}
}

static void
fuzz_walk(struct cap *cap, struct cap_block *blk, struct tbuf *tb)
{
	struct cap_pkt	pkt;

	while (cap->ops->pkt(cap, blk, &pkt) == 1) {
		if (pkt.caplen > cap->snaplen || (pkt.caplen > 0 &&
		    pkt.data == NULL))
			abort();
		tbuf_reset(tb);
		dec_summary(tb, cap->dlt, pkt.data, pkt.caplen, pkt.len);
		fuzz_check(tb);
	}
	cap->ops->release(cap, blk);
}

static int
fuzz_memfd(const uint8_t *data, size_t size)
{
	size_t	off = 0;
	ssize_t	n;
	int	fd;

	if ((fd = memfd_create("fuzz-file", MFD_CLOEXEC)) == -1)
		return -1;
	while (off < size) {
		if ((n = write(fd, data + off, size - off)) <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	return fd;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_block	 blk;
	struct tbuf		 tb;
	const struct cap_ops	*ops;
	char			 path[64], err[ZB_ERRBUFSZ];
	unsigned		 spins = 0;
	int			 fd, rc;

	if ((ops = cap_find("file")) == NULL)
		abort();
	if ((fd = fuzz_memfd(data, size)) == -1)
		return 0;
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	memset(&conf, 0, sizeof conf);
	conf.file = path;
	conf.speed = 0;
	conf.wakefd[0] = -1;
	conf.buffer_kib = size % 2 == 0 ? 16 : 0;
	memset(&cap, 0, sizeof cap);
	if (cap_open(&cap, ops, &conf, err) == -1) {
		close(fd);
		return 0;
	}
	tbuf_init(&tb);
	if (cap_start(&cap, err) == 0) {
		for (;;) {
			rc = cap.ops->next(&cap, 0, &blk, 10, err);
			if (rc == -1 || (rc == 0 && cap.eof))
				break;
			if (rc == 1) {
				spins = 0;
				fuzz_walk(&cap, &blk, &tb);
			} else if (++spins > FUZZ_FILE_SPINS)
				abort();
		}
	}
	tbuf_free(&tb);
	cap_close(&cap);
	close(fd);
	return 0;
}
