/*
 * Decoder cost per packet: reads a capture into memory, then times the
 * light parse (what every packet pays) and the full summary (what a shown
 * or printed packet pays) over many passes with clock_gettime().
 *
 *	bench-dec FILE [PASSES]
 */
#include <pcap/pcap.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dec.h"
#include "tbuf.h"

struct bench_pkt {
	uint8_t		*data;
	uint32_t	 caplen;
	uint32_t	 len;
};

static double	bench_now(void);
static int	bench_load(const char *, struct bench_pkt **, size_t *, int *);

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int
bench_load(const char *path, struct bench_pkt **pp, size_t *np, int *dlt)
{
	char			 errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr	*h;
	const u_char		*d;
	struct bench_pkt	*p = NULL;
	size_t			 n = 0, cap = 0;
	pcap_t			*pc;

	if ((pc = pcap_open_offline(path, errbuf)) == NULL) {
		fprintf(stderr, "bench-dec: %s\n", errbuf);
		return -1;
	}
	*dlt = pcap_datalink(pc);
	while (pcap_next_ex(pc, &h, &d) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((p = realloc(p, cap * sizeof(*p))) == NULL)
				return -1;
		}
		if ((p[n].data = malloc(h->caplen ? h->caplen : 1)) == NULL)
			return -1;
		memcpy(p[n].data, d, h->caplen);
		p[n].caplen = h->caplen;
		p[n].len = h->len;
		n++;
	}
	pcap_close(pc);
	*pp = p;
	*np = n;
	return n > 0 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	struct bench_pkt	*p;
	struct dec_info		 info;
	struct tbuf		 tb;
	size_t			 n, i, total;
	double			 t0, t1;
	unsigned long		 sink = 0;
	int			 dlt, pass, passes;

	if (argc < 2) {
		fprintf(stderr, "usage: bench-dec file [passes]\n");
		return 2;
	}
	if (bench_load(argv[1], &p, &n, &dlt) == -1)
		return 1;
	passes = argc > 2 ? atoi(argv[2]) : (int)(2000000 / n + 1);
	total = n * (size_t)passes;
	t0 = bench_now();
	for (pass = 0; pass < passes; pass++)
		for (i = 0; i < n; i++) {
			dec_parse(dlt, p[i].data, p[i].caplen, p[i].len, &info);
			sink += info.proto;
		}
	t1 = bench_now();
	printf("packets: %zu x %d passes\n", n, passes);
	printf("light parse: %.1f ns/pkt\n", (t1 - t0) / (double)total);
	tbuf_init(&tb);
	passes = passes / 10 + 1;
	total = n * (size_t)passes;
	t0 = bench_now();
	for (pass = 0; pass < passes; pass++)
		for (i = 0; i < n; i++) {
			tbuf_reset(&tb);
			dec_summary(&tb, dlt, p[i].data, p[i].caplen, p[i].len);
			sink += tb.len;
		}
	t1 = bench_now();
	printf("full summary: %.1f ns/pkt\n", (t1 - t0) / (double)total);
	tbuf_free(&tb);
	for (i = 0; i < n; i++)
		free(p[i].data);
	free(p);
	return sink == 0;
}
