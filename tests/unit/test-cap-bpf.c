/*
 * The FreeBSD backend, cap-bpf.c, end to end over the fake /dev/bpf
 * (bpfsys-fake.c: zmodel.c with FreeBSD's ioctl rules): capture counts
 * and order, a filter change, forced rotation and the after-ack rule, a
 * quiet link that must not make the consumer spin, drops while both
 * buffers are held, the fallback when zero-copy is off, read(2) mode,
 * the -B clamp, the fake's own kernel rules, and one clear line for
 * every ioctl that fails.
 */
#include "cap.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <pcap/pcap.h>

#include "bpfc.h"
#include "bpfsys.h"
#include "cap-check.h"
#include "unit.h"
#include "zmodel.h"

/* What a drain saw. */
struct seen {
	unsigned	 n;		/* packets */
	unsigned	 nblocks;
	unsigned	 reasons[CAP_ROT_NREASONS];
	unsigned	 rechecked;	/* blocks with recheck set */
	uint32_t	 next;		/* sequence expected next */
	int		 order;		/* 0 once out of order */
	unsigned	 lens[4];	/* wire lengths of the first four */
};

static uint32_t	 seq;

static void	 conf_init(struct cap_conf *, const char *);
static int	 put(unsigned);
static void	 puts_n(unsigned, unsigned);
static unsigned	 drain(struct cap *, struct seen *, int);
static void	 prog(struct bpf_program *, const char *);
static int	 oneline(const char *, const char *);
static void	 test_counts(void);
static void	 test_filter(void);
static void	 test_rotate(void);
static void	 test_quiet(void);
static void	 test_drops(void);
static void	 test_fallback(void);
static void	 test_copy(void);
static void	 test_clamp(void);
static void	 test_rules(void);
static void	 test_errors(void);

static void
conf_init(struct cap_conf *c, const char *iface)
{
	int	 i;

	memset(c, 0, sizeof *c);
	c->iface = iface;
	c->buffer_kib = 16;		/* 2 x 8 KiB */
	c->retire_ms = 20;
	c->promisc = 1;
	for (i = 0; i < CAP_MAXQ; i++)
		c->wakefd[i] = -1;
}

/* An Ethernet frame of len bytes carrying the next sequence number. */
static int
put(unsigned len)
{
	uint8_t		 f[1600];
	struct timespec	 ts;

	memset(f, 0, sizeof f);
	f[12] = 0x08;
	memcpy(f + 14, &seq, sizeof seq);
	clock_gettime(CLOCK_REALTIME, &ts);
	seq++;
	return bpfsys_fake_put(f, len, ts.tv_sec, (unsigned)ts.tv_nsec);
}

static void
puts_n(unsigned n, unsigned len)
{
	while (n-- > 0)
		put(len);
}

/* Take and walk blocks until next() says nothing came within timeout. */
static unsigned
drain(struct cap *cap, struct seen *s, int timeout)
{
	struct cap_block	 blk;
	struct cap_pkt		 p;
	char			 err[ZB_ERRBUFSZ];
	uint32_t		 v;
	unsigned		 got = 0;

	while (cap->ops->next(cap, 0, &blk, timeout, err) == 1) {
		s->nblocks++;
		s->reasons[blk.reason]++;
		s->rechecked += blk.recheck != NULL;
		while (cap->ops->pkt(cap, &blk, &p) == 1) {
			memcpy(&v, p.data + 14, sizeof v);
			if (v < s->next)
				s->order = 0;
			s->next = v + 1;
			if (s->n < 4)
				s->lens[s->n] = p.len;
			s->n++;
			got++;
		}
		cap->ops->release(cap, &blk);
	}
	return got;
}

static void
prog(struct bpf_program *fp, const char *expr)
{
	pcap_t	*p = pcap_open_dead(DLT_EN10MB, 262144);

	memset(fp, 0, sizeof *fp);
	CHECK(pcap_compile(p, fp, expr, 1, PCAP_NETMASK_UNKNOWN) == 0);
	pcap_close(p);
}

/* One line, no newline, starting as expected. */
static int
oneline(const char *err, const char *start)
{
	return strchr(err, '\n') == NULL && strncmp(err, start,
	    strlen(start)) == 0;
}

