/*
 * The copy backend's reading side: one recvmmsg(2) batch into the
 * preallocated slots, then each frame's time stamp (SCM_TIMESTAMPNS),
 * wire length (PACKET_AUXDATA's tp_len) and VLAN tag, put back in the
 * frame as libpcap does.  Never allocates; one system call a batch.
 * Kernel facts: net/packet/af_packet.c (packet_recvmsg).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cap.h"
#include "cap-linux.h"
#include "cap-copy-int.h"

static void	cap_copy_parse(struct cap_copy *, int);
static int	cap_copy_cmsg(struct msghdr *, struct cap_copy_msg *,
		    struct tpacket_auxdata *);

/* One recvmmsg batch without waiting: frames read, 0 none, -1 error. */
int
cap_copy_recv(struct cap_copy *s, int fd, int64_t *since, char *errbuf)
{
	struct msghdr	*mh;
	int		 i, n, serr;

	for (i = 0; i < CAP_COPY_BATCH; i++) {
		mh = &s->mm[i].msg_hdr;
		s->iov[i].iov_base = s->buf + (size_t)i * s->stride + s->head;
		s->iov[i].iov_len = s->slot;
		memset(mh, 0, sizeof *mh);
		mh->msg_name = &s->sll[i];
		mh->msg_namelen = sizeof s->sll[i];
		mh->msg_iov = &s->iov[i];
		mh->msg_iovlen = 1;
		mh->msg_control = s->ctl + (size_t)i * s->ctlsz;
		mh->msg_controllen = s->ctlsz;
	}
	/* MSG_TRUNC: msg_len is the whole frame, not what fit the slot. */
	n = recvmmsg(fd, s->mm, CAP_COPY_BATCH, MSG_DONTWAIT | MSG_TRUNC,
	    NULL);
	if (n >= 0) {
		cap_copy_parse(s, n);
		return n;
	}
	serr = errno;
	if (serr == EAGAIN || serr == EWOULDBLOCK || serr == EINTR)
		return 0;
	/* A pending sk_err comes back from recv before any queued frame. */
	if (serr == ENETDOWN && if_nametoindex(s->ifname) == 0)
		serr = ENODEV;
	/* The link went down: the socket stays, frames come at NETDEV_UP. */
	if (serr == ENETDOWN) {
		caplinux_down(since);
		return 0;
	}
	if (serr == ENODEV || serr == ENXIO)
		snprintf(errbuf, ZB_ERRBUFSZ, "interface %s disappeared",
		    s->ifname);
	else
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot read from %s: %s",
		    s->ifname, strerror(serr));
	return -1;
}

/*
 * One message's control data: the timestamp (SCM_TIMESTAMPNS) into
 * m->ts, PACKET_AUXDATA into *aux and its tp_len (the wire length) into
 * m->len.  1 when the kernel took a VLAN tag off the frame
 * (TP_STATUS_VLAN_VALID, or a TCI: net/packet/af_packet.c,
 * packet_recvmsg).
 */
static int
cap_copy_cmsg(struct msghdr *h, struct cap_copy_msg *m,
    struct tpacket_auxdata *aux)
{
	struct cmsghdr	*cm;
	int		 vlan = 0;

	for (cm = CMSG_FIRSTHDR(h); cm != NULL; cm = CMSG_NXTHDR(h, cm)) {
		if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SCM_TIMESTAMPNS)
			memcpy(&m->ts, CMSG_DATA(cm), sizeof m->ts);
		else if (cm->cmsg_level == SOL_PACKET &&
		    cm->cmsg_type == PACKET_AUXDATA) {
			memcpy(aux, CMSG_DATA(cm), sizeof *aux);
			m->len = aux->tp_len;
			vlan = (aux->tp_status & TP_STATUS_VLAN_VALID) ||
			    aux->tp_vlan_tci != 0;
		}
	}
	return vlan;
}

/* Timestamps and lengths out of the control data; VLAN tags put back. */
static void
cap_copy_parse(struct cap_copy *s, int n)
{
	struct tpacket_auxdata	 aux;
	struct cap_copy_msg	*m;
	uint8_t			*p;
	int			 i, vlan;

	memset(&aux, 0, sizeof aux);

	for (i = 0; i < n; i++) {
		m = &s->msg[i];
		m->data = p = s->buf + (size_t)i * s->stride;
		m->len = s->mm[i].msg_len;
		m->caplen = m->len < s->slot ? m->len : s->slot;
		/* msg_len: what the filter kept, longer than our slot. */
		if (m->len > s->slot)
			__atomic_fetch_add(&s->cut, 1, __ATOMIC_RELAXED);
		m->ts.tv_sec = 0;
		m->ts.tv_nsec = 0;
		m->vlan = 0;
		m->pkttype = s->mm[i].msg_hdr.msg_namelen >= sizeof s->sll[i] ?
		    s->sll[i].sll_pkttype : CAP_PKTTYPE_NONE;
		vlan = cap_copy_cmsg(&s->mm[i].msg_hdr, m, &aux);
		if (m->ts.tv_sec == 0)
			clock_gettime(CLOCK_REALTIME, &m->ts);
		/*
		 * Cooked: the SLL2 header in front, from the sockaddr_ll
		 * packet_recvmsg() filled in; as in zbuf mode, a tag stays
		 * in metadata (XXX issue 10).
		 */
		if (s->head != 0) {
			caplinux_sll2(p, &s->sll[i]);
			m->len += s->head;
			m->caplen += s->head;
			continue;
		}
		/*
		 * The NIC or veth took the tag off into skb->vlan_tci; put
		 * it back after the MAC addresses, as libpcap does.
		 */
		if (vlan && m->caplen >= 2 * ETH_ALEN) {
			memmove(p + 2 * ETH_ALEN + CAP_COPY_VLANLEN,
			    p + 2 * ETH_ALEN, m->caplen - 2 * ETH_ALEN);
			caplinux_vlan_put(p, aux.tp_status, aux.tp_vlan_tpid,
			    (uint16_t)aux.tp_vlan_tci);
			m->len += CAP_COPY_VLANLEN;
			m->caplen += CAP_COPY_VLANLEN;
			m->vlan = CAP_VLAN_PUT | aux.tp_vlan_tci;
			if (m->caplen > s->slot)
				m->caplen = s->slot;
		}
	}
}
