/*
 * The stdio behaviour that differs between glibc and FreeBSD: a FILE
 * whose bytes come from the caller's read function (compat_fropen), for
 * libpcap to read a pipe through (cap-file.c); and ftell() without a
 * system call on every call (compat_ftell_cheap).  Apart from compat.c, so
 * that the capture backends link it without tcpdump's listing options.
 * Facts: glibc's fopencookie(3), FreeBSD 14's funopen(3) and stdio.h;
 * the FreeBSD branch is compiled only by make check-freebsd.
 */
#include <sys/types.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "compat.h"

#ifdef __FreeBSD__
static int	 compat_rd_read(void *, char *, int);
static fpos_t	 compat_rd_seek(void *, fpos_t, int);
#else
static ssize_t	 compat_rd_read(void *, char *, size_t);
static int	 compat_rd_seek(void *, off64_t *, int);
#endif

#ifdef __FreeBSD__
/*
 * funopen(3): read's count is an int, the seek function returns the
 * position, and no close function leaves the caller's descriptor open.
 */
FILE *
compat_fropen(struct compat_rd *rd)
{
	rd->off = 0;
	return funopen(rd, compat_rd_read, NULL, compat_rd_seek, NULL);
}

static int
compat_rd_read(void *cookie, char *buf, int n)
{
	struct compat_rd	*rd = cookie;
	ssize_t			 r;

	if ((r = rd->read(rd->arg, buf, n < 0 ? 0 : (size_t)n)) > 0)
		rd->off += r;
	return (int)r;
}

/* ftell() asks (0, SEEK_CUR); nothing else can be done on a pipe. */
static fpos_t
compat_rd_seek(void *cookie, fpos_t off, int whence)
{
	struct compat_rd	*rd = cookie;

	if (off != 0 || whence != SEEK_CUR) {
		errno = ESPIPE;
		return -1;
	}
	return rd->off;
}
#else
/*
 * fopencookie(3): no write and no close function (fclose() then does
 * nothing to the caller's descriptor).
 */
FILE *
compat_fropen(struct compat_rd *rd)
{
	cookie_io_functions_t	 io;

	memset(&io, 0, sizeof io);
	io.read = compat_rd_read;
	io.seek = compat_rd_seek;
	rd->off = 0;
	return fopencookie(rd, "r", io);
}

static ssize_t
compat_rd_read(void *cookie, char *buf, size_t n)
{
	struct compat_rd	*rd = cookie;
	ssize_t			 r;

	if ((r = rd->read(rd->arg, buf, n)) > 0)
		rd->off += r;
	return r;
}

/* ftell() asks (0, SEEK_CUR); nothing else can be done on a pipe. */
static int
compat_rd_seek(void *cookie, off64_t *off, int whence)
{
	struct compat_rd	*rd = cookie;

	if (*off != 0 || whence != SEEK_CUR) {
		errno = ESPIPE;
		return -1;
	}
	*off = rd->off;
	return 0;
}
#endif

void
compat_ftell_cheap(FILE *fp)
{
	long	 off;

	if ((off = ftell(fp)) >= 0)
		(void)fseek(fp, off, SEEK_SET);
}