/*
 * 300 frames of 100 bytes (128 with header and padding: 63 fit in 8160
 * bytes), 75 at a time, each batch drained: each batch fills a buffer
 * (handed over full), and the rest waits in the store buffer: the
 * buffer we just acked sits in the hold slot, so the timeout's rotation
 * does nothing until the next frame (FreeBSD's rule).  The 301st frame
 * frees it; then all 301 come back in order and the counters agree.
 */
static void
test_counts(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	struct cap_bufstate	 bs[2];
	struct seen		 s;
	char			 err[ZB_ERRBUFSZ];
	uint64_t		 drops = 0;
	int			 i;

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	memset(&s, 0, sizeof s);
	s.order = 1;
	s.next = seq;
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	CHECK(cap.ops == &cap_bpf_ops && cap.dlt == DLT_EN10MB);
	CHECK(cap.nbufs == 2 && cap.bufsize == 8192 - 32);
	CHECK(cap.note[0] == '\0');
	CHECK(cap_start(&cap, err) == 0);
	for (i = 0; i < 4; i++) {
		puts_n(75, 100);
		drain(&cap, &s, 100);
		CHECK(s.n == 63 * (unsigned)(i + 1));
	}
	put(100);
	drain(&cap, &s, 100);
	CHECK(s.n == 301 && s.order && s.lens[0] == 100);
	CHECK(s.reasons[CAP_ROT_FULL] == 4 && s.reasons[CAP_ROT_TIMEOUT] == 1);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 301 && ks.drops == 0);
	CHECK(cap.ops->buffers(&cap, bs, 2) == 2);
	CHECK(bs[0].owner != CAP_OWN_USER && bs[1].owner != CAP_OWN_USER);
	CHECK(bs[0].seq + bs[1].seq == s.nblocks);
	bpfsys_fake_ifdrops(7);
	CHECK(cap.ops->ifdrops(&cap, &drops) == 0 && drops == 7);
	cap_close(&cap);
}

/*
 * A filter change while running: the store buffer is handed over first
 * (its records predate the filter and come back with recheck set), then
 * only frames longer than 150 bytes are stored; bs_recv counts them all.
 * The last frame frees the acked hold buffer so that B can go.
 */
static void
test_filter(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	struct bpf_program	 fp;
	struct seen		 s;
	char			 err[ZB_ERRBUFSZ];

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	memset(&s, 0, sizeof s);
	s.order = 1;
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	prog(&fp, "");
	CHECK(cap.ops->setfilter(&cap, &fp, err) == 0);
	pcap_freecode(&fp);
	CHECK(cap_start(&cap, err) == 0);
	puts_n(5, 100);
	prog(&fp, "greater 150");
	CHECK(cap.ops->setfilter(&cap, &fp, err) == 0);
	pcap_freecode(&fp);
	CHECK(bpfsys_fake_model()->slen == 0 && bpfsys_fake_model()->hbuf == 0);
	puts_n(5, 100);
	puts_n(5, 200);
	drain(&cap, &s, 100);
	CHECK(s.n == 5 && s.rechecked == 1 && s.nblocks == 1);
	put(200);
	drain(&cap, &s, 100);
	CHECK(s.n == 11 && s.rechecked == 1 && s.nblocks == 2);
	CHECK(s.lens[0] == 100 && s.lens[3] == 100);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 16 && ks.drops == 0);
	/* A program the kernel refuses: one line, nothing changed. */
	fp.bf_len = 600;
	fp.bf_insns = NULL;
	CHECK(cap.ops->setfilter(&cap, &fp, err) == -1);
	CHECK(oneline(err, "BIOCSETF on fake0: Invalid argument"));
	cap_close(&cap);
}

/*
 * rotate: hands over at once; CAP_AGAIN while we hold a buffer; after
 * the ack, the acked buffer stays in the hold slot and BIOCROTZBUF does
 * nothing (CAP_NOTHING) until the next packet frees it.
 */
static void
test_rotate(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_block	 b1, b2;
	struct cap_bufstate	 bs[2];
	struct zmodel		*m;
	char			 err[ZB_ERRBUFSZ];

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	conf.retire_ms = 60000;
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	m = bpfsys_fake_model();
	CHECK(cap.ops->rotate(&cap, err) == CAP_NOTHING);
	puts_n(3, 100);
	CHECK(cap_check_forced(&cap, &b1, 3, 0, 0));
	CHECK(cap_check_held(&cap));
	puts_n(2, 100);
	CHECK(cap_check_held(&cap));
	cap.ops->buffers(&cap, bs, 2);
	CHECK(bs[1].active && bs[0].reason == CAP_ROT_FORCED);
	cap.ops->release(&cap, &b1);
	CHECK(cap_check_acked(&cap));
	CHECK(m->hbuf == 0 && m->slen != 0);	/* the after-ack rule */
	puts_n(1, 100);				/* reclaims A */
	CHECK(m->hbuf == -1);
	CHECK(cap_check_forced(&cap, &b2, 3, 1, 0));
	cap.ops->release(&cap, &b2);
	cap_close(&cap);
}

