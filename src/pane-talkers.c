/*
 * The top talkers pane (t toggles it): address pair and protocol, busiest
 * first, with packets, bytes and rate.  It reads only the snapshot;
 * addresses are formatted here from bytes, never copied from a packet.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "pane.h"
#include "stats.h"

static int	pane_talkers_want(struct pane *, const struct pane_env *, int);
static void	pane_talkers_draw(struct pane *, const struct pane_env *);
static int	pane_talkers_key(struct pane *, const struct pane_env *, int);
static void	pane_talkers_reset(struct pane *);
static void	pane_talkers_addr(char *, size_t, int, const uint8_t *);

static int		 talkers_top;

const struct pane_class pane_talkers_class = {
	.name = "talkers",
	.want = pane_talkers_want,
	.draw = pane_talkers_draw,
	.key = pane_talkers_key,
	.reset = pane_talkers_reset,
};

static int
pane_talkers_want(struct pane *p, const struct pane_env *env, int avail)
{
	return 2 + (env->snap->ntalkers > 0 ? env->snap->ntalkers : 1);
}

static void
pane_talkers_reset(struct pane *p)
{
	talkers_top = 0;
}

static void
pane_talkers_addr(char *buf, size_t sz, int af, const uint8_t *a)
{
	if (inet_ntop(af == 6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)sz) ==
	    NULL)
		snprintf(buf, sz, "?");
}

/*
 * Address pair first, then protocol, packets, bytes and rate; the bytes
 * and the rate go when the pane is too narrow for an IPv4 pair.
 */
static void
pane_talkers_draw(struct pane *p, const struct pane_env *env)
{
	const struct stats_snap		*s = env->snap;
	const struct stats_talker	*t;
	char				 a[64], b[64], n1[16], n2[16], n3[16];
	char				 pair[160];
	int				 i, rows = p->h - 2, aw, y, full;

	if (talkers_top > s->ntalkers - rows)
		talkers_top = s->ntalkers - rows;
	if (talkers_top < 0)
		talkers_top = 0;
	screen_title(p, "Top talkers", "t hides");
	full = p->w - 30 >= 26;
	aw = p->w - (full ? 30 : 14);
	if (aw < 10)
		aw = 10;
	screen_printf(p->y + 1, p->x, p->w, SCREEN_HEADER,
	    " %-*s %-6s %7s %7s %7s", aw - 2, "SOURCE > DESTINATION", "PROTO",
	    "PKTS", full ? "BYTES" : "", full ? "PKTS/S" : "");
	if (s->ntalkers == 0 && rows > 0)
		screen_put(p->y + 2, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no IP traffic yet");
	for (i = 0; i < rows && talkers_top + i < s->ntalkers; i++) {
		t = &s->talkers[talkers_top + i];
		y = p->y + 2 + i;
		pane_talkers_addr(a, sizeof a, t->af, t->src);
		pane_talkers_addr(b, sizeof b, t->af, t->dst);
		snprintf(pair, sizeof pair, "%s > %s", a, b);
		screen_printf(y, p->x, aw - 1, SCREEN_NORMAL, " %s", pair);
		screen_printf(y, p->x + aw - 1, p->w - aw + 1, SCREEN_NORMAL,
		    " %-6.6s %7s %7s %7s", dec_proto_name(t->proto),
		    screen_num(n1, sizeof n1, (double)t->packets),
		    full ? screen_bytes(n2, sizeof n2, (double)t->bytes) : "",
		    full ? screen_num(n3, sizeof n3, t->pps) : "");
	}
}

static int
pane_talkers_key(struct pane *p, const struct pane_env *env, int key)
{
	return screen_scroll(key, &talkers_top, p->h - 2, STATS_TOPN);
}
