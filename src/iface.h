/*
 * Interfaces as libpcap names them (iface.c): the -i list (names, -D's
 * numbers, several at once), the interface picked when none is given, and
 * the -D listing.  Every function writes its reason into errbuf
 * (ZB_ERRBUFSZ bytes) and returns -1 on failure; only iface_list prints.
 */
#ifndef ZBTOP_IFACE_H
#define ZBTOP_IFACE_H

#include <stdio.h>

#include "cap.h"

/* Every -i, in order, as asked and as resolved. */
struct iface_set {
	const char	*name[CAP_MAXIF];	/* as given, then resolved */
	char		*owned[CAP_MAXIF];	/* -i N resolved: a copy */
	unsigned	 n;
	char		*dflt;			/* picked when none was given */
	char		 label[CAP_MAXIF * (16 + 1)];	/* "eth0,lo" */
};

/* One more -i; -1 past CAP_MAXIF. */
int	iface_add(struct iface_set *, const char *, char *);
/*
 * Resolve the list into the capture's conf: a number is the interface of
 * that number in -D's list (as tcpdump); several -i fill cc->ifaces, the
 * label, and cc->iface the first; none leaves cc->iface alone.  -1 for an
 * unknown number, "any" among several, or when the list cannot be read.
 */
int	iface_resolve(struct iface_set *, struct cap_conf *, char *);
/*
 * No -i: the first interface that is up and not loopback, as tcpdump
 * takes the head of pcap_findalldevs (which puts those first), into
 * cc->iface.  -1 when there is none.
 */
int	iface_default(struct iface_set *, struct cap_conf *, char *);
/*
 * Before capturing on cc's interfaces: -1, with the reason, for one that
 * libpcap lists but no live backend opens (nflog, dbus-system: -D leaves
 * them out), which -d and -L still take; 0 otherwise (an unknown name is
 * the backend's "no such interface").
 */
int	iface_capturable(const struct cap_conf *, char *);
/*
 * As tcpdump -D: number, name, description and flags on f, only what
 * -i takes (cap_usable).  0, or -1 when the list cannot be read.
 */
int	iface_list(FILE *, char *);
void	iface_free(struct iface_set *);

#endif /* ZBTOP_IFACE_H */
