/*
 * A stats snapshot in Prometheus's text exposition format, version 0.0.4
 * (prometheus.io/docs/instrumenting/exposition_formats).  Reads only the
 * snapshot it is given, so the HTTP server, the textfile writer and the
 * unit test share it.  Counters are the snapshot's values plus what clear
 * took off them, so they never go backwards.  Names follow
 * prometheus.io/docs/practices/naming: the zbtop_ prefix, base units
 * (bytes, seconds), _total on counters and on nothing else.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "metrics.h"
#include "stats.h"
#include "tbuf.h"

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
static void	metrics_capture(const struct stats_snap *, const char *,
		    struct tbuf *);
static void	metrics_drops(const struct stats_snap *, const char *,
		    struct tbuf *);
static void	metrics_rings(const struct stats_snap *, const char *,
		    struct tbuf *);
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
	struct tbuf	il;

	tbuf_init(&il);
	tbuf_puts(&il, "interface=\"");
	metrics_label(&il, sn->raw_source);
	tbuf_putc(&il, '"');
	metrics_capture(sn, il.s, tb);
	metrics_drops(sn, il.s, tb);
	metrics_rings(sn, il.s, tb);
	tbuf_free(&il);
}

/* The capture as a whole: what it is, and what went through it. */
static void
metrics_capture(const struct stats_snap *sn, const char *il, struct tbuf *tb)
{
	const struct stats_cleared	*c = &sn->cleared;
	char				 more[64];
	int				 r;

	metrics_family(tb, "zbtop_info", "gauge",
	    "The capture source and backend (mode); always 1.");
	tbuf_printf(tb, "zbtop_info{%s,mode=\"", il);
	metrics_label(tb, sn->mode);
	tbuf_puts(tb, "\"} 1\n");
	metrics_family(tb, "zbtop_uptime_seconds", "gauge",
	    "Seconds since capture started.");
	tbuf_printf(tb, "zbtop_uptime_seconds{%s} %.3f\n", il, sn->uptime);
	metrics_one(tb, "zbtop_packets_total", "counter",
	    "Packets handed to zbtop and counted (the exit line's captured).",
	    il, sn->packets + c->packets);
	metrics_one(tb, "zbtop_bytes_total", "counter",
	    "Bytes of those packets, at their length on the wire.",
	    il, sn->bytes + c->bytes);
	metrics_one(tb, "zbtop_kernel_packets_total", "counter",
	    "Packets that passed the kernel's filter, drops included.",
	    il, sn->kpackets + c->kpackets);
	metrics_family(tb, "zbtop_rotations_total", "counter",
	    "Buffers handed to zbtop, by why: full, timeout or forced.");
	for (r = CAP_ROT_NONE + 1; r < CAP_ROT_NREASONS; r++) {
		snprintf(more, sizeof more, ",reason=\"%s\"",
		    stats_reason_name(r));
		metrics_u64(tb, "zbtop_rotations_total", il, more,
		    sn->rot[r] + c->rot[r]);
	}
	metrics_one(tb, "zbtop_filter_epoch", "gauge",
	    "Filter changes since start; 0 is the initial filter.", il,
	    sn->epoch);
	metrics_one(tb, "zbtop_snaplen_bytes", "gauge",
	    "Bytes kept of each packet at most.", il, sn->snaplen);
	metrics_family(tb, "zbtop_rotate_interval_seconds", "gauge",
	    "Forced rotation interval; 0 when off.");
	tbuf_printf(tb, "zbtop_rotate_interval_seconds{%s} %.3f\n", il,
	    sn->rotate_ms / 1000.0);
}

/* Packets lost, by place; the interface's own count only where it exists. */
static void
metrics_drops(const struct stats_snap *sn, const char *il, struct tbuf *tb)
{
	const struct stats_cleared	*c = &sn->cleared;
	char				 more[64];
	uint64_t			 v[3];
	int				 w;

	v[METRICS_W_KERNEL] = sn->kdrops + c->kdrops;
	v[METRICS_W_INTERFACE] = sn->ifdrops + c->ifdrops;
	v[METRICS_W_WRITE] = sn->wdrops + c->wdrops;
	metrics_family(tb, "zbtop_drops_total", "counter",
	    "Packets lost, by where: kernel (ring or queue full), interface "
	    "(rx_dropped), write (-w could not keep up).");
	for (w = METRICS_W_KERNEL; w <= METRICS_W_WRITE; w++) {
		if (w == METRICS_W_INTERFACE && !sn->have_ifdrops)
			continue;
		snprintf(more, sizeof more, ",where=\"%s\"",
		    metrics_where_names[w]);
		metrics_u64(tb, "zbtop_drops_total", il, more, v[w]);
	}
	metrics_one(tb, "zbtop_queue_freezes_total", "counter",
	    "Times the kernel froze the ring's queue: the next buffer was "
	    "still held by zbtop.", il, sn->kfreezes + c->kfreezes);
	metrics_one(tb, "zbtop_refiltered_packets_total", "counter",
	    "Packets the old filter let in and the new one refused, after a "
	    "filter change.", il, sn->rejected + c->rejected);
}

/*
 * Per ring families, labelled with the ring and its consumer lane: one
 * value of ring i each, a count (u) or a measure (d).
 */
static void
metrics_rings(const struct stats_snap *sn, const char *il, struct tbuf *tb)
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
			    f->name, il, i, sn->rings[i].lane);
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
			    "lane=\"%u\",owner=\"%s\"} %d\n", il, i,
			    sn->rings[i].lane, stats_owner_name(o),
			    sn->rings[i].owner[o]);
}

static uint64_t
metrics_ring_packets(const struct stats_snap *sn, unsigned i)
{
	return sn->rings[i].packets + sn->cleared.ring_packets[i];
}

static uint64_t
metrics_ring_forced(const struct stats_snap *sn, unsigned i)
{
	return sn->rings[i].forced + sn->cleared.ring_forced[i];
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
