/* The bounds-checked cursor: every read stops at the captured end. */
#include "cur.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

int
main(void)
{
	static const uint8_t	 pkt[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct cur		 c, in, s;
	const uint8_t		*p;
	uint8_t			*heap, buf[4];

	cur_init(&c, pkt, sizeof(pkt));
	CHECK(cur_left(&c) == 9 && cur_off(&c) == 0 && !c.trunc);
	CHECK(cur_u8(&c) == 1);
	CHECK(cur_u16(&c) == 0x0203);
	CHECK(cur_u32(&c) == 0x04050607);
	CHECK(cur_off(&c) == 7 && cur_left(&c) == 2);
	/* A short read fails, flags trunc and does not move. */
	CHECK(cur_u32(&c) == -1 && c.trunc && cur_off(&c) == 7);
	CHECK(cur_pull(&c, 3) == NULL && cur_off(&c) == 7);
	CHECK(cur_peek_u8(&c, 1) == 9 && cur_peek_u8(&c, 2) == -1);
	CHECK(cur_peek_u16(&c, 0) == 0x0809 && cur_peek_u16(&c, 1) == -1);
	CHECK(cur_u16(&c) == 0x0809 && cur_left(&c) == 0);
	CHECK(cur_u8(&c) == -1 && cur_u16(&c) == -1);
	CHECK(cur_skip(&c, 0) == 0 && cur_skip(&c, 1) == -1);
	/* Huge lengths from a packet cannot wrap a pointer. */
	cur_init(&c, pkt, sizeof(pkt));
	CHECK(cur_pull(&c, SIZE_MAX) == NULL && cur_skip(&c, SIZE_MAX - 1));
	CHECK(cur_peek_u8(&c, SIZE_MAX) == -1);
	CHECK(cur_peek_u16(&c, SIZE_MAX) == -1);

	/* cur_sub: a child over a claimed length, clamped to the capture. */
	cur_init(&c, pkt, sizeof(pkt));
	cur_skip(&c, 2);
	CHECK(cur_sub(&c, 3, &in) == 0);
	CHECK(cur_left(&in) == 3 && cur_off(&in) == 2 && cur_off(&c) == 5);
	CHECK(cur_u16(&in) == 0x0304 && cur_u16(&in) == -1);
	CHECK(cur_u8(&in) == 5 && cur_left(&in) == 0);
	CHECK(cur_sub(&c, 1000, &in) == 1 && cur_left(&in) == 4);
	CHECK(cur_left(&c) == 0);

	/* cur_seek: a cursor at an offset, for DNS pointers. */
	cur_init(&c, pkt, sizeof(pkt));
	CHECK(cur_seek(&c, 8, &s) == 0 && cur_u8(&s) == 9);
	CHECK(cur_seek(&c, 9, &s) == 0 && cur_left(&s) == 0);
	CHECK(cur_seek(&c, 10, &s) == -1);
	CHECK(cur_copy(&c, buf, 4) == 0 && memcmp(buf, pkt, 4) == 0);
	CHECK(cur_peek(&c, 5) != NULL && cur_off(&c) == 4);

	/* Exact-size heap copy: ASan catches a read one past the end. */
	heap = malloc(3);
	memcpy(heap, pkt, 3);
	cur_init(&c, heap, 3);
	CHECK((p = cur_pull(&c, 3)) != NULL && p[2] == 3);
	CHECK(cur_u8(&c) == -1);
	free(heap);

	/* An empty capture, even at NULL. */
	cur_init(&c, NULL, 0);
	CHECK(cur_left(&c) == 0 && cur_u8(&c) == -1 && cur_pull(&c, 0) == NULL);
	CHECK_DONE();
}
