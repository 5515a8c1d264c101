/*
 * The bounds-checked reader.  Every comparison is written as "n > left"
 * with left = end - p computed once, so that a huge length from a packet can
 * never make a pointer sum wrap (the reason behind tcpdump's ND_TTEST
 * shape).  Nothing here allocates or prints.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cur.h"

void
cur_init(struct cur *c, const uint8_t *p, size_t len)
{
	c->base = c->p = c->end = p;
	if (p != NULL)		/* no arithmetic on NULL, even + 0 */
		c->end = p + len;
	c->trunc = 0;
}

size_t
cur_left(const struct cur *c)
{
	return (size_t)(c->end - c->p);
}

/* Offset of the next byte from the start of the packet. */
size_t
cur_off(const struct cur *c)
{
	return (size_t)(c->p - c->base);
}

/* n bytes to read in place, without moving; NULL if they were not captured. */
const uint8_t *
cur_peek(struct cur *c, size_t n)
{
	if (n > cur_left(c)) {
		c->trunc = 1;
		return NULL;
	}
	return c->p;
}

const uint8_t *
cur_pull(struct cur *c, size_t n)
{
	const uint8_t	*p;

	if ((p = cur_peek(c, n)) == NULL)
		return NULL;
	c->p += n;
	return p;
}

int
cur_skip(struct cur *c, size_t n)
{
	return cur_pull(c, n) == NULL ? -1 : 0;
}

int
cur_copy(struct cur *c, void *dst, size_t n)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, n)) == NULL)
		return -1;
	memcpy(dst, p, n);
	return 0;
}

int
cur_u8(struct cur *c)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, 1)) == NULL)
		return -1;
	return p[0];
}

int
cur_u16(struct cur *c)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, 2)) == NULL)
		return -1;
	return p[0] << 8 | p[1];
}

int64_t
cur_u32(struct cur *c)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, 4)) == NULL)
		return -1;
	return (int64_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3]);
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
 * A child cursor over the next len bytes, as a length field in the packet
 * claims them, clamped to what was captured; the parent moves past them.
 * Returns 1 when the child had to be clamped (the packet was cut short or
 * the length field lies), 0 otherwise.
 */
int
cur_sub(struct cur *c, size_t len, struct cur *in)
{
	int	clamped = 0;

	if (len > cur_left(c)) {
		len = cur_left(c);
		clamped = 1;
	}
	in->base = c->base;
	in->p = c->p;
	in->end = c->p + len;
	in->trunc = 0;
	c->p += len;
	return clamped;
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
