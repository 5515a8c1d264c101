/*
 * Compiling goes through one mutex: the prompt checks expressions as they
 * are typed while the engine may be compiling one, and older libpcap
 * parsers kept global state.  A compile that looks host names up holds
 * it for as long as the resolver takes: the screen runs such a compile
 * on a command job's thread and does not compile while one runs
 * (cmd_jobs_running), so it never waits on this lock for DNS.  The
 * program's return value is the snap length (pcap_compile puts it
 * there), so filtering also truncates.
 *
 * A filter means what it means to tcpdump on the same source.  For a file,
 * a dead handle of the link type.  For a live capture an activated handle
 * on the interface: libpcap compiles differently there (on Linux,
 * pcap-linux.c's activation finds SO_BPF_EXTENSIONS and tests VLAN tags in
 * skb metadata with SKF_AD_VLAN_TAG_PRESENT, where
 * __netif_receive_skb_core has moved them), and no public call gives that
 * code without activating.  The same program runs in the kernel and in
 * the recheck after a filter change (filter_run).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "filter.h"
#include "tbuf.h"
#include "xmalloc.h"

#define FILTER_LIVE_SNAP	256		/* the live handle's own snap */
/* Linux's ancillary loads that libpcap emits (linux/filter.h, SKF_AD_). */
#define FILTER_AD_VLAN_TAG	(0xfffff000u + 44)
#define FILTER_AD_VLAN_PRESENT	(0xfffff000u + 48)

/* An activated handle, kept only to compile with. */
struct filter_live {
	pcap_t	*p;		/* NULL: compile as for a file */
	int	 dlt;
};

static pthread_mutex_t	filter_lock = PTHREAD_MUTEX_INITIALIZER;

/* A VLAN-tagged packet as the kernel's filter saw it. */
struct filter_view {
	const uint8_t	*d;		/* the frame, tag put back */
	uint32_t	 caplen;	/* bytes of the view: 4 fewer */
	uint32_t	 tci;
};

static void	filter_live_hide(pcap_t *);
static uint32_t	filter_byte(const struct filter_view *, uint32_t);
static int	filter_ld(const struct filter_view *, const struct bpf_insn *,
		    uint32_t, uint32_t, const uint32_t *, uint32_t *);
static int	filter_alu(const struct bpf_insn *, uint32_t *, uint32_t);
static int64_t	filter_jmp(const struct bpf_insn *, uint32_t, uint32_t);

int
filter_compile(int dlt, unsigned snaplen, const char *expr,
    struct bpf_program *prog, char *errbuf)
{
	pcap_t	*p;
	int	 rc = 0;

	pthread_mutex_lock(&filter_lock);
	if ((p = pcap_open_dead(dlt, (int)snaplen)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot compile filter: %s",
		    "out of memory");
		rc = -1;
	} else if (pcap_compile(p, prog, expr != NULL ? expr : "", 1,
	    PCAP_NETMASK_UNKNOWN) == -1) {
		/* No filter: the link type itself is what failed, as tcpdump. */
		snprintf(errbuf, ZB_ERRBUFSZ, "%s%s", expr != NULL &&
		    *expr != '\0' ? "bad filter: " : "", pcap_geterr(p));
		rc = -1;
	}
	if (p != NULL)
		pcap_close(p);
	pthread_mutex_unlock(&filter_lock);
	return rc;
}

void
filter_free(struct bpf_program *prog)
{
	pcap_freecode(prog);
	memset(prog, 0, sizeof *prog);
}

void
filter_image(const struct bpf_program *prog, struct tbuf *tb)
{
	u_int	i;

	for (i = 0; i < prog->bf_len; i++)
		tbuf_printf(tb, "%s\n", bpf_image(&prog->bf_insns[i], (int)i));
}

unsigned
filter_frame(const struct bpf_program *prog, const uint8_t *data,
    uint32_t len, uint32_t caplen)
{
	if (prog->bf_insns == NULL)
		return caplen;
	return bpf_filter(prog->bf_insns, data, len, caplen);
}

/*
 * The kernel's filter saw a VLAN-tagged frame without its tag (it sat in
 * skb metadata); the backend has put the tag back for the user.  Run the
 * program on what the kernel saw: the view leaves the tag out and answers
 * the tag loads from it, as libpcap's own user-space pass does
 * (pcap-linux.c runs the live program with the tag as aux data before it
 * puts the tag back).  Programs come from pcap_compile: no jump leaves
 * them, still every index is checked.
 */
