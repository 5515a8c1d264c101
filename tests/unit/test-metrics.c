/*
 * The Prometheus renderer without a server: exact sample lines for known
 * counters, totals that survive clear (counters never go backwards),
 * label values escaped, a HELP and a TYPE line before every family's
 * samples, and _total on counters only.
 */
#include "metrics.h"

#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "stats.h"
#include "tbuf.h"
#include "unit.h"

/* The interface label: a source with a quote and a backslash, escaped. */
#define IL	"interface=\"ve\\\"th\\\\0\""

static int	has(const struct tbuf *, const char *);
static void	check_shape(const char *);
static uint64_t	value(const char *, const char *);
static void	render(struct stats *, struct stats_snap *, struct tbuf *);
static void	multi(void);

static int
has(const struct tbuf *tb, const char *line)
{
	size_t	n = strlen(line);
	char	*p = tb->s;

	while ((p = strstr(p, line)) != NULL) {
		if ((p == tb->s || p[-1] == '\n') && p[n] == '\n')
			return 1;
		p++;
	}
	fprintf(stderr, "missing line: %s\n", line);
	return 0;
}

/* The value of the first sample whose text starts with key. */
static uint64_t
value(const char *text, const char *key)
{
	const char	*p = strstr(text, key);

	if (p == NULL || (p = strchr(p, ' ')) == NULL)
		return (uint64_t)-1;
	return strtoull(p + 1, NULL, 10);
}

/*
 * Every sample's family was announced by HELP then TYPE, each family
 * once, and a name ends in _total exactly when its type is counter.
 */
static void
check_shape(const char *text)
{
	char	*copy = strdup(text), *line, *save = NULL;
	char	 fam[128] = "", type[16] = "", name[128], seen[64][128];
	int	 helped = 0, nfam = 0, nsamples = 0, i;
	size_t	 n;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "# HELP ", 7) == 0) {
			CHECK(sscanf(line, "# HELP %127s", name) == 1);
			for (i = 0; i < nfam; i++)
				CHECK(strcmp(name, seen[i]) != 0);
			snprintf(fam, sizeof fam, "%s", name);
			if (nfam < 64)
				snprintf(seen[nfam++], sizeof seen[0], "%s",
				    name);
			helped = 1;
			continue;
		}
		if (strncmp(line, "# TYPE ", 7) == 0) {
			CHECK(helped);
			CHECK(sscanf(line, "# TYPE %127s %15s", name, type) == 2);
			CHECK(strcmp(name, fam) == 0);
			n = strlen(name);
			CHECK((n > 6 && strcmp(name + n - 6, "_total") == 0) ==
			    (strcmp(type, "counter") == 0));
			helped = 0;
			continue;
		}
		nsamples++;
		n = strlen(fam);
		CHECK(n > 0 && strncmp(line, fam, n) == 0 && line[n] == '{');
		CHECK(strncmp(line, "zbtop_", 6) == 0);
	}
	CHECK(nfam >= 15 && nsamples > nfam);
	free(copy);
}

/* A snapshot rendered afresh into tb, its shape checked. */
static void
render(struct stats *st, struct stats_snap *sn, struct tbuf *tb)
{
	stats_snapshot(st, sn);
	tbuf_reset(tb);
	metrics_render(sn, tb);
	check_shape(tb->s);
}

int
main(void)
{
	struct stats		*st = stats_new(2);
	struct stats_snap	*sn = calloc(1, sizeof *sn);
	struct stats_info	 info = { .nrings = 4, .mode = "zbuf",
	    .source = "ve\"th\\0" };
	struct cap_kstats	 ks = { .packets = 10, .drops = 3, .freezes = 1 };
	struct cap_bufstate	 bs[3];
	struct tbuf		 tb;
	uint64_t		 before;

	stats_info(st, &info);
	stats_block(st, 0, 5, 500, 0, CAP_ROT_FULL);
	stats_block(st, 3, 2, 120, 1, CAP_ROT_FORCED);
	stats_kernel(st, &ks);
	stats_wdrop(st);
	memset(bs, 0, sizeof bs);
	bs[0].ring = 3;
	bs[0].owner = CAP_OWN_USER;
	bs[0].size = 4096;
	bs[0].used = 100;
	bs[1].ring = 3;
	bs[1].owner = CAP_OWN_KERNEL;
	bs[1].size = 4096;
	bs[1].active = 1;
	bs[2].ring = 0;
	bs[2].owner = CAP_OWN_FREE;
	bs[2].size = 4096;
	stats_buffers(st, bs, 3);

	tbuf_init(&tb);
	render(st, sn, &tb);
	CHECK(has(&tb, "zbtop_info{interface=\"ve\\\"th\\\\0\",mode=\"zbuf\"} 1"));
	CHECK(has(&tb, "zbtop_packets_total{" IL "} 7"));
	CHECK(has(&tb, "zbtop_bytes_total{" IL "} 620"));
	CHECK(has(&tb, "zbtop_drops_total{" IL ","
	    "where=\"kernel\"} 3"));
	CHECK(has(&tb, "zbtop_drops_total{" IL ","
	    "where=\"write\"} 1"));
	CHECK(strstr(tb.s, "where=\"interface\"") == NULL);
	CHECK(has(&tb, "zbtop_rotations_total{" IL ","
	    "reason=\"forced\"} 1"));
	CHECK(has(&tb, "zbtop_ring_packets_total{" IL ","
	    "ring=\"3\",lane=\"1\"} 2"));
	CHECK(has(&tb, "zbtop_ring_buffers{" IL ","
	    "ring=\"3\",lane=\"1\",owner=\"user\"} 1"));
	CHECK(has(&tb, "zbtop_ring_used_bytes{" IL ","
	    "ring=\"3\",lane=\"1\"} 100"));
	CHECK(has(&tb, "zbtop_ring_active{" IL ","
	    "ring=\"3\",lane=\"1\"} 1"));
	CHECK(strstr(tb.s, "zbtop_ring_held_seconds{" IL ","
	    "ring=\"3\",lane=\"1\"} ") != NULL);
	before = value(tb.s, "zbtop_packets_total{");

	/* clear empties the screen's view; the exported totals go on. */
	stats_clear(st);
	stats_block(st, 0, 1, 60, 0, CAP_ROT_TIMEOUT);
	stats_kernel(st, &ks);
	render(st, sn, &tb);
	CHECK(sn->c.packets == 1);
	CHECK(value(tb.s, "zbtop_packets_total{") == before + 1);
	CHECK(has(&tb, "zbtop_bytes_total{" IL "} 680"));
	CHECK(has(&tb, "zbtop_drops_total{" IL ","
	    "where=\"kernel\"} 6"));
	CHECK(has(&tb, "zbtop_ring_packets_total{" IL ","
	    "ring=\"0\",lane=\"0\"} 6"));
	CHECK(has(&tb, "zbtop_ring_forced_rotations_total{" IL
	    ",ring=\"3\",lane=\"1\"} 1"));

	/*
	 * The interface's own count appears once the backend has one, from
	 * its first reading: what it counted before is not this capture's
	 * (the exit summary's figure), across a clear too.
	 */
	stats_ifdrops(st, 42);
	render(st, sn, &tb);
	CHECK(has(&tb, "zbtop_drops_total{" IL ","
	    "where=\"interface\"} 0"));
	stats_ifdrops(st, 47);
	stats_clear(st);
	stats_ifdrops(st, 50);
	render(st, sn, &tb);
	CHECK(sn->c.ifdrops == 3);
	CHECK(has(&tb, "zbtop_drops_total{" IL ","
	    "where=\"interface\"} 8"));
	tbuf_free(&tb);
	free(sn);
	stats_free(st);
	multi();
	CHECK_DONE();
}

