/*
 * What the buffers pane's two views print alike: a ring's lead (its
 * number, lane or interface) and tail (fill, packets and their share,
 * rate, forced hand-overs) with the tail's header, the row that sums up
 * the rings with no room for their own, and the colour of a buffer's
 * owner.  The strips put cells between lead and tail, the detailed rows
 * a bar.
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

/*
 * Each ring's share of all rings' packets, whole percent into pct
 * (CAP_MAXRINGS ints), by largest remainder so that the shares shown add
 * up to 100 (each rounded alone, three even rings showed 33% each); all
 * 0 when no ring has a packet.
 */
void
pane_buffers_shares(const struct stats_snap *s, int *pct)
{
	uint64_t	 all = 0, rem[CAP_MAXRINGS];
	unsigned	 i, j, n = s->nrings < CAP_MAXRINGS ? s->nrings :
			    CAP_MAXRINGS;
	int		 left = 100;

	memset(pct, 0, CAP_MAXRINGS * sizeof *pct);
	for (i = 0; i < n; i++)
		all += s->rings[i].packets;
	if (all == 0)
		return;
	for (i = 0; i < n; i++) {
		pct[i] = (int)(s->rings[i].packets * 100 / all);
		rem[i] = s->rings[i].packets * 100 % all;
		left -= pct[i];
	}
	/* The points rounding down lost go to the largest remainders. */
	for (; left > 0; left--) {
		for (i = 0, j = n; i < n; i++)
			if (rem[i] > 0 && (j == n || rem[i] > rem[j]))
				j = i;
		if (j == n)
			break;
		pct[j]++;
		rem[j] = 0;
	}
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
 * fill, packets (share of all rings', pane_buffers_shares(): the lane
 * balance with --threads),
 * packets/s, forced hand-overs; what does not fit is left out from the
 * right.  Returns the columns used.
 */
int
pane_buffers_tail(const struct pane *p, int y, int x,
    const struct stats_ring *r, int share)
{
	char	 pk[16], ps[16], tail[96];
	double	 frac;
	int	 room = p->x + p->w - x;

	frac = r->size > 0 ? (double)r->used / (double)r->size : 0;
	screen_num(pk, sizeof pk, (double)r->packets);
	screen_num(ps, sizeof ps, r->pps);
	if (room >= 38)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3d%%) %6s/s "
		    "%6llu", frac * 100, pk, share, ps,
		    (unsigned long long)r->forced);
	else if (room >= 31)
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3d%%) %6s/s",
		    frac * 100, pk, share, ps);
	else
		snprintf(tail, sizeof tail, " %5.1f%% %7s (%3d%%)",
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

/* Rings from the first on, in one row: their packets, share and rate. */
void
pane_buffers_rest(const struct pane *p, const struct stats_snap *s, int y,
    unsigned first, const int *pct)
{
	char		 pk[16], ps[16];
	uint64_t	 n = 0;
	double		 pps = 0;
	unsigned	 i;
	int		 x = p->x + 1, end = p->x + p->w, share = 0;

	for (i = first; i < s->nrings; i++) {
		n += s->rings[i].packets;
		pps += s->rings[i].pps;
		if (i < CAP_MAXRINGS)
			share += pct[i];
	}
	x += screen_printf(y, x, end - x, SCREEN_NORMAL, "rings %u-%u %s "
	    "(%3d%%) %s/s", first, s->nrings - 1,
	    screen_num(pk, sizeof pk, (double)n), share,
	    screen_num(ps, sizeof ps, pps));
	screen_put(y, x, end - x, SCREEN_DIM, "  no room for a row each");
}
