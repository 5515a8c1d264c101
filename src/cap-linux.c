/*
 * Linux AF_PACKET plumbing shared by the zbuf and copy backends: the
 * interface, the socket, its link type and limits, the link going down
 * or away, promiscuous mode, the fanout group, and the headers a walk
 * puts back (VLAN tag, SLL2); the socket's BPF program is
 * cap-linux-filter.c's.  Owns no state: every call works on the socket
 * it is given.  Never prints, never exits.  Kernel facts from
 * net/packet/af_packet.c (packet_create, packet_do_bind,
 * packet_notifier, fanout_add).
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "cap-linux.h"

#define CAPLINUX_MAXPKT	65536u	/* GSO_MAX_SIZE before BIG TCP */

static int	caplinux_arphrd_dlt(int);
static int	caplinux_ifdrops_open(const char *);
static int	caplinux_setopt(int, int, int, const void *, socklen_t,
		    char *, const char *, ...)
		    __attribute__((format(printf, 7, 8)));

int
caplinux_ifindex(const char *ifname, char *errbuf)
{
	unsigned	idx;

	if (ifname == NULL || *ifname == '\0' || strlen(ifname) >= IF_NAMESIZE) {
		snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s",
		    ifname == NULL ? "" : ifname);
		return -1;
	}
	if (strcmp(ifname, CAPLINUX_ANY) == 0)
		return 0;
	if ((idx = if_nametoindex(ifname)) == 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s", ifname);
		return -1;
	}
	return (int)idx;
}

/*
 * A network device of a link type we map; libpcap also lists pseudo
 * devices (any, nflog, dbus-*, bluetooth-monitor) the backends do not
 * open.  Any socket answers SIOCGIFHWADDR, no privilege needed.
 */
int
caplinux_usable(const char *ifname)
{
	struct ifreq	ifr;
	int		fd, ok;

	if (ifname != NULL && strcmp(ifname, CAPLINUX_ANY) == 0)
		return 1;
	if (ifname == NULL || strlen(ifname) >= IF_NAMESIZE ||
	    if_nametoindex(ifname) == 0)
		return 0;
	if ((fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		return 0;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	ok = ioctl(fd, SIOCGIFHWADDR, &ifr) == 0 &&
	    caplinux_arphrd_dlt(ifr.ifr_hwaddr.sa_family) != -1;
	close(fd);
	return ok;
}

int
caplinux_socket(const char *ifname, char *errbuf)
{
	int	fd, serr;

	/*
	 * Protocol 0: packet_create() registers no hook for it, so nothing
	 * from other interfaces is queued between socket() and bind().
	 */
	fd = socket(AF_PACKET, (strcmp(ifname, CAPLINUX_ANY) == 0 ?
	    SOCK_DGRAM : SOCK_RAW) | SOCK_CLOEXEC, 0);
	if (fd == -1) {
		serr = errno;
		if (serr == EPERM || serr == EACCES)
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot capture on %s: "
			    "%s (needs CAP_NET_RAW; -r FILE needs no "
			    "privileges)", ifname, strerror(serr));
		else
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot capture on %s: "
			    "%s", ifname, strerror(serr));
		return -1;
	}
	return fd;
}

int
caplinux_bind(int fd, int ifindex, char *errbuf)
{
	struct sockaddr_ll	sll;
	char			name[IF_NAMESIZE];
	int			serr = 0, bound;
	socklen_t		len = sizeof serr;

	if (if_indextoname((unsigned)ifindex, name) == NULL)
		snprintf(name, sizeof name, "#%d", ifindex);
	memset(&sll, 0, sizeof sll);
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = ifindex;
	bound = bind(fd, (struct sockaddr *)&sll, sizeof sll) == 0;
	/*
	 * packet_do_bind() succeeds on a down interface but leaves ENETDOWN
	 * in sk_err; say so now rather than at the first poll().
	 */
	if (!bound)
		serr = errno;
	else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &serr, &len) == -1 ||
	    serr == 0)
		return 0;
	if (!bound && (serr == ENODEV || serr == ENXIO))
		snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s", name);
	else if (bound && serr == ENETDOWN)
		snprintf(errbuf, ZB_ERRBUFSZ, "interface %s is down", name);
	else
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot bind to %s: %s", name,
		    strerror(serr));
	return -1;
}

