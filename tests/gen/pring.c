/*
 * pring: opens packet sockets the way other capture tools do, for the
 * live tests of --sockets and --attach: TPACKET_V1, V2 or V3 rings of a
 * chosen geometry, RX and TX, fanout groups, a classic filter of a chosen
 * length, PACKET_COPY_THRESH; then holds them, optionally after closing
 * the descriptor, unmapping the ring or forking.  Prints one line
 * "ready PID INODE" per socket once everything is set up, then waits for
 * a signal or -T seconds, and at the end prints "stats INODE PACKETS
 * DROPS" per socket still open (PACKET_STATISTICS: packets counts the
 * drops too, af_packet.c packet_getsockopt).  SIGUSR1 unmaps the rings
 * and closes the sockets, SIGUSR2 execs sleep(1) for the rest of the -T
 * seconds.  Never sends a frame; receives only what the kernel puts in
 * its rings.  Kernel facts: linux/if_packet.h,
 * Documentation/networking/packet_mmap.rst.
 *
 *   pring [-v 1|2|3] [-b BLOCKSIZE] [-n BLOCKS] [-f FRAMESIZE] [-r]
 *         [-t] [-F hash|lb|cpu:ID] [-L INSNS] [-c] [-i IF] [-N SOCKETS]
 *         [-M] [-C] [-U] [-k CHILDREN] [-D FD] [-T SECONDS]
 *
 * -r no RX ring (with -t: TX only), -t a TX ring as well, -M no mmap,
 * -C close the descriptor once the ring is mapped, -U unmap the ring,
 * -k fork CHILDREN processes that hold the same sockets, -D move the
 * (first) socket to descriptor FD (raising RLIMIT_NOFILE to fit it).
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PRING_MAXSOCK	1024

struct pring {
	int		 version;	/* 1, 2 or 3 */
	unsigned	 bsize, bnr, fsize;
	int		 rx, tx, map, closefd, unmap;
	int		 fanout, fanid;	/* PACKET_FANOUT_*, -1 none */
	unsigned	 insns;		/* filter length, 0 none */
	int		 copythresh;
	const char	*ifname;
	unsigned	 nsock, children, secs;
	int		 movefd;	/* -D, or -1 */
};

static void	pring_usage(void) __attribute__((noreturn));
static void	pring_die(const char *) __attribute__((noreturn));
static unsigned	pring_num(const char *);
static void	pring_fanout(struct pring *, const char *);
static void	pring_ring(const struct pring *, int, int);
static void	pring_filter(const struct pring *, int);
static int	pring_open(const struct pring *, void **);
static void	pring_quit(int);
static int	pring_move(int, int);
static void	pring_stats(int);
static void	pring_sig(int);
static void	pring_main_sig(const struct pring *, int *);

static volatile sig_atomic_t pring_done, pring_usr;
static void	*pring_mem[PRING_MAXSOCK];
static size_t	 pring_len;

static void
pring_usage(void)
{
	fprintf(stderr, "usage: pring [-v 1|2|3] [-b blocksize] [-n blocks] "
	    "[-f framesize] [-r] [-t] [-F hash|lb|cpu:id] [-L insns] [-c] "
	    "[-i if] [-N sockets] [-M] [-C] [-U] [-k children] "
	    "[-T seconds]\n");
	exit(2);
}

static void
pring_die(const char *what)
{
	fprintf(stderr, "pring: %s: %s\n", what, strerror(errno));
	exit(1);
}

static unsigned
pring_num(const char *s)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno != 0 || *end != '\0' || end == s || v > 0xffffffffUL)
		pring_usage();
	return (unsigned)v;
}

static void
pring_fanout(struct pring *p, const char *s)
{
	const char	*colon = strchr(s, ':');

	if (colon == NULL)
		pring_usage();
	if (strncmp(s, "hash:", 5) == 0)
		p->fanout = PACKET_FANOUT_HASH;
	else if (strncmp(s, "lb:", 3) == 0)
		p->fanout = PACKET_FANOUT_LB;
	else if (strncmp(s, "cpu:", 4) == 0)
		p->fanout = PACKET_FANOUT_CPU;
	else
		pring_usage();
	p->fanid = (int)pring_num(colon + 1);
}

