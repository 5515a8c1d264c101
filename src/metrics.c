/*
 * A stats snapshot in Prometheus's text exposition format, version 0.0.4
 * (prometheus.io/docs/instrumenting/exposition_formats).  Reads only the
 * snapshot it is given, so the HTTP server, the textfile writer and the
 * unit test share it.  Counters are the snapshot's values plus what clear
 * took off them, so they never go backwards.  Names follow
 * prometheus.io/docs/practices/naming: the zbtop_ prefix, base units
 * (bytes, seconds), _total on counters and on nothing else.  With
 * several -i every sample that belongs to one interface carries its
 * name (the ring families each ring's, the totals one sample per
 * interface, so an alert can watch one); what cannot be pinned on one
 * (the -w writer, rx_dropped summed, refiltered) carries the -i list,
 * as the one interface does with one -i.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "metrics.h"
#include "stats.h"
#include "tbuf.h"

/*
 * The counters of one interface (several -i) or of the whole capture,
 * totals since start; il is its interface label pair.
 */
struct metrics_view {
	char		 il[16 + 4 * STATS_NAMESZ];
	uint64_t	 packets;
	uint64_t	 bytes;
	uint64_t	 kpackets;
	uint64_t	 kdrops;
	uint64_t	 kfreezes;
	uint64_t	 rot[CAP_ROT_NREASONS];
};

/* Where a drop happened: the where="" label. */
enum metrics_where {
	METRICS_W_KERNEL,
	METRICS_W_INTERFACE,
	METRICS_W_WRITE
};

static void	metrics_family(struct tbuf *, const char *, const char *,
		    const char *);
static void	metrics_label(struct tbuf *, const char *);
static void	metrics_u64(struct tbuf *, const char *, const char *,
		    const char *, uint64_t);
static void	metrics_one(struct tbuf *, const char *, const char *,
		    const char *, const char *, uint64_t);
static void	metrics_views(const struct stats_snap *, struct metrics_view *,
		    unsigned);
static void	metrics_capture(const struct stats_snap *,
		    const struct metrics_view *, unsigned, struct tbuf *);
static void	metrics_each(struct tbuf *, const char *, const char *,
		    const char *, const struct metrics_view *, unsigned,
		    size_t);
static void	metrics_drops(const struct stats_snap *, const char *,
		    const struct metrics_view *, unsigned, struct tbuf *);
static void	metrics_rings(const struct stats_snap *,
		    const struct metrics_view *, unsigned, struct tbuf *);
static const char *metrics_ring_il(const struct stats_snap *,
		    const struct metrics_view *, unsigned, unsigned);
static void	metrics_il(char *, size_t, const char *, size_t);
static uint64_t	metrics_ring_packets(const struct stats_snap *, unsigned);
static uint64_t	metrics_ring_forced(const struct stats_snap *, unsigned);
static uint64_t	metrics_ring_used(const struct stats_snap *, unsigned);
static uint64_t	metrics_ring_size(const struct stats_snap *, unsigned);
static uint64_t	metrics_ring_active(const struct stats_snap *, unsigned);
static double	metrics_ring_held(const struct stats_snap *, unsigned);

/* A family with one sample per ring. */
struct metrics_ring_fam {
	const char	*name;
	const char	*type;
	const char	*help;
	uint64_t	(*u)(const struct stats_snap *, unsigned);
	double		(*d)(const struct stats_snap *, unsigned);
};

static const struct metrics_ring_fam metrics_ring_fams[] = {
	{ "zbtop_ring_packets_total", "counter",
	    "Packets handed to zbtop from this ring.",
	    metrics_ring_packets, NULL },
	{ "zbtop_ring_forced_rotations_total", "counter",
	    "Buffers of this ring handed over early by a forced rotation.",
	    metrics_ring_forced, NULL },
	{ "zbtop_ring_used_bytes", "gauge",
	    "Bytes in this ring's buffers now (a live hint).",
	    metrics_ring_used, NULL },
	{ "zbtop_ring_size_bytes", "gauge",
	    "Bytes this ring's buffers hold at most.",
	    metrics_ring_size, NULL },
	{ "zbtop_ring_active", "gauge",
	    "1 while packets are steered to this ring.",
	    metrics_ring_active, NULL },
	{ "zbtop_ring_held_seconds", "gauge",
	    "Seconds the longest-held buffer of this ring has been held by "
	    "zbtop; 0 when none is.", NULL, metrics_ring_held },
	{ NULL, NULL, NULL, NULL, NULL }
};