/* libpcap's map_arphrd_to_dlt(), cut down to what SOCK_RAW hands us. */
static int
caplinux_arphrd_dlt(int arphrd)
{
	switch (arphrd) {
	case ARPHRD_ETHER:
	case ARPHRD_LOOPBACK:
		return DLT_EN10MB;
	case ARPHRD_NONE:	/* tun, wireguard */
	case ARPHRD_PPP:	/* ppp_generic has no link header */
	case ARPHRD_TUNNEL:
	case ARPHRD_TUNNEL6:
	case ARPHRD_SIT:
#ifdef ARPHRD_RAWIP
	case ARPHRD_RAWIP:
#endif
		return DLT_RAW;
	case ARPHRD_IEEE80211:
		return DLT_IEEE802_11;
	case ARPHRD_IEEE80211_RADIOTAP:
		return DLT_IEEE802_11_RADIO;
#ifdef ARPHRD_NETLINK
	case ARPHRD_NETLINK:
		return DLT_NETLINK;
#endif
	case ARPHRD_CAN:
		return DLT_CAN_SOCKETCAN;
	default:
		return -1;
	}
}

int
caplinux_dlt(const char *ifname, int fd, char *errbuf)
{
	struct ifreq	ifr;
	int		dlt, serr;

	if (strcmp(ifname, CAPLINUX_ANY) == 0)
		return DLT_LINUX_SLL2;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) == -1) {
		serr = errno;
		if (serr == ENODEV)
			snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s",
			    ifname);
		else
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot get the link "
			    "type of %s: %s", ifname, strerror(serr));
		return -1;
	}
	if ((dlt = caplinux_arphrd_dlt(ifr.ifr_hwaddr.sa_family)) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot capture on %s: "
		    "unsupported link type (ARPHRD %d)", ifname,
		    ifr.ifr_hwaddr.sa_family);
		return -1;
	}
	return dlt;
}

/*
 * RTM_GETLINK for one index (rtnl_getlink).  The GRO limit came with 5.19
 * (IFLA_GRO_MAX_SIZE); older kernels leave it out and GRO stays within
 * the GSO limit there.  Never below 64 KiB: veth hands the receiving end
 * its peer's GSO packets (veth_xmit), whatever this end's limits say.
 */
uint32_t
caplinux_maxpkt(int ifindex)
{
	struct {
		struct nlmsghdr		nh;
		struct ifinfomsg	ifi;
	} req;
	union {
		struct nlmsghdr		nh;
		char			buf[16384];
	} ans;
	struct nlmsghdr		*nh = &ans.nh;
	struct rtattr		*rta;
	uint32_t		 v, max = 0;
	ssize_t			 n;
	int			 fd, len;

	if ((fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
	    NETLINK_ROUTE)) == -1)
		return CAPLINUX_MAXPKT;
	memset(&req, 0, sizeof req);
	req.nh.nlmsg_len = sizeof req;
	req.nh.nlmsg_type = RTM_GETLINK;
	req.nh.nlmsg_flags = NLM_F_REQUEST;
	req.ifi.ifi_family = AF_UNSPEC;
	req.ifi.ifi_index = ifindex;
	if (send(fd, &req, sizeof req, 0) == -1 ||
	    (n = recv(fd, &ans, sizeof ans, 0)) <= 0 ||
	    !NLMSG_OK(nh, (unsigned)n) || nh->nlmsg_type != RTM_NEWLINK) {
		close(fd);
		return CAPLINUX_MAXPKT;
	}
	close(fd);
	len = (int)nh->nlmsg_len - (int)NLMSG_LENGTH(sizeof(struct ifinfomsg));
	for (rta = IFLA_RTA(NLMSG_DATA(nh)); RTA_OK(rta, len);
	    rta = RTA_NEXT(rta, len)) {
		if (RTA_PAYLOAD(rta) != sizeof v)
			continue;
		memcpy(&v, RTA_DATA(rta), sizeof v);
		switch (rta->rta_type) {
		case IFLA_MTU:
			v = v > UINT32_MAX - ETH_HLEN - 4 ? UINT32_MAX :
			    v + ETH_HLEN + 4;
			break;
		case IFLA_GSO_MAX_SIZE:
		case IFLA_GRO_MAX_SIZE:
			break;
		default:
			continue;
		}
		if (v > max)
			max = v;
	}
	/* A veth end receives what its peer built: never trust less. */
	return max > CAPLINUX_MAXPKT ? max : CAPLINUX_MAXPKT;
}

