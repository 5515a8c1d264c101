/*
 * Batch output for --sockets and --attach: a table per refresh like
 * top -b, or one JSON object per line.  Reads only psock snapshots;
 * every string in them was escaped when it was read, and JSON escapes
 * again.  Never prints a byte of another process's packets.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "msg.h"
#include "psock.h"
#include "sockets.h"
#include "tbuf.h"
#include "xmalloc.h"

static void	sockets_text(struct psock *, const struct psock_snap *,
		    const struct sockets_opts *, struct tbuf *);
static void	sockets_json(struct psock *, const struct psock_snap *,
		    const struct sockets_opts *, struct tbuf *);
static void	sockets_ring_text(const struct psock_ringsnap *,
		    struct tbuf *);
static void	sockets_ring_json(const struct psock_ringsnap *,
		    struct tbuf *);
static void	sockets_json_row(struct psock *, const struct psock_row *,
		    const struct sockets_opts *, struct tbuf *);
static void	sockets_json_filter(struct psock *, const struct psock_row *,
		    struct tbuf *);
static void	sockets_jstr(struct tbuf *, const char *, const char *);
static int	sockets_sleep(double, volatile sig_atomic_t *);
static int	sockets_flush(struct tbuf *);

int
sockets_target(const char *s, int *pid, uint32_t *ino, char *errbuf)
{
	unsigned long	 v;
	char		*end;
	int		 sock = 0;

	*pid = 0;
	*ino = 0;
	if (strncmp(s, "socket:", 7) == 0) {
		s += 7;
		sock = 1;
		if (*s == '[')
			s++;
	}
	errno = 0;
	v = strtoul(s, &end, 10);
	if (sock && *end == ']' && s[-1] == '[')
		end++;
	if (errno != 0 || end == s || *end != '\0' || *s == '-' || v == 0 ||
	    v > (sock ? 0xffffffffUL : 0x7fffffffUL)) {
		snprintf(errbuf, PSOCK_ERRSZ, "--attach: expected a process "
		    "id or socket:INODE");
		return -1;
	}
	if (sock)
		*ino = (uint32_t)v;
	else
		*pid = (int)v;
	return 0;
}

static int
sockets_sleep(double s, volatile sig_atomic_t *quit)
{
	struct timespec	 ts;

	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		if (*quit)
			return -1;
	return *quit ? -1 : 0;
}

/* Writes and empties tb; 0, or the errno of a failed write. */
static int
sockets_flush(struct tbuf *tb)
{
	int	 err;

	err = tbuf_write(tb, stdout);
	tbuf_reset(tb);
	return err;
}

int
sockets_list(struct psock *ps, const struct sockets_opts *o)
{
	struct psock_snap	*s;
	struct tbuf		 tb;
	char			 errbuf[PSOCK_ERRSZ];
	long			 n;
	int			 rc = 0, err;

	s = xcalloc(1, sizeof *s);
	tbuf_init(&tb);
	for (n = 0; o->iterations == 0 || n < o->iterations; n++) {
		if (n > 0 && sockets_sleep(o->delay, o->quit) == -1)
			break;
		psock_rescan(ps);
		if (psock_snapshot(ps, s, errbuf) == -1) {
			msg_error("%s", errbuf);
			rc = 1;
			break;
		}
		psock_sort(s, PSOCK_K_PID, 0);
		if (o->json)
			sockets_json(ps, s, o, &tb);
		else
			sockets_text(ps, s, o, &tb);
		if ((err = sockets_flush(&tb)) != 0) {
			rc = batch_outerr(err);
			break;
		}
	}
	tbuf_free(&tb);
	psock_snap_free(s);
	free(s);
	return rc;
}

