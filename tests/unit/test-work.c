/*
 * --bench-work's workloads: the names parse, "touch" reads the first word
 * in network order, "scan" sums every captured byte and not one more
 * (exact-size heap copies, so ASan sees a read past the end).  The
 * reference here adds byte by byte; work.c reads 64-bit words.
 */
#include "work.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* Byte i of a little-endian word stream weighs 256^(i % 8). */
static uint64_t
ref_scan(const uint8_t *p, size_t n)
{
	uint64_t	sum = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		sum += (uint64_t)p[i] << (8 * (i % 8));
	return sum;
}

int
main(void)
{
	uint8_t		 pat[40], *heap;
	size_t		 n, i;

	CHECK(work_find("none") == WORK_NONE);
	CHECK(work_find("touch") == WORK_TOUCH);
	CHECK(work_find("scan") == WORK_SCAN);
	CHECK(work_find("") == -1 && work_find("Scan") == -1);
	CHECK(work_find("scan ") == -1 && work_find("sca") == -1);

	for (i = 0; i < sizeof pat; i++)
		pat[i] = (uint8_t)(0xf0 + i * 37);
	for (n = 0; n <= sizeof pat; n++) {
		heap = malloc(n > 0 ? n : 1);
		memcpy(heap, pat, n);
		CHECK(work_pkt(WORK_SCAN, heap, (uint32_t)n) ==
		    ref_scan(heap, n));
		CHECK(work_pkt(WORK_NONE, heap, (uint32_t)n) == 0);
		if (n < 4)
			CHECK(work_pkt(WORK_TOUCH, heap, (uint32_t)n) == 0);
		else
			CHECK(work_pkt(WORK_TOUCH, heap, (uint32_t)n) ==
			    ((uint64_t)heap[0] << 24 | heap[1] << 16 |
			    heap[2] << 8 | heap[3]));
		free(heap);
	}
	/* The sum wraps rather than saturates: 0xff..ff + 1 is 0. */
	memset(pat, 0xff, 8);
	pat[8] = 1;
	CHECK(work_pkt(WORK_SCAN, pat, 9) == 0);
	CHECK(work_pkt(WORK_SCAN, NULL, 0) == 0);
	CHECK_DONE();
}
