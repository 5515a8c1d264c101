/*
 * The file backend through its ops table, on capture files written here:
 * exact counts and bytes through many rotations, the filter before and
 * during replay (recheck), a truncated file (and the same through a
 * FIFO, read through cap_file_read()), pcapng, read timeouts in packet
 * time, forced rotation's answers, and drops at recorded speed.
 */
#include "cap.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>

#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap-check.h"
#include "unit.h"

#define MAXPKTS		4000

struct res {
	uint32_t	 seqs[MAXPKTS];
	unsigned	 n;
	unsigned	 bad;		/* bytes or lengths differ */
	unsigned	 nblocks;
	unsigned	 reasons[CAP_ROT_NREASONS];
	unsigned	 recheck_even;	/* even seqs in recheck blocks */
	unsigned	 clean_even;	/* even seqs in the other blocks */
	unsigned	 nrecheck;
	int		 filtered;	/* blocks after setfilter */
	int		 rc;		/* last next() result */
	char		 err[ZB_ERRBUFSZ];
};

static char	 dir[] = "/tmp/zbtop-test-cap-file.XXXXXX";
static struct res res;

static unsigned	 frame(uint32_t, uint8_t *);
static char	*write_pcap(const char *, unsigned, long, long *, unsigned);
static char	*write_pcapng(const char *, unsigned);
static void	 conf_init(struct cap_conf *, const char *);
static int	 check_pkt(const struct cap_pkt *, unsigned, uint32_t *);
static void	 wait_other(struct cap *, unsigned);
static void	 drain(struct cap *, struct res *, unsigned, unsigned,
		    struct bpf_program *);
static void	 test_count(void);
static void	 test_filter(void);
static void	*feed(void *);
static void	 test_truncated(int);
static void	 test_pcapng(void);
static void	 test_timeout(void);
static void	 test_rotate(void);
static void	 test_drops(void);
static void	 test_unreadable(void);

/*
 * The project's test frame: Ethernet / IPv4 / UDP 198.18.0.2:9 ->
 * 198.18.0.1:9, payload "ZBSQ" + 8-byte BE seq, then bytes that depend
 * on seq and position, 60 to 1514 bytes long.
 */
static unsigned
frame(uint32_t seq, uint8_t *f)
{
	static const uint8_t hdr[] = {
		2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x08, 0x00,
		0x45, 0, 0, 0, 0, 0, 0, 0, 64, 17, 0, 0,
		198, 18, 0, 2, 198, 18, 0, 1, 0, 9, 0, 9, 0, 0, 0, 0
	};
	unsigned	 len = 60 + (seq * 37) % 1455, i;

	memcpy(f, hdr, sizeof hdr);
	f[16] = (len - 14) >> 8;
	f[17] = (len - 14) & 0xff;
	f[38] = (len - 34) >> 8;
	f[39] = (len - 34) & 0xff;
	memcpy(f + 42, "ZBSQ", 4);
	for (i = 0; i < 8; i++)
		f[46 + i] = i < 4 ? 0 : (seq >> (8 * (7 - i))) & 0xff;
	for (i = 54; i < len; i++)
		f[i] = (uint8_t)(seq * 7 + i);
	return len;
}

/*
 * n frames, gap_us apart, from t = 1000 s; *cut, if not NULL, gets the
 * byte offset of record "cutat" (the file is not cut here).
 */
static char *
write_pcap(const char *name, unsigned n, long gap_us, long *cut,
    unsigned cutat)
{
	static char	 path[4][256];
	static int	 slot;
	pcap_t		*p;
	pcap_dumper_t	*d;
	struct pcap_pkthdr h;
	uint8_t		 f[1600];
	unsigned	 i;
	long		 off = 24;
	char		*s = path[slot++ % 4];

	snprintf(s, 256, "%s/%s", dir, name);
	p = pcap_open_dead(DLT_EN10MB, 65535);
	d = pcap_dump_open(p, s);
	if (d == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		memset(&h, 0, sizeof h);
		h.caplen = h.len = frame(i, f);
		h.ts.tv_sec = 1000 + (i * gap_us) / 1000000;
		h.ts.tv_usec = (i * gap_us) % 1000000;
		if (cut != NULL && i == cutat)
			*cut = off;
		off += 16 + h.caplen;
		pcap_dump((u_char *)d, &h, f);
	}
	pcap_dump_close(d);
	pcap_close(p);
	return s;
}