/* One ring (PACKET_RX_RING or PACKET_TX_RING) of the version's request. */
static void
pring_ring(const struct pring *p, int fd, int opt)
{
	struct tpacket_req3	 r;

	memset(&r, 0, sizeof r);
	r.tp_block_size = p->bsize;
	r.tp_block_nr = p->bnr;
	r.tp_frame_size = p->fsize;
	r.tp_frame_nr = p->bsize / p->fsize * p->bnr;
	if (p->version == 3 && opt == PACKET_RX_RING)
		r.tp_retire_blk_tov = 100;
	if (setsockopt(fd, SOL_PACKET, opt, &r, p->version == 3 ?
	    sizeof r : sizeof(struct tpacket_req)) == -1)
		pring_die(opt == PACKET_RX_RING ? "PACKET_RX_RING" :
		    "PACKET_TX_RING");
}

/* insns - 1 loads of an immediate, then accept: a valid program. */
static void
pring_filter(const struct pring *p, int fd)
{
	struct sock_fprog	 prog;
	struct sock_filter	*f;
	unsigned		 i;

	if ((f = calloc(p->insns, sizeof *f)) == NULL)
		pring_die("calloc");
	for (i = 0; i + 1 < p->insns; i++)
		f[i].code = BPF_LD | BPF_IMM;
	f[i].code = BPF_RET | BPF_K;
	f[i].k = 0xffffffff;
	prog.len = (unsigned short)p->insns;
	prog.filter = f;
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
	    sizeof prog) == -1)
		pring_die("SO_ATTACH_FILTER");
	free(f);
}

static int
pring_open(const struct pring *p, void **mem)
{
	struct sockaddr_ll	 sll;
	size_t			 len;
	void			*m;
	int			 fd, v = p->version - 1, one = 1, opt;

	if ((fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL))) == -1)
		pring_die("socket");
	if (setsockopt(fd, SOL_PACKET, PACKET_VERSION, &v, sizeof v) == -1)
		pring_die("PACKET_VERSION");
	if (p->insns > 0)
		pring_filter(p, fd);
	if (p->copythresh && setsockopt(fd, SOL_PACKET, PACKET_COPY_THRESH,
	    &one, sizeof one) == -1)
		pring_die("PACKET_COPY_THRESH");
	if (p->rx)
		pring_ring(p, fd, PACKET_RX_RING);
	if (p->tx)
		pring_ring(p, fd, PACKET_TX_RING);
	/* Unbound without -i: bind waits for the network (synchronize_net). */
	memset(&sll, 0, sizeof sll);
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	if (p->ifname != NULL &&
	    (sll.sll_ifindex = (int)if_nametoindex(p->ifname)) == 0)
		pring_die(p->ifname);
	if (p->ifname != NULL &&
	    bind(fd, (struct sockaddr *)&sll, sizeof sll) == -1)
		pring_die("bind");
	if (p->fanout != -1) {
		opt = p->fanid | p->fanout << 16;
		if (setsockopt(fd, SOL_PACKET, PACKET_FANOUT, &opt,
		    sizeof opt) == -1)
			pring_die("PACKET_FANOUT");
	}
	len = (size_t)p->bsize * p->bnr * ((p->rx != 0) + (p->tx != 0));
	if (p->map && len > 0) {
		if ((m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED,
		    fd, 0)) == MAP_FAILED)
			pring_die("mmap");
		if (p->unmap && munmap(m, len) == -1)
			pring_die("munmap");
		*mem = p->unmap ? NULL : m;
	}
	return fd;
}

/* Descriptor fd moved to to, the limit raised for it; returns to. */
static int
pring_move(int fd, int to)
{
	struct rlimit	 rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
		pring_die("getrlimit");
	if (rl.rlim_cur <= (rlim_t)to) {
		rl.rlim_cur = (rlim_t)to + 1;
		if (rl.rlim_max < rl.rlim_cur)
			rl.rlim_max = rl.rlim_cur;
		if (setrlimit(RLIMIT_NOFILE, &rl) == -1)
			pring_die("setrlimit");
	}
	if (dup2(fd, to) == -1)
		pring_die("dup2");
	close(fd);
	return to;
}

static void
pring_stats(int fd)
{
	struct tpacket_stats_v3	 st;
	struct stat		 sb;
	socklen_t		 len = sizeof st;

	memset(&st, 0, sizeof st);
	if (fstat(fd, &sb) == -1 ||
	    getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) == -1)
		return;
	printf("stats %lu %u %u\n", (unsigned long)sb.st_ino, st.tp_packets,
	    st.tp_drops);
}

