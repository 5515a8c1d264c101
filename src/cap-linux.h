/*
 * Linux AF_PACKET helpers shared by the two live backends (cap-zbuf.c and
 * cap-copy.c): interface lookup, the socket, its link type, promiscuous
 * mode, the classic BPF filter, the fanout group and its steering program,
 * and the error a socket reports when its interface goes away.  Every function writes its reason into errbuf
 * (ZB_ERRBUFSZ bytes) and returns -1 on failure; none prints or exits.
 */
#ifndef ZBTOP_CAP_LINUX_H
#define ZBTOP_CAP_LINUX_H

#include <stdint.h>

#include "cap.h"

struct bpf_program;
struct sock_filter;

/* 1 when a live backend can capture on the interface (-D, -i N). */
int	caplinux_usable(const char *);
/* The interface's index, or -1: "no such interface: X". */
int	caplinux_ifindex(const char *, char *);
/*
 * An unbound AF_PACKET SOCK_RAW socket with protocol 0, so nothing is
 * queued before caplinux_bind(); -1 names CAP_NET_RAW when not permitted.
 */
int	caplinux_socket(const char *, char *);
/* Bind (fd, ifindex) for ETH_P_ALL; -1 also when the interface is down. */
int	caplinux_bind(int, int, char *);
/* The DLT_ value for the interface's ARPHRD_ type, -1 when unsupported. */
int	caplinux_dlt(const char *, int, char *);
/*
 * The longest packet the interface can hand a tap, in bytes from the link
 * header on: the MTU plus an Ethernet header and a VLAN tag, or the GSO or
 * GRO super-packet limit (veth, virtio, loopback: 64 KiB, more with BIG
 * TCP), whichever is larger, and at least 65536.
 */
uint32_t caplinux_maxpkt(int);
/* sysfs statistics/rx_dropped into *; 0, or -1 where there is none. */
int	caplinux_ifdrops(const char *, uint64_t *);
/*
 * After POLLERR: read and clear SO_ERROR.  -1 with "interface X went down",
 * "interface X disappeared" or another reason; 0 when nothing was pending.
 */
int	caplinux_sockerr(int, const char *, char *);
/* PACKET_ADD_MEMBERSHIP PACKET_MR_PROMISC on (fd, ifindex). */
int	caplinux_promisc(int, int, char *);
/*
 * The direction rule for the kernel filter on (fd, ifname): -Q as asked,
 * and on a loopback interface never the outgoing copy (every packet there
 * is seen leaving and again arriving; libpcap's linux_check_direction()
 * drops the first).  -1 when the interface flags cannot be read.
 */
int	caplinux_dir(int, const char *, enum cap_dir, char *);
/*
 * SO_ATTACH_FILTER with the program's instructions, behind a check of the
 * packet's direction (SKF_AD_PKTTYPE) unless dir is CAP_DIR_INOUT; the
 * kernel swaps it under RCU.
 */
int	caplinux_attach(int, const struct bpf_program *, enum cap_dir, char *);
/*
 * Join a PACKET_FANOUT_CBPF group: *id -1 makes a new group and sets *id,
 * otherwise joins group *id.
 */
int	caplinux_fanout(int, int *, const char *, char *);
/* Replace the group's steering program (PACKET_FANOUT_DATA). */
int	caplinux_steer(int, struct sock_filter *, unsigned short, const char *,
	    char *);

#endif /* ZBTOP_CAP_LINUX_H */
