/*
 * The namespace and process side of the packet-socket reader.  Finds
 * every network namespace (named ones in /var/run/netns, then any
 * process's /proc/PID/ns/net, deduplicated by the namespace's inode),
 * enters each with setns() only long enough to open a sock_diag socket
 * and an ioctl socket in it, and comes straight back: a socket stays in
 * the namespace it was made in (net/socket.c, sock_create uses
 * current->nsproxy->net_ns).  Maps socket inodes to the processes
 * holding them through the /proc/PID/fd links "socket:[INODE]", and
 * through /proc/PID/maps for a ring whose descriptor is gone.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <net/if.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/netlink.h>

#include "psock-int.h"
#include "psock.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PSOCK_NETNS_DIR	"/var/run/netns"

/* What one walk over the namespaces found. */
struct psock_walk {
	struct psock	*ps;
	uint64_t	 self;		/* zbtop's own namespace */
	uint64_t	 init;		/* pid 1's: called "host" */
	uint64_t	 seen[PSOCK_MAXNS * 4];
	int		 nseen;
};

static void	psock_walk(struct psock *);
static void	psock_ns_try(struct psock_walk *, const char *, const char *);
static void	psock_ns_open(struct psock_netns *, const char *, int);
static void	psock_ns_sockets(struct psock_netns *);
static void	psock_ns_close(struct psock_netns *);
static uint64_t	psock_ns_ino(const char *);
static const char *psock_ns_named(uint64_t, char *, size_t);
static int	psock_isnum(const char *);
static void	psock_pid(struct psock_snap *, uint32_t *, int *, int,
		    const char *);
static struct psock_row *psock_row_of(struct psock_snap *, uint32_t *,
		    int *, int, const char *);
static void	psock_mapped(struct psock_snap *, uint32_t *, int *, int);
static void	psock_maps(struct psock_snap *, uint32_t *, int *, int, int,
		    const char *);
static int	psock_ino_parse(const char *, uint32_t *);

struct psock *
psock_open(char *errbuf)
{
	struct psock	*ps;
	int		 i;

	ps = xcalloc(1, sizeof *ps);
	psock_walk(ps);
	for (i = 0; i < ps->nns; i++)
		if (ps->ns[i].diag != -1)
			return ps;
	if (i == ps->nns) {
		snprintf(errbuf, PSOCK_ERRSZ, "%s", ps->nns > 0 ?
		    ps->ns[0].err : "no network namespace found");
		psock_close(ps);
	}
	return NULL;
}

void
psock_close(struct psock *ps)
{
	int	 i;

	if (ps == NULL)
		return;
	for (i = 0; i < ps->nns; i++)
		psock_ns_close(&ps->ns[i]);
	free(ps);
}

void
psock_rescan(struct psock *ps)
{
	psock_walk(ps);
}

/*
 * Zbtop's own namespace first, then named ones, then every process's.
 * A namespace held open here that no walk finds any more is closed, so
 * the sockets do not keep a deleted namespace alive.
 */
static void
psock_walk(struct psock *ps)
{
	struct psock_walk	 w;
	struct dirent		*d;
	DIR			*dir;
	char			 path[PATH_MAX];
	int			 i, j, k;

	memset(&w, 0, sizeof w);
	w.ps = ps;
	w.self = psock_ns_ino("/proc/thread-self/ns/net");
	w.init = psock_ns_ino("/proc/1/ns/net");
	/* Its own first, so that it is always there. */
	psock_ns_try(&w, "/proc/thread-self/ns/net", NULL);
	if ((dir = opendir(PSOCK_NETNS_DIR)) != NULL) {
		while ((d = readdir(dir)) != NULL) {
			if (d->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", PSOCK_NETNS_DIR,
			    d->d_name);
			psock_ns_try(&w, path, d->d_name);
		}
		closedir(dir);
	}
	if ((dir = opendir("/proc")) != NULL) {
		while ((d = readdir(dir)) != NULL) {
			if (!psock_isnum(d->d_name))
				continue;
			snprintf(path, sizeof path, "/proc/%s/ns/net",
			    d->d_name);
			psock_ns_try(&w, path, NULL);
		}
		closedir(dir);
	}
	for (i = k = 0; i < ps->nns; i++) {
		for (j = 0; j < w.nseen; j++)
			if (w.seen[j] == ps->ns[i].ino)
				break;
		if (j == w.nseen && ps->ns[i].ino != w.self) {
			psock_ns_close(&ps->ns[i]);
			continue;
		}
		if (k != i)
			ps->ns[k] = ps->ns[i];
		k++;
	}
	ps->nns = k;
}

