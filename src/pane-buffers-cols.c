/*
 * What the buffers pane's two views print alike: a ring's lead (its
 * number, lane or interface) and tail (fill, packets and their share,
 * rate, forced hand-overs) with the tail's header, and the colour of a
 * buffer's owner.  The strips put cells between lead and tail, the
 * detailed rows a bar.
 */
#include <stdio.h>
#include <string.h>

#include "pane.h"
#include "pane-buffers-int.h"
#include "stats.h"
#include "tbuf.h"

enum screen_role
pane_buffers_role(enum cap_owner o)
{
	switch (o) {
	case CAP_OWN_KERNEL:
		return SCREEN_KERNEL;
	case CAP_OWN_USER:
		return SCREEN_USER;
	default:
		return SCREEN_FREE;
	}
}

/* Buffers in the biggest ring (they are all the same size). */
int
pane_buffers_perring(const struct stats_snap *s)
{
	unsigned	 i;
	int		 per = 0;

	for (i = 0; i < s->nrings; i++)
		if (s->rings[i].nbufs > per)
			per = s->rings[i].nbufs;
	return per;
}

/* Packets of all rings, which a ring's share is of. */
uint64_t
pane_buffers_all(const struct stats_snap *s)
{
	uint64_t	 all = 0;
	unsigned	 i;

	for (i = 0; i < s->nrings; i++)
		all += s->rings[i].packets;
	return all;
}

/*
 * A ring's lead, BUF_LEAD columns: " ring  0* L0  ", or with several -i
 * the interface it belongs to instead of the lane: "  0* eth0     ".
 */
const char *
pane_buffers_lead(char *buf, size_t sz, const struct stats_snap *s,
    unsigned r)
{
	const struct stats_ring	*ring = &s->rings[r];
	char			 name[4 * CAP_IFNAMSZ];

	if (s->nifs < 2 || ring->iface >= CAP_MAXIF) {
		snprintf(buf, sz, " ring %2u%c L%-2u ", r,
		    ring->active ? '*' : ' ', ring->lane);
		return buf;
	}
	esc_str(name, sizeof name, s->ifname[ring->iface],
	    strnlen(s->ifname[ring->iface], CAP_IFNAMSZ));
	snprintf(buf, sz, " %2u%c %-8.8s ", r, ring->active ? '*' : ' ', name);
	return buf;
}

/*
 * fill, packets (share of all rings': the lane balance with --threads),
 * packets/s, forced hand-overs; what does not fit is left out from the
 * right.  Returns the columns used.
 */
int
pane_buffers_tail(const struct pane *p, int y, int x,
    const struct stats_ring *r, uint64_t all)
{
	char	 pk[16], ps[16], tail[96];
	double	 frac, share;
	int	 room = p->x + p->w - x;

	frac = r->size > 0 ? (double)r->used / (double)r->size : 0;
	share = all > 0 ? 100.0 * (double)r->packets / (double)all : 0;
	screen_num(pk, sizeof pk, (double)r->packets);
	screen_num(ps, sizeof ps, r->pps);
	if (room >= 38)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%) %6s/s "
		    "%6llu", frac * 100, pk, share, ps,
		    (unsigned long long)r->forced);
	else if (room >= 31)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%) %6s/s",
		    frac * 100, pk, share, ps);
	else
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3.0f%%)",
		    frac * 100, pk, share);
	return screen_put(y, x, room, SCREEN_NORMAL, tail);
}

/*
 * The tail's header into tail (40 bytes), cut where pane_buffers_tail()
 * leaves columns out for want of room.
 */
const char *
pane_buffers_tailhead(char *tail, int room)
{
	snprintf(tail, 40, "   FILL PACKETS  SHARE    PKT/S FORCED");
	tail[room >= 38 ? 38 : room >= 31 ? 31 : 22] = '\0';
	return tail;
}