static void
sockets_text(struct psock *ps, const struct psock_snap *s,
    const struct sockets_opts *o, struct tbuf *tb)
{
	const struct psock_row	*r;
	struct tbuf		 f;
	char			 g[48], fo[24], pid[16], flt[16], ver[8];
	char			 ino[16];
	char			 err[PSOCK_ERRSZ];
	int			 i;

	if (s->bpf)
		tbuf_printf(tb, "zbtop sockets: %d BPF descriptors "
		    "(net.bpf.stats)%s\n", s->nrows, s->truncated ?
		    " (list cut)" : "");
	else
		tbuf_printf(tb, "zbtop sockets: %d packet sockets in %d "
		    "network namespaces%s\n", s->nrows, s->nns, s->truncated ?
		    " (list cut)" : "");
	for (i = 0; i < s->nns; i++)
		if (s->ns[i].err[0] != '\0')
			tbuf_printf(tb, "netns %s: %s\n", s->ns[i].name,
			    s->ns[i].err);
	if (s->nsfull)
		tbuf_printf(tb, "more than %d network namespaces: the rest "
		    "not listed\n", PSOCK_MAXNS);
	if (s->unreadable > 0)
		tbuf_printf(tb, "%d processes not inspected (needs "
		    "CAP_SYS_PTRACE): their sockets show no PID\n",
		    s->unreadable);
	tbuf_printf(tb, "%7s %-15s %-14s %-9s %-5s %-3s %-22s %-10s %-6s "
	    "%8s %8s %10s\n", "PID", "COMMAND", "NETNS", "IFACE", "TYPE",
	    "VER", "RX RING", "FANOUT", "FILTER", "DROPS", "RMEM", "INODE");
	for (i = 0; i < s->nrows; i++) {
		r = &s->rows[i];
		snprintf(pid, sizeof pid, r->pid ? "%d" : "-", r->pid);
		psock_nfilter_str(flt, sizeof flt, r);
		/* A BPF descriptor has neither a version nor an inode. */
		snprintf(ver, sizeof ver, r->version ? "v%d" : "-",
		    r->version);
		snprintf(ino, sizeof ino, r->ino ? "%u" : "-", r->ino);
		tbuf_printf(tb, "%7s %-15.15s %-14.14s %-9.9s %-5s %-3s "
		    "%-22s %-10s %-6s %8u %8u %10s\n", pid,
		    r->comm[0] ? r->comm : "-", r->nsname,
		    r->ifname[0] ? r->ifname : "*", psock_type_name(r->type),
		    ver, psock_geom_str(g, sizeof g, r),
		    psock_fanout_str(fo, sizeof fo, r), flt, r->drops,
		    r->rmem, ino);
		if (o->filters && r->nfilter == PSOCK_NF_BIG)
			tbuf_puts(tb, "  filter longer than a sock_diag message "
			    "holds: not reported\n");
		if (!o->filters || r->nfilter <= 0)
			continue;
		tbuf_init(&f);
		if (psock_filter(ps, r->netns, r->ino, &f, err) == 0)
			tbuf_puts(tb, f.s);
		else
			tbuf_printf(tb, "  %s\n", err);
		tbuf_free(&f);
	}
	tbuf_putc(tb, '\n');
}

static void
sockets_jstr(struct tbuf *tb, const char *key, const char *v)
{
	tbuf_printf(tb, "\"%s\":", key);
	tbuf_json(tb, v, strlen(v));
}

/* One socket of the list as a JSON object, appended to tb. */
static void
sockets_json_row(struct psock *ps, const struct psock_row *r,
    const struct sockets_opts *o, struct tbuf *tb)
{
	tbuf_printf(tb, "{\"inode\":%u,\"pid\":%d,\"processes\":%d,"
	    "\"held_by\":\"%s\",", r->ino, r->pid, r->nprocs,
	    r->pid == 0 ? "none" : r->mapped ? "mapping" : "descriptor");
	sockets_jstr(tb, "command", r->comm);
	tbuf_putc(tb, ',');
	sockets_jstr(tb, "netns", r->nsname);
	tbuf_printf(tb, ",\"netns_inode\":%llu,",
	    (unsigned long long)r->netns);
	sockets_jstr(tb, "iface", r->ifname);
	tbuf_printf(tb, ",\"ifindex\":%d,", (int32_t)r->ifindex);
	sockets_jstr(tb, "type", psock_type_name(r->type));
	tbuf_printf(tb, ",\"protocol\":%u,\"version\":%d,"
	    "\"running\":%s,", r->proto, r->version,
	    r->flags & 1 ? "true" : "false");
	if (r->have_rx)
		tbuf_printf(tb, "\"rx_ring\":{\"block_size\":%u,"
		    "\"block_nr\":%u,\"frame_size\":%u,\"frame_nr\":%u,"
		    "\"retire_ms\":%d},", r->rx.block_size,
		    r->rx.block_nr, r->rx.frame_size, r->rx.frame_nr,
		    (int32_t)r->rx.retire_ms);
	if (r->have_tx)
		tbuf_printf(tb, "\"tx_ring\":{\"block_size\":%u,"
		    "\"block_nr\":%u,\"frame_size\":%u,"
		    "\"frame_nr\":%u},", r->tx.block_size,
		    r->tx.block_nr, r->tx.frame_size, r->tx.frame_nr);
	if (r->have_fanout)
		tbuf_printf(tb, "\"fanout\":{\"id\":%u,\"mode\":\"%s\"},",
		    r->fanout_id, psock_fanout_name(r->fanout_mode));
	if (r->have_uid)
		tbuf_printf(tb, "\"uid\":%u,", r->uid);
	if (r->type == PSOCK_TYPE_BPF)
		tbuf_printf(tb, "\"bpf\":{\"bufmode\":\"%s\",\"bufsize\":%u,"
		    "\"promisc\":%s,\"direction\":\"%s\",\"received\":%llu,"
		    "\"accepted\":%llu,\"dropped\":%llu},", r->bpf_zbuf ?
		    "zbuf" : "buffer", r->rx.block_size, r->bpf_promisc ?
		    "true" : "false", r->bpf_dir == 0 ? "in" : r->bpf_dir == 1 ?
		    "inout" : r->bpf_dir == 2 ? "out" : "?",
		    (unsigned long long)r->bpf_recv,
		    (unsigned long long)r->bpf_match,
		    (unsigned long long)r->bpf_drop);
	tbuf_printf(tb, "\"filter_insns\":%d,\"drops\":%u,\"rmem\":%u,"
	    "\"rcvbuf\":%u", r->nfilter, r->drops, r->rmem, r->rcvbuf);
	if (o->filters && r->nfilter > 0)
		sockets_json_filter(ps, r, tb);
	tbuf_putc(tb, '}');
}

