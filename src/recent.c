/*
 * The latest packets for the packet list.  A fixed array of slots indexed
 * by packet number modulo its size: the engine overwrites the oldest, so
 * memory is bounded.  One mutex, taken by the engine once per buffer and
 * by the screen once per refresh, never per packet on both sides.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cap.h"
#include "recent.h"
#include "xmalloc.h"

struct recent {
	pthread_mutex_t		 lock;
	uint64_t		 next;	/* number the next packet gets */
	uint64_t		 first;	/* oldest number still kept */
	struct recent_pkt	 slot[RECENT_SLOTS];
};

struct recent *
recent_new(void)
{
	struct recent	*r;

	r = xcalloc(1, sizeof *r);
	pthread_mutex_init(&r->lock, NULL);
	r->next = r->first = 1;
	return r;
}

void
recent_free(struct recent *r)
{
	if (r == NULL)
		return;
	pthread_mutex_destroy(&r->lock);
	free(r);
}

void
recent_lock(struct recent *r)
{
	pthread_mutex_lock(&r->lock);
}

void
recent_unlock(struct recent *r)
{
	pthread_mutex_unlock(&r->lock);
}

/* Called with the lock held. */
void
recent_add(struct recent *r, const struct cap_pkt *pkt, unsigned ring)
{
	struct recent_pkt	*s = &r->slot[r->next % RECENT_SLOTS];

	s->no = r->next++;
	s->ts = pkt->ts;
	s->origcap = pkt->caplen;
	s->len = CAP_PKT_LEN(pkt);
	s->caplen = pkt->caplen < RECENT_SNAP ? pkt->caplen : RECENT_SNAP;
	s->ring = ring;
	memcpy(s->data, pkt->data, s->caplen);
	if (r->next - r->first > RECENT_SLOTS)
		r->first = r->next - RECENT_SLOTS;
}

/* Called with the lock held: [first, last], empty when last < first. */
void
recent_range(struct recent *r, uint64_t *first, uint64_t *last)
{
	*first = r->first;
	*last = r->next - 1;
}

/* Called with the lock held. */
int
recent_get(struct recent *r, uint64_t no, struct recent_pkt *out)
{
	if (no < r->first || no >= r->next)
		return -1;
	memcpy(out, &r->slot[no % RECENT_SLOTS], sizeof *out);
	return 0;
}

void
recent_clear(struct recent *r)
{
	pthread_mutex_lock(&r->lock);
	r->first = r->next;
	pthread_mutex_unlock(&r->lock);
}