static void
pring_quit(int sig)
{
	pring_done = 1;
}

static void
pring_sig(int sig)
{
	pring_usr = sig;
}

/* What SIGUSR1 and SIGUSR2 ask for, outside the handler. */
static void
pring_main_sig(const struct pring *p, int *fd)
{
	char		 secs[16];
	unsigned	 i;

	if (pring_usr == SIGUSR1)
		for (i = 0; i < p->nsock; i++) {
			if (pring_mem[i] != NULL)
				munmap(pring_mem[i], pring_len);
			pring_mem[i] = NULL;
			if (fd[i] != -1)
				close(fd[i]);
			fd[i] = -1;
		}
	if (pring_usr == SIGUSR2) {
		snprintf(secs, sizeof secs, "%u", alarm(0));
		execl("/bin/sleep", "sleep", secs, (char *)NULL);
		pring_die("exec sleep");
	}
	pring_usr = 0;
}

int
main(int argc, char **argv)
{
	struct pring	 p;
	struct stat	 st;
	int		 c, fd[PRING_MAXSOCK];
	unsigned	 i;
	pid_t		 kid;

	memset(&p, 0, sizeof p);
	p.version = 3;
	p.bsize = 65536;
	p.bnr = 4;
	p.fsize = 2048;
	p.rx = p.map = 1;
	p.fanout = -1;
	p.nsock = 1;
	p.secs = 60;
	p.movefd = -1;
	while ((c = getopt(argc, argv, "b:cCD:f:F:i:k:L:Mn:N:rtT:Uv:")) != -1) {
		switch (c) {
		case 'b': p.bsize = pring_num(optarg); break;
		case 'c': p.copythresh = 1; break;
		case 'C': p.closefd = 1; break;
		case 'D': p.movefd = (int)pring_num(optarg); break;
		case 'f': p.fsize = pring_num(optarg); break;
		case 'F': pring_fanout(&p, optarg); break;
		case 'i': p.ifname = optarg; break;
		case 'k': p.children = pring_num(optarg); break;
		case 'L': p.insns = pring_num(optarg); break;
		case 'M': p.map = 0; break;
		case 'n': p.bnr = pring_num(optarg); break;
		case 'N': p.nsock = pring_num(optarg); break;
		case 'r': p.rx = 0; break;
		case 't': p.tx = 1; break;
		case 'T': p.secs = pring_num(optarg); break;
		case 'U': p.unmap = 1; break;
		case 'v': p.version = (int)pring_num(optarg); break;
		default: pring_usage();
		}
	}
	if (optind != argc || p.version < 1 || p.version > 3 ||
	    p.nsock == 0 || p.nsock > PRING_MAXSOCK || p.fsize == 0)
		pring_usage();
	signal(SIGTERM, pring_quit);
	signal(SIGINT, pring_quit);
	signal(SIGALRM, pring_quit);
	signal(SIGUSR1, pring_sig);
	signal(SIGUSR2, pring_sig);
	pring_len = (size_t)p.bsize * p.bnr * ((p.rx != 0) + (p.tx != 0));
	for (i = 0; i < p.nsock; i++) {
		fd[i] = pring_open(&p, &pring_mem[i]);
		if (i == 0 && p.movefd != -1)
			fd[i] = pring_move(fd[i], p.movefd);
		if (fstat(fd[i], &st) == -1)
			pring_die("fstat");
		printf("ready %d %lu\n", (int)getpid(),
		    (unsigned long)st.st_ino);
		if (p.closefd) {
			close(fd[i]);
			fd[i] = -1;
		}
	}
	/* Not a copy of the lines above in every child's buffer. */
	fflush(stdout);
	for (i = 0; i < p.children; i++) {
		if ((kid = fork()) == -1)
			pring_die("fork");
		if (kid == 0) {
			/* A child goes with its parent. */
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			printf("child %d\n", (int)getpid());
			fflush(stdout);
			break;
		}
	}
	fflush(stdout);
	alarm(p.secs);
	while (!pring_done) {
		pause();
		pring_main_sig(&p, fd);
	}
	while (wait(NULL) > 0)
		;
	for (i = 0; i < p.nsock; i++)
		if (fd[i] != -1)
			pring_stats(fd[i]);
	return 0;
}
