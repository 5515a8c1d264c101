/*
 * Giving up privileges once the packet sockets and rings are open: the
 * decoders then run on hostile bytes with nothing worth stealing.
 */
#ifndef ZBTOP_PRIV_H
#define ZBTOP_PRIV_H

#include <stdint.h>

/*
 * What listing other processes' packet sockets takes once root is gone:
 * CAP_SYS_PTRACE (19) and CAP_DAC_READ_SEARCH (2) to read their
 * descriptors, CAP_NET_ADMIN (12) for the kernel to report attached
 * filters (net/core/sock_diag.c, sock_diag_put_filterinfo);
 * linux/capability.h.
 */
#define PRIV_KEEP_PROCS	((1ULL << 19) | (1ULL << 2) | (1ULL << 12))

/*
 * Become user (NULL: root's default, "nobody"; only root may name one),
 * keep no way back to root, and set no_new_privs.  The capabilities whose
 * bits (1 << CAP_*) are in the mask stay permitted and effective (Linux;
 * 0 for capture); everything else goes.  0, or -1 with errbuf.
 */
int	priv_drop(const char *, uint64_t, char *);

#endif /* ZBTOP_PRIV_H */