static void
psock_ns_try(struct psock_walk *w, const char *path, const char *name)
{
	struct psock	*ps = w->ps;
	struct psock_netns *n;
	uint64_t	 ino;
	char		 nm[PSOCK_NAMESZ];
	int		 i;

	if ((ino = psock_ns_ino(path)) == 0)
		return;
	for (i = 0; i < w->nseen; i++)
		if (w->seen[i] == ino)
			return;
	if (w->nseen < (int)(sizeof w->seen / sizeof w->seen[0]))
		w->seen[w->nseen++] = ino;
	for (i = 0; i < ps->nns; i++)
		if (ps->ns[i].ino == ino) {
			/* Named since it was found (ip netns attach). */
			if (name != NULL)
				esc_str(ps->ns[i].name, sizeof ps->ns[i].name,
				    name, strlen(name));
			return;
		}
	if (ps->nns == PSOCK_MAXNS) {
		ps->full = 1;
		return;
	}
	if (name == NULL)
		name = psock_ns_named(ino, nm, sizeof nm);
	if (name != NULL)
		esc_str(nm, sizeof nm, name, strlen(name));
	else if (ino == w->init)
		snprintf(nm, sizeof nm, "host");
	else if (ino == w->self)
		snprintf(nm, sizeof nm, "self");
	else
		snprintf(nm, sizeof nm, "%llu", (unsigned long long)ino);
	n = &ps->ns[ps->nns++];
	memset(n, 0, sizeof *n);
	n->ino = ino;
	snprintf(n->name, sizeof n->name, "%s", nm);
	psock_ns_open(n, path, ino == w->self);
}

/* Enter, open the two sockets, come back; or say why not. */
static void
psock_ns_open(struct psock_netns *n, const char *path, int self)
{
	int	 fd, own, e;

	n->diag = n->ioc = -1;
	if (self) {
		psock_ns_sockets(n);
		return;
	}
	if ((own = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)) ==
	    -1) {
		snprintf(n->err, sizeof n->err, "cannot enter: own "
		    "namespace: %s", strerror(errno));
		return;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    setns(fd, CLONE_NEWNET) == -1) {
		e = errno;
		snprintf(n->err, sizeof n->err, "cannot enter: %s%s",
		    strerror(e), e == EPERM ? " (needs "
		    "CAP_SYS_ADMIN; namespaces made after zbtop dropped its "
		    "privileges are not listed)" : "");
		if (fd != -1)
			close(fd);
		close(own);
		return;
	}
	close(fd);
	psock_ns_sockets(n);
	/* Coming back cannot fail with the right we just used to leave. */
	if (setns(own, CLONE_NEWNET) == -1)
		abort();
	close(own);
}

static void
psock_ns_sockets(struct psock_netns *n)
{
	struct sockaddr_nl	 sa;

	n->diag = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
	    NETLINK_SOCK_DIAG);
	memset(&sa, 0, sizeof sa);
	sa.nl_family = AF_NETLINK;
	if (n->diag == -1 || bind(n->diag, (struct sockaddr *)&sa,
	    sizeof sa) == -1) {
		snprintf(n->err, sizeof n->err, "sock_diag socket: %s",
		    strerror(errno));
		if (n->diag != -1)
			close(n->diag);
		n->diag = -1;
		return;
	}
	n->ioc = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
}

static void
psock_ns_close(struct psock_netns *n)
{
	if (n->diag != -1)
		close(n->diag);
	if (n->ioc != -1)
		close(n->ioc);
	n->diag = n->ioc = -1;
}

/* SIOCGIFNAME on a socket made in the namespace (net/core/dev_ioctl.c). */
void
psock_ifname(const struct psock_netns *n, uint32_t index, char *name)
{
	struct ifreq	 ifr;

	memset(&ifr, 0, sizeof ifr);
	ifr.ifr_ifindex = (int)index;
	if (n->ioc != -1 && ioctl(n->ioc, SIOCGIFNAME, &ifr) == 0)
		esc_str(name, PSOCK_NAMESZ, ifr.ifr_name,
		    strnlen(ifr.ifr_name, sizeof ifr.ifr_name));
	else
		snprintf(name, PSOCK_NAMESZ, "if%u", index);
}

