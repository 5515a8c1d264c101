/*
 * The sock_diag side of the packet-socket reader: asks the kernel for
 * every AF_PACKET socket of a namespace (SOCK_DIAG_BY_FAMILY with
 * pdiag_show flags), parses the answer, sorts the rows.  The answer is
 * treated as hostile input: every message and attribute length is
 * checked against what is left before anything is copied, and nothing
 * is cast onto the buffer (copies through cur.c).  Kernel facts:
 * net/packet/diag.c (sk_diag_fill, pdiag_put_*), net/core/sock.c
 * (sock_diag_put_meminfo), linux/packet_diag.h.
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <linux/filter.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cur.h"
#include "filter.h"
#include "psock-int.h"
#include "psock.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PSOCK_RCVBUF	65536	/* a 4096-instruction filter is 32 KiB */
/*
 * Filters are asked for in a dump of their own: sock_diag ends a dump at
 * the first socket whose message does not fit in an empty netlink buffer
 * (diag.c, packet_diag_dump returns the bytes so far, and none ends the
 * dump), and a long filter makes such a message, which took every socket
 * listed after it out of the list.
 */
#define PSOCK_SHOW	(PACKET_SHOW_INFO | PACKET_SHOW_RING_CFG | \
			    PACKET_SHOW_FANOUT | PACKET_SHOW_MEMINFO)

/* An answer being parsed: where sockets and a wanted filter go. */
struct psock_out {
	struct psock_snap	*s;
	uint64_t		 ns;
	uint32_t		 want;
	struct psock_insn	*insns;
	int			 max;
	int			*ninsns;
};

static int	psock_msg(struct cur *, struct psock_out *, char *);
static void	psock_attr(struct psock_row *, int, struct cur *,
		    struct psock_out *);
static void	psock_ring(struct psock_geom *, struct cur *, int *);
static void	psock_filter_attr(struct psock_row *, struct cur *,
		    struct psock_out *);
static int	psock_ino_find(const void *, const void *);
static void	psock_list_ns(struct psock *, struct psock_netns *,
		    struct psock_snap *, struct psock_nsinfo *);
static void	psock_filters(struct psock *, struct psock_netns *,
		    struct psock_snap *, int);

int
psock_parse(const void *buf, size_t len, struct psock_snap *s, uint64_t ns,
    uint32_t want, struct psock_insn *insns, int max, int *ninsns,
    char *errbuf)
{
	struct psock_out	 o = { s, ns, want, insns, max, ninsns };
	struct cur		 c;
	int			 rc;

	cur_init(&c, buf, len);
	while (cur_left(&c) > 0)
		if ((rc = psock_msg(&c, &o, errbuf)) != 0)
			return rc;
	return 0;
}

/*
 * One netlink message: 1 at NLMSG_DONE, -1 on an error or a length
 * that does not fit, 0 otherwise.
 */
static int
psock_msg(struct cur *c, struct psock_out *o, char *errbuf)
{
	struct nlmsghdr		 h;
	struct packet_diag_msg	 m;
	struct nlattr		 a;
	struct psock_row	*r;
	struct cur		 body, at;
	size_t			 skip;
	int32_t			 e;

	if (cur_copy(c, &h, sizeof h) == -1 || h.nlmsg_len < sizeof h ||
	    cur_sub(c, h.nlmsg_len - sizeof h, &body) == -1 ||
	    cur_left(&body) != h.nlmsg_len - sizeof h) {
		snprintf(errbuf, PSOCK_ERRSZ, "sock_diag: message longer "
		    "than the answer");
		return -1;
	}
	/* Messages are padded to NLMSG_ALIGNTO; the last may not be. */
	skip = NLMSG_ALIGN(h.nlmsg_len) - h.nlmsg_len;
	cur_skip(c, skip < cur_left(c) ? skip : cur_left(c));
	if (h.nlmsg_type == NLMSG_DONE)
		return 1;
	if (h.nlmsg_type == NLMSG_ERROR) {
		if (cur_copy(&body, &e, sizeof e) == -1)
			e = -EPROTO;
		snprintf(errbuf, PSOCK_ERRSZ, "sock_diag: %s",
		    e == 0 ? "no answer" : strerror(-e));
		return -1;
	}
	if (h.nlmsg_type != SOCK_DIAG_BY_FAMILY ||
	    cur_copy(&body, &m, sizeof m) == -1 ||
	    m.pdiag_family != AF_PACKET)
		return 0;	/* not ours: skip it */
	if ((r = psock_row_new(o->s)) == NULL)
		return 0;
	r->ino = m.pdiag_ino;
	r->netns = o->ns;
	r->type = m.pdiag_type;
	r->proto = m.pdiag_num;
	r->nfilter = 0;		/* no PACKET_DIAG_FILTER: none attached */
	while (cur_left(&body) >= sizeof a) {
		cur_copy(&body, &a, sizeof a);
		if (a.nla_len < sizeof a || cur_sub(&body, a.nla_len -
		    sizeof a, &at) == -1 || cur_left(&at) != a.nla_len -
		    sizeof a)
			break;		/* an attribute past the message */
		skip = NLA_ALIGN(a.nla_len) - a.nla_len;
		cur_skip(&body, skip < cur_left(&body) ? skip :
		    cur_left(&body));
		psock_attr(r, a.nla_type & NLA_TYPE_MASK, &at, o);
	}
	return 0;
}