unsigned
filter_run(const struct bpf_program *prog, const struct cap_pkt *pkt)
{
	const struct bpf_insn	*pc;
	struct filter_view	 v;
	uint32_t		 a = 0, x = 0, mem[BPF_MEMWORDS], t;
	int64_t			 skip;
	u_int			 i;

	if ((pkt->vlan & CAP_VLAN_PUT) == 0 || prog->bf_insns == NULL)
		return filter_frame(prog, pkt->data, pkt->len, pkt->caplen);
	if (pkt->caplen < CAP_VLAN_OFF + CAP_VLAN_LEN ||
	    pkt->len < CAP_VLAN_OFF + CAP_VLAN_LEN)
		return 0;
	v.d = pkt->data;
	v.caplen = pkt->caplen - CAP_VLAN_LEN;
	v.tci = pkt->vlan & 0xffff;
	memset(mem, 0, sizeof mem);
	for (i = 0; i < prog->bf_len; i++) {
		pc = &prog->bf_insns[i];
		switch (BPF_CLASS(pc->code)) {
		case BPF_RET:
			return BPF_RVAL(pc->code) == BPF_A ? a : pc->k;
		case BPF_LD:
		case BPF_LDX:
			if (filter_ld(&v, pc, pkt->len - CAP_VLAN_LEN, x, mem,
			    &t) == -1)
				return 0;
			if (BPF_CLASS(pc->code) == BPF_LD)
				a = t;
			else
				x = t;
			break;
		case BPF_ST:
		case BPF_STX:
			if (pc->k >= BPF_MEMWORDS)
				return 0;
			mem[pc->k] = BPF_CLASS(pc->code) == BPF_ST ? a : x;
			break;
		case BPF_ALU:
			if (filter_alu(pc, &a, x) == -1)
				return 0;
			break;
		case BPF_JMP:
			if ((skip = filter_jmp(pc, a, x)) == -1 ||
			    (uint64_t)skip >= prog->bf_len - i)
				return 0;
			i += (u_int)skip;
			break;
		case BPF_MISC:
			if (BPF_MISCOP(pc->code) == BPF_TAX)
				x = a;
			else
				a = x;
			break;
		}
	}
	return 0;
}

/* Byte k of the view: the 4 tag bytes at offset 12 are not there. */
static uint32_t
filter_byte(const struct filter_view *v, uint32_t k)
{
	return v->d[k < CAP_VLAN_OFF ? k : k + CAP_VLAN_LEN];
}

/* One load into *t; -1 out of bounds or unknown: the packet is rejected. */
static int
filter_ld(const struct filter_view *v, const struct bpf_insn *pc,
    uint32_t len, uint32_t x, const uint32_t *mem, uint32_t *t)
{
	uint32_t	k = pc->k, size, j;

	switch (BPF_MODE(pc->code)) {
	case BPF_IMM:
		*t = k;
		return 0;
	case BPF_LEN:
		*t = len;
		return 0;
	case BPF_MEM:
		if (k >= BPF_MEMWORDS)
			return -1;
		*t = mem[k];
		return 0;
	case BPF_MSH:
		if (k >= v->caplen)
			return -1;
		*t = (filter_byte(v, k) & 0xf) << 2;
		return 0;
	case BPF_IND:
		if (k + x < k)
			return -1;
		k += x;
		break;
	case BPF_ABS:
		/* Any size: the kernel's bpf_anc_helper ignores it. */
		if (k == FILTER_AD_VLAN_TAG) {
			*t = v->tci;
			return 0;
		}
		if (k == FILTER_AD_VLAN_PRESENT) {
			*t = 1;
			return 0;
		}
		break;
	default:
		return -1;
	}
	size = BPF_SIZE(pc->code) == BPF_W ? 4 : BPF_SIZE(pc->code) == BPF_H ?
	    2 : 1;
	if (k >= v->caplen || size > v->caplen - k)
		return -1;
	for (*t = 0, j = 0; j < size; j++)
		*t = *t << 8 | filter_byte(v, k + j);
	return 0;
}

static int
filter_alu(const struct bpf_insn *pc, uint32_t *a, uint32_t x)
{
	uint32_t	b = BPF_SRC(pc->code) == BPF_X ? x : pc->k;

	switch (BPF_OP(pc->code)) {
	case BPF_ADD:	*a += b; break;
	case BPF_SUB:	*a -= b; break;
	case BPF_MUL:	*a *= b; break;
	case BPF_DIV:
		if (b == 0)
			return -1;
		*a /= b;
		break;
	case BPF_MOD:
		if (b == 0)
			return -1;
		*a %= b;
		break;
	case BPF_AND:	*a &= b; break;
	case BPF_OR:	*a |= b; break;
	case BPF_XOR:	*a ^= b; break;
	case BPF_LSH:	*a = b < 32 ? *a << b : 0; break;
	case BPF_RSH:	*a = b < 32 ? *a >> b : 0; break;
	case BPF_NEG:	*a = -*a; break;
	default:
		return -1;
	}
	return 0;
}

/*
 * Instructions to skip, -1 for an unknown jump; past the end the loop
 * ends and rejects.
 */