/* The name ip-netns(8) gave namespace ino, into buf; NULL: none. */
static const char *
psock_ns_named(uint64_t ino, char *buf, size_t sz)
{
	struct dirent	*d;
	DIR		*dir;
	char		 path[PATH_MAX];
	const char	*found = NULL;

	if ((dir = opendir(PSOCK_NETNS_DIR)) == NULL)
		return NULL;
	while (found == NULL && (d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", PSOCK_NETNS_DIR,
		    d->d_name);
		if (psock_ns_ino(path) == ino) {
			snprintf(buf, sz, "%s", d->d_name);
			found = buf;
		}
	}
	closedir(dir);
	return found;
}

static uint64_t
psock_ns_ino(const char *path)
{
	struct stat	 st;

	if (stat(path, &st) == -1)
		return 0;
	return (uint64_t)st.st_ino;
}

static int
psock_isnum(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

int
psock_ino_cmp(const void *a, const void *b)
{
	const uint32_t	*x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/*
 * Every process's fd links; a process whose fds cannot be read (another
 * user's, without CAP_SYS_PTRACE) is counted in unreadable.
 */
void
psock_owners(struct psock_snap *s)
{
	uint32_t	*ino;
	int		*row, i, j, n = s->nrows;
	struct dirent	*d;
	DIR		*dir;

	if (n == 0 || (dir = opendir("/proc")) == NULL)
		return;
	/* Pairs (inode, row) sorted by inode, for bsearch. */
	ino = xcalloc((size_t)n * 2, sizeof *ino);
	row = xcalloc((size_t)n, sizeof *row);
	for (i = 0; i < n; i++) {
		ino[2 * i] = s->rows[i].ino;
		ino[2 * i + 1] = (uint32_t)i;
	}
	qsort(ino, (size_t)n, 2 * sizeof *ino, psock_ino_cmp);
	for (i = 0; i < n; i++)
		row[i] = (int)ino[2 * i + 1];
	for (j = 0; j < n; j++)
		ino[j] = ino[2 * j];
	while ((d = readdir(dir)) != NULL)
		if (psock_isnum(d->d_name))
			psock_pid(s, ino, row, n, d->d_name);
	closedir(dir);
	psock_mapped(s, ino, row, n);
	free(ino);
	free(row);
}

static void
psock_pid(struct psock_snap *s, uint32_t *ino, int *row, int n,
    const char *pid)
{
	struct psock_row	*r;
	struct dirent		*d;
	DIR			*dir;
	char			 path[64], link[64];
	ssize_t			 len;
	int			 dfd;

	snprintf(path, sizeof path, "/proc/%s/fd", pid);
	if ((dir = opendir(path)) == NULL) {
		if (errno == EACCES || errno == EPERM)
			s->unreadable++;
		return;
	}
	dfd = dirfd(dir);
	while ((d = readdir(dir)) != NULL) {
		len = readlinkat(dfd, d->d_name, link, sizeof link - 1);
		if (len < 10 || strncmp(link, "socket:[", 8) != 0)
			continue;
		link[len] = '\0';
		if ((r = psock_row_of(s, ino, row, n, link)) == NULL)
			continue;
		if (r->nprocs++ > 0)
			continue;
		r->pid = atoi(pid);
		psock_comm(r->pid, r->comm);
	}
	closedir(dir);
}

void
psock_comm(int pid, char *out)
{
	char	 path[64], comm[32];
	ssize_t	 len;
	int	 fd;

	snprintf(path, sizeof path, "/proc/%d/comm", pid);
	comm[0] = '\0';
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) != -1) {
		len = read(fd, comm, sizeof comm - 1);
		comm[len > 0 ? len : 0] = '\0';
		comm[strcspn(comm, "\n")] = '\0';
		close(fd);
	}
	esc_str(out, PSOCK_COMMSZ, comm, strlen(comm));
}

/*
 * The row of the socket named by "socket:[INODE]" at link, from the
 * inodes ino[n] sorted, each row[] its row in s; NULL: not listed.
 */
