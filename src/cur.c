/*
 * The bounds-checked reader.  Every comparison is written as "n > left"
 * with left = end - p computed once, so that a huge length from a packet can
 * never make a pointer sum wrap (the reason behind tcpdump's ND_TTEST
 * shape).  Nothing here allocates or prints.  The reads made several
 * times per packet are inline in cur.h; these are the rarer ones.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cur.h"

int
cur_copy(struct cur *c, void *dst, size_t n)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, n)) == NULL)
		return -1;
	memcpy(dst, p, n);
	return 0;
}

/* The byte at p + off without moving, or -1. */
int
cur_peek_u8(struct cur *c, size_t off)
{
	if (off >= cur_left(c)) {
		c->trunc = 1;
		return -1;
	}
	return c->p[off];
}

int
cur_peek_u16(struct cur *c, size_t off)
{
	if (off >= cur_left(c) || cur_left(c) - off < 2) {
		c->trunc = 1;
		return -1;
	}
	return c->p[off] << 8 | c->p[off + 1];
}

/*
 * A cursor at p + off of c up to c's end, for DNS compression pointers.
 * Returns -1 if off is past the end.
 */
int
cur_seek(const struct cur *c, size_t off, struct cur *out)
{
	if (off > cur_left(c))
		return -1;
	*out = *c;
	out->p = c->p + off;
	return 0;
}
