/*
 * The batch front end of the packet-socket reader: --sockets lists
 * every packet socket on the host, --attach watches one process's ring,
 * as text like top -b or one JSON object per line (-J).
 */
#ifndef ZBTOP_SOCKETS_H
#define ZBTOP_SOCKETS_H

#include <signal.h>
#include <stdint.h>

struct psock;
struct psock_att;

struct sockets_opts {
	double		 delay;		/* --delay, seconds */
	long		 iterations;	/* --iterations, 0: no limit */
	int		 json;		/* -J */
	int		 filters;	/* --filters: print each program */
	volatile sig_atomic_t *quit;	/* non-zero: stop (main's flag) */
};

/* Until iterations, a signal or (attached) the process's exit: status. */
int	sockets_list(struct psock *, const struct sockets_opts *);
int	sockets_attach(struct psock *, struct psock_att *,
	    const struct sockets_opts *);
/*
 * "1234", "socket:5678" or "socket:[5678]" into pid or inode; -1 with
 * errbuf otherwise.
 */
int	sockets_target(const char *, int *, uint32_t *, char *);

#endif /* ZBTOP_SOCKETS_H */
