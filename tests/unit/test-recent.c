/*
 * The kept packets (src/recent.c): a ring of bytes bounded by its budget,
 * looked up by frame number, each packet's bytes cut to the kept snap
 * length (the captured and wire lengths still told), the kept range never
 * growing past what fits, checked after every packet; holes in the
 * numbers are counted; the display filter and search of plist.c walk it.
 */
#include "recent.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "plist.h"
#include "unit.h"

/* Ethernet, IPv4, UDP to port 1000 + (no & 1), like mkpcap.py. */
static void
add(struct recent *r, uint64_t no, uint32_t size, uint8_t iface)
{
	static uint8_t	 f[RECENT_SNAP + 100];
	struct cap_pkt	 pkt;

	memset(f, 0, sizeof f);
	memset(&pkt, 0, sizeof pkt);
	f[12] = 0x08;
	f[14] = 0x45;
	f[16] = 0;
	f[17] = 28;
	f[22] = 64;
	f[23] = 17;
	f[26] = 198; f[27] = 18; f[28] = 0; f[29] = 2;
	f[30] = 198; f[31] = 18; f[32] = 0; f[33] = 1;
	f[34] = 0; f[35] = 9;
	f[36] = (1000 + (no & 1)) >> 8;
	f[37] = (1000 + (no & 1)) & 0xff;
	f[39] = 8;
	pkt.data = f;
	pkt.caplen = pkt.len = size;
	pkt.ts.tv_sec = (time_t)no;
	pkt.iface = iface;
	recent_add(r, &pkt, 0, no);
}

int
main(void)
{
	struct recent		*r;
	struct recent_pkt	 out;
	uint64_t		 first, last, no, n;
	char			 errbuf[ZB_ERRBUFSZ];
	size_t			 cap;
	const int		 en[1] = { DLT_EN10MB };
	const int		 two[2] = { DLT_EN10MB, DLT_RAW };

	r = recent_new(RECENT_MINB);
	cap = recent_cap(r);
	CHECK(cap > 1000);
	recent_range(r, &first, &last);
	CHECK(first == 0 && last == 0);
	CHECK(recent_step(r, 0, 1) == 0);

	/* Frames 1..10 and 20..29: a hole of 9. */
	for (no = 1; no <= 10; no++)
		add(r, no, 60, 0);
	for (no = 20; no <= 29; no++)
		add(r, no, 60, 0);
	recent_range(r, &first, &last);
	CHECK(first == 1 && last == 29);
	CHECK(recent_get(r, 15, &out) == -1);
	CHECK(recent_get(r, 20, &out) == 0 && out.no == 20 &&
	    out.caplen == 60 && out.ts.tv_sec == 20);
	CHECK(recent_step(r, 10, 1) == 20 && recent_step(r, 20, -1) == 10);
	CHECK(recent_step(r, 15, -1) == 10 && recent_step(r, 29, 1) == 0);
	CHECK(recent_step(r, UINT64_MAX, -1) == 29);
	CHECK(recent_between(r, 10, 20) == 0 && recent_between(r, 1, 10) == 8);
	CHECK(plist_notkept(r, 10, 20) == 9 && plist_notkept(r, 0, 1) == 0);
	/* Out of order is refused. */
	add(r, 25, 60, 0);
	CHECK(recent_step(r, UINT64_MAX, -1) == 29);

	/* Big records evict by bytes, small ones by index entries. */
	for (no = 100; no < 100 + 2000; no++)
		add(r, no, 1500, 0);
	recent_range(r, &first, &last);
	CHECK(last == 2099 && first > 100);
	n = last - first + 1;
	CHECK(n * 1500 <= RECENT_MINB && n > 50);
	for (no = first; no <= last; no++)
		if (recent_get(r, no, &out) == -1 || out.no != no ||
		    out.ts.tv_sec != (time_t)no) {
			CHECK(!"a kept frame reads back wrong");
			break;
		}
	for (no = 3000; no < 3000 + 3 * cap; no++)
		add(r, no, 60, 0);
	recent_range(r, &first, &last);
	CHECK(last == 3000 + 3 * cap - 1 && last - first + 1 <= cap);
	CHECK(recent_get(r, last, &out) == 0 && out.no == last);

	/* After every packet: never more kept than fits, the newest last. */
	for (n = 0, no = last + 1; no < last + 1 + 2 * cap; no++) {
		add(r, no, 60 + (uint32_t)(no % 900), 0);
		recent_range(r, &first, &n);
		if (n != no || n - first + 1 > cap ||
		    recent_get(r, first, &out) == -1)
			break;
	}
	CHECK(no == last + 1 + 2 * cap);
	recent_range(r, &first, &last);
	for (n = 0, no = first; no < last; no++)
		n += recent_step(r, no, 1) != no + 1;
	CHECK(n == 0);

	/* One packet's bounds: cut to RECENT_SNAP, lengths still told. */
	add(r, last + 1, RECENT_SNAP + 100, 0);
	CHECK(recent_get(r, last + 1, &out) == 0);
	CHECK(out.caplen == RECENT_SNAP && out.origcap == RECENT_SNAP + 100 &&
	    out.len == RECENT_SNAP + 100 && out.data[12] == 0x08);
	last++;

	/* Display filter: odd frames go to port 1001. */
	CHECK(plist_display(en, 1, 262144, "udp port 1001", errbuf) == 0);
	CHECK(plist_step(r, last - 10, 1) % 2 == 1);
	CHECK(plist_shown(r, last - (last % 2 == 0)) == 1);
	CHECK(plist_shown(r, last - (last % 2 == 1)) == 0);
	CHECK(plist_display(en, 1, 262144, "udp port (", errbuf) == -1);
	CHECK(plist_display(en, 1, 262144, "", errbuf) == 0);
	CHECK(plist_step(r, last - 10, 1) == last - 9);

	/* Search, smartcase. */
	CHECK(plist_find(r, en, 1, first, 1, "1000: udp") % 2 == 0);
	CHECK(plist_find(r, en, 1, first, 1, "1000: UDPX") == 0);
	CHECK(plist_find(r, en, 1, last, -1, ".1001:") % 2 == 1);

	/*
	 * Several -i: the same Ethernet bytes from a raw IP interface
	 * (iface 1) are no UDP there, though Ethernet's program would pass
	 * them; the search decodes them as raw IP too.
	 */
	add(r, last + 1, 60, 1);
	add(r, last + 2, 60, 0);
	CHECK(plist_display(two, 2, 262144, "udp", errbuf) == 0);
	CHECK(plist_shown(r, last + 1) == 0);
	CHECK(plist_shown(r, last + 2) == 1);
	CHECK(plist_display(en, 1, 262144, "udp", errbuf) == 0);
	CHECK(plist_shown(r, last + 1) == 1);
	CHECK(plist_find(r, two, 2, last + 1, 1, "198.18.0.2.9") == last + 2);
	CHECK(plist_find(r, en, 1, last + 1, 1, "198.18.0.2.9") == last + 1);
	CHECK(plist_display(en, 1, 262144, "", errbuf) == 0);

	recent_clear(r);
	recent_range(r, &first, &last);
	CHECK(first == 0 && last == 0);
	recent_free(r);
	CHECK_DONE();
}
