/*
 * The bounds-checked reader every decoder goes through.  A cursor covers
 * the bytes that were captured; a read that would pass its end fails, sets
 * the trunc flag and leaves the cursor where it was.  Pointer arithmetic on
 * packet bytes happens only here and in cur.c (netsniff-ng's pkt_pull,
 * without the unchecked lengths).
 */
#ifndef ZBTOP_CUR_H
#define ZBTOP_CUR_H

#include <stddef.h>
#include <stdint.h>

/* Invariant: base <= p <= end; [p, end) is readable. */
struct cur {
	const uint8_t	*base;	/* first byte of the packet, for offsets */
	const uint8_t	*p;	/* next byte to read */
	const uint8_t	*end;	/* one past the last captured byte */
	int		 trunc;	/* set once a read came up short */
};

int		 cur_copy(struct cur *, void *, size_t);
int		 cur_peek_u8(struct cur *, size_t);
int		 cur_peek_u16(struct cur *, size_t);
int		 cur_seek(const struct cur *, size_t, struct cur *);

/*
 * The reads every decoder makes several times per packet, inline (a call
 * each cost more than the read).  Every comparison is written as
 * "n > left" with left = end - p, so that a huge length from a packet can
 * never make a pointer sum wrap.
 */
static inline void
cur_init(struct cur *c, const uint8_t *p, size_t len)
{
	c->base = c->p = c->end = p;
	if (p != NULL)		/* no arithmetic on NULL, even + 0 */
		c->end = p + len;
	c->trunc = 0;
}

static inline size_t
cur_left(const struct cur *c)
{
	return (size_t)(c->end - c->p);
}

/* Offset of the next byte from the start of the packet. */
static inline size_t
cur_off(const struct cur *c)
{
	return (size_t)(c->p - c->base);
}

/* n bytes to read in place, without moving; NULL if they were not captured. */
static inline const uint8_t *
cur_peek(struct cur *c, size_t n)
{
	if (n > cur_left(c)) {
		c->trunc = 1;
		return NULL;
	}
	return c->p;
}

static inline const uint8_t *
cur_pull(struct cur *c, size_t n)
{
	const uint8_t	*p;

	if ((p = cur_peek(c, n)) == NULL)
		return NULL;
	c->p += n;
	return p;
}

static inline int
cur_skip(struct cur *c, size_t n)
{
	return cur_pull(c, n) == NULL ? -1 : 0;
}

static inline int
cur_u8(struct cur *c)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, 1)) == NULL)
		return -1;
	return p[0];
}

static inline int
cur_u16(struct cur *c)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, 2)) == NULL)
		return -1;
	return p[0] << 8 | p[1];
}

/* Four bytes already pulled or peeked (p), in network order. */
static inline uint32_t
cur_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline int64_t
cur_u32(struct cur *c)
{
	const uint8_t	*p;

	if ((p = cur_pull(c, 4)) == NULL)
		return -1;
	return (int64_t)cur_be32(p);
}

/*
 * A child cursor over the next len bytes, as a length field in the packet
 * claims them, clamped to what was captured; the parent moves past them.
 * Returns 1 when the child had to be clamped (the packet was cut short or
 * the length field lies), 0 otherwise.
 */
static inline int
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

#endif /* ZBTOP_CUR_H */
