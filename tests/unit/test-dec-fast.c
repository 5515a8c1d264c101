/*
 * The light parse's fast path (dec-fast.c) against the layer by layer
 * walk it stands in for: dec_parse() and dec_parse_full() must fill
 * struct dec_info identically for every Ethernet frame, common or not.
 * Frames: tests/data/sample.pcap, every Ethernet capture of
 * $SHARED/corpus/tcpdump/pcap when present, and four built frames
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

static void	one(const uint8_t *, size_t, uint32_t);
static void	file(const char *);
static void	mutate(const uint8_t *, size_t);
static size_t	frame(uint8_t *, int, int);

static unsigned long	nframes, nfast;

/*
 * A frame from 02:00:00:00:00:02 to 02:00:00:00:00:01: IPv4 198.18.0.2
 * > 198.18.0.1 or IPv6 2001:db8::2 > 2001:db8::1, then a TCP SYN
 * 40000 > 80 or a UDP datagram 40000 > 9 with 4 bytes of payload, padded
 * to Ethernet's 60 bytes.  Into p (at least 128 bytes); returns the length.
 */
static size_t
frame(uint8_t *p, int v6, int tcp)
{
	static const uint8_t	 eth[12] = { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0,
	    0, 2 };
	size_t			 l4len = tcp ? 20 : 12, off;

	memset(p, 0, 128);
	memcpy(p, eth, sizeof eth);
	if (v6) {
		p[12] = 0x86;
		p[13] = 0xdd;
		p[14] = 0x60;
		p[19] = (uint8_t)l4len;
		p[20] = tcp ? 6 : 17;
		p[21] = 64;
		p[22] = p[38] = 0x20;
		p[23] = p[39] = 0x01;
		p[24] = p[40] = 0x0d;
		p[25] = p[41] = 0xb8;
		p[37] = 2;
		p[53] = 1;
		off = 54;
	} else {
		p[12] = 0x08;
		p[14] = 0x45;
		p[17] = (uint8_t)(20 + l4len);
		p[22] = 64;
		p[23] = tcp ? 6 : 17;
		p[26] = p[30] = 198;
		p[27] = p[31] = 18;
		p[29] = 2;
		p[33] = 1;
		off = 34;
	}
	p[off] = 0x9c;
	p[off + 1] = 0x40;
	p[off + 3] = tcp ? 80 : 9;
	if (tcp) {
		p[off + 12] = 0x50;
		p[off + 13] = 0x02;
	} else {
		p[off + 5] = (uint8_t)l4len;
		memcpy(&p[off + 8], "abcd", 4);
	}
	return off + l4len < 60 ? 60 : off + l4len;
}

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
	const char	*shared = getenv("SHARED");
	char		 path[4096];
	uint8_t		 p[128];
	unsigned long	 base;
	struct dirent	*de;
	DIR		*dir;
	size_t		 i, n;

	for (i = 0; i < 4; i++) {
		n = frame(p, i & 1, i >> 1);
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