/*
 * A quiet link with data stuck behind the acked buffer: for 400 ms the
 * consumer polls with a 20 ms read timeout.  FreeBSD cannot rotate
 * until a packet comes, so nothing is delivered, and the consumer must
 * rotate about once per timeout, not spin (immediate mode would make
 * poll() say readable at once, every time).  Then one packet frees it.
 */
static void
test_quiet(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_block	 b;
	struct seen		 s;
	struct timespec		 t0, t1;
	char			 err[ZB_ERRBUFSZ];
	unsigned long		 rot0, polls0, calls = 0;
	long			 ms = 0;

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	puts_n(3, 100);
	CHECK(cap.ops->next(&cap, 0, &b, 1000, err) == 1);
	CHECK(b.reason == CAP_ROT_TIMEOUT && b.npkts == 3);
	puts_n(2, 100);
	cap.ops->release(&cap, &b);
	rot0 = bpfsys_fake_calls(BPFC_BIOCROTZBUF);
	polls0 = bpfsys_fake_calls(0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (ms < 400) {
		CHECK(cap.ops->next(&cap, 0, &b, 100, err) == 0);
		calls++;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (t1.tv_sec - t0.tv_sec) * 1000 +
		    (t1.tv_nsec - t0.tv_nsec) / 1000000;
	}
	rot0 = bpfsys_fake_calls(BPFC_BIOCROTZBUF) - rot0;
	polls0 = bpfsys_fake_calls(0) - polls0;
	fprintf(stderr, "quiet 400 ms: %lu next, %lu poll, %lu BIOCROTZBUF\n",
	    calls, polls0, rot0);
	CHECK(rot0 >= 5 && rot0 <= 400 / 20 + 2);
	CHECK(polls0 <= 400 / 20 + 6);
	put(100);
	memset(&s, 0, sizeof s);
	s.order = 1;
	CHECK(drain(&cap, &s, 200) == 3 && s.reasons[CAP_ROT_TIMEOUT] == 1);
	cap_close(&cap);
}

/*
 * Both buffers the user's: A held, B fills, the next frame is dropped
 * and hands B over as it is (bpf_zerocopy_buffull), later ones drop too;
 * after both are walked and acked the next frame is stored again.
 */
static void
test_drops(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	struct cap_block	 a, b;
	struct cap_bufstate	 bs[2];
	struct seen		 s;
	char			 err[ZB_ERRBUFSZ];

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	CHECK(cap_start(&cap, err) == 0);
	puts_n(64, 100);			/* 63 fit: A full, B has 1 */
	CHECK(cap.ops->next(&cap, 0, &a, 0, err) == 1);
	CHECK(a.npkts == 63 && a.reason == CAP_ROT_FULL && a.index == 0);
	puts_n(62, 100);			/* B full */
	CHECK(put(100) == ZMODEL_DROPPED);
	CHECK(bpfsys_fake_model()->ev & ZMODEL_EV_HANDOVER);
	CHECK(put(100) == ZMODEL_DROPPED && put(60) == ZMODEL_DROPPED);
	cap.ops->buffers(&cap, bs, 2);
	CHECK(bs[0].owner == CAP_OWN_USER && bs[1].owner == CAP_OWN_USER);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 129 && ks.drops == 3);
	CHECK(cap.ops->next(&cap, 0, &b, 0, err) == 1);
	CHECK(b.npkts == 63 && b.index == 1 && b.reason == CAP_ROT_FULL);
	cap.ops->release(&cap, &a);
	cap.ops->release(&cap, &b);
	CHECK(put(100) == ZMODEL_ROTATED);	/* B to hold, no new gen */
	CHECK(put(100) == ZMODEL_STORED);	/* reclaims B */
	memset(&s, 0, sizeof s);
	s.order = 1;
	CHECK(drain(&cap, &s, 100) == 2);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 2 && ks.drops == 0);
	cap_close(&cap);
}