/* pcapng by hand (libpcap writes only pcap): SHB, IDB, n EPBs. */
static char *
write_pcapng(const char *name, unsigned n)
{
	static char	 path[256];
	static const uint32_t shb[] = { 0x0a0d0d0a, 28, 0x1a2b3c4d,
	    0x00000001, 0xffffffff, 0xffffffff, 28 };
	static const uint32_t idb[] = { 1, 20, 1, 65535, 20 };
	uint8_t		 f[1600];
	uint32_t	 w[7];
	uint64_t	 ts;
	unsigned	 i, len, pad;
	FILE		*fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "wb")) == NULL)
		return NULL;
	fwrite(shb, sizeof shb, 1, fp);
	fwrite(idb, sizeof idb, 1, fp);
	for (i = 0; i < n; i++) {
		len = frame(i, f);
		pad = (4 - len % 4) % 4;
		ts = 2000000000ULL + i * 1000ULL;	/* microseconds */
		w[0] = 6;
		w[1] = 32 + len + pad;
		w[2] = 0;
		w[3] = ts >> 32;
		w[4] = ts & 0xffffffff;
		w[5] = len;
		w[6] = len;
		memset(f + len, 0, pad);
		fwrite(w, sizeof w, 1, fp);
		fwrite(f, len + pad, 1, fp);
		fwrite(&w[1], 4, 1, fp);
	}
	fclose(fp);
	return path;
}

static void
conf_init(struct cap_conf *conf, const char *file)
{
	memset(conf, 0, sizeof *conf);
	conf->file = file;
	conf->wakefd[0] = -1;
}

/* 0 if the packet is frame(seq) exactly (caplen may cut it at snap). */
static int
check_pkt(const struct cap_pkt *p, unsigned snap, uint32_t *seq)
{
	uint8_t		 f[1600];
	unsigned	 len, cap;

	if (p->caplen < 54)
		return -1;
	*seq = (uint32_t)p->data[50] << 24 | p->data[51] << 16 |
	    p->data[52] << 8 | p->data[53];
	len = frame(*seq, f);
	cap = len < snap ? len : snap;
	if (p->len != len || p->caplen != cap || memcmp(p->data, f, cap) != 0)
		return -1;
	return 0;
}

/*
 * Let the producer store at least two frames (so one even) in the other
 * buffer under the old filter before the switch.
 */
static void
wait_other(struct cap *cap, unsigned held)
{
	struct cap_bufstate	 bs[2];
	int			 i;

	for (i = 0; i < 1000; i++) {
		if (cap->ops->buffers(cap, bs, 2) == 2 && bs[1 - held].pkts >= 2)
			return;
		usleep(1000);
	}
	CHECK(!"the producer did not fill the other buffer");
}

/*
 * Consume to the end (or an error).  When filter != NULL it is attached
 * after "filter_after" blocks; usleep_us slows the consumer down.
 */
static void
drain(struct cap *cap, struct res *r, unsigned snap, unsigned usleep_us,
    struct bpf_program *filter)
{
	struct cap_block	 blk;
	struct cap_pkt		 p;
	uint32_t		 seq;
	unsigned		 spins = 0;
	int			 rc;

