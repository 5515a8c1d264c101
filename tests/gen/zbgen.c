/*
 * zbgen: the live tests' traffic generator.  Sends exactly N frames of the
 * test-traffic format (CLI.md) on an AF_PACKET socket, or writes the same
 * frames to a pcap file, so a capture can be compared byte for byte.
 * Every loop is bounded by -T seconds.  Built with no library: the pcap
 * file format is written by hand (pcap-savefile(5)).
 *
 *   zbgen -i IF -n N [-F FLOWS] [-r PPS] [-s FRAMESIZE] [-S START_SEQ]
 *         [-T SECONDS]
 *   zbgen -w FILE -n N [-F FLOWS] [-s FRAMESIZE] [-S START_SEQ]
 *
 * -F FLOWS (default 1) varies the source: flow f = seq % FLOWS comes from
 * 198.19.(f / 256).(f % 256) port 1024 + f, so talker tables fill; flow
 * count 1 is the plain 198.18.0.2:9 of CLI.md.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ZBGEN_BATCH	64
#define ZBGEN_MINSIZE	(14 + 20 + 8 + 12)	/* headers, "ZBSQ", seq */
#define ZBGEN_MAXSIZE	9000

struct zbgen {
	const char	*ifname;
	const char	*file;
	uint64_t	 count;
	uint64_t	 pps;
	uint64_t	 seq0;
	unsigned	 size;
	unsigned	 limit;		/* seconds */
	unsigned	 flows;		/* -F: distinct sources */
};

static void	zbgen_usage(void) __attribute__((noreturn));
static uint64_t	zbgen_num(const char *, const char *);
static void	zbgen_frame(uint8_t *, unsigned, uint64_t, unsigned);
static double	zbgen_now(void);
static int	zbgen_write(const struct zbgen *);
static int	zbgen_socket(const struct zbgen *, struct sockaddr_ll *);
static int	zbgen_batch(const struct zbgen *, int, struct mmsghdr *,
		    unsigned, double, uint64_t *, unsigned *);
static int	zbgen_send(const struct zbgen *);
static void	zbgen_pace(const struct zbgen *, const struct timespec *,
		    uint64_t);

static void
zbgen_usage(void)
{
	fprintf(stderr, "usage: zbgen -i iface -n count [-F flows] [-r pps] "
	    "[-s size] [-S seq] [-T seconds]\n"
	    "       zbgen -w file -n count [-F flows] [-s size] [-S seq]\n");
	exit(2);
}

static uint64_t
zbgen_num(const char *s, const char *what)
{
	char		*end;
	uint64_t	 v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno != 0 || end == s || *end != '\0' || *s == '-') {
		fprintf(stderr, "zbgen: bad %s: %s\n", what, s);
		exit(2);
	}
	return v;
}

