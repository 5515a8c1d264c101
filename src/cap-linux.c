/*
 * Linux AF_PACKET plumbing shared by the zbuf and copy backends.  Owns no
 * state: every call works on the socket it is given.  Never prints, never
 * exits.  Kernel facts from net/packet/af_packet.c (packet_create,
 * packet_do_bind, packet_notifier) and net/core/filter.c (sk_attach_filter).
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include <errno.h>
#include <inttypes.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cap.h"
#include "cap-linux.h"

/* The kernel reads pcap's instructions as they are: same layout. */
_Static_assert(sizeof(struct bpf_insn) == sizeof(struct sock_filter),
    "struct bpf_insn and struct sock_filter differ");

static int	caplinux_arphrd_dlt(int);

int
caplinux_ifindex(const char *ifname, char *errbuf)
{
	unsigned	idx;

	if (ifname == NULL || *ifname == '\0' || strlen(ifname) >= IF_NAMESIZE) {
		snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s",
		    ifname == NULL ? "" : ifname);
		return -1;
	}
	if ((idx = if_nametoindex(ifname)) == 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s", ifname);
		return -1;
	}
	return (int)idx;
}

int
caplinux_socket(const char *ifname, char *errbuf)
{
	int	fd, serr;

	/*
	 * Protocol 0: packet_create() registers no hook for it, so nothing
	 * from other interfaces is queued between socket() and bind().
	 */
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
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
	int			serr = 0;
	socklen_t		len = sizeof serr;

	if (if_indextoname((unsigned)ifindex, name) == NULL)
		snprintf(name, sizeof name, "#%d", ifindex);
	memset(&sll, 0, sizeof sll);
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = ifindex;
	if (bind(fd, (struct sockaddr *)&sll, sizeof sll) == -1) {
		serr = errno;
		if (serr == ENODEV || serr == ENXIO)
			snprintf(errbuf, ZB_ERRBUFSZ, "no such interface: %s",
			    name);
		else
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot bind to %s: %s",
			    name, strerror(serr));
		return -1;
	}
	/*
	 * packet_do_bind() succeeds on a down interface but leaves ENETDOWN
	 * in sk_err; say so now rather than at the first poll().
	 */
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &serr, &len) == 0 &&
	    serr != 0) {
		if (serr == ENETDOWN)
			snprintf(errbuf, ZB_ERRBUFSZ, "interface %s is down",
			    name);
		else
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot bind to %s: %s",
			    name, strerror(serr));
		return -1;
	}
	return 0;
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

int
caplinux_ifdrops(const char *ifname, uint64_t *drops)
{
	char		 path[128], line[64], *end;
	FILE		*fp;
	uint64_t	 v;

	if (ifname == NULL || strchr(ifname, '/') != NULL)
		return -1;
	snprintf(path, sizeof path, "/sys/class/net/%s/statistics/rx_dropped",
	    ifname);
	if ((fp = fopen(path, "re")) == NULL)
		return -1;
	if (fgets(line, sizeof line, fp) == NULL) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	errno = 0;
	v = strtoull(line, &end, 10);
	if (errno != 0 || end == line)
		return -1;
	*drops = v;
	return 0;
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

int
caplinux_promisc(int fd, int ifindex, char *errbuf)
{
	struct packet_mreq	mr;
	int			serr;

	memset(&mr, 0, sizeof mr);
	mr.mr_ifindex = ifindex;
	mr.mr_type = PACKET_MR_PROMISC;
	if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr,
	    sizeof mr) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set promiscuous mode: %s",
		    strerror(serr));
		return -1;
	}
	return 0;
}

int
caplinux_attach(int fd, const struct bpf_program *prog, char *errbuf)
{
	struct sock_fprog	fp;
	int			serr;

	if (prog->bf_len == 0 || prog->bf_len > BPF_MAXINSNS) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot attach filter: %u "
		    "instructions", prog->bf_len);
		return -1;
	}
	memset(&fp, 0, sizeof fp);
	fp.len = (unsigned short)prog->bf_len;
	fp.filter = (struct sock_filter *)prog->bf_insns;
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fp,
	    sizeof fp) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot attach filter: %s",
		    strerror(serr));
		return -1;
	}
	return 0;
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
	int			serr;

	memset(&fp, 0, sizeof fp);
	fp.len = len;
	fp.filter = insns;
	if (setsockopt(fd, SOL_PACKET, PACKET_FANOUT_DATA, &fp,
	    sizeof fp) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot steer fanout on %s: %s",
		    ifname, strerror(serr));
		return -1;
	}
	return 0;
}
