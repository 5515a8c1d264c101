/*
 * pcapng blocks for the -w writer (pcapng.c): a section with one
 * Interface Description Block per interface, then Enhanced Packet Blocks
 * naming theirs.  Written in host byte order, as the format allows
 * (draft-ietf-opsawg-pcapng, sections 4.1, 4.2, 4.3).
 */
#ifndef ZBTOP_PCAPNG_H
#define ZBTOP_PCAPNG_H

#include <sys/types.h>

#include <stdio.h>

#include "cap.h"

/*
 * Section Header Block, then an IDB per interface (if_name, the DLT_
 * value's LINKTYPE_, the snap length).  0, or -1 when a write failed
 * (ferror tells the caller).
 */
int	pcapng_head(FILE *, unsigned, const int *,
	    const char (*)[CAP_IFNAMSZ], unsigned);
/* One EPB for the packet, of interface pkt->iface, microsecond time. */
int	pcapng_epb(FILE *, const struct cap_pkt *);
/* Offset after the last whole block from "from" on, for a cut back. */
off_t	pcapng_whole(int, off_t);

#endif /* ZBTOP_PCAPNG_H */
