/*
 * Every capture on a FreeBSD host: the BPF descriptors that sysctl
 * net.bpf.stats lists (netstat -B), with the process that last used
 * each (kinfo_proc, sysctl kern.proc.pid).  The FreeBSD side of psock.h:
 * psock-xbpf.c decodes the records; there are no namespaces, inodes or
 * filters to report, and no --attach (a zero-copy buffer is memory of
 * the process that owns it, which the kernel does not locate for
 * others).  The list needs root on every read (sys/net/bpf.c,
 * bpf_stats_sysctl: priv_check PRIV_NET_BPF).  Built on FreeBSD only
 * (the Makefile's BSD_ONLY); compiled, never run.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/user.h>
#include <net/if.h>
#include <net/bpf.h>
#include <net/bpfdesc.h>

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bpfc.h"
#include "psock.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PSOCK_BPF_TRIES	4	/* descriptors may come between two reads */
#define PSOCK_BPF_SLACK	16	/* records of room beyond the count asked */

/* The list's buffer, kept from one refresh to the next. */
struct psock {
	void		*buf;
	size_t		 len;
};

static int	psock_bpf_size(size_t *, char *);
static int	psock_bpf_read(struct psock *, size_t *, char *);
static void	psock_bpf_err(int, char *);
static void	psock_bpf_comm(int, char *);

struct psock *
psock_open(char *errbuf)
{
	size_t	 need;

	/* Asked once now, so that a refusal is said before the screen. */
	if (psock_bpf_size(&need, errbuf) == -1)
		return NULL;
	return xcalloc(1, sizeof(struct psock));
}

void
psock_close(struct psock *ps)
{
	if (ps == NULL)
		return;
	free(ps->buf);
	free(ps);
}

/* Nothing to look for: net.bpf.stats covers the host, jails included. */
void
psock_rescan(struct psock *ps)
{
}

/*
 * The bytes the list needs now into *need.  The kernel checks privilege
 * (PRIV_NET_BPF) before it answers even this (bpf_stats_sysctl).  0, or
 * -1 with errbuf.
 */
static int
psock_bpf_size(size_t *need, char *errbuf)
{
	if (sysctlbyname("net.bpf.stats", NULL, need, NULL, 0) == 0)
		return 0;
	psock_bpf_err(errno, errbuf);
	return -1;
}

/*
 * The whole list into ps->buf, *got bytes of it.  The kernel answers
 * ENOMEM when descriptors were opened since the size was asked
 * (bpf_stats_sysctl), so ask again, a few times.  0, or -1 with errbuf.
 */
static int
psock_bpf_read(struct psock *ps, size_t *got, char *errbuf)
{
	size_t	 need;
	int	 i;

	for (i = 0; i < PSOCK_BPF_TRIES; i++) {
		if (psock_bpf_size(&need, errbuf) == -1)
			return -1;
		need += PSOCK_BPF_SLACK * sizeof(struct xbpf_d);
		if (need > ps->len) {
			ps->buf = xrealloc(ps->buf, need);
			ps->len = need;
		}
		*got = ps->len;
		if (sysctlbyname("net.bpf.stats", ps->buf, got, NULL, 0) == 0)
			return 0;
		if (errno != ENOMEM)
			break;
	}
	psock_bpf_err(errno, errbuf);
	return -1;
}

static void
psock_bpf_err(int err, char *errbuf)
{
	snprintf(errbuf, PSOCK_ERRSZ, "cannot list BPF descriptors (sysctl "
	    "net.bpf.stats): %s%s", strerror(err), err == EPERM ?
	    " (needs root)" : "");
}

int
psock_snapshot(struct psock *ps, struct psock_snap *s, char *errbuf)
{
	struct timespec	 ts;
	size_t		 got;
	int		 i;

	memset(s, 0, offsetof(struct psock_snap, rows));
	s->bpf = 1;
	if (psock_bpf_read(ps, &got, errbuf) == -1 ||
	    psock_xbpf_parse(ps->buf, got, s, errbuf) == -1)
		return -1;
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].pid != 0)
			psock_bpf_comm(s->rows[i].pid, s->rows[i].comm);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	s->t = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	return 0;
}

/* Process pid's command, escaped, PSOCK_COMMSZ bytes; "" when gone. */
static void
psock_bpf_comm(int pid, char *comm)
{
	struct kinfo_proc	 kp;
	size_t			 len = sizeof kp;
	int			 mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, 0 };

	mib[3] = pid;
	comm[0] = '\0';
	if (sysctl(mib, 4, &kp, &len, NULL, 0) == -1 || len != sizeof kp)
		return;
	esc_str(comm, PSOCK_COMMSZ, kp.ki_comm,
	    strnlen(kp.ki_comm, sizeof kp.ki_comm));
}

int
psock_filter(struct psock *ps, uint64_t ns, uint32_t ino, struct tbuf *tb,
    char *errbuf)
{
	snprintf(errbuf, PSOCK_ERRSZ, "FreeBSD does not report a BPF "
	    "descriptor's filter (net.bpf.stats)");
	return -1;
}

struct psock_att *
psock_attach(struct psock *ps, int pid, uint32_t ino, char *errbuf)
{
	snprintf(errbuf, PSOCK_ERRSZ, "%s", PSOCK_NOATTACH);
	return NULL;
}

int
psock_ring_read(struct psock_att *a, struct psock *ps,
    struct psock_ringsnap *rs, char *errbuf)
{
	snprintf(errbuf, PSOCK_ERRSZ, "--attach: Linux only");
	return -1;
}

void
psock_detach(struct psock_att *a)
{
}
