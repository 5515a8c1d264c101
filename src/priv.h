/*
 * Giving up privileges once the packet sockets and rings are open: the
 * decoders then run on hostile bytes with nothing worth stealing.
 */
#ifndef ZBTOP_PRIV_H
#define ZBTOP_PRIV_H

int	priv_drop(const char *, char *);
/* The per-OS part, priv-linux.c or priv-freebsd.c: 0, or -1 and errbuf. */
int	priv_seal(char *);

#endif /* ZBTOP_PRIV_H */
