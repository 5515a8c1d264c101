/*
 * The zbuf model against FreeBSD's own kernel code: every trace in
 * $SHARED/freebsd-traces (catchpacket(), reset_d() and bpf_zerocopy.c run
 * unmodified in user space; format in that directory's README.md) is
 * replayed through zmodel.c, and after every step every column is
 * compared.  The first difference in a file is reported as file, step
 * and column, and the test fails.  Skips only when the traces are absent.
 */
#include "zmodel.h"

#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCOL	32
#define LINESZ	1024

/* One row: the columns split in place, named by the header. */
struct row {
	char	*col[NCOL];
	int	 n;
};

static uint8_t	 frame[8192];

static int	 split(char *, struct row *);
static int	 colidx(const struct row *, const char *);
static void	 ack(struct zmodel *, int, char *, size_t);
static void	 apply(struct zmodel *, const char *, const char *, char *,
		    size_t, char *, size_t);
static void	 expect(struct zmodel *, const char *, char *, size_t);
static int	 replay(const char *, const char *, int *);
static int	 istsv(const struct dirent *);

static int
split(char *line, struct row *r)
{
	char	*p;

	line[strcspn(line, "\r\n")] = '\0';
	r->n = 0;
	while ((p = strsep(&line, "\t")) != NULL && r->n < NCOL)
		r->col[r->n++] = p;
	return r->n;
}

static int
colidx(const struct row *hdr, const char *name)
{
	int	 i;

	for (i = 0; i < hdr->n; i++)
		if (strcmp(hdr->col[i], name) == 0)
			return i;
	return -1;
}

/* The user's acknowledgement, done only on a buffer the user owns. */
static void
ack(struct zmodel *m, int i, char *res, size_t sz)
{
	struct bpfc_zhdr	*h = (struct bpfc_zhdr *)(void *)m->buf[i].base;
	uint32_t		 kgen;

	kgen = __atomic_load_n(&h->kernel_gen, __ATOMIC_ACQUIRE);
	if (__atomic_load_n(&h->user_gen, __ATOMIC_RELAXED) == kgen) {
		snprintf(res, sz, "noop");
		return;
	}
	__atomic_store_n(&h->user_gen, kgen, __ATOMIC_RELEASE);
	snprintf(res, sz, "ok");
}

/* One op; res and cap get the result and caplen columns. */
static void
apply(struct zmodel *m, const char *op, const char *arg, char *res,
    size_t rsz, char *cap, size_t csz)
{
	struct zmodel_pkt	 p;
	static const char	*what[] = { "stored", "rotated", "dropped" };
	unsigned long		 len;
	int			 r;

	snprintf(cap, csz, "-");
	m->ev = 0;
	if (strcmp(op, "put") == 0) {
		len = strtoul(arg, NULL, 10);
		memset(&p, 0, sizeof p);
		p.data = frame;
		p.caplen = p.len = p.snap = (uint32_t)len;
		r = zmodel_put(m, &p, 0);
		snprintf(res, rsz, "%s%s%s%s",
		    (m->ev & ZMODEL_EV_RECLAIM) ? "reclaim+" : "",
		    r >= 0 && r <= 2 ? what[r] : "?",
		    (m->ev & ZMODEL_EV_HANDOVER) ? "+handover" : "",
		    r != ZMODEL_DROPPED && m->lastcap < len ? "+trunc" : "");
		if (r != ZMODEL_DROPPED)
			snprintf(cap, csz, "%u", m->lastcap);
	} else if (strcmp(op, "ackA") == 0 || strcmp(op, "ackB") == 0)
		ack(m, op[3] - 'A', res, rsz);
	else if (strcmp(op, "rotz") == 0) {
		if (zmodel_rotate(m, ZMODEL_ROT_FORCED) == ZMODEL_STORED)
			snprintf(res, rsz, "rotated=%c", 'A' + m->hbuf);
		else
			snprintf(res, rsz, "none");
	} else if (strcmp(op, "flush") == 0) {
		r = zmodel_flush(m);
		snprintf(res, rsz, "%s%s",
		    (m->ev & ZMODEL_EV_RECLAIM) ? "reclaim+" : "",
		    r == ZMODEL_CLEAR ? "clear" : "keep");
	} else
		snprintf(res, rsz, "-");
}

