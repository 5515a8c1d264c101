/*
 * The bounds-checked reader every decoder goes through.  A cursor covers
 * the bytes that were captured; a read that would pass its end fails, sets
 * the trunc flag and leaves the cursor where it was.  Pointer arithmetic on
 * packet bytes happens only in cur.c (netsniff-ng's pkt_pull, without the
 * unchecked lengths).
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

void		 cur_init(struct cur *, const uint8_t *, size_t);
size_t		 cur_left(const struct cur *);
size_t		 cur_off(const struct cur *);
const uint8_t	*cur_pull(struct cur *, size_t);
const uint8_t	*cur_peek(struct cur *, size_t);
int		 cur_skip(struct cur *, size_t);
int		 cur_copy(struct cur *, void *, size_t);
int		 cur_u8(struct cur *);
int		 cur_u16(struct cur *);
int64_t		 cur_u32(struct cur *);
int		 cur_peek_u8(struct cur *, size_t);
int		 cur_peek_u16(struct cur *, size_t);
int		 cur_sub(struct cur *, size_t, struct cur *);
int		 cur_seek(const struct cur *, size_t, struct cur *);

#endif /* ZBTOP_CUR_H */