int
caplinux_kstats(int fd, struct cap_kstats *ks)
{
	struct tpacket_stats_v3	 st;
	socklen_t		 len = sizeof st;

	memset(&st, 0, sizeof st);
	if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) == -1)
		return -1;
	ks->packets += st.tp_packets;
	ks->drops += st.tp_drops;
	ks->freezes += st.tp_freeze_q_cnt;
	return 0;
}

int
caplinux_ifdrops(const char *ifname, int *fd, uint64_t *drops)
{
	char		 line[64], *end;
	ssize_t		 n = -1;
	uint64_t	 v;

	if (ifname == NULL || strchr(ifname, '/') != NULL)
		return -1;
	if (*fd != -1 && (n = pread(*fd, line, sizeof line - 1, 0)) <= 0) {
		close(*fd);	/* gone with its interface: by name again */
		*fd = -1;
	}
	if (*fd == -1 && ((*fd = caplinux_ifdrops_open(ifname)) == -1 ||
	    (n = pread(*fd, line, sizeof line - 1, 0)) <= 0))
		return -1;
	line[n] = '\0';
	errno = 0;
	v = strtoull(line, &end, 10);
	if (errno != 0 || end == line)
		return -1;
	*drops = v;
	return 0;
}

/* ifname's statistics/rx_dropped opened for reading, or -1. */
static int
caplinux_ifdrops_open(const char *ifname)
{
	char	path[128];

	snprintf(path, sizeof path, "/sys/class/net/%s/statistics/rx_dropped",
	    ifname);
	return open(path, O_RDONLY | O_CLOEXEC);
}

int
caplinux_sockerr(int fd, const char *ifname, int64_t *since, char *errbuf)
{
	int		serr = 0;
	socklen_t	len = sizeof serr;

	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &serr, &len) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "capture on %s failed: %s",
		    ifname, strerror(serr));
		return -1;
	}
	/*
	 * packet_notifier() sets ENETDOWN both for NETDEV_DOWN and for
	 * NETDEV_UNREGISTER; only the name lookup tells the two apart.
	 */
	if (serr == ENETDOWN && if_nametoindex(ifname) == 0)
		serr = ENODEV;
	switch (serr) {
	case 0:
		return 0;
	case ENETDOWN:
		caplinux_down(since);
		return 1;
	case ENODEV:
	case ENXIO:
		snprintf(errbuf, ZB_ERRBUFSZ, "interface %s disappeared",
		    ifname);
		break;
	default:
		snprintf(errbuf, ZB_ERRBUFSZ, "capture on %s failed: %s",
		    ifname, strerror(serr));
		break;
	}
	return -1;
}

/* Several consumers may see ENETDOWN: the first one's time stays. */
void
caplinux_down(int64_t *since)
{
	int64_t	 zero = 0;

	__atomic_compare_exchange_n(since, &zero, (int64_t)time(NULL), 0,
	    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
}

int
caplinux_downcheck(int fd, const char *ifname, int64_t *since, char *errbuf)
{
	struct ifreq	 ifr;

	if (__atomic_load_n(since, __ATOMIC_RELAXED) == 0)
		return 0;
	if (if_nametoindex(ifname) == 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "interface %s disappeared",
		    ifname);
		return -1;
	}
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) == 0 &&
	    (ifr.ifr_flags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING))
		__atomic_store_n(since, 0, __ATOMIC_RELAXED);
	return 0;
}

/*
 * setsockopt(2), and on failure "<what>: <strerror>" in errbuf, what
 * formatted from fmt.  0 or -1.
 */
