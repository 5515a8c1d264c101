/*
 * Where bpfc.h's names for the FreeBSD BPF ABI meet the system's own
 * headers: every ioctl number, constant and structure layout that
 * cap-bpf.c, bpfz.c and psock-xbpf.c use on the kernel's word is checked
 * here at compile time, and a difference stops the build.  Apart from the
 * code that uses them because <net/bpf.h> and libpcap's <pcap/bpf.h>
 * cannot share a file; nothing else is in this file.  Built on FreeBSD
 * only (the Makefile's BSD_ONLY; make check-freebsd with a sysroot).
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/sysctl.h>
#include <sys/time.h>
#include <sys/user.h>		/* what <net/bpfdesc.h> leans on */
#include <net/if.h>
#include <net/bpf.h>
#include <net/bpfdesc.h>

#include <stddef.h>

#include "bpfc.h"

_Static_assert(BPFC_BIOCGBLEN == BIOCGBLEN, "BIOCGBLEN");
_Static_assert(BPFC_BIOCSBLEN == BIOCSBLEN, "BIOCSBLEN");
_Static_assert(BPFC_BIOCSETF == BIOCSETF, "BIOCSETF");
_Static_assert(BPFC_BIOCFLUSH == BIOCFLUSH, "BIOCFLUSH");
_Static_assert(BPFC_BIOCPROMISC == BIOCPROMISC, "BIOCPROMISC");
_Static_assert(BPFC_BIOCGDLT == BIOCGDLT, "BIOCGDLT");
_Static_assert(BPFC_BIOCSETIF == BIOCSETIF, "BIOCSETIF");
_Static_assert(BPFC_BIOCSRTIMEOUT == BIOCSRTIMEOUT, "BIOCSRTIMEOUT");
_Static_assert(BPFC_BIOCGSTATS == BIOCGSTATS, "BIOCGSTATS");
_Static_assert(BPFC_BIOCIMMEDIATE == BIOCIMMEDIATE, "BIOCIMMEDIATE");
_Static_assert(BPFC_BIOCGETBUFMODE == BIOCGETBUFMODE, "BIOCGETBUFMODE");
_Static_assert(BPFC_BIOCSETBUFMODE == BIOCSETBUFMODE, "BIOCSETBUFMODE");
_Static_assert(BPFC_BIOCGETZMAX == BIOCGETZMAX, "BIOCGETZMAX");
_Static_assert(BPFC_BIOCROTZBUF == BIOCROTZBUF, "BIOCROTZBUF");
_Static_assert(BPFC_BIOCSETZBUF == BIOCSETZBUF, "BIOCSETZBUF");
_Static_assert(BPFC_BIOCSTSTAMP == BIOCSTSTAMP, "BIOCSTSTAMP");
_Static_assert(BPFC_BUFMODE_BUFFER == BPF_BUFMODE_BUFFER, "bufmode");
_Static_assert(BPFC_BUFMODE_ZBUF == BPF_BUFMODE_ZBUF, "bufmode");
_Static_assert(BPFC_T_MICROTIME == BPF_T_MICROTIME, "BPF_T_MICROTIME");
_Static_assert(BPFC_T_NANOTIME == BPF_T_NANOTIME, "BPF_T_NANOTIME");
_Static_assert(BPFC_T_BINTIME == BPF_T_BINTIME, "BPF_T_BINTIME");
_Static_assert(sizeof(struct bpfc_zbuf) == sizeof(struct bpf_zbuf) &&
    offsetof(struct bpfc_zbuf, bz_bufb) == offsetof(struct bpf_zbuf,
    bz_bufb) && offsetof(struct bpfc_zbuf, bz_buflen) ==
    offsetof(struct bpf_zbuf, bz_buflen), "struct bpf_zbuf");
_Static_assert(sizeof(struct bpfc_stat) == sizeof(struct bpf_stat) &&
    offsetof(struct bpfc_stat, bs_drop) == offsetof(struct bpf_stat,
    bs_drop), "struct bpf_stat");
_Static_assert(sizeof(struct bpfc_program) == sizeof(struct bpf_program) &&
    offsetof(struct bpfc_program, bf_insns) == offsetof(struct bpf_program,
    bf_insns), "struct bpf_program");
_Static_assert(sizeof(struct bpfc_timeval) == sizeof(struct timeval),
    "struct timeval");
_Static_assert(sizeof(struct bpfc_ifreq) == sizeof(struct ifreq) &&
    BPFC_IFNAMSIZ == IFNAMSIZ, "struct ifreq");
_Static_assert(sizeof(struct bpf_zbuf_header) == sizeof(struct bpfc_zhdr) &&
    offsetof(struct bpf_zbuf_header, bzh_kernel_len) ==
    offsetof(struct bpfc_zhdr, kernel_len) &&
    offsetof(struct bpf_zbuf_header, bzh_user_gen) ==
    offsetof(struct bpfc_zhdr, user_gen), "struct bpf_zbuf_header");
_Static_assert(offsetof(struct bpf_xhdr, bh_caplen) ==
    offsetof(struct bpfc_xhdr, caplen) &&
    offsetof(struct bpf_xhdr, bh_datalen) ==
    offsetof(struct bpfc_xhdr, datalen) &&
    offsetof(struct bpf_xhdr, bh_hdrlen) ==
    offsetof(struct bpfc_xhdr, hdrlen), "struct bpf_xhdr");
_Static_assert(offsetof(struct bpf_hdr, bh_caplen) ==
    offsetof(struct bpfc_xhdr, caplen) &&
    offsetof(struct bpf_hdr, bh_hdrlen) ==
    offsetof(struct bpfc_xhdr, hdrlen), "struct bpf_hdr");

_Static_assert(sizeof(struct bpfc_xbpf_d) == sizeof(struct xbpf_d),
    "struct xbpf_d size");
_Static_assert(offsetof(struct bpfc_xbpf_d, promisc) ==
    offsetof(struct xbpf_d, bd_promisc) &&
    offsetof(struct bpfc_xbpf_d, direction) ==
    offsetof(struct xbpf_d, bd_direction) &&
    offsetof(struct bpfc_xbpf_d, rcount) ==
    offsetof(struct xbpf_d, bd_rcount) &&
    offsetof(struct bpfc_xbpf_d, dcount) ==
    offsetof(struct xbpf_d, bd_dcount) &&
    offsetof(struct bpfc_xbpf_d, fcount) ==
    offsetof(struct xbpf_d, bd_fcount), "struct xbpf_d counters");
_Static_assert(offsetof(struct bpfc_xbpf_d, slen) ==
    offsetof(struct xbpf_d, bd_slen) &&
    offsetof(struct bpfc_xbpf_d, hlen) ==
    offsetof(struct xbpf_d, bd_hlen) &&
    offsetof(struct bpfc_xbpf_d, bufsize) ==
    offsetof(struct xbpf_d, bd_bufsize) &&
    offsetof(struct bpfc_xbpf_d, pid) ==
    offsetof(struct xbpf_d, bd_pid) &&
    offsetof(struct bpfc_xbpf_d, ifname) ==
    offsetof(struct xbpf_d, bd_ifname) &&
    offsetof(struct bpfc_xbpf_d, bufmode) ==
    offsetof(struct xbpf_d, bd_bufmode), "struct xbpf_d fields");
_Static_assert(BPFC_D_IN == BPF_D_IN && BPFC_D_INOUT == BPF_D_INOUT &&
    BPFC_D_OUT == BPF_D_OUT, "enum bpf_direction");
