/*
 * The kept packets (src/recent.c): numbered in the order they came,
 * the oldest overwritten once the ring is full so the kept range never
 * grows past its size, each packet's bytes cut to the kept snap length
 * (the captured and wire lengths still told), numbers outside the range
 * refused, and a clear keeps numbering where it was.
 */
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "recent.h"

#include "unit.h"

static uint8_t	frame[RECENT_SNAP + 100];

static void
add(struct recent *r, uint32_t id, uint32_t caplen)
{
	struct cap_pkt	pkt;

	memset(frame, 0xee, sizeof frame);
	memcpy(frame, &id, sizeof id);
	pkt.data = frame;
	pkt.caplen = caplen;
	pkt.len = caplen + 1000;
	pkt.ts.tv_sec = id;
	pkt.ts.tv_nsec = 0;
	recent_lock(r);
	recent_add(r, &pkt, id % 3);
	recent_unlock(r);
}

/* The id stored in the packet numbered no, or 0 when it is not kept. */
static uint32_t
id_of(struct recent *r, uint64_t no, struct recent_pkt *out)
{
	uint32_t	id;
	int		rc;

	recent_lock(r);
	rc = recent_get(r, no, out);
	recent_unlock(r);
	if (rc != 0)
		return 0;
	memcpy(&id, out->data, sizeof id);
	return id;
}

int
main(void)
{
	struct recent		*r = recent_new();
	struct recent_pkt	*p = malloc(sizeof *p);
	uint64_t		 first, last, no;
	uint32_t		 i, bad;

	recent_lock(r);
	recent_range(r, &first, &last);
	recent_unlock(r);
	CHECK(last < first);		/* empty */
	CHECK(id_of(r, first, p) == 0);

	/* Order: numbers follow arrival, each slot what was added. */
	for (i = 1; i <= 100; i++)
		add(r, i, 60 + i);
	recent_lock(r);
	recent_range(r, &first, &last);
	recent_unlock(r);
	CHECK(last - first + 1 == 100);
	for (bad = 0, no = first; no <= last; no++)
		if (id_of(r, no, p) != no - first + 1 ||
		    p->no != no || p->caplen != 60 + (no - first + 1) ||
		    p->ts.tv_sec != (time_t)(no - first + 1))
			bad++;
	CHECK(bad == 0);
	CHECK(id_of(r, last + 1, p) == 0);
	CHECK(id_of(r, first - 1, p) == 0);

	/* Bounds of one packet: cut to RECENT_SNAP, lengths still told. */
	add(r, 7777, RECENT_SNAP + 100);
	recent_lock(r);
	recent_range(r, &first, &last);
	recent_unlock(r);
	CHECK(id_of(r, last, p) == 7777);
	CHECK(p->caplen == RECENT_SNAP && p->origcap == RECENT_SNAP + 100);
	CHECK(p->len == RECENT_SNAP + 1100 && p->ring == 7777 % 3);
	CHECK(p->data[RECENT_SNAP - 1] == 0xee);

	/* Overwrite: never more than a ring's worth, the newest ones. */
	for (bad = 0, i = 1; i <= 3 * RECENT_SLOTS + 17; i++) {
		add(r, 100000 + i, 64);
		recent_lock(r);
		recent_range(r, &first, &last);
		recent_unlock(r);
		if (last - first + 1 > RECENT_SLOTS)
			bad++;
	}
	CHECK(bad == 0);
	recent_lock(r);
	recent_range(r, &first, &last);
	recent_unlock(r);
	CHECK(last - first + 1 == RECENT_SLOTS);
	CHECK(id_of(r, last, p) == 100000 + 3 * RECENT_SLOTS + 17);
	CHECK(id_of(r, first, p) == 100000 + 2 * RECENT_SLOTS + 18);
	CHECK(id_of(r, first - 1, p) == 0);
	for (bad = 0, no = first; no < last; no++)
		if (id_of(r, no + 1, p) != id_of(r, no, p) + 1)
			bad++;
	CHECK(bad == 0);

	/* Clear: nothing kept, the next packet numbered after the last. */
	recent_clear(r);
	recent_lock(r);
	recent_range(r, &first, &last);
	recent_unlock(r);
	CHECK(last < first);
	CHECK(id_of(r, last, p) == 0);
	no = last + 1;
	add(r, 42, 60);
	recent_lock(r);
	recent_range(r, &first, &last);
	recent_unlock(r);
	CHECK(first == no && last == no && id_of(r, no, p) == 42);

	free(p);
	recent_free(r);
	CHECK_DONE();
}