static int
caplinux_setopt(int fd, int level, int opt, const void *val, socklen_t len,
    char *errbuf, const char *fmt, ...)
{
	va_list	ap;
	size_t	n;
	int	serr;

	if (setsockopt(fd, level, opt, val, len) == 0)
		return 0;
	serr = errno;
	va_start(ap, fmt);
	vsnprintf(errbuf, ZB_ERRBUFSZ, fmt, ap);
	va_end(ap);
	n = strlen(errbuf);
	snprintf(errbuf + n, ZB_ERRBUFSZ - n, ": %s", strerror(serr));
	return -1;
}

int
caplinux_promisc(int fd, int ifindex, char *errbuf)
{
	struct packet_mreq	mr;

	memset(&mr, 0, sizeof mr);
	mr.mr_ifindex = ifindex;
	mr.mr_type = PACKET_MR_PROMISC;
	return caplinux_setopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr,
	    sizeof mr, errbuf, "cannot set promiscuous mode");
}

/*
 * PACKET_FANOUT_FLAG_UNIQUEID lets the kernel pick an id nobody in the
 * namespace uses (fanout_find_new_id).  Trying ids ourselves could join
 * another capture's group: fanout_add() accepts any existing group of the
 * same type, protocol and device.  The flag is dropped once the group
 * exists; later members join by the id the first one got.
 */
int
caplinux_fanout(int fd, int *id, const char *ifname, char *errbuf)
{
	int		arg, serr;
	socklen_t	len = sizeof arg;

	if (*id == -1)
		arg = (PACKET_FANOUT_CBPF | PACKET_FANOUT_FLAG_UNIQUEID) << 16;
	else
		arg = *id | PACKET_FANOUT_CBPF << 16;
	if (setsockopt(fd, SOL_PACKET, PACKET_FANOUT, &arg, sizeof arg) == -1)
		goto fail;
	if (*id == -1) {
		if (getsockopt(fd, SOL_PACKET, PACKET_FANOUT, &arg, &len) == -1)
			goto fail;
		*id = arg & 0xffff;
	}
	return 0;
fail:
	serr = errno;
	snprintf(errbuf, ZB_ERRBUFSZ, "cannot join fanout group on %s: %s",
	    ifname, strerror(serr));
	return -1;
}

/*
 * fanout_demux_bpf() takes the program's result modulo the members,
 * indexed in join order.  The kernel swaps the program under RCU and
 * waits for a grace period before this returns (__fanout_set_data_bpf).
 */
int
caplinux_steer(int fd, struct sock_filter *insns, unsigned short len,
    const char *ifname, char *errbuf)
{
	struct sock_fprog	fp;

	memset(&fp, 0, sizeof fp);
	fp.len = len;
	fp.filter = insns;
	return caplinux_setopt(fd, SOL_PACKET, PACKET_FANOUT_DATA, &fp,
	    sizeof fp, errbuf, "cannot steer fanout on %s", ifname);
}

void
caplinux_vlan_put(uint8_t *p, uint32_t status, uint16_t tpid, uint16_t tci)
{
	if (!(status & TP_STATUS_VLAN_TPID_VALID))
		tpid = ETH_P_8021Q;
	p[12] = (uint8_t)(tpid >> 8);
	p[13] = (uint8_t)tpid;
	p[14] = (uint8_t)(tci >> 8);
	p[15] = (uint8_t)tci;
}

void
caplinux_sll2(uint8_t *p, const struct sockaddr_ll *sll)
{
	uint32_t	idx;
	uint16_t	ha;

	idx = htonl((uint32_t)sll->sll_ifindex);
	ha = htons(sll->sll_hatype);
	memcpy(p, &sll->sll_protocol, 2);
	p[2] = p[3] = 0;
	memcpy(p + 4, &idx, 4);
	memcpy(p + 8, &ha, 2);
	p[10] = sll->sll_pkttype;
	p[11] = sll->sll_halen;
	memset(p + 12, 0, 8);
	memcpy(p + 12, sll->sll_addr, sll->sll_halen < 8 ? sll->sll_halen : 8);
}
