/*
 * The FreeBSD system calls behind bpfsys.h, kept this thin so that it can
 * be trusted without having run: every other line of the FreeBSD backend
 * runs on Linux against bpfsys-fake.c.  Built on FreeBSD only (Makefile;
 * make check-freebsd compiles it with a FreeBSD sysroot).  /dev/bpf
 * clones a new descriptor on every open (bpf(4)).
 */
#include <sys/types.h>
#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "bpfsys.h"

int
bpfsys_open(void)
{
	return open("/dev/bpf", O_RDWR | O_CLOEXEC);
}

int
bpfsys_ioctl(int fd, unsigned long req, void *arg)
{
	return ioctl(fd, req, arg);
}

/* 1: the descriptor is readable; 0: timeout, signal or woken. */
int
bpfsys_poll(int fd, int wakefd, int ms)
{
	struct pollfd	 pfd[2];
	int		 n;

	pfd[0].fd = fd;
	pfd[0].events = POLLIN | POLLRDNORM;
	pfd[0].revents = 0;
	pfd[1].fd = wakefd;
	pfd[1].events = POLLIN;
	pfd[1].revents = 0;
	if ((n = poll(pfd, wakefd >= 0 ? 2 : 1, ms)) == -1)
		return errno == EINTR ? 0 : -1;
	if (n > 0 && (pfd[1].revents & POLLIN))
		return 0;
	if (pfd[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
		errno = ENXIO;		/* the interface went away */
		return -1;
	}
	return (pfd[0].revents & (POLLIN | POLLRDNORM)) != 0;
}

ssize_t
bpfsys_read(int fd, void *buf, size_t len)
{
	return read(fd, buf, len);
}

void
bpfsys_close(int fd)
{
	close(fd);
}