static const char *metrics_where_names[] = {
	"kernel", "interface", "write"
};

static void
metrics_family(struct tbuf *tb, const char *name, const char *type,
    const char *help)
{
	tbuf_printf(tb, "# HELP %s %s\n# TYPE %s %s\n", name, help, name,
	    type);
}

/*
 * A label value from raw text: backslash, double quote and newline are
 * escaped as the exposition format says; other control bytes and bytes
 * from 0x80 up, which must not reach a terminal, as the text \xNN.
 */
static void
metrics_label(struct tbuf *tb, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p == '\\' || *p == '"')
			tbuf_putc(tb, '\\');
		if (*p == '\n')
			tbuf_puts(tb, "\\n");
		else if (*p < 0x20 || *p >= 0x7f)
			tbuf_printf(tb, "\\\\x%02x", *p);
		else
			tbuf_putc(tb, (char)*p);
	}
}

/* One sample: il is the interface label pair, more starts with a comma. */
static void
metrics_u64(struct tbuf *tb, const char *name, const char *il,
    const char *more, uint64_t v)
{
	tbuf_printf(tb, "%s{%s%s} %llu\n", name, il, more,
	    (unsigned long long)v);
}

/* A family of one sample, labelled with the interface only. */
static void
metrics_one(struct tbuf *tb, const char *name, const char *type,
    const char *help, const char *il, uint64_t v)
{
	metrics_family(tb, name, type, help);
	metrics_u64(tb, name, il, "", v);
}

void
metrics_render(const struct stats_snap *sn, struct tbuf *tb)
{
	struct metrics_view	 v[CAP_MAXIF + 1];
	unsigned		 n = sn->nifs > 1 && sn->nifs <= CAP_MAXIF ?
				    sn->nifs : 1;

	metrics_views(sn, v, n);
	metrics_capture(sn, v, n, tb);
	metrics_drops(sn, v[n].il, v, n, tb);
	metrics_rings(sn, v, n, tb);
}

/* The interface label pair of raw name s (len bytes) into il. */
static void
metrics_il(char *il, size_t ilsz, const char *s, size_t len)
{
	struct tbuf	tb;
	char		name[STATS_NAMESZ];

	snprintf(name, sizeof name, "%.*s", (int)len, s);
	tbuf_init(&tb);
	tbuf_puts(&tb, "interface=\"");
	metrics_label(&tb, name);
	tbuf_putc(&tb, '"');
	snprintf(il, ilsz, "%s", tb.s);
	tbuf_free(&tb);
}

/*
 * v[0..n-1]: each interface's counters (n 1: the capture's), v[n] the
 * capture's label alone.  An interface's packets, bytes and hand-overs
 * are those of its rings; its kernel counts the backend's per
 * interface.
 */
static void
metrics_views(const struct stats_snap *sn, struct metrics_view *v,
    unsigned n)
{
	const struct stats_counts	*t = &sn->total;
	struct metrics_view		*w;
	unsigned			 i, k, nr = sn->nrings < CAP_MAXRINGS ?
					    sn->nrings : CAP_MAXRINGS;
	int				 j;

	memset(v, 0, sizeof *v * (n + 1));
	metrics_il(v[n].il, sizeof v[n].il, sn->raw_source,
	    strlen(sn->raw_source));
	if (n == 1) {
		memcpy(v[0].il, v[1].il, sizeof v[0].il);
		v[0].packets = t->packets;
		v[0].bytes = t->bytes;
		v[0].kpackets = t->kpackets;
		v[0].kdrops = t->kdrops;
		v[0].kfreezes = t->kfreezes;
		memcpy(v[0].rot, t->rot, sizeof v[0].rot);
		return;
	}
	for (k = 0; k < n; k++) {
		w = &v[k];
		metrics_il(w->il, sizeof w->il, sn->ifname[k],
		    strnlen(sn->ifname[k], CAP_IFNAMSZ));
		w->kpackets = t->if_kpackets[k];
		w->kdrops = t->if_kdrops[k];
		w->kfreezes = t->if_kfreezes[k];
	}
	for (i = 0; i < nr; i++) {
		if (sn->rings[i].iface >= n)
			continue;
		w = &v[sn->rings[i].iface];
		w->packets += t->ring_packets[i];
		w->bytes += t->ring_bytes[i];
		for (j = 0; j < CAP_ROT_NREASONS; j++)
			w->rot[j] += t->ring_rot[i][j];
	}
}