/*
 * net.bpf.zerocopy_enable=0: without -m, one note and read(2) mode that
 * captures; with -m zbuf, an error naming the sysctl.
 */
static void
test_fallback(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct seen		 s;
	char			 err[ZB_ERRBUFSZ];

	bpfsys_fake_reset(0);
	conf_init(&conf, "fake0");
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	CHECK(cap.ops == &cap_bpf_copy_ops && cap.ops->rotate == NULL);
	CHECK(strstr(cap.note, "sysctl net.bpf.zerocopy_enable=1") != NULL);
	CHECK(strchr(cap.note, '\n') == NULL);
	CHECK(cap_start(&cap, err) == 0);
	puts_n(5, 100);
	memset(&s, 0, sizeof s);
	s.order = 1;
	CHECK(drain(&cap, &s, 200) == 5 && s.order);
	cap_close(&cap);
	conf.strict = 1;
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == -1);
	CHECK(oneline(err, "zero-copy BPF is off: turn it on with sysctl "
	    "net.bpf.zerocopy_enable=1"));
}

/* -m copy: BIOCSBLEN, read(2), the same walk and counters. */
static void
test_copy(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	struct cap_bufstate	 bs;
	struct seen		 s;
	char			 err[ZB_ERRBUFSZ];
	int			 i;

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	CHECK(cap_open(&cap, &cap_bpf_copy_ops, &conf, err) == 0);
	CHECK(cap.nbufs == 1 && cap.bufsize == 8192 && cap.note[0] == '\0');
	CHECK(cap_start(&cap, err) == 0);
	memset(&s, 0, sizeof s);
	s.order = 1;
	s.next = seq;
	for (i = 0; i < 5; i++) {
		puts_n(40, 300);
		drain(&cap, &s, 100);
	}
	CHECK(s.n == 200 && s.order && s.lens[2] == 300);
	CHECK(bpfsys_fake_calls(1) >= 8);		/* read(2)s */
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	CHECK(ks.packets == 200 && ks.drops == 0);
	CHECK(cap.ops->buffers(&cap, &bs, 1) == 1 && bs.size == 8192);
	cap_close(&cap);
}

/* -B past BIOCGETZMAX (2 MiB a buffer on amd64): clamped, and said. */
static void
test_clamp(void)
{
	struct cap		 cap;
	struct cap_conf		 conf;
	char			 err[ZB_ERRBUFSZ];

	bpfsys_fake_reset(1);
	conf_init(&conf, "fake0");
	conf.buffer_kib = 65536;
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	CHECK(cap.bufsize == 2048 * 1024 - 32);
	CHECK(oneline(cap.note, "-B 65536 KiB is more than zero-copy BPF "
	    "allows: using 2 x 2048 KiB (BIOCGETZMAX)"));
	cap_close(&cap);
}

/* The fake answers as bpfioctl() does: the rules cap-bpf.c relies on. */
static void
test_rules(void)
{
	static uint8_t		 a[8192] __attribute__((aligned(4096)));
	static uint8_t		 b[8192] __attribute__((aligned(4096)));
	struct bpfc_zbuf	 bz;
	struct bpfc_ifreq	 ifr;
	unsigned		 v;
	size_t			 zmax;
	int			 fd;

	bpfsys_fake_reset(1);
	CHECK((fd = bpfsys_open()) >= 0);
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCGETZMAX, &zmax) == -1 &&
	    errno == EOPNOTSUPP);
	v = 7;
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETBUFMODE, &v) == -1 &&
	    errno == EINVAL);
	v = BPFC_BUFMODE_ZBUF;
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETBUFMODE, &v) == 0);
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSBLEN, &v) == -1 &&
	    errno == EOPNOTSUPP);
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.name, "fake0");
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETIF, &ifr) == -1 && errno == EINVAL);
	bz.bz_bufa = a + 8;
	bz.bz_bufb = b;
	bz.bz_buflen = 4096;
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETZBUF, &bz) == -1 && errno == EINVAL);
	bz.bz_bufa = a;
	bz.bz_buflen = 100;
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETZBUF, &bz) == -1 && errno == EINVAL);
	bz.bz_buflen = 8192;
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETZBUF, &bz) == 0);
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETZBUF, &bz) == -1 && errno == EINVAL);
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCGBLEN, &v) == 0 && v == 8192 - 32);
	v = BPFC_BUFMODE_BUFFER;
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETBUFMODE, &v) == -1 &&
	    errno == EBUSY);
	CHECK(bpfsys_ioctl(fd, BPFC_BIOCSETIF, &ifr) == 0);
	CHECK(bpfsys_read(fd, a, 8160) == -1 && errno == EOPNOTSUPP);
	bpfsys_close(fd);
}