/* The model's value of one state column. */
static void
expect(struct zmodel *m, const char *name, char *v, size_t sz)
{
	struct bpfc_zhdr	*h;
	int			 i = name[0] - 'A', slot;

	if (name[1] == '_' && (i == 0 || i == 1)) {
		h = (struct bpfc_zhdr *)(void *)m->buf[i].base;
		if (strcmp(name + 2, "kernel_gen") == 0)
			snprintf(v, sz, "%u", h->kernel_gen);
		else if (strcmp(name + 2, "kernel_len") == 0)
			snprintf(v, sz, "%u", h->kernel_len);
		else if (strcmp(name + 2, "user_gen") == 0)
			snprintf(v, sz, "%u", h->user_gen);
		else if (strcmp(name + 2, "owner") == 0)
			snprintf(v, sz, "%s", h->kernel_gen != h->user_gen ?
			    "user" : "kernel");
		else if (strcmp(name + 2, "assigned") == 0)
			snprintf(v, sz, "%d", m->buf[i].assigned);
		else
			snprintf(v, sz, "?%s", name);
		return;
	}
	slot = strcmp(name, "store") == 0 ? m->sbuf :
	    strcmp(name, "hold") == 0 ? m->hbuf :
	    strcmp(name, "free") == 0 ? m->fbuf : -2;
	if (slot != -2) {
		snprintf(v, sz, "%s", slot == -1 ? "-" : slot == 0 ? "A" : "B");
		return;
	}
	if (strcmp(name, "slen") == 0)
		snprintf(v, sz, "%u", m->slen);
	else if (strcmp(name, "hlen") == 0)
		snprintf(v, sz, "%u", m->hlen);
	else if (strcmp(name, "dcount") == 0)
		snprintf(v, sz, "%u", m->dcount);
	else if (strcmp(name, "rcount") == 0)
		snprintf(v, sz, "%u", m->rcount);
	else if (strcmp(name, "ready_imm") == 0)
		snprintf(v, sz, "%d", zmodel_ready(m, 1));
	else if (strcmp(name, "ready") == 0)
		snprintf(v, sz, "%d", zmodel_ready(m, 0));
	else
		snprintf(v, sz, "?%s", name);
}

/*
 * Replay one file; 0 when every row matched, -1 at the first
 * difference (said on stderr).  *steps counts the rows compared.
 */
static int
replay(const char *dir, const char *name, int *steps)
{
	struct zmodel	 m;
	struct row	 hdr, row;
	char		 path[512], hline[LINESZ], line[LINESZ], err[256];
	char		 res[64], cap[32], val[64];
	const char	*want;
	unsigned long	 size;
	FILE		*fp;
	int		 i, ln = 1, ret = 0, wake;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	/* The README's table: 4 KiB buffers in the *4k* files. */
	size = strstr(name, "4k") != NULL ? 4096 : 8192;
	if (fgets(hline, sizeof hline, fp) == NULL || split(hline, &hdr) < 20 ||
	    zmodel_init(&m, 2 * size, 14, 0, err) == -1 || m.bufsize != size) {
		fprintf(stderr, "%s: bad header or model set-up\n", name);
		fclose(fp);
		return -1;
	}
	while (ret == 0 && fgets(line, sizeof line, fp) != NULL) {
		ln++;
		if (split(line, &row) != hdr.n) {
			fprintf(stderr, "%s:%d: %d columns, header has %d\n",
			    name, ln, row.n, hdr.n);
			ret = -1;
			break;
		}
		apply(&m, row.col[colidx(&hdr, "op")], row.col[colidx(&hdr,
		    "arg")], res, sizeof res, cap, sizeof cap);
		wake = strcmp(row.col[colidx(&hdr, "op")], "put") == 0 &&
		    (m.ev & ZMODEL_EV_WAKEUP);
		for (i = 0; i < hdr.n && ret == 0; i++) {
			want = row.col[i];
			if (strcmp(hdr.col[i], "step") == 0 ||
			    strcmp(hdr.col[i], "op") == 0 ||
			    strcmp(hdr.col[i], "arg") == 0)
				continue;
			if (strcmp(hdr.col[i], "result") == 0)
				snprintf(val, sizeof val, "%s", res);
			else if (strcmp(hdr.col[i], "caplen") == 0)
				snprintf(val, sizeof val, "%s", cap);
			else if (strcmp(hdr.col[i], "wakeup") == 0)
				snprintf(val, sizeof val, "%d", wake);
			else
				expect(&m, hdr.col[i], val, sizeof val);
			if (strcmp(val, want) != 0) {
				fprintf(stderr, "%s: step %s (%s %s): column %s: "
				    "kernel %s, model %s\n", name, row.col[0],
				    row.col[1], row.col[2], hdr.col[i], want, val);
				ret = -1;
			}
		}
		(*steps)++;
	}
	zmodel_free(&m);
	fclose(fp);
	return ret;
}

static int
istsv(const struct dirent *d)
{
	size_t	 n = strlen(d->d_name);

	return n > 4 && strcmp(d->d_name + n - 4, ".tsv") == 0;
}

int
main(void)
{
	struct dirent	**list;
	const char	*shared = getenv("SHARED");
	char		 dir[512];
	int		 i, n, bad = 0, steps = 0;

	snprintf(dir, sizeof dir, "%s/freebsd-traces",
	    shared != NULL && *shared != '\0' ? shared : "../shared");
	if ((n = scandir(dir, &list, istsv, alphasort)) == -1) {
		fprintf(stderr, "no FreeBSD traces at %s\n", dir);
		return 77;
	}
	for (i = 0; i < n; i++) {
		if (replay(dir, list[i]->d_name, &steps) == -1)
			bad++;
		free(list[i]);
	}
	free(list);
	fprintf(stderr, "%d trace file(s), %d step(s), %d differ\n", n, steps,
	    bad);
	if (n == 0) {
		fprintf(stderr, "no .tsv files in %s\n", dir);
		return 1;
	}
	return bad ? 1 : 0;
}