static int64_t
filter_jmp(const struct bpf_insn *pc, uint32_t a, uint32_t x)
{
	uint32_t	b = BPF_SRC(pc->code) == BPF_X ? x : pc->k;
	int		c;

	switch (BPF_OP(pc->code)) {
	case BPF_JA:
		return pc->k;
	case BPF_JEQ:
		c = a == b;
		break;
	case BPF_JGT:
		c = a > b;
		break;
	case BPF_JGE:
		c = a >= b;
		break;
	case BPF_JSET:
		c = (a & b) != 0;
		break;
	default:
		return -1;
	}
	return c ? pc->jt : pc->jf;
}

/*
 * The handle's ring gets a program that takes nothing, so it costs one
 * instruction per packet and holds no memory beyond libpcap's minimum.
 */
struct filter_live *
filter_live_open(const char *iface, int dlt, char *errbuf)
{
	struct filter_live	*fl;
	struct bpf_insn		 ret0;
	struct bpf_program	 none;
	char			 perr[PCAP_ERRBUF_SIZE];
	int			 rc = 0;

	fl = xcalloc(1, sizeof *fl);
	fl->dlt = dlt;
	perr[0] = '\0';
	if ((fl->p = pcap_create(iface, perr)) == NULL)
		goto fail;
	if (pcap_set_snaplen(fl->p, FILTER_LIVE_SNAP) != 0 ||
	    pcap_set_buffer_size(fl->p, 65536) != 0 ||
	    (rc = pcap_activate(fl->p)) < 0) {
		/* The capture itself says "is down" when it starts. */
		if (rc == PCAP_ERROR_IFACE_NOT_UP) {
			pcap_close(fl->p);
			fl->p = NULL;
			return fl;
		}
		snprintf(perr, sizeof perr, "%s", pcap_geterr(fl->p));
		goto fail;
	}
	/*
	 * The link type the backend hands out (SLL2 for any); where libpcap
	 * would pick another and cannot switch, compile as for a file.
	 */
	if (pcap_datalink(fl->p) != dlt && pcap_set_datalink(fl->p, dlt) == -1) {
		pcap_close(fl->p);
		fl->p = NULL;
		return fl;
	}
	memset(&ret0, 0, sizeof ret0);
	ret0.code = BPF_RET | BPF_K;
	none.bf_len = 1;
	none.bf_insns = &ret0;
	if (pcap_setfilter(fl->p, &none) == -1) {
		snprintf(perr, sizeof perr, "%s", pcap_geterr(fl->p));
		goto fail;
	}
	filter_live_hide(fl->p);
	return fl;
fail:
	snprintf(errbuf, ZB_ERRBUFSZ, "cannot compile filters for %s: %s",
	    iface, perr);
	filter_live_close(fl);
	return NULL;
}

int
filter_live_compile(struct filter_live *fl, unsigned snaplen,
    const char *expr, struct bpf_program *prog, char *errbuf)
{
	struct bpf_program	live;
	int			rc = 0;

	if (fl->p == NULL)
		return filter_compile(fl->dlt, snaplen, expr, prog, errbuf);
	pthread_mutex_lock(&filter_lock);
	if (pcap_compile(fl->p, &live, expr != NULL ? expr : "", 1,
	    PCAP_NETMASK_UNKNOWN) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "bad filter: %s",
		    pcap_geterr(fl->p));
		rc = -1;
	} else {
		filter_resnap(&live, FILTER_LIVE_SNAP, snaplen, prog);
		filter_free(&live);
	}
	pthread_mutex_unlock(&filter_lock);
	return rc;
}

void
filter_live_close(struct filter_live *fl)
{
	if (fl == NULL)
		return;
	if (fl->p != NULL)
		pcap_close(fl->p);
	free(fl);
}

/*
 * XXX issue 10: the handle's packet socket is only a compiler, but tools
 * that find a capture's ring by its descriptors (--attach, ss -p) would
 * take it for zbtop's.  Put /dev/null on its descriptor: the ring's
 * mapping keeps the socket alive, takes nothing (ret 0), and pcap_close()
 * unmaps it and closes /dev/null (its setsockopt there fails harmlessly).
 * A compiling child kept from before the privilege drop would be cleaner.
 */
static void
filter_live_hide(pcap_t *p)
{
	int	fd, nfd;

	if ((fd = pcap_fileno(p)) == -1 ||
	    (nfd = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
		return;
	(void)dup3(nfd, fd, O_CLOEXEC);
	close(nfd);
}

void
filter_resnap(const struct bpf_program *src, unsigned from, unsigned to,
    struct bpf_program *dst)
{
	u_int	i;

	dst->bf_len = src->bf_len;
	dst->bf_insns = xcalloc(src->bf_len, sizeof *src->bf_insns);
	for (i = 0; i < src->bf_len; i++) {
		dst->bf_insns[i] = src->bf_insns[i];
		if (dst->bf_insns[i].code == (BPF_RET | BPF_K) &&
		    dst->bf_insns[i].k == from)
			dst->bf_insns[i].k = to;
	}
}