/*
 * A family of one sample per view: the uint64_t at offset off of each
 * (a counter's or a gauge's value).
 */
static void
metrics_each(struct tbuf *tb, const char *name, const char *type,
    const char *help, const struct metrics_view *v, unsigned n, size_t off)
{
	unsigned	k;
	uint64_t	x;

	metrics_family(tb, name, type, help);
	for (k = 0; k < n; k++) {
		memcpy(&x, (const char *)&v[k] + off, sizeof x);
		metrics_u64(tb, name, v[k].il, "", x);
	}
}

/* The capture, for each interface: what it is, and what went through it. */
static void
metrics_capture(const struct stats_snap *sn, const struct metrics_view *v,
    unsigned n, struct tbuf *tb)
{
	char		more[64];
	unsigned	k;
	int		r;

	metrics_family(tb, "zbtop_info", "gauge",
	    "The capture source and backend (mode); always 1.");
	for (k = 0; k < n; k++) {
		tbuf_printf(tb, "zbtop_info{%s,mode=\"", v[k].il);
		metrics_label(tb, sn->mode);
		tbuf_puts(tb, "\"} 1\n");
	}
	metrics_family(tb, "zbtop_uptime_seconds", "gauge",
	    "Seconds since capture started.");
	for (k = 0; k < n; k++)
		tbuf_printf(tb, "zbtop_uptime_seconds{%s} %.3f\n", v[k].il,
		    sn->uptime);
	metrics_each(tb, "zbtop_packets_total", "counter",
	    "Packets handed to zbtop and counted (the exit line's captured).",
	    v, n, offsetof(struct metrics_view, packets));
	metrics_each(tb, "zbtop_bytes_total", "counter",
	    "Bytes of those packets, at their length on the wire.",
	    v, n, offsetof(struct metrics_view, bytes));
	metrics_each(tb, "zbtop_kernel_packets_total", "counter",
	    "Packets that passed the kernel's filter, drops included.",
	    v, n, offsetof(struct metrics_view, kpackets));
	metrics_family(tb, "zbtop_rotations_total", "counter",
	    "Buffers handed to zbtop, by why: full, timeout or forced.");
	for (k = 0; k < n; k++)
		for (r = CAP_ROT_NONE + 1; r < CAP_ROT_NREASONS; r++) {
			snprintf(more, sizeof more, ",reason=\"%s\"",
			    stats_reason_name(r));
			metrics_u64(tb, "zbtop_rotations_total", v[k].il, more,
			    v[k].rot[r]);
		}
	metrics_family(tb, "zbtop_filter_epoch", "gauge",
	    "Filter changes since start; 0 is the initial filter.");
	for (k = 0; k < n; k++)
		metrics_u64(tb, "zbtop_filter_epoch", v[k].il, "", sn->epoch);
	metrics_family(tb, "zbtop_snaplen_bytes", "gauge",
	    "Bytes kept of each packet at most.");
	for (k = 0; k < n; k++)
		metrics_u64(tb, "zbtop_snaplen_bytes", v[k].il, "",
		    sn->snaplen);
	metrics_family(tb, "zbtop_rotate_interval_seconds", "gauge",
	    "Forced rotation interval; 0 when off.");
	for (k = 0; k < n; k++)
		tbuf_printf(tb, "zbtop_rotate_interval_seconds{%s} %.3f\n",
		    v[k].il, sn->rotate_ms / 1000.0);
}

