/*
 * Linux AF_PACKET helpers shared by the two live backends (cap-zbuf.c and
 * cap-copy.c): interface lookup, the socket, its link type, promiscuous
 * mode, the classic BPF filter (cap-linux-filter.c), the fanout group and
 * its steering program, the socket's kernel counters, and the error a
 * socket reports when its interface goes away (the rest in cap-linux.c).
 * Every function writes its reason into errbuf (ZB_ERRBUFSZ bytes) and
 * returns -1 on failure; none prints or exits.
 */
#ifndef ZBTOP_CAP_LINUX_H
#define ZBTOP_CAP_LINUX_H

#include <stdint.h>

#include "cap.h"

struct bpf_program;
struct sock_filter;
struct sockaddr_ll;

/* 1 when a live backend can capture on the interface (-D, -i N). */
int	caplinux_usable(const char *);
/* The interface's index (0: any), or -1: "no such interface: X". */
int	caplinux_ifindex(const char *, char *);
/*
 * An unbound AF_PACKET socket with protocol 0, so nothing is queued
 * before caplinux_bind(): SOCK_RAW, or SOCK_DGRAM for "any"; -1 names
 * CAP_NET_RAW when not permitted.
 */
int	caplinux_socket(const char *, char *);
/*
 * Bind (fd, ifindex) for ETH_P_ALL: 0, or -1 with errbuf (ZB_ERRBUFSZ)
 * "no such interface: X", "interface X is down" (the ENETDOWN
 * packet_do_bind leaves in sk_err) or "cannot bind to X: <errno>".
 */
int	caplinux_bind(int, int, char *);
/*
 * The DLT_ value for the interface's ARPHRD_ type (any: DLT_LINUX_SLL2),
 * -1 when unsupported.
 */
int	caplinux_dlt(const char *, int, char *);
/*
 * The longest packet the interface can hand a tap, in bytes from the link
 * header on: the MTU plus an Ethernet header and a VLAN tag, or the GSO or
 * GRO super-packet limit (veth, virtio, loopback: 64 KiB, more with BIG
 * TCP), whichever is larger, and at least 65536.
 */
uint32_t caplinux_maxpkt(int);
/*
 * sysfs statistics/rx_dropped into *; 0, or -1 where there is none.  The
 * int: the file kept open between calls, -1 at first, the caller's to
 * close; sysfs answers a read at offset 0 afresh, and opening the file
 * again each time cost some 40 us against 4 (10 times a second).  A
 * read that fails (the interface went away) opens the name again.
 */
int	caplinux_ifdrops(const char *, int *, uint64_t *);
/*
 * One packet socket's PACKET_STATISTICS added to *ks: packets (the
 * kernel counts its drops in them), drops and, on a TPACKET_V3 ring,
 * queue freezes (an older socket copies only the first two fields).
 * Reading zeroes them (net/packet/af_packet.c, packet_getsockopt), so
 * each call gives what came since the last.  0, or -1 with errno.
 */
int	caplinux_kstats(int, struct cap_kstats *);
/*
 * After POLLERR: read and clear SO_ERROR.  1 when the link went down
 * (ENETDOWN, the interface still there): noted in *since, the wall-clock
 * second, not an error; -1 with "interface X disappeared" or another
 * reason; 0 when nothing was pending.
 */
int	caplinux_sockerr(int, const char *, int64_t *, char *);
/* ENETDOWN seen (recv or SO_ERROR): the link is down since now, if not yet. */
void	caplinux_down(int64_t *);
/*
 * While *since is set: -1 with "interface X disappeared" once the
 * interface is gone (a socket that stopped running at NETDEV_DOWN gets no
 * error at NETDEV_UNREGISTER: packet_notifier()), else 0; *since goes back
 * to 0 once the link is up and running again.  Ring sockets stay bound
 * and the kernel hooks them again at NETDEV_UP.
 */
int	caplinux_downcheck(int, const char *, int64_t *, char *);
#define CAPLINUX_ANY	"any"	/* every interface, cooked (DLT_LINUX_SLL2) */
#define CAPLINUX_SLL2LEN 20	/* the SLL2 header the cooked walk builds */

/* What a live socket's kernel filter does besides the program. */
struct caplinux_how {
	enum cap_dir	 dir;		/* -Q, made IN on a loopback */
	int		 loidx;		/* any: drop lo's outgoing copies */
	int		 cooked;	/* any: SOCK_DGRAM, SLL2 programs */
};

/*
 * PACKET_ADD_MEMBERSHIP PACKET_MR_PROMISC on (fd, ifindex): 0, or -1 with
 * "cannot set promiscuous mode: <errno>" in errbuf.
 */
int	caplinux_promisc(int, int, char *);
/*
 * The rule for the capture conf asks on fd: -Q as asked, never the
 * outgoing copy of a loopback packet (every packet there is seen leaving
 * and again arriving; libpcap's linux_check_direction() drops the
 * first).  -1 when the interface flags cannot be read.
 */
int	caplinux_how(int, const struct cap_conf *, struct caplinux_how *,
	    char *);
/*
 * SO_ATTACH_FILTER with the program's instructions, behind the direction
 * test (SKF_AD_PKTTYPE) the rule asks for; on a cooked socket the
 * program's loads are moved from the SLL2 header to the network header
 * and ancillary data, as libpcap's fix_program() does, and a program
 * reading other header bytes is refused.  The kernel swaps it under RCU.
 */
int	caplinux_attach(int, const struct bpf_program *,
	    const struct caplinux_how *, char *);
/*
 * Put back a VLAN tag the kernel took off into the packet's metadata, as
 * libpcap does: the 4 bytes at p + 12 (after the MAC addresses, which
 * the caller has moved to make room) become the TPID (the one given when
 * TP_STATUS_VLAN_TPID_VALID is in status, else 802.1Q's 0x8100) and the
 * TCI, big-endian.  p must have 16 bytes.
 */
void	caplinux_vlan_put(uint8_t *, uint32_t, uint16_t, uint16_t);
/*
 * libpcap's SLL2 header (pcap-linktype(7), LINKTYPE_LINUX_SLL2) for a
 * cooked packet, from the sockaddr_ll the kernel gave with it
 * (tpacket_rcv, packet_recvmsg): CAPLINUX_SLL2LEN bytes at p.
 */
void	caplinux_sll2(uint8_t *, const struct sockaddr_ll *);
/*
 * Join a PACKET_FANOUT_CBPF group: *id -1 makes a new group and sets *id,
 * otherwise joins group *id.
 */
int	caplinux_fanout(int, int *, const char *, char *);
/*
 * Replace the group's steering program of len instructions
 * (PACKET_FANOUT_DATA, net/packet/af_packet.c fanout_set_data): 0, or -1
 * with "cannot steer fanout on IFNAME: <errno>" in errbuf.
 */
int	caplinux_steer(int, struct sock_filter *, unsigned short, const char *,
	    char *);

#endif /* ZBTOP_CAP_LINUX_H */