/* One attribute; a short one leaves its fields unset. */
static void
psock_attr(struct psock_row *r, int type, struct cur *at,
    struct psock_out *o)
{
	struct packet_diag_info	 pi;
	uint32_t		 v, mem[SK_MEMINFO_DROPS + 1];

	switch (type) {
	case PACKET_DIAG_INFO:
		if (cur_copy(at, &pi, sizeof pi) == -1)
			break;
		r->have_info = 1;
		r->ifindex = pi.pdi_index;
		r->version = (int)pi.pdi_version + 1;
		r->flags = pi.pdi_flags;
		break;
	case PACKET_DIAG_RX_RING:
		psock_ring(&r->rx, at, &r->have_rx);
		break;
	case PACKET_DIAG_TX_RING:
		psock_ring(&r->tx, at, &r->have_tx);
		break;
	case PACKET_DIAG_FANOUT:
		/* diag.c pdiag_put_fanout: id | type << 16. */
		if (cur_copy(at, &v, sizeof v) == -1)
			break;
		r->have_fanout = 1;
		r->fanout_id = v & 0xffff;
		r->fanout_mode = v >> 16;
		break;
	case PACKET_DIAG_UID:
		if (cur_copy(at, &v, sizeof v) == -1)
			break;
		r->have_uid = 1;
		r->uid = v;
		break;
	case PACKET_DIAG_MEMINFO:
		/* An array of u32; older kernels send fewer than today. */
		if (cur_copy(at, mem, sizeof mem) == -1)
			break;
		r->have_mem = 1;
		r->rmem = mem[SK_MEMINFO_RMEM_ALLOC];
		r->rcvbuf = mem[SK_MEMINFO_RCVBUF];
		r->drops = mem[SK_MEMINFO_DROPS];
		break;
	case PACKET_DIAG_FILTER:
		psock_filter_attr(r, at, o);
		break;
	default:
		break;
	}
}

static void
psock_ring(struct psock_geom *g, struct cur *at, int *have)
{
	struct packet_diag_ring	 pr;

	if (cur_copy(at, &pr, sizeof pr) == -1)
		return;
	*have = 1;
	g->block_size = pr.pdr_block_size;
	g->block_nr = pr.pdr_block_nr;
	g->frame_size = pr.pdr_frame_size;
	g->frame_nr = pr.pdr_frame_nr;
	g->retire_ms = pr.pdr_retire_tmo;
	g->sizeof_priv = pr.pdr_sizeof_priv;
	g->features = pr.pdr_features;
}

/*
 * An array of struct sock_filter (net/core/sock_diag.c,
 * sock_diag_put_filterinfo): left out when no filter is attached, and
 * empty when the asker may not see filters (CAP_NET_ADMIN, both when the
 * netlink socket was opened and now), so empty is "not reported": a
 * classic program has at least one instruction.
 */