/* One frame of the test format; IP id is the low 16 bits of the seq. */
static void
zbgen_frame(uint8_t *f, unsigned size, uint64_t seq, unsigned flows)
{
	static const uint8_t	hdr[14] = {
		0x02, 0, 0, 0, 0, 0x01,		/* dst: owned by nobody */
		0x02, 0, 0, 0, 0, 0x02,		/* src */
		0x08, 0x00
	};
	uint8_t		*ip = f + 14, *udp = f + 34, *pl = f + 42;
	uint32_t	 sum = 0, fl = flows > 1 ? (uint32_t)(seq % flows) : 0;
	int		 i;

	memset(f, 0, size);
	memcpy(f, hdr, sizeof hdr);
	ip[0] = 0x45;
	ip[2] = (uint8_t)((size - 14) >> 8);
	ip[3] = (uint8_t)(size - 14);
	ip[4] = (uint8_t)(seq >> 8);
	ip[5] = (uint8_t)seq;
	ip[6] = 0x40;				/* DF */
	ip[8] = 64;				/* TTL */
	ip[9] = 17;				/* UDP */
	if (flows > 1)
		memcpy(ip + 12, (const uint8_t[]){ 198, 19, (uint8_t)(fl >> 8),
		    (uint8_t)fl }, 4);
	else
		memcpy(ip + 12, (const uint8_t[]){ 198, 18, 0, 2 }, 4);
	memcpy(ip + 16, (const uint8_t[]){ 198, 18, 0, 1 }, 4);
	for (i = 0; i < 20; i += 2)
		sum += (uint32_t)ip[i] << 8 | ip[i + 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	ip[10] = (uint8_t)(sum >> 8);
	ip[11] = (uint8_t)sum;
	udp[0] = flows > 1 ? (uint8_t)((1024 + fl) >> 8) : 0;
	udp[1] = flows > 1 ? (uint8_t)(1024 + fl) : 9;
	udp[3] = 9;
	udp[4] = (uint8_t)((size - 34) >> 8);
	udp[5] = (uint8_t)(size - 34);
	/* UDP checksum 0: none, legal over IPv4. */
	memcpy(pl, "ZBSQ", 4);
	for (i = 0; i < 8; i++)
		pl[4 + i] = (uint8_t)(seq >> (56 - 8 * i));
}

static double
zbgen_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The same frames into a pcap file (microsecond, Ethernet). */
static int
zbgen_write(const struct zbgen *g)
{
	uint8_t		 f[ZBGEN_MAXSIZE];
	uint32_t	 gh[6] = { 0xa1b2c3d4, 2 | 4 << 16, 0, 0, 262144, 1 };
	uint32_t	 rh[4];
	struct timespec	 ts;
	FILE		*fp;
	uint64_t	 i;

	if ((fp = fopen(g->file, "wb")) == NULL) {
		fprintf(stderr, "zbgen: %s: %s\n", g->file, strerror(errno));
		return 1;
	}
	fwrite(gh, sizeof gh, 1, fp);
	clock_gettime(CLOCK_REALTIME, &ts);
	for (i = 0; i < g->count; i++) {
		zbgen_frame(f, g->size, g->seq0 + i, g->flows);
		rh[0] = (uint32_t)ts.tv_sec;
		rh[1] = (uint32_t)(ts.tv_nsec / 1000);
		rh[2] = rh[3] = g->size;
		fwrite(rh, sizeof rh, 1, fp);
		fwrite(f, g->size, 1, fp);
	}
	if (fclose(fp) == EOF) {
		fprintf(stderr, "zbgen: %s: %s\n", g->file, strerror(errno));
		return 1;
	}
	printf("written=%" PRIu64 "\n", g->count);
	return 0;
}

/* Sleep until frame number "done" is due at -r PPS. */
static void
zbgen_pace(const struct zbgen *g, const struct timespec *t0, uint64_t done)
{
	struct timespec	due;
	uint64_t	ns;

	if (g->pps == 0)
		return;
	ns = done * 1000000000ull / g->pps;
	due.tv_sec = t0->tv_sec + (time_t)(ns / 1000000000ull);
	due.tv_nsec = t0->tv_nsec + (long)(ns % 1000000000ull);
	if (due.tv_nsec >= 1000000000L) {
		due.tv_sec++;
		due.tv_nsec -= 1000000000L;
	}
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due,
	    NULL) == EINTR)
		;
}

/* A send-only AF_PACKET socket (protocol 0: nothing is queued to it). */
static int
zbgen_socket(const struct zbgen *g, struct sockaddr_ll *sll)
{
	int	fd;

	memset(sll, 0, sizeof *sll);
	sll->sll_family = AF_PACKET;
	sll->sll_protocol = htons(ETH_P_IP);
	sll->sll_halen = ETH_ALEN;
	if ((sll->sll_ifindex = (int)if_nametoindex(g->ifname)) == 0) {
		fprintf(stderr, "zbgen: no such interface: %s\n", g->ifname);
		return -1;
	}
	if ((fd = socket(AF_PACKET, SOCK_RAW, 0)) == -1) {
		fprintf(stderr, "zbgen: socket: %s\n", strerror(errno));
		return -1;
	}
	return fd;
}

/*
 * Send mm[0..n) whole, waiting out a full queue (ENOBUFS): *done frames
 * went out.  -1 on another error or when the time limit passes.
 */
