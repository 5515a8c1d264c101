/*
 * Attaching to another process's capture ring: which socket (by inode,
 * or the process's first RX ring, through sock_diag and the process's
 * /proc/PID/fd links), where the process mapped it (/proc/PID/maps shows
 * it as "socket:[INODE]": af_packet.c, packet_mmap maps the socket file,
 * RX ring first, TX after it), and /proc/PID/mem opened once, at attach,
 * where the kernel checks ptrace rights (fs/proc/base.c, mem_open).
 * Reading the ring is psock-ring.c's.  Never writes to the process or
 * its socket.
 */
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "psock-int.h"
#include "psock.h"
#include "xmalloc.h"

static int	psock_find(struct psock *, int, uint32_t, struct psock_row *,
		    char *);
static int	psock_has_fd(int, uint32_t);
static int	psock_map(int, uint32_t, uint64_t, uint64_t *, char *);
static int	psock_mem(int, char *);

struct psock_att *
psock_attach(struct psock *ps, int pid, uint32_t ino, char *errbuf)
{
	struct psock_att	*a;
	struct psock_row	 r;
	uint64_t		 base, size;
	int			 mem;

	if (psock_find(ps, pid, ino, &r, errbuf) == -1)
		return NULL;
	if (!r.have_rx) {
		snprintf(errbuf, PSOCK_ERRSZ, r.have_tx ? "socket %u has "
		    "only a TX ring: nothing received to watch" : "socket %u "
		    "has no ring: the process copies packets one by one",
		    r.ino);
		return NULL;
	}
	if (r.version != 2 && r.version != 3) {
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: TPACKET_V%d ring: "
		    "unknown version (V2 and V3 are read)", r.ino,
		    r.version);
		return NULL;
	}
	if (r.rx.block_nr == 0 || r.rx.block_size == 0 ||
	    (r.version == 2 && (r.rx.frame_size == 0 ||
	    r.rx.frame_nr > PSOCK_MAXFRAMES))) {
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: ring geometry "
		    "%u x %u cannot be read", r.ino, r.rx.block_nr,
		    r.rx.block_size);
		return NULL;
	}
	size = (uint64_t)r.rx.block_nr * r.rx.block_size;
	if (psock_map(r.pid, r.ino, size, &base, errbuf) == -1 ||
	    (mem = psock_mem(r.pid, errbuf)) == -1)
		return NULL;
	a = xcalloc(1, sizeof *a);
	a->pid = r.pid;
	a->ino = r.ino;
	a->ns = r.netns;
	a->mem = mem;
	a->base = base;
	a->last.pid = r.pid;
	a->last.ino = r.ino;
	a->last.version = r.version;
	a->last.g = r.rx;
	snprintf(a->last.comm, sizeof a->last.comm, "%s", r.comm);
	snprintf(a->last.nsname, sizeof a->last.nsname, "%s", r.nsname);
	snprintf(a->last.ifname, sizeof a->last.ifname, "%s", r.ifname);
	return a;
}

struct psock_att *
psock_attach_fd(int fd, uint64_t base, int version,
    const struct psock_geom *g)
{
	struct psock_att	*a;

	a = xcalloc(1, sizeof *a);
	a->pid = getpid();
	a->mem = fd;
	a->base = base;
	a->last.pid = a->pid;
	a->last.version = version;
	a->last.g = *g;
	return a;
}

void
psock_detach(struct psock_att *a)
{
	if (a == NULL)
		return;
	close(a->mem);
	free(a->v2buf);
	free(a);
}