/*
 * Every ioctl on the way in, failing once: open fails, one line names
 * the request, the interface and the reason.  Then the ones at run time.
 */
static void
test_errors(void)
{
	static const struct {
		unsigned long	 req;
		const char	*text;
	} tab[] = {
		{ BPFC_BIOCSETBUFMODE, "cannot choose zero-copy BPF "
		    "(BIOCSETBUFMODE): Input/output error" },
		{ BPFC_BIOCGETZMAX, "BIOCGETZMAX on fake0: Input/output error" },
		{ BPFC_BIOCSETZBUF, "BIOCSETZBUF on fake0: Input/output error" },
		{ BPFC_BIOCSETIF, "BIOCSETIF on fake0: Input/output error" },
		{ BPFC_BIOCIMMEDIATE, "BIOCIMMEDIATE on fake0: Input/output "
		    "error" },
		{ BPFC_BIOCSRTIMEOUT, "BIOCSRTIMEOUT on fake0: Input/output "
		    "error" },
		{ BPFC_BIOCPROMISC, "BIOCPROMISC on fake0: Input/output error" },
		{ BPFC_BIOCGDLT, "BIOCGDLT on fake0: Input/output error" },
	};
	struct cap		 cap;
	struct cap_conf		 conf;
	struct cap_kstats	 ks;
	char			 err[ZB_ERRBUFSZ];
	size_t			 i;

	conf_init(&conf, "fake0");
	for (i = 0; i < sizeof tab / sizeof tab[0]; i++) {
		bpfsys_fake_reset(1);
		bpfsys_fake_fail(tab[i].req, EIO);
		err[0] = '\0';
		CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == -1);
		if (!oneline(err, tab[i].text) || strlen(err) !=
		    strlen(tab[i].text)) {
			fprintf(stderr, "got \"%s\"\n", err);
			CHECK(!"ioctl error line");
		}
	}
	bpfsys_fake_reset(1);
	bpfsys_fake_fail(0, EACCES);
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == -1);
	CHECK(oneline(err, "cannot open /dev/bpf: Permission denied"));
	bpfsys_fake_reset(0);
	bpfsys_fake_fail(BPFC_BIOCSBLEN, EIO);
	CHECK(cap_open(&cap, &cap_bpf_copy_ops, &conf, err) == -1);
	CHECK(oneline(err, "BIOCSBLEN on fake0: Input/output error"));
	bpfsys_fake_reset(1);
	conf.iface = "nosuch\033[0";
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == -1);
	CHECK(oneline(err, "BIOCSETIF on nosuch") && strchr(err, '\033') ==
	    NULL && strstr(err, ": No such device or address") != NULL);
	conf.iface = "fake0";
	/* At run time. */
	bpfsys_fake_reset(1);
	CHECK(cap_open(&cap, &cap_bpf_ops, &conf, err) == 0);
	bpfsys_fake_fail(BPFC_BIOCFLUSH, EIO);
	CHECK(cap_start(&cap, err) == -1);
	CHECK(oneline(err, "BIOCFLUSH on fake0: Input/output error"));
	CHECK(cap_start(&cap, err) == 0);
	bpfsys_fake_fail(BPFC_BIOCROTZBUF, EIO);
	CHECK(cap.ops->rotate(&cap, err) == -1);
	CHECK(oneline(err, "BIOCROTZBUF on fake0: Input/output error"));
	bpfsys_fake_fail(BPFC_BIOCGSTATS, EIO);
	CHECK(cap.ops->kstats(&cap, &ks) == -1);
	/* Started: the descriptor is limited to the run-time ioctls. */
	CHECK(bpfsys_ioctl(4242, BPFC_BIOCFLUSH, NULL) == -1 && errno == EPERM);
	CHECK(cap.ops->kstats(&cap, &ks) == 0);
	cap_close(&cap);
}

int
main(void)
{
	test_counts();
	test_filter();
	test_rotate();
	test_quiet();
	test_drops();
	test_fallback();
	test_copy();
	test_clamp();
	test_rules();
	test_errors();
	bpfsys_fake_reset(0);
	CHECK_DONE();
}