/*
 * The socket's attached filter, one string per instruction as bpf(4)
 * prints it; an empty array when it cannot be read.
 */
static void
sockets_json_filter(struct psock *ps, const struct psock_row *r,
    struct tbuf *tb)
{
	struct tbuf	 f;
	char		 err[PSOCK_ERRSZ], *line, *next;

	tbuf_init(&f);
	tbuf_puts(tb, ",\"filter\":[");
	if (psock_filter(ps, r->netns, r->ino, &f, err) == 0)
		for (line = f.s; *line != '\0'; line = next) {
			if ((next = strchr(line, '\n')) == NULL)
				next = line + strlen(line);
			tbuf_json(tb, line, (size_t)(next - line));
			if (*next == '\n' && *++next != '\0')
				tbuf_putc(tb, ',');
		}
	tbuf_putc(tb, ']');
	tbuf_free(&f);
}

static void
sockets_json(struct psock *ps, const struct psock_snap *s,
    const struct sockets_opts *o, struct tbuf *tb)
{
	int	i;

	tbuf_printf(tb, "{\"time\":%.3f,\"truncated\":%s,\"unreadable\":%d,"
	    "\"netns\":[", s->t, s->truncated ? "true" : "false",
	    s->unreadable);
	for (i = 0; i < s->nns; i++) {
		tbuf_printf(tb, "%s{\"inode\":%llu,", i ? "," : "",
		    (unsigned long long)s->ns[i].ino);
		sockets_jstr(tb, "name", s->ns[i].name);
		tbuf_printf(tb, ",\"sockets\":%d,", s->ns[i].nsock);
		sockets_jstr(tb, "error", s->ns[i].err);
		tbuf_putc(tb, '}');
	}
	tbuf_puts(tb, "],\"sockets\":[");
	for (i = 0; i < s->nrows; i++) {
		if (i > 0)
			tbuf_putc(tb, ',');
		sockets_json_row(ps, &s->rows[i], o, tb);
	}
	tbuf_puts(tb, "]}\n");
}

int
sockets_attach(struct psock *ps, struct psock_att *a,
    const struct sockets_opts *o)
{
	static struct psock_ringsnap	 rs;
	struct tbuf			 tb;
	char				 errbuf[PSOCK_ERRSZ];
	long				 n;
	int				 rc = 0, err;

	tbuf_init(&tb);
	for (n = 0; o->iterations == 0 || n < o->iterations; n++) {
		if (n > 0 && sockets_sleep(o->delay, o->quit) == -1)
			break;
		rc = psock_ring_read(a, ps, &rs, errbuf);
		if (o->json)
			sockets_ring_json(&rs, &tb);
		else
			sockets_ring_text(&rs, &tb);
		if ((err = sockets_flush(&tb)) != 0) {
			rc = batch_outerr(err);
			break;
		}
		if (rc == -1) {
			msg_error("%s", errbuf);
			rc = 1;
			break;
		}
	}
	tbuf_free(&tb);
	return rc;
}

