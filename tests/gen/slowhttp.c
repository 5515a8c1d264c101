/*
 * slowhttp: the metrics tests' hostile HTTP client.  Against ADDR:PORT it
 * first sends one request whose header grows to BYTES (a huge request)
 * and reports the server's status line, then opens CONNS connections
 * that send a request one byte every MS milliseconds and never finish it
 * (slowloris), for SECONDS.  Reports how many were accepted and how many
 * the server still held at the end.  Every loop is bounded by SECONDS;
 * loopback only, from the address of -b if given.
 *
 *   slowhttp -a ADDR -p PORT [-b ADDR] [-c CONNS] [-H BYTES] [-i MS]
 *            [-T SECONDS]
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SLOW_MAXCONNS	256
#define SLOW_PREFIX	"GET /metrics HTTP/1.1\r\nHost: zbtop\r\nX-Slow: "

struct slow {
	struct sockaddr_in	 to;
	struct sockaddr_in	 from;
	int			 bind;
	unsigned		 conns;
	unsigned long		 huge;
	unsigned		 ms;
	unsigned		 secs;
};

static void	slow_usage(void) __attribute__((noreturn));
static unsigned long slow_num(const char *, const char *);
static double	slow_now(void);
static int	slow_connect(const struct slow *);
static void	slow_huge(const struct slow *);
static void	slow_loris(const struct slow *);
static int	slow_closed(int);

static void
slow_usage(void)
{
	fprintf(stderr, "usage: slowhttp -a addr -p port [-b addr] [-c conns] "
	    "[-H bytes] [-i ms] [-T seconds]\n");
	exit(2);
}

static unsigned long
slow_num(const char *s, const char *what)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || *s == '-') {
		fprintf(stderr, "slowhttp: bad %s: %s\n", what, s);
		exit(2);
	}
	return v;
}

static double
slow_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A connected socket, or -1. */
static int
slow_connect(const struct slow *s)
{
	int	fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	if ((s->bind && bind(fd, (const struct sockaddr *)&s->from,
	    sizeof s->from) == -1) ||
	    connect(fd, (const struct sockaddr *)&s->to, sizeof s->to) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* 1 when the peer has closed fd (or reset it); never blocks. */
static int
slow_closed(int fd)
{
	struct pollfd	pfd = { .fd = fd, .events = POLLIN };
	char		buf[512];
	ssize_t		n;

	if (poll(&pfd, 1, 0) <= 0)
		return 0;
	while ((n = recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0)
		;
	return n == 0 || (n == -1 && errno != EAGAIN && errno != EWOULDBLOCK);
}

/* One header of huge bytes, sent as fast as taken; then the answer. */
static void
slow_huge(const struct slow *s)
{
	char		 chunk[4096], reply[256];
	unsigned long	 sent = 0;
	double		 end = slow_now() + 3;
	ssize_t		 n;
	int		 fd;
	char		*eol;

	if ((fd = slow_connect(s)) == -1) {
		printf("huge: cannot connect: %s\n", strerror(errno));
		return;
	}
	memset(chunk, 'a', sizeof chunk);
	if (send(fd, SLOW_PREFIX, strlen(SLOW_PREFIX), MSG_NOSIGNAL) == -1)
		sent = s->huge;
	while (sent < s->huge && slow_now() < end) {
		n = send(fd, chunk, s->huge - sent < sizeof chunk ?
		    s->huge - sent : sizeof chunk, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n == -1 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			usleep(1000);
			continue;
		}
		if (n <= 0)
			break;
		sent += (unsigned long)n;
	}
	/* The server may have answered and closed before all was sent. */
	memset(reply, 0, sizeof reply);
	n = 0;
	end = slow_now() + 3;
	while (slow_now() < end && n == 0) {
		struct pollfd	pfd = { .fd = fd, .events = POLLIN };

		if (poll(&pfd, 1, 100) > 0)
			n = recv(fd, reply, sizeof reply - 1, 0);
	}
	if (n > 0 && (eol = strstr(reply, "\r\n")) != NULL)
		*eol = '\0';
	printf("huge: sent %lu of %lu bytes, reply: %s\n", sent, s->huge,
	    n > 0 ? reply : "none (closed)");
	close(fd);
}

/* conns requests that never end, one byte every ms, for secs. */
static void
slow_loris(const struct slow *s)
{
	int		 fd[SLOW_MAXCONNS];
	size_t		 pos[SLOW_MAXCONNS];
	unsigned	 i, opened = 0, open = 0;
	double		 end = slow_now() + s->secs;
	char		 c;

	for (i = 0; i < s->conns; i++) {
		fd[i] = slow_connect(s);
		pos[i] = 0;
		opened += fd[i] != -1;
	}
	while (slow_now() < end) {
		usleep(s->ms * 1000);
		for (i = 0; i < s->conns; i++) {
			if (fd[i] == -1)
				continue;
			c = pos[i] < strlen(SLOW_PREFIX) ?
			    SLOW_PREFIX[pos[i]] : 'a';
			if (slow_closed(fd[i]) || send(fd[i], &c, 1,
			    MSG_NOSIGNAL | MSG_DONTWAIT) != 1) {
				close(fd[i]);
				fd[i] = -1;
				continue;
			}
			pos[i]++;
		}
	}
	for (i = 0; i < s->conns; i++)
		if (fd[i] != -1) {
			open += !slow_closed(fd[i]);
			close(fd[i]);
		}
	printf("slow: %u of %u connected, %u still held after %u s\n", opened,
	    s->conns, open, s->secs);
}

int
main(int argc, char **argv)
{
	struct slow	s;
	int		ch;

	memset(&s, 0, sizeof s);
	s.to.sin_family = AF_INET;
	s.from.sin_family = AF_INET;
	s.conns = 16;
	s.ms = 100;
	s.secs = 10;
	while ((ch = getopt(argc, argv, "a:b:c:H:i:p:T:")) != -1) {
		switch (ch) {
		case 'a':
			if (inet_pton(AF_INET, optarg, &s.to.sin_addr) != 1)
				slow_usage();
			break;
		case 'b':
			if (inet_pton(AF_INET, optarg, &s.from.sin_addr) != 1)
				slow_usage();
			s.bind = 1;
			break;
		case 'c':
			s.conns = (unsigned)slow_num(optarg, "conns");
			if (s.conns > SLOW_MAXCONNS)
				slow_usage();
			break;
		case 'H':
			s.huge = slow_num(optarg, "bytes");
			break;
		case 'i':
			s.ms = (unsigned)slow_num(optarg, "interval");
			break;
		case 'p':
			s.to.sin_port = htons((uint16_t)slow_num(optarg,
			    "port"));
			break;
		case 'T':
			s.secs = (unsigned)slow_num(optarg, "seconds");
			break;
		default:
			slow_usage();
		}
	}
	if (s.to.sin_addr.s_addr == 0 || s.to.sin_port == 0 || s.ms == 0)
		slow_usage();
	if (s.huge > 0)
		slow_huge(&s);
	slow_loris(&s);
	return 0;
}