/* The socket to attach to, by inode or as the pid's first RX ring. */
static int
psock_find(struct psock *ps, int pid, uint32_t ino, struct psock_row *out,
    char *errbuf)
{
	struct psock_snap	*s;
	struct psock_row	*r, *best = NULL;
	int			 i, hidden, rc = -1;

	s = xcalloc(1, sizeof *s);
	if (psock_snapshot(ps, s, errbuf) == -1) {
		psock_snap_free(s);
		free(s);
		return -1;
	}
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		if (ino != 0 ? r->ino != ino : !psock_has_fd(pid, r->ino))
			continue;
		if (ino != 0 || (r->have_rx && (best == NULL ||
		    !best->have_rx))) {
			best = r;
			if (ino != 0)
				break;
		} else if (best == NULL)
			best = r;
	}
	if (best != NULL && pid != 0)
		best->pid = pid;
	for (i = hidden = 0; i < s->nns; i++)
		hidden += s->ns[i].err[0] != '\0';
	if (best == NULL && ino != 0)
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: no such packet "
		    "socket%s", ino, hidden ? " in the namespaces that could "
		    "be entered (needs CAP_SYS_ADMIN)" : "");
	else if (best == NULL)
		snprintf(errbuf, PSOCK_ERRSZ, "process %d: no packet socket "
		    "(or its file descriptors are not readable: needs "
		    "CAP_SYS_PTRACE)", pid);
	else if (best->pid == 0)
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: no process found "
		    "holding it (other users' processes need "
		    "CAP_SYS_PTRACE)", best->ino);
	else {
		*out = *best;
		rc = 0;
	}
	psock_snap_free(s);
	free(s);
	return rc;
}

static int
psock_has_fd(int pid, uint32_t ino)
{
	char	 path[64], want[32], link[32];
	int	 fd;
	ssize_t	 n;

	snprintf(want, sizeof want, "socket:[%u]", ino);
	/* A process rarely holds more than a few thousand descriptors. */
	for (fd = 0; fd < 4096; fd++) {
		snprintf(path, sizeof path, "/proc/%d/fd/%d", pid, fd);
		n = readlink(path, link, sizeof link - 1);
		if (n == -1) {
			if (errno == EACCES || errno == ESRCH)
				return 0;
			continue;
		}
		link[n] = '\0';
		if (strcmp(link, want) == 0)
			return 1;
	}
	return 0;
}

/* The mapping of socket:[ino] at file offset 0 and at least size long. */
static int
psock_map(int pid, uint32_t ino, uint64_t size, uint64_t *base,
    char *errbuf)
{
	FILE			*f;
	char			 path[64], want[32], *line = NULL, name[64];
	size_t			 cap = 0;
	unsigned long long	 lo, hi, off;
	int			 found = 0, e;

	snprintf(path, sizeof path, "/proc/%d/maps", pid);
	snprintf(want, sizeof want, "socket:[%u]", ino);
	if ((f = fopen(path, "re")) == NULL) {
		e = errno;
		snprintf(errbuf, PSOCK_ERRSZ, "cannot read the maps of process "
		    "%d: %s%s", pid, strerror(e), e == EACCES || e == EPERM ?
		    " (needs CAP_SYS_PTRACE)" : "");
		return -1;
	}
	while (!found && getline(&line, &cap, f) != -1) {
		name[0] = '\0';
		if (sscanf(line, "%llx-%llx %*s %llx %*s %*s %63s", &lo, &hi,
		    &off, name) != 4 || strcmp(name, want) != 0 || off != 0)
			continue;
		if (hi - lo < size)
			continue;
		*base = lo;
		found = 1;
	}
	free(line);
	fclose(f);
	if (!found)
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: process %d has not "
		    "mapped its ring", ino, pid);
	return found ? 0 : -1;
}

/* Opened once: the kernel checks ptrace rights here, not at each read. */
static int
psock_mem(int pid, char *errbuf)
{
	char	 path[64], scope[16] = "";
	int	 fd, e, sfd;
	ssize_t	 n;

	snprintf(path, sizeof path, "/proc/%d/mem", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) != -1)
		return fd;
	e = errno;
	if ((sfd = open("/proc/sys/kernel/yama/ptrace_scope",
	    O_RDONLY | O_CLOEXEC)) != -1) {
		n = read(sfd, scope, sizeof scope - 1);
		scope[n > 0 ? n : 0] = '\0';
		scope[strcspn(scope, "\n")] = '\0';
		close(sfd);
	}
	if (e == EACCES || e == EPERM)
		snprintf(errbuf, PSOCK_ERRSZ, "memory of process %d not "
		    "readable: %s (needs CAP_SYS_PTRACE%s%s%s)", pid,
		    strerror(e), scope[0] ? "; kernel.yama.ptrace_scope is " :
		    "", scope, strcmp(scope, "3") == 0 ? ", which forbids it "
		    "to everyone" : "");
	else
		snprintf(errbuf, PSOCK_ERRSZ, "memory of process %d not "
		    "readable: %s", pid, strerror(e));
	return -1;
}
