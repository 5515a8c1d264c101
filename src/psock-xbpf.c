/*
 * FreeBSD's list of every capture on the host: the array of struct
 * xbpf_d that sysctl net.bpf.stats returns (netstat -B), decoded into
 * psock rows.  Portable, so that the Linux unit test runs it on records
 * it builds; psock-bpf.c asks the kernel.  The buffer is checked record
 * by record (bd_structsize, whole records only) and copied through
 * cur.c, never cast.  Kernel facts: sys/net/bpf.c (bpf_stats_sysctl,
 * bpfstats_fill_xbpf), sys/net/bpfdesc.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bpfc.h"
#include "cur.h"
#include "psock.h"
#include "tbuf.h"

static void	psock_xbpf_fill(struct psock_row *,
		    const struct bpfc_xbpf_d *);

int
psock_xbpf_parse(const void *buf, size_t len, struct psock_snap *s,
    char *errbuf)
{
	struct bpfc_xbpf_d	 d;
	struct psock_row	*r;
	struct cur		 c;
	const uint8_t		*p;
	int			 n;

	cur_init(&c, buf, len);
	for (n = 0; cur_left(&c) > 0; n++) {
		/* The size first: a kernel with another layout says so. */
		if ((p = cur_peek(&c, sizeof d.structsize)) != NULL)
			memcpy(&d.structsize, p, sizeof d.structsize);
		if (p != NULL && d.structsize != sizeof d) {
			snprintf(errbuf, PSOCK_ERRSZ, "net.bpf.stats: record %d "
			    "is %u bytes, zbtop was built for %zu: another "
			    "FreeBSD release", n, d.structsize, sizeof d);
			return -1;
		}
		if (p == NULL || cur_copy(&c, &d, sizeof d) == -1) {
			snprintf(errbuf, PSOCK_ERRSZ, "net.bpf.stats: record %d "
			    "cut short (%zu bytes left)", n, cur_left(&c));
			return -1;
		}
		if ((r = psock_row_new(s)) == NULL)
			continue;
		psock_xbpf_fill(r, &d);
	}
	return 0;
}

/*
 * What a descriptor has that a packet socket has too goes in the same
 * fields; the rest (namespace, inode, version, fanout, filter length)
 * FreeBSD does not report and stays empty, shown as "-".
 */
static void
psock_xbpf_fill(struct psock_row *r, const struct bpfc_xbpf_d *d)
{
	uint64_t	 waiting;

	r->type = PSOCK_TYPE_BPF;
	r->pid = d->pid > 0 ? d->pid : 0;
	r->nprocs = r->pid != 0;
	esc_str(r->ifname, sizeof r->ifname, d->ifname,
	    strnlen(d->ifname, sizeof d->ifname));
	snprintf(r->nsname, sizeof r->nsname, "-");
	r->nfilter = -1;
	r->have_rx = 1;
	r->rx.block_nr = 2;		/* the store and the hold buffer */
	r->rx.block_size = d->bufsize > 0 ? (uint32_t)d->bufsize : 0;
	r->have_mem = 1;
	waiting = (uint64_t)(d->slen > 0 ? d->slen : 0) +
	    (uint64_t)(d->hlen > 0 ? d->hlen : 0);
	r->rmem = waiting > UINT32_MAX ? UINT32_MAX : (uint32_t)waiting;
	r->rcvbuf = r->rx.block_size > UINT32_MAX / 2 ? UINT32_MAX :
	    2 * r->rx.block_size;
	r->drops = d->dcount > UINT32_MAX ? UINT32_MAX : (uint32_t)d->dcount;
	r->bpf_zbuf = d->bufmode == BPFC_BUFMODE_ZBUF;
	r->bpf_promisc = d->promisc != 0;
	r->bpf_dir = d->direction;
	r->bpf_recv = d->rcount;
	r->bpf_match = d->fcount;
	r->bpf_drop = d->dcount;
}
