/*
 * What the two parts of the copy backend share: cap-copy.c (the sockets,
 * the fanout pair and its flips, the handle's slots) and cap-copy-recv.c
 * (one recvmmsg batch into the slots: timestamps, lengths, VLAN tags put
 * back).  Private to those files.
 */
#ifndef ZBTOP_CAP_COPY_INT_H
#define ZBTOP_CAP_COPY_INT_H

#include <sys/types.h>
#include <sys/socket.h>
#include <linux/if_packet.h>

#include <net/if.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <time.h>

#include "cap.h"
#include "cap-linux.h"

#define CAP_COPY_BATCH		64		/* frames per recvmmsg */
#define CAP_COPY_VLANLEN	4		/* room to put a VLAN tag back */

struct cap_copy_msg {
	struct timespec	 ts;
	uint32_t	 caplen;
	uint32_t	 len;
	uint32_t	 vlan;		/* as cap_pkt's */
	uint8_t		 pkttype;	/* as cap_pkt's */
	uint8_t		*data;
};

struct cap_copy {
	char			 ifname[IF_NAMESIZE];
	int			 dropfd;	/* rx_dropped, or -1 */
	int			 ifindex;
	int			 fd[2];		/* the fanout pair */
	int			 active;	/* socket steered to */
	int			 draining;	/* old socket may hold packets */
	int			 promisc;
	struct caplinux_how	 how;		/* -Q, loopback */
	int			 wakefd;
	int			 held;		/* the batch is the user's */
	uint64_t		 cut;		/* frames the slot cut: atomic */
	uint32_t		 slot;		/* bytes kept per frame */
	uint32_t		 head;		/* room in front: SLL2 (any) */
	uint32_t		 stride;	/* head + slot + VLAN room */
	uint8_t			*buf;		/* CAP_COPY_BATCH slots */
	uint8_t			*ctl;		/* control data per frame */
	size_t			 ctlsz;
	struct mmsghdr		 mm[CAP_COPY_BATCH];
	struct iovec		 iov[CAP_COPY_BATCH];
	struct sockaddr_ll	 sll[CAP_COPY_BATCH];	/* interface, type */
	struct cap_copy_msg	 msg[CAP_COPY_BATCH];
	uint64_t		 batches;
	uint32_t		 lastpkts;
	uint32_t		 lastused;
	struct bpf_program	 prog;		/* newest filter: rechecks */
	enum cap_reason		 lastreason;
};

/*
 * One recvmmsg batch from fd into s's slots, without waiting: frames
 * read (s->msg[0..n-1] filled in), 0 for none (EAGAIN, EINTR, or the
 * link down: then *since is set, caplinux_down), -1 with errbuf.
 */
int	cap_copy_recv(struct cap_copy *, int, int64_t *, char *);

#endif /* ZBTOP_CAP_COPY_INT_H */