static void
sockets_ring_text(const struct psock_ringsnap *rs, struct tbuf *tb)
{
	const struct psock_blk	*b;
	char			 ret[24];
	int			 i;

	tbuf_printf(tb, "zbtop attach: pid %d (%s) socket %u netns %s "
	    "iface %s TPACKET_V%d %u x %u bytes, %u frames, retire %s\n",
	    rs->pid, rs->comm, rs->ino, rs->nsname, rs->ifname[0] ?
	    rs->ifname : "*", rs->version, rs->g.block_nr, rs->g.block_size,
	    rs->g.frame_nr, psock_retire_str(ret, sizeof ret,
	    rs->version, rs->g.retire_ms));
	tbuf_printf(tb, "blocks %d: kernel %d user %d free %d  packets in ring "
	    "%llu (held %llu)  seq %llu  rotations ", rs->nblk,
	    rs->nown[PSOCK_OWN_KERNEL], rs->nown[PSOCK_OWN_USER],
	    rs->nown[PSOCK_OWN_FREE], (unsigned long long)rs->pkts_ring,
	    (unsigned long long)rs->pkts_held, (unsigned long long)rs->seq);
	/* A frame ring has no sequence numbers to count rotations by. */
	if (rs->rotps < 0)
		tbuf_puts(tb, "-");
	else
		tbuf_printf(tb, "%.1f/s", rs->rotps);
	tbuf_printf(tb, "  drops %u (+%u)  rmem %u\n", rs->drops, rs->ddrops,
	    rs->rmem);
	tbuf_printf(tb, "verdict: %s (%s)\n", psock_verdict_name(rs->verdict),
	    rs->why);
	tbuf_printf(tb, "%5s %-6s %6s %7s %10s %7s %s\n", "BLOCK", "OWNER",
	    "FILL%", "PKTS", "SEQ", "HELD", "LOSING");
	for (i = 0; i < rs->nblk; i++) {
		b = &rs->blk[i];
		tbuf_printf(tb, "%5d %-6s %6.1f %7u %10llu ", i,
		    psock_owner_name(b->owner), rs->g.block_size ? 100.0 *
		    b->used / rs->g.block_size : 0.0, b->pkts,
		    (unsigned long long)b->seq);
		if (b->held >= 0)
			tbuf_printf(tb, "%6.1fs", b->held);
		else
			tbuf_printf(tb, "%7s", "-");
		tbuf_printf(tb, " %s\n", b->losing ? "yes" : "-");
	}
	tbuf_putc(tb, '\n');
}

static void
sockets_ring_json(const struct psock_ringsnap *rs, struct tbuf *tb)
{
	const struct psock_blk	*b;
	int			 i;

	tbuf_printf(tb, "{\"time\":%.3f,\"pid\":%d,\"inode\":%u,", rs->t,
	    rs->pid, rs->ino);
	sockets_jstr(tb, "command", rs->comm);
	tbuf_putc(tb, ',');
	sockets_jstr(tb, "netns", rs->nsname);
	tbuf_putc(tb, ',');
	sockets_jstr(tb, "iface", rs->ifname);
	tbuf_printf(tb, ",\"version\":%d,\"block_size\":%u,\"block_nr\":%u,"
	    "\"frame_nr\":%u,\"retire_ms\":%d,\"kernel\":%d,\"user\":%d,"
	    "\"free\":%d,\"ring_packets\":%llu,\"held_packets\":%llu,"
	    "\"seq\":%llu,"
	    "\"rotations_per_s\":%.2f,\"drops\":%u,\"new_drops\":%u,"
	    "\"rmem\":%u,", rs->version, rs->g.block_size, rs->g.block_nr,
	    rs->g.frame_nr, (int32_t)rs->g.retire_ms,
	    rs->nown[PSOCK_OWN_KERNEL],
	    rs->nown[PSOCK_OWN_USER], rs->nown[PSOCK_OWN_FREE],
	    (unsigned long long)rs->pkts_ring,
	    (unsigned long long)rs->pkts_held, (unsigned long long)rs->seq,
	    rs->rotps, rs->drops, rs->ddrops, rs->rmem);
	sockets_jstr(tb, "verdict", psock_verdict_name(rs->verdict));
	tbuf_putc(tb, ',');
	sockets_jstr(tb, "why", rs->why);
	tbuf_puts(tb, ",\"blocks\":[");
	for (i = 0; i < rs->nblk; i++) {
		b = &rs->blk[i];
		tbuf_printf(tb, "%s{\"owner\":\"%s\",\"packets\":%u,"
		    "\"bytes\":%u,\"seq\":%llu,\"held\":%.3f,\"losing\":%s}",
		    i ? "," : "", psock_owner_name(b->owner), b->pkts,
		    b->used, (unsigned long long)b->seq, b->held,
		    b->losing ? "true" : "false");
	}
	tbuf_puts(tb, "]}\n");
}
