/*
 * Fuzzer seeds from classic pcap files: each packet becomes one file in
 * OUTDIR holding the fuzz-dec input format (a byte choosing the link type,
 * a byte for the wire length, the packet).  Reads the file format itself
 * (both byte orders, micro- and nanosecond magic) because tests/gen
 * programs are built without libpcap; pcapng files are skipped.
 *
 *	pcapseeds OUTDIR FILE...
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEEDS_MAX	4000
#define SEEDS_PKTMAX	65536

static int	seeds_dlt_index(uint32_t);
static uint32_t	seeds_get32(const unsigned char *, int);
static int	seeds_file(const char *, const char *, int *);

/* The order of fuzz_dlts[] in tests/fuzz/fuzz-dec.c. */
static int
seeds_dlt_index(uint32_t dlt)
{
	static const uint32_t	dlts[] = { 1, 113, 276, 12, 101, 228, 229, 0,
				    108 };
	size_t			i;

	for (i = 0; i < sizeof(dlts) / sizeof(dlts[0]); i++)
		if (dlts[i] == dlt)
			return (int)i;
	return -1;
}

static uint32_t
seeds_get32(const unsigned char *p, int swap)
{
	if (swap)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		    (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0];
}

static int
seeds_file(const char *outdir, const char *path, int *n)
{
	static unsigned char	 pkt[SEEDS_PKTMAX + 2];
	unsigned char		 fh[24], rh[16];
	char			 name[4096];
	FILE			*f, *o;
	uint32_t		 magic, caplen;
	int			 swap, idx;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	if (fread(fh, 1, sizeof(fh), f) != sizeof(fh)) {
		fclose(f);
		return 0;
	}
	magic = seeds_get32(fh, 0);
	swap = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
	if (!swap && magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
		fclose(f);
		return 0;
	}
	if ((idx = seeds_dlt_index(seeds_get32(fh + 20, swap) & 0xffff)) == -1) {
		fclose(f);
		return 0;
	}
	while (*n < SEEDS_MAX && fread(rh, 1, sizeof(rh), f) == sizeof(rh)) {
		caplen = seeds_get32(rh + 8, swap);
		if (caplen > SEEDS_PKTMAX ||
		    fread(pkt + 2, 1, caplen, f) != caplen)
			break;
		pkt[0] = (unsigned char)idx;
		pkt[1] = 0;
		snprintf(name, sizeof(name), "%s/seed-%05d", outdir, (*n)++);
		if ((o = fopen(name, "wb")) == NULL) {
			fclose(f);
			return -1;
		}
		fwrite(pkt, 1, caplen + 2, o);
		fclose(o);
	}
	fclose(f);
	return 0;
}

int
main(int argc, char **argv)
{
	int	i, n = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: pcapseeds outdir file ...\n");
		return 2;
	}
	for (i = 2; i < argc; i++)
		if (seeds_file(argv[1], argv[i], &n) == -1) {
			fprintf(stderr, "pcapseeds: %s: %s\n", argv[i],
			    strerror(errno));
			return 1;
		}
	printf("%d seeds\n", n);
	return 0;
}
