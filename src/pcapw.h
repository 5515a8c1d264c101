/*
 * Writing captured packets to a pcap file that stays valid: after an I/O
 * error (a full disk) the file is cut back to the last whole packet.
 */
#ifndef ZBTOP_PCAPW_H
#define ZBTOP_PCAPW_H

#include <stdint.h>

struct cap_pkt;
struct pcapw;

struct pcapw	*pcapw_open(const char *, int, unsigned, char *);
int		 pcapw_put(struct pcapw *, const struct cap_pkt *);
int		 pcapw_sync(struct pcapw *, char *);
int		 pcapw_close(struct pcapw *, char *);
uint64_t	 pcapw_frames(const struct pcapw *);
const char	*pcapw_name(const struct pcapw *);

#endif /* ZBTOP_PCAPW_H */
