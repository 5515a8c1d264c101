/*
 * The -w writer: what pcapw writes, libpcap reads back byte for byte, with
 * its lengths and microsecond stamps, in pcap and in pcapng (several -i:
 * two interfaces of one link type, lengths not a multiple of 4); a path
 * that cannot be written is one clear reason, and nothing is created.
 */
#include "pcapw.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "unit.h"

static void	readback(const char *, const struct cap_pkt *);

/* libpcap reads the three packets back as they were put. */
static void
readback(const char *path, const struct cap_pkt *pkt)
{
	char			 perr[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr	*h;
	const u_char		*bytes;
	pcap_t			*p;
	int			 n = 0;

	p = pcap_open_offline(path, perr);
	CHECK(p != NULL);
	if (p == NULL)
		return;
	CHECK(pcap_datalink(p) == DLT_EN10MB);
	while (pcap_next_ex(p, &h, &bytes) == 1 && n < 3) {
		CHECK(h->caplen == pkt[n].caplen);
		CHECK(h->len == pkt[n].len);
		CHECK(h->ts.tv_sec == pkt[n].ts.tv_sec);
		CHECK(h->ts.tv_usec == 123456);
		CHECK(memcmp(bytes, pkt[n].data, h->caplen) == 0);
		n++;
	}
	CHECK(n == 3);
	pcap_close(p);
}

int
main(void)
{
	char			 path[] = "/tmp/zbtop-test-pcapw.XXXXXX";
	char			 errbuf[ZB_ERRBUFSZ];
	uint8_t			 data[3][300];
	struct cap_pkt		 pkt[3];
	struct pcapw_conf	 pc;
	struct pcapw		*w;
	const int		 dlts[2] = { DLT_EN10MB, DLT_EN10MB };
	const char		 names[2][CAP_IFNAMSZ] = { "eth0", "lo" };
	int			 fd, i;

	for (i = 0; i < 3; i++) {
		memset(data[i], 0x41 + i, sizeof data[i]);
		pkt[i].data = data[i];
		pkt[i].caplen = (uint32_t)(60 + 100 * i);
		pkt[i].len = i == 2 ? 1514 : pkt[i].caplen;
		pkt[i].ts.tv_sec = 1700000000 + i;
		pkt[i].ts.tv_nsec = 123456789;
		pkt[i].iface = 0;
	}
	memset(&pc, 0, sizeof pc);
	if ((fd = mkstemp(path)) == -1)
		return 1;
	close(fd);
	w = pcapw_open(path, DLT_EN10MB, 262144, &pc, errbuf);
	CHECK(w != NULL);
	if (w == NULL)
		CHECK_DONE();
	for (i = 0; i < 3; i++)
		CHECK(pcapw_put(w, &pkt[i]) == 0);
	CHECK(pcapw_sync(w, errbuf) == 0);
	CHECK(pcapw_close(w, errbuf) == 0);

	readback(path, pkt);

	/* pcapng, two interfaces; odd lengths get padded blocks. */
	for (i = 0; i < 3; i++) {
		pkt[i].caplen += 1;
		pkt[i].len = i == 2 ? 1514 : pkt[i].caplen;
		pkt[i].iface = (uint8_t)(i % 2);
	}
	w = pcapw_open_ng(path, 2, dlts, names, 262144, &pc, errbuf);
	CHECK(w != NULL);
	if (w == NULL)
		CHECK_DONE();
	for (i = 0; i < 3; i++)
		CHECK(pcapw_put(w, &pkt[i]) == 0);
	CHECK(pcapw_close(w, errbuf) == 0);
	readback(path, pkt);
	unlink(path);

	/* A directory that does not exist: one reason, no file. */
	w = pcapw_open("/nonexistent-zbtop/x.pcap", DLT_EN10MB, 65535, &pc,
	    errbuf);
	CHECK(w == NULL);
	CHECK(strncmp(errbuf, "cannot write ", 13) == 0);
	CHECK(strstr(errbuf, "No such file") != NULL);
	CHECK(strchr(errbuf, '\n') == NULL);
	CHECK_DONE();
}
