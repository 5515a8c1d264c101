/*
 * The light parse's fast path (dec-fast.c) against the layer by layer
 * walk it stands in for: dec_parse() and dec_parse_full() must fill
 * struct dec_info identically for every Ethernet frame, common or not.
 * Frames: tests/data/sample.pcap, every Ethernet capture of
 * $SHARED/corpus/tcpdump/pcap when present, and four base frames
 * (IPv4 and IPv6, TCP and UDP) cut at every length and with every one of
 * their first 80 bytes set to several values.  Each frame is an exact-size
 * heap copy, so ASan sees any read past the captured end.  Fails too if
 * the fast path never answers (a test that cannot fail is no test).
 */
#include <pcap/pcap.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "dec-int.h"
#include "unit.h"

static size_t	put(uint8_t *, const char *);
static void	one(const uint8_t *, size_t, uint32_t);
static void	file(const char *);
static void	mutate(const uint8_t *, size_t);

static unsigned long	nframes, nfast;

/* Hex digits (spaces ignored) into p; returns the byte count. */
static size_t
put(uint8_t *p, const char *hex)
{
	unsigned int	v;
	size_t		n = 0;

	while (*hex != '\0') {
		if (*hex == ' ') {
			hex++;
			continue;
		}
		sscanf(hex, "%2x", &v);
		p[n++] = (uint8_t)v;
		hex += 2;
	}
	return n;
}

/* One frame of caplen bytes (len on the wire) through both paths. */
static void
one(const uint8_t *p, size_t caplen, uint32_t len)
{
	struct dec_info	 a, b, f;
	uint8_t		*q;

	q = malloc(caplen ? caplen : 1);
	if (q == NULL)
		abort();
	memcpy(q, p, caplen);
	memset(&a, 0xa5, sizeof a);
	memset(&b, 0x5a, sizeof b);
	CHECK(dec_parse(1, q, (uint32_t)caplen, len, &a) ==
	    dec_parse_full(1, q, (uint32_t)caplen, len, &b));
	if (memcmp(&a, &b, sizeof a) != 0) {
		failed++;
		fprintf(stderr, "frame %lu (%zu bytes): fast proto %d flags "
		    "%d ports %u>%u l4 %u, full proto %d flags %d ports %u>%u "
		    "l4 %u\n", nframes, caplen, a.proto, a.flags, a.sport,
		    a.dport, a.l4off, b.proto, b.flags, b.sport, b.dport,
		    b.l4off);
	}
	if (dec_fast(q, (uint32_t)caplen, &f) == 0)
		nfast++;
	nframes++;
	free(q);
}

static void
file(const char *path)
{
	char			 errbuf[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr	*h;
	const u_char		*d;
	pcap_t			*pc;

	if ((pc = pcap_open_offline(path, errbuf)) == NULL)
		return;
	if (pcap_datalink(pc) == DLT_EN10MB)
		while (pcap_next_ex(pc, &h, &d) == 1)
			one(d, h->caplen, h->len);
	pcap_close(pc);
}

/* Every length, and each of the first 80 bytes set to a few values. */
static void
mutate(const uint8_t *base, size_t n)
{
	static const int	 vals[] = { 0x00, 0xff, 0x45, 0x60, 0x06, 0x11,
	    0x08, 0x86, 0x01, 0x35, 0x14, 0x1c, 0x28, 0x40 };
	uint8_t			 p[128];
	size_t			 i, k;

	for (i = 0; i <= n; i++)
		one(base, i, (uint32_t)n);
	for (i = 0; i < n && i < 80; i++) {
		for (k = 0; k < sizeof vals / sizeof vals[0]; k++) {
			memcpy(p, base, n);
			p[i] = (uint8_t)vals[k];
			one(p, n, (uint32_t)n);
			one(p, n, 0);
		}
		memcpy(p, base, n);
		p[i] ^= 0x01;
		one(p, n, (uint32_t)n);
	}
}

int
main(void)
{
	static const char *const frames[] = {
		/* IPv4 UDP 198.18.0.2:9 > 198.18.0.1:9, capbench's frame */
		"020000000001 020000000002 0800"
		"4500001c 00000000 4011 0000 c6120002 c6120001"
		"0009 0009 0008 0000 0000000000000000000000000000",
		/* IPv4 TCP 198.18.0.2:40000 > 198.18.0.1:80, SYN */
		"020000000001 020000000002 0800"
		"45000028 00004000 4006 0000 c6120002 c6120001"
		"9c40 0050 00000001 00000000 5002 ffff 0000 0000",
		/* IPv6 UDP 2001:db8::2:1234 > 2001:db8::1:5555 */
		"020000000001 020000000002 86dd"
		"60000000 000c 11 40"
		"20010db8000000000000000000000002"
		"20010db8000000000000000000000001"
		"04d2 15b3 000c 0000 61626364",
		/* IPv6 TCP 2001:db8::2:40000 > 2001:db8::1:443, ACK */
		"020000000001 020000000002 86dd"
		"60000000 0014 06 40"
		"20010db8000000000000000000000002"
		"20010db8000000000000000000000001"
		"9c40 01bb 00000001 00000001 5010 ffff 0000 0000",
	};
	const char	*shared = getenv("SHARED");
	char		 path[4096];
	uint8_t		 p[128];
	unsigned long	 base;
	struct dirent	*de;
	DIR		*dir;
	size_t		 i, n;

	for (i = 0; i < sizeof frames / sizeof frames[0]; i++) {
		n = put(p, frames[i]);
		base = nfast;
		one(p, n, (uint32_t)n);
		CHECK(nfast == base + 1);	/* the common case is fast */
		mutate(p, n);
	}
	file("tests/data/sample.pcap");
	snprintf(path, sizeof path, "%s/corpus/tcpdump/pcap",
	    shared != NULL ? shared : "../shared");
	if ((dir = opendir(path)) != NULL) {
		while ((de = readdir(dir)) != NULL) {
			if (strstr(de->d_name, ".pcap") == NULL)
				continue;
			snprintf(path, sizeof path, "%s/corpus/tcpdump/pcap/%s",
			    shared != NULL ? shared : "../shared", de->d_name);
			file(path);
		}
		closedir(dir);
	}
	printf("%lu frames, %lu on the fast path\n", nframes, nfast);
	CHECK(nfast > 0 && nfast < nframes);
	CHECK_DONE();
}
