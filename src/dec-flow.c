/*
 * TCP connections print mode has seen, for sequence numbers relative to
 * the start of each, as tcpdump prints them without -S.  A fixed table,
 * hashed by the address and port pair, one entry per connection; when a
 * bucket's slots are full the least recently used entry is evicted (that
 * connection then starts again from absolute numbers, as in tcpdump when
 * it has not seen the start).  Never allocates per packet.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "dec-int.h"
#include "xmalloc.h"

#define FLOW_WAYS	4		/* slots per bucket */

struct dec_flow {
	uint8_t		 key[37];	/* af, addresses, ports: lower port first */
	uint8_t		 used;
	uint32_t	 seq;		/* base of the first side's numbers */
	uint32_t	 ack;		/* base of the second side's numbers */
	uint64_t	 stamp;		/* last use, for eviction */
};

struct dec_flows {
	struct dec_flow	*slot;
	unsigned	 nbucket;
	uint64_t	 clock;
};

struct dec_flows *
dec_flows_new(unsigned n)
{
	struct dec_flows	*f;

	f = xcalloc(1, sizeof *f);
	f->nbucket = n / FLOW_WAYS > 0 ? n / FLOW_WAYS : 1;
	f->slot = xcalloc((size_t)f->nbucket * FLOW_WAYS, sizeof *f->slot);
	return f;
}

void
dec_flows_free(struct dec_flows *f)
{
	if (f == NULL)
		return;
	free(f->slot);
	free(f);
}

static uint32_t
flow_hash(const uint8_t *k, size_t n)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < n; i++)
		h = (h ^ k[i]) * 16777619u;
	return h;
}

/*
 * One key for both directions, as tcpdump orders them: the lower port
 * first, on equal ports the lower address.  Returns 1 when swapped.
 */
static int
flow_key(uint8_t *k, const struct dec_ctx *ctx)
{
	size_t		 alen = ctx->af == 6 ? 16 : 4;
	const uint8_t	*a = ctx->src, *b = ctx->dst;
	int		 pa = ctx->sport, pb = ctx->dport, rev;

	rev = pa > pb || (pa == pb && memcmp(a, b, alen) > 0);
	if (rev) {
		a = ctx->dst;
		b = ctx->src;
		pa = ctx->dport;
		pb = ctx->sport;
	}
	memset(k, 0, 37);
	k[0] = ctx->af;
	memcpy(k + 1, a, alen);
	memcpy(k + 17, b, alen);
	k[33] = (uint8_t)(pa >> 8);
	k[34] = (uint8_t)pa;
	k[35] = (uint8_t)(pb >> 8);
	k[36] = (uint8_t)pb;
	return rev;
}

/* The conversation's entry; a new one evicts the least recently used. */
static struct dec_flow *
flow_find(struct dec_flows *f, const uint8_t *k, int *found)
{
	struct dec_flow	*b, *old;
	unsigned	 i;

	b = &f->slot[(size_t)(flow_hash(k, 37) % f->nbucket) * FLOW_WAYS];
	old = &b[0];
	for (i = 0; i < FLOW_WAYS; i++) {
		if (b[i].used && memcmp(b[i].key, k, 37) == 0) {
			b[i].stamp = ++f->clock;
			*found = 1;
			return &b[i];
		}
		if (!b[i].used || (old->used && b[i].stamp < old->stamp))
			old = &b[i];
	}
	memset(old, 0, sizeof *old);
	memcpy(old->key, k, 37);
	old->used = 1;
	old->stamp = ++f->clock;
	*found = 0;
	return old;
}

/*
 * Relative numbers for a segment with ACK set, as tcpdump 4.99 prints
 * them: the first such segment of a conversation (or one with SYN) sets
 * the bases and prints absolute numbers; later ones print seq and ack
 * less the bases.  *sbase and *abase get the bases, for SACK blocks,
 * which are relative to them even in that first segment (as tcpdump's).
 */
void
dec_flow_rel(struct dec_flows *f, const struct dec_ctx *ctx, int syn,
    uint32_t *seq, uint32_t *ack, uint32_t *sbase, uint32_t *abase)
{
	struct dec_flow	*fl;
	uint8_t		 k[37];
	int		 rev, found;

	*sbase = *abase = 0;
	rev = flow_key(k, ctx);
	fl = flow_find(f, k, &found);
	if (!found || syn) {
		if (rev) {
			fl->ack = *seq;
			fl->seq = *ack - 1;
		} else {
			fl->seq = *seq;
			fl->ack = *ack - 1;
		}
	}
	*sbase = rev ? fl->ack : fl->seq;
	*abase = rev ? fl->seq : fl->ack;
	if (!found || syn)
		return;
	*seq -= *sbase;
	*ack -= *abase;
}