static void
psock_filter_attr(struct psock_row *r, struct cur *at, struct psock_out *o)
{
	struct sock_filter	 f;
	int			 n = 0;

	while (cur_copy(at, &f, sizeof f) == 0) {
		if (r->ino == o->want && o->want != 0 && n < o->max) {
			o->insns[n].code = f.code;
			o->insns[n].jt = f.jt;
			o->insns[n].jf = f.jf;
			o->insns[n].k = f.k;
			*o->ninsns = n + 1;
		}
		n++;
	}
	r->nfilter = n > 0 ? n : -1;
}

int
psock_dump(int fd, uint32_t seq, uint32_t show, struct psock_snap *s,
    uint64_t ns, uint32_t want, struct psock_insn *insns, int max,
    int *ninsns, char *errbuf)
{
	struct {
		struct nlmsghdr		 h;
		struct packet_diag_req	 r;
	} req;
	struct sockaddr_nl	 sa;
	static char		 buf[PSOCK_RCVBUF];
	ssize_t			 n;
	int			 rc;

	memset(&req, 0, sizeof req);
	req.h.nlmsg_len = sizeof req;
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = seq;
	req.r.sdiag_family = AF_PACKET;
	req.r.pdiag_show = show;
	memset(&sa, 0, sizeof sa);
	sa.nl_family = AF_NETLINK;
	if (sendto(fd, &req, sizeof req, 0, (struct sockaddr *)&sa,
	    sizeof sa) == -1) {
		snprintf(errbuf, PSOCK_ERRSZ, "sock_diag: %s",
		    strerror(errno));
		return -1;
	}
	for (;;) {
		/* MSG_TRUNC: the real length, so a cut answer is seen. */
		if ((n = recv(fd, buf, sizeof buf, MSG_TRUNC)) == -1) {
			if (errno == EINTR)
				continue;
			snprintf(errbuf, PSOCK_ERRSZ, "sock_diag: %s",
			    strerror(errno));
			return -1;
		}
		if (n == 0 || (size_t)n > sizeof buf) {
			snprintf(errbuf, PSOCK_ERRSZ, "sock_diag: %s", n == 0 ?
			    "no answer" : "answer larger than the buffer");
			return -1;
		}
		rc = psock_parse(buf, (size_t)n, s, ns, want, insns, max,
		    ninsns, errbuf);
		if (rc != 0)
			return rc == 1 ? 0 : -1;
	}
}

int
psock_snapshot(struct psock *ps, struct psock_snap *s, char *errbuf)
{
	struct psock_netns	*n;
	struct psock_nsinfo	*ni;
	struct timespec		 ts;
	int			 i;

	memset(s, 0, offsetof(struct psock_snap, rows));
	s->nsfull = ps->full;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	s->t = (double)ts.tv_sec + ts.tv_nsec / 1e9;
	for (i = 0; i < ps->nns && i < PSOCK_MAXNS; i++) {
		n = &ps->ns[i];
		ni = &s->ns[s->nns++];
		memset(ni, 0, sizeof *ni);
		ni->ino = n->ino;
		snprintf(ni->name, sizeof ni->name, "%s", n->name);
		snprintf(ni->err, sizeof ni->err, "%s", n->err);
		if (n->diag != -1)
			psock_list_ns(ps, n, s, ni);
	}
	/* An error only when not one namespace could be listed. */
	for (i = 0; i < s->nns && s->ns[i].err[0] != '\0'; i++)
		;
	if (s->nns > 0 && i == s->nns) {
		snprintf(errbuf, PSOCK_ERRSZ, "%s", s->ns[0].err);
		return -1;
	}
	psock_owners(s);
	return 0;
}

/* One namespace's sockets, appended to s, and their filters' lengths. */
static void
psock_list_ns(struct psock *ps, struct psock_netns *n, struct psock_snap *s,
    struct psock_nsinfo *ni)
{
	int	 j, first = s->nrows;

