/*
 * The FreeBSD system calls behind bpfsys.h, kept this thin so that it can
 * be trusted without having run: every other line of the FreeBSD backend
 * runs on Linux against bpfsys-fake.c.  Built on FreeBSD only (Makefile;
 * make check-freebsd compiles it with a FreeBSD sysroot).  /dev/bpf
 * clones a new descriptor on every open (bpf(4)).  bpfc.h's values meet
 * the system's own headers in bpfc-freebsd.c.
 */
#include <sys/types.h>
#include <sys/capsicum.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <net/if.h>
#include <net/bpf.h>

#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "bpfc.h"
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

/* What FreeBSD's tcpdump does to its BPF descriptor, with our list. */
int
bpfsys_limit(int fd, const unsigned long *reqs, size_t n)
{
	cap_rights_t	 rights;

	cap_rights_init(&rights, CAP_READ, CAP_EVENT, CAP_IOCTL);
	if (cap_rights_limit(fd, &rights) == -1 && errno != ENOSYS)
		return -1;
	if (cap_ioctls_limit(fd, reqs, n) == -1 && errno != ENOSYS)
		return -1;
	return 0;
}

/* The link-level entry of the interface carries its if_data. */
int
bpfsys_ifdrops(const char *ifname, unsigned long long *drops)
{
	struct ifaddrs	*all, *ifa;
	int		 ret = -1;

	if (getifaddrs(&all) == -1)
		return -1;
	for (ifa = all; ifa != NULL; ifa = ifa->ifa_next)
		if (ifa->ifa_addr != NULL && ifa->ifa_addr->sa_family ==
		    AF_LINK && ifa->ifa_data != NULL &&
		    strcmp(ifa->ifa_name, ifname) == 0) {
			*drops = ((struct if_data *)ifa->ifa_data)->ifi_iqdrops;
			ret = 0;
			break;
		}
	freeifaddrs(all);
	if (ret == -1)
		errno = ENXIO;
	return ret;
}
