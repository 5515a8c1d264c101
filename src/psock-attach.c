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
#include <sys/syscall.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "psock-int.h"
#include "psock.h"
#include "xmalloc.h"

static int	psock_find(struct psock *, int, uint32_t, struct psock_row *,
		    char *);
static int	psock_pid_inos(int, int, uint32_t **, int *, char *);
static struct psock_row *psock_pick(struct psock_snap *, uint32_t,
		    const uint32_t *, int);
static int	psock_zombie(int);
static int	psock_map_holder(uint32_t);
static int	psock_map(int, uint32_t, uint64_t, uint64_t *, char *);
static int	psock_mem(int, char *);
static int	psock_open_mem(const struct psock_row *, uint64_t, uint64_t *,
		    int *, char *);

struct psock_att *
psock_attach(struct psock *ps, int pid, uint32_t ino, char *errbuf)
{
	struct psock_att	*a;
	struct psock_row	 r;
	uint64_t		 base, size;
	int			 mem, pidfd;

	if (psock_find(ps, pid, ino, &r, errbuf) == -1)
		return NULL;
	if (!r.have_rx) {
		snprintf(errbuf, PSOCK_ERRSZ, r.have_tx ? "socket %u has "
		    "only a TX ring: nothing received to watch" : "socket %u "
		    "has no ring: the process copies packets one by one",
		    r.ino);
		return NULL;
	}
	if (r.version < 1 || r.version > 3) {
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: TPACKET_V%d ring: "
		    "unknown version (V1 to V3 are read)", r.ino,
		    r.version);
		return NULL;
	}
	/*
	 * A frame ring is read a block at a time, and no more than
	 * PSOCK_MAXBLK blocks: its frame count needs no bound of its own.
	 */
	if (r.rx.block_nr == 0 || r.rx.block_size == 0 ||
	    (r.version != 3 && r.rx.frame_size == 0)) {
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: ring geometry "
		    "%u x %u cannot be read", r.ino, r.rx.block_nr,
		    r.rx.block_size);
		return NULL;
	}
	size = (uint64_t)r.rx.block_nr * r.rx.block_size;
	if ((mem = psock_open_mem(&r, size, &base, &pidfd, errbuf)) == -1)
		return NULL;
	a = xcalloc(1, sizeof *a);
	a->pid = r.pid;
	a->pidfd = pidfd;
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
	a->pidfd = -1;
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
	if (a->pidfd != -1)
		close(a->pidfd);
	free(a->v2buf);
	free(a);
}

/* The socket to attach to, by inode or as the pid's first RX ring. */
static int
psock_find(struct psock *ps, int pid, uint32_t ino, struct psock_row *out,
    char *errbuf)
{
	struct psock_snap	*s;
	struct psock_row	*best;
	uint32_t		*inos = NULL;
	int			 i, n = 0, hidden, rc = -1;

	if (ino == 0 && psock_pid_inos(pid, 0, &inos, &n, errbuf) == -1)
		return -1;
	s = xcalloc(1, sizeof *s);
	if (psock_snapshot(ps, s, errbuf) == -1) {
		psock_snap_free(s);
		free(s);
		free(inos);
		return -1;
	}
	/*
	 * Its descriptors first: a copy-mode zbtop's own socket has no
	 * ring, and the ring it maps is its filter compiler's.
	 */
	if ((best = psock_pick(s, ino, inos, n)) == NULL && ino == 0) {
		free(inos);
		if (psock_pid_inos(pid, 1, &inos, &n, errbuf) == 0)
			best = psock_pick(s, 0, inos, n);
	}
	/* The process asked for, which may not be the first holder. */
	if (best != NULL && pid != 0) {
		best->pid = pid;
		psock_comm(pid, best->comm);
	} else if (best != NULL && best->pid == 0 &&
	    (best->pid = psock_map_holder(best->ino)) != 0) {
		best->mapped = 1;
		psock_comm(best->pid, best->comm);
	}
	for (i = hidden = 0; i < s->nns; i++)
		hidden += s->ns[i].err[0] != '\0';
	if (best == NULL && ino != 0)
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: no such packet "
		    "socket%s", ino, hidden ? " in the namespaces that could "
		    "be entered (needs CAP_SYS_ADMIN)" : "");
	else if (best == NULL)
		snprintf(errbuf, PSOCK_ERRSZ, "process %d: no packet socket",
		    pid);
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
	free(inos);
	return rc;
}

/*
 * The socket with inode ino in s, or (ino 0) the first with an RX ring
 * among the n sorted inodes, else the first of them; NULL: none.
 */