/*
 * Several -i: each interface's own samples, from its rings (given by
 * the ring numbering, with no buffer reported) and its kernel counts;
 * across a clear, as with one; the writer's under the -i list.
 */
static void
multi(void)
{
	static const char	*want[] = {
		"zbtop_info{interface=\"a0\",mode=\"zbuf\"} 1",
		"zbtop_info{interface=\"b0\",mode=\"zbuf\"} 1",
		"zbtop_packets_total{interface=\"a0\"} 6",
		"zbtop_packets_total{interface=\"b0\"} 2",
		"zbtop_bytes_total{interface=\"a0\"} 600",
		"zbtop_bytes_total{interface=\"b0\"} 120",
		"zbtop_kernel_packets_total{interface=\"a0\"} 10",
		"zbtop_kernel_packets_total{interface=\"b0\"} 3",
		"zbtop_drops_total{interface=\"a0\",where=\"kernel\"} 4",
		"zbtop_drops_total{interface=\"b0\",where=\"kernel\"} 0",
		"zbtop_drops_total{interface=\"a0,b0\",where=\"write\"} 1",
		"zbtop_queue_freezes_total{interface=\"b0\"} 2",
		"zbtop_rotations_total{interface=\"a0\",reason=\"timeout\"} 1",
		"zbtop_rotations_total{interface=\"b0\",reason=\"forced\"} 1",
		"zbtop_rotations_total{interface=\"b0\",reason=\"full\"} 0",
		"zbtop_ring_packets_total{interface=\"b0\",ring=\"3\","
		    "lane=\"1\"} 2",
		"zbtop_ring_size_bytes{interface=\"b0\",ring=\"2\","
		    "lane=\"1\"} 0",
		NULL
	};
	const char		**w;
	static const char	 names[CAP_MAXIF][CAP_IFNAMSZ] = { "a0", "b0" };
	static const uint8_t	 ringif[4] = { 0, 0, 1, 1 };
	struct stats		*st = stats_new(2);
	struct stats_snap	*sn = calloc(1, sizeof *sn);
	struct stats_info	 info = { .nrings = 4, .mode = "zbuf",
	    .source = "a0,b0", .nifs = 2, .ifname = names, .ringif = ringif };
	struct cap_kstats	 ks = { .packets = 13, .drops = 4, .freezes = 3,
	    .if_packets = { 10, 3 }, .if_drops = { 4, 0 },
	    .if_freezes = { 1, 2 } };
	struct tbuf		 tb;
	int			 i;

	stats_info(st, &info);
	stats_block(st, 0, 5, 500, 0, CAP_ROT_FULL);
	stats_block(st, 1, 1, 100, 0, CAP_ROT_TIMEOUT);
	stats_block(st, 3, 2, 120, 0, CAP_ROT_FORCED);
	stats_kernel(st, &ks);
	stats_wdrop(st);
	tbuf_init(&tb);
	for (i = 0; i < 2; i++) {
		render(st, sn, &tb);
		for (w = want; *w != NULL; w++)
			CHECK(has(&tb, *w));
		CHECK(strstr(tb.s, "zbtop_packets_total{interface=\"a0,b0\"}")
		    == NULL);
		/* The second round: after clear, the same totals. */
		stats_clear(st);
	}
	tbuf_free(&tb);
	free(sn);
	stats_free(st);
}