/* Packets lost, by place; the interface's own count only where it exists. */
static void
metrics_drops(const struct stats_snap *sn, const char *il,
    const struct metrics_view *v, unsigned n, struct tbuf *tb)
{
	const struct stats_counts	*t = &sn->total;
	char				 more[64];
	unsigned			 k;

	metrics_family(tb, "zbtop_drops_total", "counter",
	    "Packets lost, by where: kernel (ring or queue full), interface "
	    "(rx_dropped), write (-w could not keep up).");
	snprintf(more, sizeof more, ",where=\"%s\"",
	    metrics_where_names[METRICS_W_KERNEL]);
	for (k = 0; k < n; k++)
		metrics_u64(tb, "zbtop_drops_total", v[k].il, more,
		    v[k].kdrops);
	if (t->have_ifdrops) {
		snprintf(more, sizeof more, ",where=\"%s\"",
		    metrics_where_names[METRICS_W_INTERFACE]);
		metrics_u64(tb, "zbtop_drops_total", il, more,
		    t->ifdrops);
	}
	snprintf(more, sizeof more, ",where=\"%s\"",
	    metrics_where_names[METRICS_W_WRITE]);
	metrics_u64(tb, "zbtop_drops_total", il, more, t->wdrops);
	metrics_each(tb, "zbtop_queue_freezes_total", "counter",
	    "Times the kernel froze the ring's queue: the next buffer was "
	    "still held by zbtop.", v, n,
	    offsetof(struct metrics_view, kfreezes));
	metrics_one(tb, "zbtop_refiltered_packets_total", "counter",
	    "Packets the old filter let in and the new one refused, after a "
	    "filter change.", il, t->rejected);
}

/*
 * Per ring families, labelled with the ring and its consumer lane: one
 * value of ring i each, a count (u) or a measure (d).
 */
static void
metrics_rings(const struct stats_snap *sn, const struct metrics_view *v,
    unsigned nv, struct tbuf *tb)
{
	const struct metrics_ring_fam	*f;
	unsigned			 i, o, n = sn->nrings < CAP_MAXRINGS ?
					    sn->nrings : CAP_MAXRINGS;

	if (n == 0)
		return;
	for (f = metrics_ring_fams; f->name != NULL; f++) {
		metrics_family(tb, f->name, f->type, f->help);
		for (i = 0; i < n; i++) {
			tbuf_printf(tb, "%s{%s,ring=\"%u\",lane=\"%u\"} ",
			    f->name, metrics_ring_il(sn, v, nv, i), i,
			    sn->rings[i].lane);
			if (f->u != NULL)
				tbuf_printf(tb, "%llu\n",
				    (unsigned long long)f->u(sn, i));
			else
				tbuf_printf(tb, "%.3f\n", f->d(sn, i));
		}
	}
	metrics_family(tb, "zbtop_ring_buffers", "gauge",
	    "Buffers of this ring by owner: free, kernel (being filled) or "
	    "user (held by zbtop).");
	for (i = 0; i < n; i++)
		for (o = 0; o < 3; o++)
			tbuf_printf(tb, "zbtop_ring_buffers{%s,ring=\"%u\","
			    "lane=\"%u\",owner=\"%s\"} %d\n",
			    metrics_ring_il(sn, v, nv, i), i,
			    sn->rings[i].lane, stats_owner_name(o),
			    sn->rings[i].owner[o]);
}

/* Ring i's interface label: its interface's with several -i. */
static const char *
metrics_ring_il(const struct stats_snap *sn, const struct metrics_view *v,
    unsigned n, unsigned i)
{
	return v[n > 1 && sn->rings[i].iface < n ? sn->rings[i].iface : 0].il;
}

static uint64_t
metrics_ring_packets(const struct stats_snap *sn, unsigned i)
{
	return sn->total.ring_packets[i];
}

static uint64_t
metrics_ring_forced(const struct stats_snap *sn, unsigned i)
{
	return sn->total.ring_forced[i];
}

static uint64_t
metrics_ring_used(const struct stats_snap *sn, unsigned i)
{
	return sn->rings[i].used;
}

static uint64_t
metrics_ring_size(const struct stats_snap *sn, unsigned i)
{
	return sn->rings[i].size;
}

static uint64_t
metrics_ring_active(const struct stats_snap *sn, unsigned i)
{
	return sn->rings[i].active != 0;
}

/* The age of ring's oldest buffer in the user's hands, in seconds. */
static double
metrics_ring_held(const struct stats_snap *sn, unsigned ring)
{
	const struct stats_buf	*b;
	double			 held = 0;

	for (b = sn->bufs; b < sn->bufs + sn->nbufs; b++)
		if (b->st.ring == ring && b->st.owner == CAP_OWN_USER &&
		    b->age > held)
			held = b->age;
	return held;
}