	memset(r, 0, sizeof *r);
	for (;;) {
		rc = cap->ops->next(cap, 0, &blk, 100, r->err);
		r->rc = rc;
		if (rc == -1 || (rc == 0 && cap->eof))
			break;
		if (rc == 0) {
			if (++spins > 600)	/* 60 s */
				break;
			continue;
		}
		r->nblocks++;
		r->reasons[blk.reason]++;
		r->nrecheck += blk.recheck != NULL;
		while (cap->ops->pkt(cap, &blk, &p) == 1) {
			if (check_pkt(&p, snap, &seq) == -1) {
				r->bad++;
				continue;
			}
			if (seq % 2 == 0 && r->filtered) {
				if (blk.recheck != NULL)
					r->recheck_even++;
				else
					r->clean_even++;
			}
			if (r->n < MAXPKTS)
				r->seqs[r->n] = seq;
			r->n++;
		}
		if (usleep_us)
			usleep(usleep_us);
		if (filter != NULL)
			wait_other(cap, blk.index);
		cap->ops->release(cap, &blk);
		if (filter != NULL && r->nblocks == 1) {
			CHECK(cap->ops->setfilter(cap, filter, r->err) == 0);
			filter = NULL;
			r->filtered = 1;
		}
	}
}

/* 3000 frames through 2 x 8 KiB: hundreds of rotations, nothing lost. */
static void
test_count(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	struct cap_bufstate	 bs[4];
	char			 err[ZB_ERRBUFSZ];
	unsigned		 i, inorder = 1;

	conf_init(&conf, write_pcap("count.pcap", 3000, 10, NULL, 0));
	conf.buffer_kib = 16;
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap.dlt == DLT_EN10MB && cap.snaplen == 65535);
	CHECK(cap.nbufs == 2 && cap.bufsize == 8192 - 32);
	CHECK(strcmp(cap.geometry, "2 x 8 KiB (zbuf model)") == 0);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 262144, 0, NULL);
	CHECK(res.rc == 0 && cap.eof == 1);
	CHECK(res.n == 3000 && res.bad == 0);
	for (i = 0; i < res.n && i < MAXPKTS; i++)
		if (res.seqs[i] != i)
			inorder = 0;
	CHECK(inorder);
	CHECK(res.nblocks > 300);
	CHECK(res.reasons[CAP_ROT_FULL] > 300);
	CHECK(res.reasons[CAP_ROT_TIMEOUT] >= 1);	/* end of file */
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 3000 && ks.drops == 0);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 0);				/* deltas */
	CHECK(cap.ops->buffers(&cap, bs, 4) == 2);
	CHECK(bs[0].owner != CAP_OWN_USER && bs[1].owner != CAP_OWN_USER);
	CHECK(bs[0].size == 8192 - 32 && bs[0].seq + bs[1].seq ==
	    res.nblocks);
	CHECK(cap.ops->ifdrops(&cap, NULL) == -1);
	cap_close(&cap);
}

/*
 * A filter before start: only odd frames, cut at its snap length.  A
 * filter after the first block: blocks stored before carry recheck, the
 * others hold odd frames only.
 */
static void
test_filter(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct bpf_program	 prog;
	pcap_t			*dead;
	char			 err[ZB_ERRBUFSZ];
	unsigned		 i, odd = 1;

	dead = pcap_open_dead(DLT_EN10MB, 100);
	CHECK(pcap_compile(dead, &prog, "udp[19] & 1 = 1", 1,
	    PCAP_NETMASK_UNKNOWN) == 0);
	conf_init(&conf, write_pcap("filter.pcap", 2000, 10, NULL, 0));
	conf.buffer_kib = 16;
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap.ops->setfilter(&cap, &prog, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 100, 0, NULL);
	CHECK(res.n == 1000 && res.bad == 0 && res.nrecheck == 0);
	for (i = 0; i < res.n && i < MAXPKTS; i++)
		if (res.seqs[i] != 2 * i + 1)
			odd = 0;
	CHECK(odd);
	cap_close(&cap);

	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 262144, 0, &prog);
	CHECK(res.bad > 0);	/* odd frames cut at 100 after the switch */
	CHECK(res.nrecheck >= 1 && res.recheck_even > 0);
	/*
	 * The two buffers stored at the switch, and one more when a frame
	 * the old program passed waited for a free buffer meanwhile.
	 */
	CHECK(res.nrecheck <= 3);
	CHECK(res.clean_even == 0);
	CHECK(res.n + res.bad < 2000 && res.n + res.bad > 1000);
	cap_close(&cap);
	pcap_freecode(&prog);
	pcap_close(dead);
}

