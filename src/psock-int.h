/*
 * What psock.c and psock-ns.c share: the handle with a sock_diag socket
 * per network namespace, and the dump over one of them.  Nothing outside
 * the psock files includes this.
 */
#ifndef ZBTOP_PSOCK_INT_H
#define ZBTOP_PSOCK_INT_H

#include <stdint.h>

#include "psock.h"

/* One network namespace, opened while zbtop was inside it. */
struct psock_netns {
	uint64_t	 ino;
	char		 name[PSOCK_NAMESZ];	/* escaped */
	int		 diag;		/* NETLINK_SOCK_DIAG socket, or -1 */
	int		 ioc;		/* AF_UNIX socket for SIOCGIFNAME, or -1 */
	char		 err[PSOCK_ERRSZ];	/* why diag is -1 */
};

struct psock {
	int			 nns;
	struct psock_netns	 ns[PSOCK_MAXNS];
	uint32_t		 seq;
	int			 full;		/* more namespaces than room */
};

/* psock.c: one SOCK_DIAG_BY_FAMILY dump; as psock_parse. */
int	psock_dump(int, uint32_t, uint32_t, struct psock_snap *, uint64_t,
	    uint32_t, struct psock_insn *, int, int *, char *);
/* psock-ns.c: who holds each socket in the snapshot. */
void	psock_owners(struct psock_snap *);
/* psock-ns.c: an interface's name in a namespace, PSOCK_NAMESZ bytes. */
void	psock_ifname(const struct psock_netns *, uint32_t, char *);

#endif /* ZBTOP_PSOCK_INT_H */
