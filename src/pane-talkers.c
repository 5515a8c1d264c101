/*
 * Two toggled panes: top talkers (address pair and protocol, busiest
 * first, with packets, bytes and rate) and the protocol mix (innermost
 * protocol recognised by the light parse).  Both read only the snapshot;
 * addresses are formatted here from bytes, never copied from a packet.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <ncurses.h>
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
static int	pane_mix_want(struct pane *, const struct pane_env *, int);
static void	pane_mix_draw(struct pane *, const struct pane_env *);
static int	pane_mix_cmp(const void *, const void *);

static int		 talkers_top;
static const uint64_t	*mix_counts;	/* for pane_mix_cmp only */

const struct pane_class pane_talkers_class = {
	.name = "talkers",
	.want = pane_talkers_want,
	.draw = pane_talkers_draw,
	.key = pane_talkers_key,
	.reset = pane_talkers_reset,
};

const struct pane_class pane_mix_class = {
	.name = "mix",
	.want = pane_mix_want,
	.draw = pane_mix_draw,
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
	switch (key) {
	case KEY_UP:
	case 'k':
		talkers_top--;
		break;
	case KEY_DOWN:
	case 'j':
		talkers_top++;
		break;
	case KEY_PPAGE:
		talkers_top -= p->h - 2;
		break;
	case KEY_NPAGE:
		talkers_top += p->h - 2;
		break;
	case KEY_HOME:
	case 'g':
		talkers_top = 0;
		break;
	case KEY_END:
	case 'G':
		talkers_top = STATS_TOPN;
		break;
	default:
		return 0;
	}
	if (talkers_top < 0)
		talkers_top = 0;
	return 1;
}

static int
pane_mix_want(struct pane *p, const struct pane_env *env, int avail)
{
	int	 i, n = 0;

	for (i = 0; i < DEC_P_NPROTO; i++)
		if (env->snap->proto[i] != 0)
			n++;
	return 1 + (n > 0 ? n : 1);
}

static int
pane_mix_cmp(const void *a, const void *b)
{
	uint64_t	 x = mix_counts[*(const int *)a];
	uint64_t	 y = mix_counts[*(const int *)b];

	return x < y ? 1 : x > y ? -1 : *(const int *)a - *(const int *)b;
}

/* Busiest protocol first: name, packets, share and a bar. */
static void
pane_mix_draw(struct pane *p, const struct pane_env *env)
{
	const struct stats_snap	*s = env->snap;
	uint64_t		 total = 0;
	char			 n[16];
	int			 order[DEC_P_NPROTO], i, k = 0, y, bw;

	for (i = 0; i < DEC_P_NPROTO; i++) {
		total += s->proto[i];
		if (s->proto[i] != 0)
			order[k++] = i;
	}
	mix_counts = s->proto;
	qsort(order, (size_t)k, sizeof order[0], pane_mix_cmp);
	screen_title(p, "Protocol mix", "m hides");
	if (k == 0)
		screen_put(p->y + 1, p->x + 1, p->w - 1, SCREEN_DIM,
		    "no packets yet");
	bw = p->w - 27;
	for (i = 0; i < k && i < p->h - 1; i++) {
		double	 f = total ? (double)s->proto[order[i]] / total : 0;

		y = p->y + 1 + i;
		screen_printf(y, p->x, 26, SCREEN_NORMAL,
		    " %-7.7s %8s %6.1f%% ",
		    dec_proto_name(order[i]), screen_num(n, sizeof n,
		    (double)s->proto[order[i]]), f * 100);
		if (bw >= 3)
			screen_bar(y, p->x + 26, bw, f, SCREEN_SPARK,
			    env->utf8);
	}
}