/* The FIFO's writer: the file's bytes, then the end. */
static void *
feed(void *arg)
{
	const char	**paths = arg;
	char		  b[4096];
	ssize_t		  n;
	int		  in, out;

	if ((out = open(paths[0], O_WRONLY)) == -1)
		return NULL;
	if ((in = open(paths[1], O_RDONLY)) != -1) {
		while ((n = read(in, b, sizeof b)) > 0)
			if (write(out, b, (size_t)n) != n)
				break;
		close(in);
	}
	close(out);
	return NULL;
}

/*
 * Cut inside record 58: 57 frames, then the error naming the record and
 * its byte offset; with fifo, the same through a FIFO, read through
 * cap_file_read() (the offset is ftell() over compat_fropen()'s count).
 */
static void
test_truncated(int fifo)
{
	struct cap	 cap;
	struct cap_conf	 conf;
	pthread_t	 t;
	char		 err[ZB_ERRBUFSZ], want[128], path[256];
	const char	*paths[2], *name = fifo ? "trunc.fifo" : "trunc.pcap";
	long		 cut = 0;

	paths[1] = write_pcap("trunc.pcap", 100, 1000, &cut, 57);
	CHECK(paths[1] != NULL && truncate(paths[1], cut + 16 + 30) == 0);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	paths[0] = path;
	if (fifo) {
		CHECK(mkfifo(path, 0600) == 0);
		CHECK(pthread_create(&t, NULL, feed, paths) == 0);
	}
	conf_init(&conf, path);
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 262144, 0, NULL);
	if (fifo)
		pthread_join(t, NULL);
	CHECK(res.n == 57 && res.bad == 0);
	CHECK(res.rc == -1);
	snprintf(want, sizeof want, "%s: truncated packet record "
	    "after packet 57 (byte offset %ld): ", name, cut);
	CHECK(strstr(res.err, want) != NULL);
	if (strstr(res.err, want) == NULL)
		fprintf(stderr, "got: %s\nwant: %s\n", res.err, want);
	CHECK(cap.ops->next(&cap, 0, &(struct cap_block){ 0 }, 0, err) == -1);
	cap_close(&cap);
}

static void
test_pcapng(void)
{
	struct cap	 cap;
	struct cap_conf	 conf;
	char		 err[ZB_ERRBUFSZ];

	conf_init(&conf, write_pcapng("ng.pcapng", 500));
	conf.buffer_kib = 64;
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap.dlt == DLT_EN10MB);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 262144, 0, NULL);
	CHECK(res.rc == 0 && cap.eof && res.n == 500 && res.bad == 0);
	CHECK(res.seqs[499] == 499);
	cap_close(&cap);
}

/* As fast as possible, -T 100 in packet time: 1 s apart, 1 per buffer. */
static void
test_timeout(void)
{
	struct cap	 cap;
	struct cap_conf	 conf;
	char		 err[ZB_ERRBUFSZ];

	conf_init(&conf, write_pcap("slow.pcap", 20, 1000000, NULL, 0));
	conf.retire_ms = 100;
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap.retire_ms == 100);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 262144, 0, NULL);
	CHECK(res.n == 20 && res.nblocks == 20);
	CHECK(res.reasons[CAP_ROT_TIMEOUT] == 20);
	cap_close(&cap);
}

/*
 * Recorded speed, frames 300 ms apart, -T 60 s: rotate hands over the
 * first frame at once; while the user holds it, CAP_AGAIN (a FreeBSD
 * reader cannot tell an empty store buffer from a busy hold slot).  After
 * release the acked buffer stays in the hold slot until the next frame
 * (FreeBSD's rule): CAP_NOTHING, not a retry; the third frame frees it
 * and rotate hands over frames 2 and 3 (the 4th is 300 ms away).
 */
