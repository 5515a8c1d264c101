/*
 * The classic BPF program a live AF_PACKET socket runs, shared by the
 * zbuf and copy backends: the -Q direction rule (never the outgoing copy
 * of a loopback packet), the direction test put in front of the user's
 * program, a cooked socket's loads moved off the SLL2 header, and
 * SO_ATTACH_FILTER.  Owns no state; never prints, never exits.  Kernel
 * facts from net/core/dev.c (dev_queue_xmit_nit), net/packet/af_packet.c
 * (tpacket_rcv, run_filter) and net/core/filter.c (sk_attach_filter, the
 * SKF_AD_ ancillary loads); libpcap's pcap-linux.c for what it mirrors.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/filter.h>
#include <linux/if_packet.h>

#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "cap-linux.h"
#include "xmalloc.h"

/* The kernel reads pcap's instructions as they are: same layout. */
_Static_assert(sizeof(struct bpf_insn) == sizeof(struct sock_filter),
    "struct bpf_insn and struct sock_filter differ");

static unsigned	caplinux_dirtest(struct sock_filter *,
		    const struct caplinux_how *);
static int	caplinux_cook(struct sock_filter *);

int
caplinux_how(int fd, const struct cap_conf *conf, struct caplinux_how *how,
    char *errbuf)
{
	struct ifreq	 ifr;
	const char	*ifname = conf->iface;
	enum cap_dir	 want = conf->dir;
	int		 serr;

	memset(how, 0, sizeof *how);
	how->dir = want;
	/* libpcap's lo_ifindex: the device named "lo". */
	if (strcmp(ifname, CAPLINUX_ANY) == 0) {
		how->cooked = 1;
		how->loidx = (int)if_nametoindex("lo");
		return 0;
	}
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot get the flags of %s: %s",
		    ifname, strerror(serr));
		return -1;
	}
	if (ifr.ifr_flags & IFF_LOOPBACK)
		how->dir = want == CAP_DIR_OUT ? CAP_DIR_NONE : CAP_DIR_IN;
	return 0;
}

/*
 * The direction test in front of the program: dev_queue_xmit_nit() hands
 * taps a clone marked PACKET_OUTGOING before the socket filter runs
 * (tpacket_rcv, run_filter), so dropped copies never reach the ring and
 * the kernel's counters agree with what is shown.  Returns the length.
 */
static unsigned
caplinux_dirtest(struct sock_filter *f, const struct caplinux_how *how)
{
	unsigned	n = 0;
	int		in = how->dir == CAP_DIR_IN, lo = how->loidx > 0;

	if (how->dir == CAP_DIR_NONE) {
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, 0);
		return n;
	}
	if (how->dir == CAP_DIR_INOUT && !lo)
		return 0;
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    (unsigned)SKF_AD_OFF + SKF_AD_PKTTYPE);
	if (in || !lo) {
		/* Outgoing: to "ret 0" for in, past it for out. */
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    PACKET_OUTGOING, in ? 0 : 1, in ? 1 : 0);
	} else {
		/* Not outgoing: "ret 0" for out, the program for inout. */
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    PACKET_OUTGOING, 0, how->dir == CAP_DIR_OUT ? 2 : 3);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    (unsigned)SKF_AD_OFF + SKF_AD_IFINDEX);
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    (unsigned)how->loidx, 0, 1);
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, 0);
	return n;
}

/*
 * A cooked socket's filter starts at the network header: move loads
 * past the SLL2 header back by its length, and the header's own fields
 * to the ancillary loads that hold them (libpcap's fix_offset).  -1 for
 * a load of any other header byte.
 */
static int
caplinux_cook(struct sock_filter *f)
{
	switch (BPF_CLASS(f->code)) {
	case BPF_LD:
	case BPF_LDX:
		break;
	default:
		return 0;
	}
	switch (BPF_MODE(f->code)) {
	case BPF_ABS:
	case BPF_IND:
	case BPF_MSH:
		break;
	default:
		return 0;
	}
	if (f->k >= CAPLINUX_SLL2LEN) {
		f->k -= CAPLINUX_SLL2LEN;
		return 0;
	}
	if (BPF_MODE(f->code) != BPF_ABS)
		return -1;
	switch (f->k) {
	case 0:		/* protocol */
		f->k = (unsigned)SKF_AD_OFF + SKF_AD_PROTOCOL;
		return 0;
	case 4:		/* interface index */
		f->k = (unsigned)SKF_AD_OFF + SKF_AD_IFINDEX;
		return 0;
	case 8:		/* ARPHRD_ type */
		f->k = (unsigned)SKF_AD_OFF + SKF_AD_HATYPE;
		return 0;
	case 10:	/* packet type */
		f->k = (unsigned)SKF_AD_OFF + SKF_AD_PKTTYPE;
		return 0;
	default:
		return -1;
	}
}

int
caplinux_attach(int fd, const struct bpf_program *prog,
    const struct caplinux_how *how, char *errbuf)
{
	struct sock_fprog	 fp;
	struct sock_filter	*f;
	unsigned		 n, i, extra = 6;
	int			 serr, rc = 0;

	if (prog->bf_len == 0 || prog->bf_len + extra > BPF_MAXINSNS) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot attach filter: %u "
		    "instructions", prog->bf_len);
		return -1;
	}
	f = xcalloc(prog->bf_len + extra, sizeof *f);
	n = caplinux_dirtest(f, how);
	if (how->dir != CAP_DIR_NONE) {
		memcpy(f + n, prog->bf_insns, prog->bf_len * sizeof *f);
		for (i = 0; how->cooked && i < prog->bf_len; i++)
			if (caplinux_cook(&f[n + i]) == -1) {
				snprintf(errbuf, ZB_ERRBUFSZ, "cannot attach "
				    "filter: it reads the cooked header on %s",
				    CAPLINUX_ANY);
				free(f);
				return -1;
			}
		n += prog->bf_len;
	}
	memset(&fp, 0, sizeof fp);
	fp.len = (unsigned short)n;
	fp.filter = f;
	if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fp,
	    sizeof fp) == -1) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot attach filter: %s",
		    strerror(serr));
		rc = -1;
	}
	free(f);
	return rc;
}
