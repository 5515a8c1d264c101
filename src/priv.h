/*
 * Giving up privileges once the packet sockets and rings are open: the
 * decoders then run on hostile bytes with nothing worth stealing.
 */
#ifndef ZBTOP_PRIV_H
#define ZBTOP_PRIV_H

int	priv_drop(const char *, char *);

#endif /* ZBTOP_PRIV_H */