static struct psock_row *
psock_pick(struct psock_snap *s, uint32_t ino, const uint32_t *inos, int n)
{
	struct psock_row	*r, *best = NULL;
	int			 i;

	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		if (ino != 0 && r->ino == ino)
			return r;
		if (ino != 0 || n == 0 || bsearch(&r->ino, inos, (size_t)n,
		    sizeof *inos, psock_ino_cmp) == NULL)
			continue;
		if (best == NULL || (r->have_rx && !best->have_rx))
			best = r;
	}
	return best;
}

/*
 * The socket inodes process pid holds through its descriptors, or
 * (maps) the rings it has mapped, sorted into *inos (*n of them; the
 * caller frees).  -1 with errbuf when the process is gone, a zombie, or
 * its descriptors are hidden.
 */
static int
psock_pid_inos(int pid, int maps, uint32_t **inos, int *n, char *errbuf)
{
	struct dirent	*d;
	DIR		*dir;
	char		 path[64], link[64];
	ssize_t		 len;
	int		 cap = 0, e;

	*inos = NULL;
	*n = 0;
	if (maps) {
		psock_maps_inos(pid, inos, n, &cap);
		goto sort;
	}
	snprintf(path, sizeof path, "/proc/%d/fd", pid);
	if ((dir = opendir(path)) == NULL) {
		e = errno;
		snprintf(errbuf, PSOCK_ERRSZ, "process %d: %s", pid,
		    e == ENOENT ? "no such process" : e == EACCES ||
		    e == EPERM ? "its file descriptors are not readable "
		    "(needs CAP_SYS_PTRACE)" : strerror(e));
		return -1;
	}
	while ((d = readdir(dir)) != NULL) {
		len = readlinkat(dirfd(dir), d->d_name, link, sizeof link - 1);
		if (len <= 0)
			continue;
		link[len] = '\0';
		psock_ino_add(link, inos, n, &cap);
	}
	closedir(dir);
	if (*n == 0 && psock_zombie(pid)) {
		snprintf(errbuf, PSOCK_ERRSZ, "process %d has exited (a "
		    "zombie its parent has not reaped)", pid);
		return -1;
	}
sort:
	if (*n > 1)
		qsort(*inos, (size_t)*n, sizeof **inos, psock_ino_cmp);
	return 0;
}

/*
 * A process that maps socket ino's ring, when none holds a descriptor
 * of it (the list looks only in the maps of processes holding packet
 * sockets); 0: none found.
 */
static int
psock_map_holder(uint32_t ino)
{
	struct dirent	*d;
	DIR		*dir;
	uint32_t	*inos = NULL;
	char		*end;
	long		 pid;
	int		 i, n, cap, found = 0;

	if ((dir = opendir("/proc")) == NULL)
		return 0;
	while (found == 0 && (d = readdir(dir)) != NULL) {
		pid = strtol(d->d_name, &end, 10);
		if (*end != '\0' || pid <= 0 || pid > INT32_MAX)
			continue;
		n = 0;
		cap = 0;
		free(inos);
		inos = NULL;
		psock_maps_inos((int)pid, &inos, &n, &cap);
		for (i = 0; i < n && found == 0; i++)
			if (inos[i] == ino)
				found = (int)pid;
	}
	free(inos);
	closedir(dir);
	return found;
}

/* Whether pid is a zombie: state Z after the command in /proc/PID/stat. */
static int
psock_zombie(int pid)
{
	char	 path[64], buf[512], *p;
	ssize_t	 len;
	int	 fd;

	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	len = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[len > 0 ? len : 0] = '\0';
	return (p = strrchr(buf, ')')) != NULL && p[1] == ' ' && p[2] == 'Z';
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

/*
 * The ring's mapping (*base) and the process's memory, with its pidfd
 * (*pidfd, -1 where the kernel has no pidfd_open) opened first, so that
 * all three name the same process: one that exits, its number given
 * again, before the memory is open is seen on the pidfd, checked after.
 * The memory's descriptor, or -1 with errbuf.
 */
static int
psock_open_mem(const struct psock_row *r, uint64_t size, uint64_t *base,
    int *pidfd, char *errbuf)
{
	struct pollfd	 pfd;
	int		 mem;

	*pidfd = (int)syscall(SYS_pidfd_open, r->pid, 0);
	pfd.fd = *pidfd;
	pfd.events = POLLIN;
	if (psock_map(r->pid, r->ino, size, base, errbuf) == -1 ||
	    (mem = psock_mem(r->pid, errbuf)) == -1)
		mem = -1;
	else if (*pidfd != -1 && poll(&pfd, 1, 0) > 0) {
		snprintf(errbuf, PSOCK_ERRSZ, "process %d exited", r->pid);
		close(mem);
		mem = -1;
	}
	if (mem == -1 && *pidfd != -1) {
		close(*pidfd);
		*pidfd = -1;
	}
	return mem;
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
