/*
 * The pcapng blocks zbtop writes: what several -i need, one Interface
 * Description Block per interface, each with its own link type, and every
 * packet naming its interface, as dumpcap writes them.  Only the blocks:
 * files, rotation and cutting back after an error stay in pcapw.c.
 * Format facts: draft-ietf-opsawg-pcapng (SHB 4.1, IDB 4.2, EPB 4.3,
 * options 3.5); LINKTYPE_ values: pcap-linktype(7).
 */
#include <sys/types.h>
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "pcapng.h"

#define PCAPNG_SHB		0x0A0D0D0Au
#define PCAPNG_IDB		1u
#define PCAPNG_EPB		6u
#define PCAPNG_MAGIC		0x1A2B3C4Du
#define PCAPNG_IF_NAME		2u
#define PCAPNG_LINKTYPE_RAW	101u	/* DLT_RAW is 12 or 14 by system */
#define PCAPNG_PAD(n)		(((n) + 3u) & ~3u)

static int	pcapng_put(FILE *, const void *, size_t);
static int	pcapng_idb(FILE *, int, const char *, unsigned);

static int
pcapng_put(FILE *f, const void *p, size_t n)
{
	return n == 0 || fwrite(p, n, 1, f) == 1 ? 0 : -1;
}

static int
pcapng_idb(FILE *f, int dlt, const char *name, unsigned snaplen)
{
	uint32_t	 w[4], namelen = (uint32_t)strnlen(name, CAP_IFNAMSZ);
	uint32_t	 len, end = 0;
	uint16_t	 opt[2];
	static const uint8_t zero[4];

	len = 20 + 4 + PCAPNG_PAD(namelen) + 4;
	w[0] = PCAPNG_IDB;
	w[1] = len;
	/* LINKTYPE_ in the low half, the reserved half zero. */
	w[2] = dlt == DLT_RAW ? PCAPNG_LINKTYPE_RAW : (uint32_t)dlt & 0xffff;
	w[3] = snaplen;
	opt[0] = PCAPNG_IF_NAME;
	opt[1] = (uint16_t)namelen;
	if (pcapng_put(f, w, sizeof w) == -1 ||
	    pcapng_put(f, opt, sizeof opt) == -1 ||
	    pcapng_put(f, name, namelen) == -1 ||
	    pcapng_put(f, zero, PCAPNG_PAD(namelen) - namelen) == -1 ||
	    pcapng_put(f, &end, sizeof end) == -1 ||
	    pcapng_put(f, &len, sizeof len) == -1)
		return -1;
	return 0;
}

int
pcapng_head(FILE *f, unsigned n, const int *dlt,
    const char (*name)[CAP_IFNAMSZ], unsigned snaplen)
{
	uint32_t	 shb[7];
	uint16_t	 ver[2] = { 1, 0 };
	unsigned	 k;

	shb[0] = PCAPNG_SHB;
	shb[1] = 28;
	shb[2] = PCAPNG_MAGIC;
	memcpy(&shb[3], ver, sizeof ver);
	/* Section length -1: not given. */
	shb[4] = shb[5] = UINT32_MAX;
	shb[6] = 28;
	if (pcapng_put(f, shb, sizeof shb) == -1)
		return -1;
	for (k = 0; k < n; k++)
		if (pcapng_idb(f, dlt[k], name[k], snaplen) == -1)
			return -1;
	return 0;
}

int
pcapng_epb(FILE *f, const struct cap_pkt *pkt)
{
	uint32_t	 h[7], len;
	uint64_t	 us;
	static const uint8_t zero[4];

	len = 32 + PCAPNG_PAD(pkt->caplen);
	us = (uint64_t)pkt->ts.tv_sec * 1000000u +
	    (uint64_t)pkt->ts.tv_nsec / 1000u;
	h[0] = PCAPNG_EPB;
	h[1] = len;
	h[2] = pkt->iface;
	h[3] = (uint32_t)(us >> 32);
	h[4] = (uint32_t)us;
	h[5] = pkt->caplen;
	h[6] = pkt->len;
	if (pcapng_put(f, h, sizeof h) == -1 ||
	    pcapng_put(f, pkt->data, pkt->caplen) == -1 ||
	    pcapng_put(f, zero, PCAPNG_PAD(pkt->caplen) - pkt->caplen) == -1 ||
	    pcapng_put(f, &len, sizeof len) == -1)
		return -1;
	return 0;
}

/* Blocks from "from" on are ours, in order: walk their lengths. */
off_t
pcapng_whole(int fd, off_t from)
{
	struct stat	st;
	uint32_t	hdr[2];
	off_t		off = from;

	if (fstat(fd, &st) == -1)
		return from;
	while (off + (off_t)sizeof hdr <= st.st_size &&
	    pread(fd, hdr, sizeof hdr, off) == (ssize_t)sizeof hdr) {
		if (hdr[1] < 12 || off + (off_t)hdr[1] > st.st_size)
			break;
		off += hdr[1];
	}
	return off;
}
