/*
 * The --bench-work workloads.  "touch" reads one word of the packet, the
 * cache line behind the backend's header; "scan" reads every captured
 * byte as an IDS pattern search or a checksum would, at memory speed (a
 * 64-bit word sum, no per-byte state machine to hide the cache misses
 * behind).  Runs on the consumer thread, never allocates or prints.
 * Packet bytes are reached through a cursor like every decoder's.
 */
#include <endian.h>
#include <stdint.h>
#include <string.h>

#include "cur.h"
#include "work.h"

static const char *const work_names[] = { "none", "touch", "scan" };

/* The kind for a --bench-work argument, or -1. */
int
work_find(const char *s)
{
	size_t	i;

	for (i = 0; i < sizeof work_names / sizeof work_names[0]; i++)
		if (strcmp(s, work_names[i]) == 0)
			return (int)i;
	return -1;
}

/*
 * The packet's contribution to the run's sum: touch, its first 32 bits
 * (0 for a shorter packet); scan, the sum of its captured bytes read as
 * little-endian 64-bit words (no swap on x86), the last short word
 * zero-padded.  Sums of packets add, so consumer threads may combine
 * them in any order.
 */
uint64_t
work_pkt(enum work_kind k, const uint8_t *data, uint32_t caplen)
{
	struct cur	 c;
	const uint8_t	*p;
	uint64_t	 sum = 0, w;
	size_t		 i, n;
	int64_t		 v;

	cur_init(&c, data, caplen);
	switch (k) {
	case WORK_TOUCH:
		return (v = cur_u32(&c)) == -1 ? 0 : (uint64_t)v;
	case WORK_SCAN:
		n = cur_left(&c);
		if ((p = cur_pull(&c, n)) == NULL)
			return 0;
		for (i = 0; i + 8 <= n; i += 8) {
			memcpy(&w, &p[i], 8);
			sum += le64toh(w);
		}
		if (i < n) {
			w = 0;
			memcpy(&w, &p[i], n - i);
			sum += le64toh(w);
		}
		return sum;
	default:
		return 0;
	}
}
