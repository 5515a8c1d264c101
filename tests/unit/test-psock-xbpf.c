/*
 * FreeBSD's list of BPF descriptors (sysctl net.bpf.stats) decoded into
 * psock rows, on records built here as sys/net/bpf.c's
 * bpfstats_fill_xbpf fills them; and refused when a record is not the
 * size zbtop was built for or the buffer ends inside one.  Runs on
 * Linux: no sysctl, no FreeBSD.
 */
#include "psock.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bpfc.h"
#include "unit.h"

static struct bpfc_xbpf_d	 rec[3];
static struct psock_snap	 s;

static void
put(struct bpfc_xbpf_d *d, int pid, const char *ifname, int zbuf,
    int bufsize)
{
	memset(d, 0, sizeof *d);
	d->structsize = sizeof *d;
	d->pid = pid;
	memcpy(d->ifname, ifname, strlen(ifname));
	d->bufmode = zbuf ? BPFC_BUFMODE_ZBUF : BPFC_BUFMODE_BUFFER;
	d->bufsize = bufsize;
}

int
main(void)
{
	char		 err[PSOCK_ERRSZ], g[48];
	uint8_t		*b;
	size_t		 n;

	put(&rec[0], 4242, "em0", 1, 524288);
	rec[0].rcount = 1000;
	rec[0].fcount = 900;
	rec[0].dcount = 7;
	rec[0].slen = 100;
	rec[0].hlen = 24;
	rec[0].promisc = 1;
	rec[0].direction = BPFC_D_INOUT;
	put(&rec[1], 77, "igb1", 0, 32768);
	rec[1].dcount = (uint64_t)1 << 40;	/* beyond the 32-bit column */
	/* A name that fills IFNAMSIZ with no NUL, and a control byte. */
	put(&rec[2], 0, "", 0, 4096);
	memset(rec[2].ifname, 'x', sizeof rec[2].ifname);
	rec[2].ifname[1] = '\033';

	psock_snap_free(&s);
	err[0] = '\0';
	CHECK(psock_xbpf_parse(rec, sizeof rec, &s, err) == 0);
	CHECK(err[0] == '\0');
	CHECK(s.nrows == 3);
	CHECK(s.rows[0].type == PSOCK_TYPE_BPF);
	CHECK(strcmp(psock_type_name(s.rows[0].type), "bpf") == 0);
	CHECK(s.rows[0].pid == 4242 && s.rows[0].nprocs == 1);
	CHECK(strcmp(s.rows[0].ifname, "em0") == 0);
	CHECK(s.rows[0].drops == 7 && s.rows[0].bpf_drop == 7);
	CHECK(s.rows[0].bpf_recv == 1000 && s.rows[0].bpf_match == 900);
	CHECK(s.rows[0].rmem == 124 && s.rows[0].rcvbuf == 1048576);
	CHECK(s.rows[0].bpf_zbuf == 1 && s.rows[0].bpf_promisc == 1);
	CHECK(s.rows[0].bpf_dir == BPFC_D_INOUT);
	CHECK(strcmp(psock_geom_str(g, sizeof g, &s.rows[0]),
	    "zbuf 2x512K") == 0);
	/* What FreeBSD does not report stays empty, shown as "-". */
	CHECK(s.rows[0].ino == 0 && s.rows[0].version == 0);
	CHECK(strcmp(s.rows[0].nsname, "-") == 0);
	CHECK(s.rows[0].have_fanout == 0 && s.rows[0].nfilter == -1);

	CHECK(s.rows[1].pid == 77 && s.rows[1].bpf_zbuf == 0);
	CHECK(s.rows[1].drops == UINT32_MAX);
	CHECK(s.rows[1].bpf_drop == (uint64_t)1 << 40);
	CHECK(strcmp(psock_geom_str(g, sizeof g, &s.rows[1]),
	    "buffer 2x32K") == 0);

	CHECK(s.rows[2].pid == 0 && s.rows[2].nprocs == 0);
	CHECK(strlen(s.rows[2].ifname) < PSOCK_NAMESZ);
	CHECK(strchr(s.rows[2].ifname, '\033') == NULL);
	CHECK(s.rows[2].ifname[0] == 'x');

	/* Sorting works on descriptors as on sockets. */
	psock_sort(&s, PSOCK_K_PID, 0);
	CHECK(s.rows[0].pid == 0 && s.rows[1].pid == 77 &&
	    s.rows[2].pid == 4242);

	/* No descriptors: an empty list, not an error. */
	psock_snap_free(&s);
	CHECK(psock_xbpf_parse(rec, 0, &s, err) == 0 && s.nrows == 0);

	/* Another release's size: refused, nothing guessed. */
	rec[1].structsize = sizeof rec[1] + 8;
	psock_snap_free(&s);
	err[0] = '\0';
	CHECK(psock_xbpf_parse(rec, sizeof rec, &s, err) == -1);
	CHECK(strstr(err, "record 1") != NULL &&
	    strstr(err, "another FreeBSD release") != NULL);
	rec[1].structsize = sizeof rec[1];

	/* A buffer that ends inside a record, at every length. */
	b = malloc(sizeof rec);
	memcpy(b, rec, sizeof rec);
	for (n = 1; n < sizeof rec; n++) {
		if (n % sizeof rec[0] == 0)
			continue;
		psock_snap_free(&s);
		err[0] = '\0';
		/* From inside a record too: whatever it reads, it stops. */
		CHECK(psock_xbpf_parse(b + sizeof rec - n, n, &s, err) == -1);
		psock_snap_free(&s);
		CHECK(psock_xbpf_parse(b, n, &s, err) == -1);
		CHECK(strstr(err, "cut short") != NULL);
	}
	free(b);
	psock_snap_free(&s);
	CHECK_DONE();
}