	if (psock_dump(n->diag, ++ps->seq, PSOCK_SHOW, s, n->ino, 0, NULL, 0,
	    NULL, ni->err) == -1)
		return;
	ni->nsock = s->nrows - first;
	psock_filters(ps, n, s, first);
	/* Interface names belong to the socket's namespace. */
	for (j = first; j < s->nrows; j++) {
		snprintf(s->rows[j].nsname, PSOCK_NAMESZ, "%s", n->name);
		/* af_packet.c, packet_notifier: unbound as -1 on unregister. */
		if (s->rows[j].ifindex == PSOCK_IF_GONE)
			snprintf(s->rows[j].ifname, PSOCK_NAMESZ, "(gone)");
		else if (s->rows[j].ifindex != 0)
			psock_ifname(n, s->rows[j].ifindex, s->rows[j].ifname);
	}
}

static int
psock_ino_find(const void *key, const void *row)
{
	uint32_t			 k = *(const uint32_t *)key;
	const struct psock_row		*r = row;

	return k < r->ino ? -1 : k > r->ino;
}

/*
 * The filter lengths of rows first.. of s, from a dump of filters alone
 * on the same socket (whose earlier answer already made the kernel size
 * its buffers for our 64 KiB reads: af_netlink.c, max_recvmsg_len, at
 * most 32 KiB).  The dump lists sockets in the order of the first, so
 * the first socket missing is the one whose filter did not fit (about
 * 4000 instructions), and the rest were never reached.  XXX a socket
 * closed between the two dumps is taken for a long filter.
 */
static void
psock_filters(struct psock *ps, struct psock_netns *n, struct psock_snap *s,
    int first)
{
	static struct psock_snap	 f;
	struct psock_row		*hit;
	char				 err[PSOCK_ERRSZ];
	int				 j, cut = 0;

	f.nrows = 0;
	f.truncated = 0;
	if (psock_dump(n->diag, ++ps->seq, PACKET_SHOW_FILTER, &f, n->ino, 0,
	    NULL, 0, NULL, err) == -1) {
		/* No answer at all: nothing is known of any filter. */
		for (j = first; j < s->nrows; j++)
			s->rows[j].nfilter = PSOCK_NF_HIDDEN;
		return;
	}
	psock_sort(&f, PSOCK_K_INODE, 0);
	for (j = first; j < s->nrows; j++) {
		hit = f.nrows == 0 ? NULL : bsearch(&s->rows[j].ino, f.rows,
		    (size_t)f.nrows, sizeof *f.rows, psock_ino_find);
		if (hit != NULL)
			s->rows[j].nfilter = hit->nfilter;
		else
			s->rows[j].nfilter = cut++ ? PSOCK_NF_CUT :
			    PSOCK_NF_BIG;
	}
}

int
psock_filter(struct psock *ps, uint64_t ns, uint32_t ino, struct tbuf *tb,
    char *errbuf)
{
	static struct psock_snap	 s;
	static struct psock_insn	 in[PSOCK_MAXINSNS];
	static struct bpf_insn		 bi[PSOCK_MAXINSNS];
	struct bpf_program		 prog;
	int				 i, n = 0, nf = -2;

	for (i = 0; i < ps->nns; i++)
		if (ps->ns[i].ino == ns && ps->ns[i].diag != -1)
			break;
	if (i == ps->nns) {
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: its namespace is "
		    "not open", ino);
		return -1;
	}
	s.nrows = 0;
	if (psock_dump(ps->ns[i].diag, ++ps->seq, PACKET_SHOW_FILTER, &s,
	    ns, ino, in, PSOCK_MAXINSNS, &n, errbuf) == -1)
		return -1;
	for (i = 0; i < s.nrows; i++)
		if (s.rows[i].ino == ino)
			nf = s.rows[i].nfilter;
	if (nf == -2 || nf == -1 || nf == 0 || n == 0) {
		snprintf(errbuf, PSOCK_ERRSZ, "socket %u: %s", ino,
		    nf == -2 ? "gone, or its filter not reported (sock_diag "
		    "stops at a filter too long for one message)" : nf == -1 ?
		    "filter not reported (the kernel shows filters to "
		    "CAP_NET_ADMIN only)" : "no filter attached");
		return -1;
	}
	for (i = 0; i < n; i++) {
		bi[i].code = in[i].code;
		bi[i].jt = in[i].jt;
		bi[i].jf = in[i].jf;
		bi[i].k = in[i].k;
	}
	prog.bf_len = (unsigned)n;
	prog.bf_insns = bi;
	filter_image(&prog, tb);
	return 0;
}