static void
test_rotate(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_block	 b1, b2;
	struct cap_bufstate	 bs[2];
	char			 err[ZB_ERRBUFSZ];
	int			 i;

	conf_init(&conf, write_pcap("rot.pcap", 4, 300000, NULL, 0));
	conf.speed = 1;
	conf.retire_ms = 60000;
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	for (i = 0; i < 100; i++) {
		cap.ops->buffers(&cap, bs, 2);
		if (bs[0].pkts == 1)
			break;
		usleep(2000);
	}
	CHECK(bs[0].owner == CAP_OWN_KERNEL && bs[0].active);
	CHECK(bs[1].owner == CAP_OWN_FREE && bs[0].used > 0);
	CHECK(cap_check_forced(&cap, &b1, 1, 0, 1000));
	CHECK(cap_check_held(&cap));
	for (i = 0; i < 200; i++) {
		cap.ops->buffers(&cap, bs, 2);
		if (bs[1].pkts == 1)
			break;
		usleep(5000);
	}
	CHECK(bs[1].pkts == 1);
	CHECK(cap_check_held(&cap));
	cap.ops->release(&cap, &b1);
	CHECK(cap_check_acked(&cap));
	for (i = 0; i < 200; i++) {
		cap.ops->buffers(&cap, bs, 2);
		if (bs[1].pkts == 2)
			break;
		usleep(5000);
	}
	CHECK(bs[1].pkts == 2 && bs[0].owner == CAP_OWN_FREE);
	CHECK(cap_check_forced(&cap, &b2, 2, 1, 1000));
	cap.ops->release(&cap, &b2);
	cap_close(&cap);	/* while the producer still waits: must join */
}

/*
 * Recorded speed x 1, 4000 frames 20 us apart into 2 x 4 KiB, and a
 * consumer that sleeps 2 ms per buffer: bpf drops, and every frame is
 * either delivered or counted as dropped.
 */
static void
test_drops(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	char			 err[ZB_ERRBUFSZ];
	unsigned		 i, inorder = 1;

	conf_init(&conf, write_pcap("drops.pcap", 4000, 20, NULL, 0));
	conf.buffer_kib = 8;
	conf.speed = 1;
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	drain(&cap, &res, 262144, 2000, NULL);
	CHECK(res.rc == 0 && cap.eof && res.bad == 0);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.drops > 0 && ks.freezes > 0);
	CHECK(ks.packets == 4000);
	CHECK(res.n + ks.drops == 4000);
	for (i = 1; i < res.n && i < MAXPKTS; i++)
		if (res.seqs[i] <= res.seqs[i - 1])
			inorder = 0;
	CHECK(inorder);
	cap_close(&cap);
}

static void
test_unreadable(void)
{
	struct cap	 cap;
	struct cap_conf	 conf;
	char		 err[ZB_ERRBUFSZ], path[300];
	FILE		*fp;

	snprintf(path, sizeof path, "%s/nope\033.pcap", dir);
	conf_init(&conf, path);
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == -1);
	CHECK(strncmp(err, "cannot read ", 12) == 0);
	CHECK(strchr(err, '\033') == NULL);
	snprintf(path, sizeof path, "%s/garbage.pcap", dir);
	if ((fp = fopen(path, "w")) != NULL) {
		fputs("this is not a capture file at all\n", fp);
		fclose(fp);
	}
	conf_init(&conf, path);
	CHECK(cap_open(&cap, &cap_file_ops, &conf, err) == -1);
	CHECK(strncmp(err, "cannot read ", 12) == 0);
}

int
main(void)
{
	char	 cmd[300];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_count();
	test_filter();
	test_truncated(0);
	test_truncated(1);
	test_pcapng();
	test_timeout();
	test_rotate();
	test_drops();
	test_unreadable();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	CHECK_DONE();
}
