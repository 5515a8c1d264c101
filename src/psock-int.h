/*
 * What the psock files share: the handle with a sock_diag socket per
 * network namespace, the dump over one of them (psock.c, psock-ns.c),
 * and an attached ring (psock-attach.c, psock-ring.c).  Nothing outside
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

/*
 * An attached ring (psock-attach.c makes it, psock-ring.c reads it):
 * where it is, and what the previous reads saw.
 */
struct psock_att {
	int		 pid;
	int		 pidfd;		/* pidfd_open(pid), or -1 */
	uint32_t	 ino;
	uint64_t	 ns;
	int		 mem;		/* /proc/PID/mem */
	uint64_t	 base;		/* where the RX ring is mapped */
	struct psock_ringsnap last;	/* previous read, for rates */
	double		 since[PSOCK_MAXBLK];	/* held since (monotonic) */
	uint64_t	 heldseq[PSOCK_MAXBLK];
	int		 reads;
	unsigned char	*v2buf;		/* a V2 block of small frames */
	size_t		 v2len;		/* bytes of it read for this block */
};

/* psock.c: one SOCK_DIAG_BY_FAMILY dump; as psock_parse. */
int	psock_dump(int, uint32_t, uint32_t, struct psock_snap *, uint64_t,
	    uint32_t, struct psock_insn *, int, int *, char *);
/* psock-ns.c: compares two uint32_t inodes, for qsort and bsearch. */
int	psock_ino_cmp(const void *, const void *);
/*
 * psock-ns.c: appends the inode of "socket:[INODE]" at the string to
 * the array (count, room; grown with xrealloc), if that is what it is;
 * and the inodes of the sockets whose rings process pid maps (a
 * descriptor may be gone).
 */
void	psock_ino_add(const char *, uint32_t **, int *, int *);
void	psock_maps_inos(int, uint32_t **, int *, int *);
/* psock-ns.c: process pid's command, escaped, PSOCK_COMMSZ bytes. */
void	psock_comm(int, char *);
/* psock-ns.c: who holds each socket in the snapshot. */
void	psock_owners(struct psock_snap *);
/* psock-ns.c: an interface's name in a namespace, PSOCK_NAMESZ bytes. */
void	psock_ifname(const struct psock_netns *, uint32_t, char *);

#endif /* ZBTOP_PSOCK_INT_H */
