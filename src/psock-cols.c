/*
 * What the packet-socket list shows, on Linux and FreeBSD alike: the
 * rows' storage, the sort, the names of types, keys, owners and
 * verdicts, and the column strings.  The OS files (psock.c and
 * psock-ns.c on Linux, psock-xbpf.c for FreeBSD) fill the rows.  Linux facts:
 * linux/if_packet.h (PACKET_FANOUT_*).
 */
#include <sys/types.h>
#include <sys/socket.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psock.h"
#include "xmalloc.h"

static int	psock_cmp(const void *, const void *);
static const char *psock_kib(char *, size_t, uint32_t);

/* The rows grow by doubling, up to PSOCK_MAX; then the list is cut. */
struct psock_row *
psock_row_new(struct psock_snap *s)
{
	struct psock_row	*r;

	if (s->nrows == s->cap) {
		if (s->cap >= PSOCK_MAX) {
			s->truncated = 1;
			return NULL;
		}
		s->cap = s->cap == 0 ? 64 : s->cap * 2;
		s->rows = xrealloc(s->rows, (size_t)s->cap * sizeof *s->rows);
	}
	r = &s->rows[s->nrows++];
	memset(r, 0, sizeof *r);
	return r;
}

void
psock_snap_free(struct psock_snap *s)
{
	free(s->rows);
	memset(s, 0, sizeof *s);
}

static enum psock_key	 psock_sort_key;
static int		 psock_sort_rev;

static int
psock_cmp(const void *a, const void *b)
{
	const struct psock_row	*x = a, *y = b;
	uint64_t		 u = 0, v = 0;
	int			 c = 0;

	switch (psock_sort_key) {
	case PSOCK_K_PID:
		u = (uint64_t)x->pid, v = (uint64_t)y->pid;
		break;
	case PSOCK_K_COMM:
		c = strcmp(x->comm, y->comm);
		break;
	case PSOCK_K_NETNS:
		c = strcmp(x->nsname, y->nsname);
		break;
	case PSOCK_K_IFACE:
		c = strcmp(x->ifname, y->ifname);
		break;
	case PSOCK_K_RING:
		u = (uint64_t)x->rx.block_size * x->rx.block_nr;
		v = (uint64_t)y->rx.block_size * y->rx.block_nr;
		break;
	case PSOCK_K_DROPS:
		u = x->drops, v = y->drops;
		break;
	case PSOCK_K_RMEM:
		u = x->rmem, v = y->rmem;
		break;
	default:
		break;
	}
	if (c == 0 && u != v)
		c = u < v ? -1 : 1;
	if (c == 0 && x->ino != y->ino)
		c = x->ino < y->ino ? -1 : 1;
	return psock_sort_rev ? -c : c;
}

/* Not reentrant: the key is a file-level variable for qsort. */
void
psock_sort(struct psock_snap *s, enum psock_key k, int rev)
{
	psock_sort_key = k;
	psock_sort_rev = rev;
	if (s->nrows > 1)
		qsort(s->rows, (size_t)s->nrows, sizeof s->rows[0],
		    psock_cmp);
}

const char *
psock_key_name(enum psock_key k)
{
	static const char *const name[PSOCK_K_NKEYS] = {
		"pid", "command", "netns", "iface", "ring", "drops", "rmem",
		"inode"
	};

	return (unsigned)k < PSOCK_K_NKEYS ? name[k] : "?";
}

const char *
psock_type_name(int type)
{
	if (type == PSOCK_TYPE_BPF)
		return "bpf";
#ifdef SOCK_PACKET
	if (type == SOCK_PACKET)	/* Linux's obsolete packet socket */
		return "packet";
#endif
	return type == SOCK_RAW ? "raw" : type == SOCK_DGRAM ? "dgram" : "?";
}

/* PACKET_FANOUT_* in linux/if_packet.h. */
const char *
psock_fanout_name(unsigned mode)
{
	static const char *const name[] = {
		"hash", "lb", "cpu", "rollover", "rnd", "qm", "cbpf", "ebpf"
	};

	return (mode & 0xff) < sizeof name / sizeof name[0] ?
	    name[mode & 0xff] : "?";
}

static const char *
psock_kib(char *buf, size_t sz, uint32_t bytes)
{
	if (bytes >= 1048576 && bytes % 1048576 == 0)
		snprintf(buf, sz, "%uM", bytes / 1048576);
	else if (bytes >= 1024 && bytes % 1024 == 0)
		snprintf(buf, sz, "%uK", bytes / 1024);
	else
		snprintf(buf, sz, "%u", bytes);
	return buf;
}

char *
psock_geom_str(char *buf, size_t sz, const struct psock_row *r)
{
	char	 k[16];

	if (r->type == PSOCK_TYPE_BPF)
		snprintf(buf, sz, "%s 2x%s", r->bpf_zbuf ? "zbuf" : "buffer",
		    psock_kib(k, sizeof k, r->rx.block_size));
	else if (!r->have_rx)
		snprintf(buf, sz, r->have_tx ? "tx only" : "-");
	/* A retire timeout of -1 (ss: tmo:-1) is left out: none. */
	else if (r->version == 3 && r->rx.retire_ms != UINT32_MAX)
		snprintf(buf, sz, "%ux%s %uf %ums", r->rx.block_nr,
		    psock_kib(k, sizeof k, r->rx.block_size), r->rx.frame_nr,
		    r->rx.retire_ms);
	else
		snprintf(buf, sz, "%ux%s %uf", r->rx.block_nr,
		    psock_kib(k, sizeof k, r->rx.block_size), r->rx.frame_nr);
	return buf;
}

char *
psock_retire_str(char *buf, size_t sz, int version, uint32_t ms)
{
	if (version != 3)
		snprintf(buf, sz, "-");
	else if (ms == UINT32_MAX)
		snprintf(buf, sz, "none (-1)");
	else
		snprintf(buf, sz, "%u ms", ms);
	return buf;
}

char *
psock_nfilter_str(char *buf, size_t sz, const struct psock_row *r)
{
	if (r->nfilter > 0)
		snprintf(buf, sz, "%d", r->nfilter);
	else
		snprintf(buf, sz, r->nfilter == 0 ? "-" : r->nfilter ==
		    PSOCK_NF_BIG ? "big" : "?");
	return buf;
}

char *
psock_fanout_str(char *buf, size_t sz, const struct psock_row *r)
{
	if (r->have_fanout)
		snprintf(buf, sz, "%u %s", r->fanout_id,
		    psock_fanout_name(r->fanout_mode));
	else
		snprintf(buf, sz, "-");
	return buf;
}

const char *
psock_owner_name(enum psock_owner o)
{
	return o == PSOCK_OWN_KERNEL ? "kernel" : o == PSOCK_OWN_USER ?
	    "user" : "free";
}

const char *
psock_verdict_name(enum psock_verdict v)
{
	static const char *const name[] = {
		"measuring", "keeping up", "ring too small for the bursts",
		"consumer too slow", "consumer stopped", "process exited",
		"ring unmapped"
	};

	return (unsigned)v < sizeof name / sizeof name[0] ? name[v] : "?";
}