static int
zbgen_batch(const struct zbgen *g, int fd, struct mmsghdr *mm, unsigned n,
    double deadline, uint64_t *retries, unsigned *done)
{
	int	r;

	for (*done = 0; *done < n; ) {
		if (zbgen_now() > deadline) {
			fprintf(stderr, "zbgen: time limit of %u s reached\n",
			    g->limit);
			return -1;
		}
		r = sendmmsg(fd, mm + *done, n - *done, 0);
		if (r > 0) {
			*done += (unsigned)r;
			continue;
		}
		if (r == -1 && (errno == ENOBUFS || errno == EAGAIN ||
		    errno == EINTR)) {
			(*retries)++;
			usleep(50);
			continue;
		}
		fprintf(stderr, "zbgen: sendmmsg: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

static int
zbgen_send(const struct zbgen *g)
{
	static uint8_t		 frames[ZBGEN_BATCH][ZBGEN_MAXSIZE];
	struct mmsghdr		 mm[ZBGEN_BATCH];
	struct iovec		 iov[ZBGEN_BATCH];
	struct sockaddr_ll	 sll;
	struct timespec		 t0;
	uint64_t		 sent = 0, nbatch, retries = 0;
	unsigned		 i, n, off;
	double			 deadline;
	int			 fd, r;

	if ((fd = zbgen_socket(g, &sll)) == -1)
		return 1;
	/* Few frames per batch when paced, so the rate stays smooth. */
	nbatch = g->pps == 0 ? ZBGEN_BATCH : g->pps / 1000;
	if (nbatch < 1)
		nbatch = 1;
	if (nbatch > ZBGEN_BATCH)
		nbatch = ZBGEN_BATCH;
	deadline = zbgen_now() + g->limit;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (sent < g->count) {
		n = g->count - sent < nbatch ? (unsigned)(g->count - sent) :
		    (unsigned)nbatch;
		zbgen_pace(g, &t0, sent);
		for (i = 0; i < n; i++) {
			zbgen_frame(frames[i], g->size, g->seq0 + sent + i,
			    g->flows);
			iov[i].iov_base = frames[i];
			iov[i].iov_len = g->size;
			memset(&mm[i], 0, sizeof mm[i]);
			mm[i].msg_hdr.msg_name = &sll;
			mm[i].msg_hdr.msg_namelen = sizeof sll;
			mm[i].msg_hdr.msg_iov = &iov[i];
			mm[i].msg_hdr.msg_iovlen = 1;
		}
		r = zbgen_batch(g, fd, mm, n, deadline, &retries, &off);
		if (r == -1) {
			printf("sent=%" PRIu64 "\n", sent + off);
			close(fd);
			return 1;
		}
		sent += n;
	}
	close(fd);
	if (retries > 0)
		fprintf(stderr, "zbgen: %" PRIu64 " retries\n", retries);
	printf("sent=%" PRIu64 "\n", sent);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct zbgen	g;
	int		ch;

	memset(&g, 0, sizeof g);
	g.size = 64;
	g.limit = 60;
	g.count = (uint64_t)-1;
	g.flows = 1;
	while ((ch = getopt(argc, argv, "F:i:n:r:s:S:T:w:")) != -1) {
		switch (ch) {
		case 'F':
			g.flows = (unsigned)zbgen_num(optarg, "flows");
			break;
		case 'i':
			g.ifname = optarg;
			break;
		case 'n':
			g.count = zbgen_num(optarg, "count");
			break;
		case 'r':
			g.pps = zbgen_num(optarg, "rate");
			break;
		case 's':
			g.size = (unsigned)zbgen_num(optarg, "frame size");
			break;
		case 'S':
			g.seq0 = zbgen_num(optarg, "start sequence");
			break;
		case 'T':
			g.limit = (unsigned)zbgen_num(optarg, "time limit");
			break;
		case 'w':
			g.file = optarg;
			break;
		default:
			zbgen_usage();
		}
	}
	if (optind != argc || g.count == (uint64_t)-1 ||
	    (g.ifname == NULL) == (g.file == NULL))
		zbgen_usage();
	if (g.flows < 1 || g.flows > 65536) {
		fprintf(stderr, "zbgen: flows must be 1 to 65536\n");
		return 2;
	}
	if (g.size < ZBGEN_MINSIZE || g.size > ZBGEN_MAXSIZE) {
		fprintf(stderr, "zbgen: frame size must be %d to %d\n",
		    ZBGEN_MINSIZE, ZBGEN_MAXSIZE);
		return 2;
	}
	return g.file != NULL ? zbgen_write(&g) : zbgen_send(&g);
}
