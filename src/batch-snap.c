/*
 * One snapshot as batch mode's output: the text block (-b) or one JSON
 * object a line (-b -J), with the rings and buffers lists both share.
 * Reads only the snapshot, never the engine; every name in it was
 * escaped when it entered stats, and JSON strings are escaped again per
 * RFC 8259 (tbuf_json).
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "batch-int.h"
#include "cap.h"
#include "diag.h"
#include "stats.h"
#include "tbuf.h"

/* The text rings list's heading; several -i add " IFACE". */
#define BATCH_RINGS	"RING LANE ACT KERNEL USER FREE   FILL    PACKETS " \
			"       PPS FORCED"

static void	 batch_list(const struct stats_snap *, struct tbuf *,
		    const char *, const char *, unsigned,
		    void (*)(const struct stats_snap *, unsigned, struct tbuf *));
static void	 batch_ring_text(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_ring_json(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_buf_text(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_buf_json(const struct stats_snap *, unsigned,
		    struct tbuf *);
static void	 batch_ifaces_text(const struct stats_snap *, struct tbuf *);
static void	 batch_ifaces_json(const struct stats_snap *, struct tbuf *);
static double	 batch_fill(const struct stats_ring *);
static char	*batch_time(char *, size_t, int64_t);

void
batch_text(const struct stats_snap *sn, struct tbuf *tb)
{
	char			 v[512], t[32];

	tbuf_printf(tb, "zbtop %s %s, up %.1f s, filter: %s (epoch %u, "
	    "refiltered %llu)%s\n", sn->mode, sn->source, sn->uptime,
	    sn->filter[0] != '\0' ? sn->filter : "none", sn->epoch,
	    (unsigned long long)sn->c.rejected, sn->eof ? ", end of file" : "");
	tbuf_printf(tb, "packets %llu (%.0f/s), %llu bytes (%.3f Mbit/s)\n",
	    (unsigned long long)sn->c.packets, sn->pps,
	    (unsigned long long)sn->c.bytes, sn->bps / 1e6);
	/* Copy mode drops in a socket queue (diag.c, diag_queue). */
	tbuf_printf(tb, "drops: kernel %llu (%s full), freezes %llu "
	    "(queue frozen), ", (unsigned long long)sn->c.kdrops,
	    sn->qbytes > 0 ? "queue" : "ring",
	    (unsigned long long)sn->c.kfreezes);
	/* A file or the copy backend has no interface counter at all. */
	if (sn->c.have_ifdrops)
		tbuf_printf(tb, "interface %llu (rx_dropped), ",
		    (unsigned long long)sn->c.ifdrops);
	tbuf_printf(tb, "write %llu", (unsigned long long)sn->c.wdrops);
	/* Only a packet larger than a block is cut: say so when it was. */
	if (sn->c.kcut != 0)
		tbuf_printf(tb, "; cut %llu (block too small)",
		    (unsigned long long)sn->c.kcut);
	tbuf_putc(tb, '\n');
	batch_ifaces_text(sn, tb);
	if (sn->linkdown != 0)
		tbuf_printf(tb, "link: down since %s\n",
		    batch_time(t, sizeof t, sn->linkdown));
	diag_verdict(sn, v, sizeof v);
	tbuf_printf(tb, "verdict: %s\n", v);
	tbuf_printf(tb, "peaks: since the last snapshot, held %d buffers of "
	    "a ring, fill %.1f%%, freezes %llu\n", sn->peak_held,
	    sn->peak_fill, (unsigned long long)sn->peak_freezes);
	tbuf_printf(tb, "rotations: full %llu (%.1f/s), timeout %llu "
	    "(%.1f/s), forced %llu (%.1f/s); %s\n",
	    (unsigned long long)sn->c.rot[CAP_ROT_FULL],
	    sn->rotps[CAP_ROT_FULL],
	    (unsigned long long)sn->c.rot[CAP_ROT_TIMEOUT],
	    sn->rotps[CAP_ROT_TIMEOUT],
	    (unsigned long long)sn->c.rot[CAP_ROT_FORCED],
	    sn->rotps[CAP_ROT_FORCED], sn->geometry);
	batch_list(sn, tb, sn->nifs > 1 ? BATCH_RINGS " IFACE\n" :
	    BATCH_RINGS "\n", "", sn->nrings, batch_ring_text);
	batch_list(sn, tb, "RING BUF OWNER    FILL   PKTS      BYTES        SEQ "
	    "LAST      AGE\n", "", (unsigned)sn->nbufs, batch_buf_text);
	tbuf_putc(tb, '\n');
}

void
batch_json(const struct stats_snap *sn, struct tbuf *tb)
{
	char			 v[512];

	tbuf_puts(tb, "{\"mode\":");
	tbuf_json(tb, sn->mode, strlen(sn->mode));
	tbuf_puts(tb, ",\"source\":");
	tbuf_json(tb, sn->raw_source, strlen(sn->raw_source));
	tbuf_puts(tb, ",\"filter\":");
	tbuf_json(tb, sn->raw_filter, strlen(sn->raw_filter));
	tbuf_printf(tb, ",\"epoch\":%u,\"uptime\":%.3f,\"eof\":%s,"
	    "\"packets\":%llu,\"bytes\":%llu,\"pps\":%.1f,\"bps\":%.1f,"
	    "\"drops\":{\"kernel\":%llu,\"freezes\":%llu,",
	    sn->epoch, sn->uptime, sn->eof ? "true" : "false",
	    (unsigned long long)sn->c.packets, (unsigned long long)sn->c.bytes,
	    sn->pps, sn->bps, (unsigned long long)sn->c.kdrops,
	    (unsigned long long)sn->c.kfreezes);
	if (sn->c.have_ifdrops)
		tbuf_printf(tb, "\"interface\":%llu,",
		    (unsigned long long)sn->c.ifdrops);
	tbuf_printf(tb, "\"write\":%llu},\"refiltered\":%llu,\"cut\":%llu,"
	    "\"kernel_packets\":%llu,\"rotations\":{\"full\":%llu,"
	    "\"timeout\":%llu,\"forced\":%llu}",
	    (unsigned long long)sn->c.wdrops,
	    (unsigned long long)sn->c.rejected,
	    (unsigned long long)sn->c.kcut,
	    (unsigned long long)sn->c.kpackets,
	    (unsigned long long)sn->c.rot[CAP_ROT_FULL],
	    (unsigned long long)sn->c.rot[CAP_ROT_TIMEOUT],
	    (unsigned long long)sn->c.rot[CAP_ROT_FORCED]);
	tbuf_printf(tb, ",\"peaks\":{\"held\":%d,\"fill\":%.1f,"
	    "\"freezes\":%llu}", sn->peak_held, sn->peak_fill,
	    (unsigned long long)sn->peak_freezes);
	batch_ifaces_json(sn, tb);
	if (sn->linkdown != 0)
		tbuf_printf(tb, ",\"link_down_since\":%lld",
		    (long long)sn->linkdown);
	diag_verdict(sn, v, sizeof v);
	tbuf_puts(tb, ",\"verdict\":");
	tbuf_json(tb, v, strlen(v));
	batch_list(sn, tb, ",\"rings\":[", ",", sn->nrings, batch_ring_json);
	tbuf_putc(tb, ']');
	batch_list(sn, tb, ",\"buffers\":[", ",", (unsigned)sn->nbufs,
	    batch_buf_json);
	tbuf_puts(tb, "]}\n");
}

/* A wall-clock second as local HH:MM:SS. */
static char *
batch_time(char *buf, size_t sz, int64_t when)
{
	struct tm	 tm;
	time_t		 t = (time_t)when;

	localtime_r(&t, &tm);
	strftime(buf, sz, "%H:%M:%S", &tm);
	return buf;
}

/* Percent of a ring's bytes in use, over all its buffers. */
static double
batch_fill(const struct stats_ring *r)
{
	return r->size == 0 ? 0.0 : 100.0 * (double)r->used / (double)r->size;
}

/*
 * A list of the snapshot's rings or buffers: head, then row() for each
 * of the n, sep between them.  Text and JSON differ only in these.
 */
static void
batch_list(const struct stats_snap *sn, struct tbuf *tb, const char *head,
    const char *sep, unsigned n,
    void (*row)(const struct stats_snap *, unsigned, struct tbuf *))
{
	unsigned	 i;

	tbuf_puts(tb, head);
	for (i = 0; i < n; i++) {
		if (i > 0)
			tbuf_puts(tb, sep);
		row(sn, i, tb);
	}
}

/* Ring i: packets since clear, buffers by owner now. */
static void
batch_ring_text(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_ring	*r = &sn->rings[i];

	char			 name[4 * CAP_IFNAMSZ];

	/* Several -i: the interface the ring belongs to, last. */
	name[0] = '\0';
	if (sn->nifs > 1 && r->iface < CAP_MAXIF)
		esc_str(name, sizeof name, sn->ifname[r->iface],
		    strnlen(sn->ifname[r->iface], CAP_IFNAMSZ));
	tbuf_printf(tb, "%4u %4u %3s %6d %4d %4d %5.1f%% %10llu %10.0f "
	    "%6llu%s%s\n", i, r->lane, r->active ? "*" : "-",
	    r->owner[CAP_OWN_KERNEL], r->owner[CAP_OWN_USER],
	    r->owner[CAP_OWN_FREE], batch_fill(r),
	    (unsigned long long)r->packets, r->pps,
	    (unsigned long long)r->forced, name[0] != '\0' ? " " : "", name);
}

static void
batch_ring_json(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_ring	*r = &sn->rings[i];

	tbuf_printf(tb, "{\"ring\":%u,", i);
	if (sn->nifs > 1 && r->iface < CAP_MAXIF) {
		tbuf_puts(tb, "\"iface\":");
		tbuf_json(tb, sn->ifname[r->iface],
		    strnlen(sn->ifname[r->iface], CAP_IFNAMSZ));
		tbuf_putc(tb, ',');
	}
	tbuf_printf(tb, "\"lane\":%u,\"active\":%s,"
	    "\"kernel\":%d,\"user\":%d,\"free\":%d,\"size\":%llu,"
	    "\"used\":%llu,\"fill\":%.1f,\"packets\":%llu,"
	    "\"kernel_packets\":%llu,\"pps\":%.1f,\"forced\":%llu}",
	    r->lane, r->active ? "true" : "false",
	    r->owner[CAP_OWN_KERNEL], r->owner[CAP_OWN_USER],
	    r->owner[CAP_OWN_FREE], (unsigned long long)r->size,
	    (unsigned long long)r->used, batch_fill(r),
	    (unsigned long long)r->packets,
	    (unsigned long long)r->kpackets, r->pps,
	    (unsigned long long)r->forced);
}

/* Buffer i: its owner, fill and the reason of its last hand-over. */
static void
batch_buf_text(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_buf	*b = &sn->bufs[i];

	tbuf_printf(tb, "%4u %3u %-6s%c %5.1f%% %6u %10u %10llu %-7s "
	    "%5.1fs\n", b->st.ring, b->st.index,
	    stats_buf_owner(&b->st), b->st.active ? '*' : ' ',
	    b->st.size == 0 ? 0.0 : 100.0 * b->st.used / b->st.size,
	    b->st.pkts, b->st.used, (unsigned long long)b->st.seq,
	    stats_reason_name(b->st.reason), b->age);
}

static void
batch_buf_json(const struct stats_snap *sn, unsigned i, struct tbuf *tb)
{
	const struct stats_buf	*b = &sn->bufs[i];

	tbuf_printf(tb, "{\"ring\":%u,\"index\":%u,\"owner\":"
	    "\"%s\",\"active\":%s,\"size\":%u,\"used\":%u,"
	    "\"packets\":%u,\"seq\":%llu,\"reason\":\"%s\","
	    "\"age\":%.3f}", b->st.ring,
	    b->st.index, stats_buf_owner(&b->st),
	    b->st.active ? "true" : "false", b->st.size, b->st.used,
	    b->st.pkts, (unsigned long long)b->st.seq,
	    stats_reason_name(b->st.reason), b->age);
}

/*
 * Several -i: each interface's share of the kernel counters, so a drop
 * is pinned on the interface whose rings overflowed; their sum is the
 * one dropped= count.
 */
static void
batch_ifaces_text(const struct stats_snap *sn, struct tbuf *tb)
{
	char		name[4 * CAP_IFNAMSZ];
	unsigned	k;

	if (sn->nifs < 2)
		return;
	tbuf_puts(tb, "interfaces:");
	for (k = 0; k < sn->nifs && k < CAP_MAXIF; k++) {
		esc_str(name, sizeof name, sn->ifname[k],
		    strnlen(sn->ifname[k], CAP_IFNAMSZ));
		tbuf_printf(tb, "%s %s kernel %llu dropped %llu",
		    k > 0 ? "," : "", name,
		    (unsigned long long)sn->c.if_kpackets[k],
		    (unsigned long long)sn->c.if_kdrops[k]);
	}
	tbuf_putc(tb, '\n');
}

/* JSON's: each interface's packets and bytes too, its rings' sums. */
static void
batch_ifaces_json(const struct stats_snap *sn, struct tbuf *tb)
{
	uint64_t	pkts, bytes;
	unsigned	k, i;

	if (sn->nifs < 2)
		return;
	tbuf_puts(tb, ",\"interfaces\":[");
	for (k = 0; k < sn->nifs && k < CAP_MAXIF; k++) {
		tbuf_puts(tb, k > 0 ? ",{\"name\":" : "{\"name\":");
		tbuf_json(tb, sn->ifname[k], strnlen(sn->ifname[k],
		    CAP_IFNAMSZ));
		for (i = 0, pkts = bytes = 0; i < sn->nrings &&
		    i < CAP_MAXRINGS; i++)
			if (sn->rings[i].iface == k) {
				pkts += sn->rings[i].packets;
				bytes += sn->rings[i].bytes;
			}
		tbuf_printf(tb, ",\"packets\":%llu,\"bytes\":%llu,"
		    "\"kernel\":%llu,\"dropped\":%llu}",
		    (unsigned long long)pkts, (unsigned long long)bytes,
		    (unsigned long long)sn->c.if_kpackets[k],
		    (unsigned long long)sn->c.if_kdrops[k]);
	}
	tbuf_putc(tb, ']');
}