static struct psock_row *
psock_row_of(struct psock_snap *s, uint32_t *ino, int *row, int n,
    const char *link)
{
	uint32_t	 v, *hit;

	if (psock_ino_parse(link, &v) == -1 || (hit = bsearch(&v, ino,
	    (size_t)n, sizeof *ino, psock_ino_cmp)) == NULL)
		return NULL;
	return &s->rows[row[hit - ino]];
}

/*
 * A socket no descriptor names can still be alive through the ring a
 * process has mapped: zbtop's own filter compiler puts /dev/null on its
 * descriptor (filter.c), and ss -p shows such a socket with no process.
 * Looks for socket:[INODE] in the maps of the processes already found
 * holding packet sockets (reading every process's maps at each refresh
 * would cost more than the rest of the listing).
 */
static void
psock_mapped(struct psock_snap *s, uint32_t *ino, int *row, int n)
{
	char	 comm[PSOCK_COMMSZ];
	int	 i, j, orphans = 0;

	for (i = 0; i < s->nrows; i++)
		orphans += s->rows[i].pid == 0 && s->rows[i].have_rx;
	for (i = 0; i < s->nrows && orphans > 0; i++) {
		if (s->rows[i].pid == 0 || s->rows[i].mapped)
			continue;
		for (j = 0; j < i; j++)
			if (s->rows[j].pid == s->rows[i].pid &&
			    !s->rows[j].mapped)
				break;
		if (j == i) {
			/* Its own copy: the rows it fills are in s. */
			snprintf(comm, sizeof comm, "%s", s->rows[i].comm);
			psock_maps(s, ino, row, n, s->rows[i].pid, comm);
		}
	}
}

/* The rows without a process whose rings process pid (comm) maps. */
static void
psock_maps(struct psock_snap *s, uint32_t *ino, int *row, int n, int pid,
    const char *comm)
{
	struct psock_row	*r;
	uint32_t		*m = NULL, *hit;
	int			 i, nm = 0, cap = 0;

	psock_maps_inos(pid, &m, &nm, &cap);
	for (i = 0; i < nm; i++) {
		if ((hit = bsearch(&m[i], ino, (size_t)n, sizeof *ino,
		    psock_ino_cmp)) == NULL)
			continue;
		r = &s->rows[row[hit - ino]];
		if (r->pid != 0)
			continue;
		r->pid = pid;
		r->nprocs = 1;
		r->mapped = 1;
		snprintf(r->comm, sizeof r->comm, "%.*s (map)",
		    (int)sizeof r->comm - 7, comm);
	}
	free(m);
}

/* The inode of "socket:[INODE]" at s into *ino; -1: not that. */
static int
psock_ino_parse(const char *s, uint32_t *ino)
{
	unsigned long	 v;
	char		*end;

	if (strncmp(s, "socket:[", 8) != 0)
		return -1;
	errno = 0;
	v = strtoul(s + 8, &end, 10);
	if (errno != 0 || *end != ']' || v > UINT32_MAX)
		return -1;
	*ino = (uint32_t)v;
	return 0;
}

void
psock_ino_add(const char *s, uint32_t **inos, int *n, int *cap)
{
	uint32_t	 v;

	if (psock_ino_parse(s, &v) == -1)
		return;
	if (*n == *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		*inos = xrealloc(*inos, (size_t)*cap * sizeof **inos);
	}
	(*inos)[(*n)++] = v;
}

/*
 * A mapping's path must be socket:[N] alone with N in the inode column:
 * a file of anyone's may be named "/tmp/x socket:[N]" (proc(5): the
 * path is the last field, spaces and all).
 */
void
psock_maps_inos(int pid, uint32_t **inos, int *n, int *cap)
{
	FILE			*f;
	char			 path[64], name[64], *line = NULL;
	size_t			 sz = 0;
	unsigned long long	 col;
	uint32_t		 v;
	int			 end;

	snprintf(path, sizeof path, "/proc/%d/maps", pid);
	if ((f = fopen(path, "re")) == NULL)
		return;
	while (getline(&line, &sz, f) != -1) {
		end = 0;
		if (sscanf(line, "%*s %*s %*s %*s %llu %63s%n", &col, name,
		    &end) == 2 && (line[end] == '\n' || line[end] == '\0') &&
		    psock_ino_parse(name, &v) == 0 && v == col)
			psock_ino_add(name, inos, n, cap);
	}
	free(line);
	fclose(f);
}
