/*
 * The sockets view (key S, or zbtop --sockets on a terminal): every
 * packet socket on the host, sorted and selectable like top's process
 * list, and, after Enter, the selected process's ring block by block
 * with the verdict.  The draw functions read only the two psock
 * snapshots below; the refresh and the key actions are the only calls
 * into the packet-socket reader, and it never writes to the process.
 */
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "psock.h"
#include "screen.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PS_HINT	"Enter watch ring  f filter  < > sort  R reverse  S close"

/* The view's state: snapshots, selection, sort, and the attachment. */
static struct {
	struct psock		*ps;
	struct psock_snap	*list;
	struct psock_ringsnap	*ring;
	struct psock_att	*att;
	char			 err[PSOCK_ERRSZ];	/* list failed */
	enum psock_key		 key;
	int			 rev;
	uint32_t		 sel_ino;
	int			 sel, top, btop;
} ps_st;

static int	pane_sockets_want(struct pane *, const struct pane_env *, int);
static void	pane_sockets_draw(struct pane *, const struct pane_env *);
static int	pane_sockets_key(struct pane *, const struct pane_env *, int);
static void	pane_sockets_page(int, int);
static void	pane_sockets_list(struct pane *, const struct psock_snap *);
static void	pane_sockets_row(const struct pane *, int,
		    const struct psock_row *, int);
static void	pane_sockets_ring(struct pane *, const struct psock_ringsnap *,
		    int);
static void	pane_sockets_blk(const struct pane *, int,
		    const struct psock_ringsnap *, int, int);
static void	pane_sockets_attach(void);
static void	pane_sockets_resort(void);
static void	pane_sockets_filter(void);
static enum screen_role pane_sockets_role(enum psock_owner);

const struct pane_class pane_sockets_class = {
	.name = "sockets",
	.want = pane_sockets_want,
	.draw = pane_sockets_draw,
	.key = pane_sockets_key,
	.reset = NULL,
};

void
pane_sockets_init(struct psock *ps, struct psock_att *att, const char *why)
{
	ps_st.ps = ps;
	ps_st.att = att;
	ps_st.list = xcalloc(1, sizeof *ps_st.list);
	ps_st.ring = xcalloc(1, sizeof *ps_st.ring);
	ps_st.key = PSOCK_K_PID;
	if (ps == NULL)
		snprintf(ps_st.err, sizeof ps_st.err, "%s", why != NULL ?
		    why : "packet sockets not readable");
}

void
pane_sockets_free(void)
{
	psock_detach(ps_st.att);
	psock_close(ps_st.ps);
	if (ps_st.list != NULL)
		psock_snap_free(ps_st.list);
	free(ps_st.list);
	free(ps_st.ring);
	memset(&ps_st, 0, sizeof ps_st);
}

/* A new snapshot, every refresh while the view is shown. */
void
pane_sockets_refresh(void)
{
	char	 errbuf[PSOCK_ERRSZ];

	if (ps_st.ps == NULL)
		return;
	if (ps_st.att != NULL) {
		if (psock_ring_read(ps_st.att, ps_st.ps, ps_st.ring,
		    errbuf) == -1) {
			screen_status(1, "%s", errbuf);
			psock_detach(ps_st.att);
			ps_st.att = NULL;
		}
		return;
	}
	psock_rescan(ps_st.ps);
	if (psock_snapshot(ps_st.ps, ps_st.list, ps_st.err) == 0)
		ps_st.err[0] = '\0';
	pane_sockets_resort();
}

/*
 * The selection follows its socket as the order changes; a FreeBSD
 * descriptor has no inode (0), so there it keeps its place.
 */
static void
pane_sockets_resort(void)
{
	int	 i;

	psock_sort(ps_st.list, ps_st.key, ps_st.rev);
	for (i = 0; ps_st.sel_ino != 0 && i < ps_st.list->nrows; i++)
		if (ps_st.list->rows[i].ino == ps_st.sel_ino)
			ps_st.sel = i;
}

static int
pane_sockets_want(struct pane *p, const struct pane_env *env, int avail)
{
	return avail;
}

static void
pane_sockets_draw(struct pane *p, const struct pane_env *env)
{
	if (ps_st.att != NULL)
		pane_sockets_ring(p, ps_st.ring, env->utf8);
	else
		pane_sockets_list(p, ps_st.list);
}

/* Title, column heads, rows, and a line for what could not be seen. */
static void
pane_sockets_list(struct pane *p, const struct psock_snap *s)
{
	char	 left[128], right[64];
	int	 rows = p->h - 3, i, y;

	if (ps_st.sel >= s->nrows)
		ps_st.sel = s->nrows - 1;
	if (ps_st.sel < 0)
		ps_st.sel = 0;
	/* The last page stays full. */
	if (rows > 0 && ps_st.top > s->nrows - rows)
		ps_st.top = s->nrows - rows;
	if (ps_st.top < 0)
		ps_st.top = 0;
	if (ps_st.sel < ps_st.top)
		ps_st.top = ps_st.sel;
	if (rows > 0 && ps_st.sel >= ps_st.top + rows)
		ps_st.top = ps_st.sel - rows + 1;
	if (s->nrows > 0)
		ps_st.sel_ino = s->rows[ps_st.sel].ino;
	if (s->bpf)
		snprintf(left, sizeof left, "BPF descriptors %d   sort %s%s",
		    s->nrows, psock_key_name(ps_st.key),
		    ps_st.rev ? " (reversed)" : "");
	else
		snprintf(left, sizeof left, "Sockets %d in %d namespaces   "
		    "sort %s%s", s->nrows, s->nns, psock_key_name(ps_st.key),
		    ps_st.rev ? " (reversed)" : "");
	snprintf(right, sizeof right, "%d-%d of %d", s->nrows ? ps_st.top + 1 :
	    0, ps_st.top + rows < s->nrows ? ps_st.top + rows : s->nrows,
	    s->nrows);
	screen_title(p, left, right);
	screen_printf(p->y + 1, p->x, p->w, SCREEN_HEADER, "%7s %-15s %-12s "
	    "%-9s %-5s %-3s %-21s %-9s %-4s %8s %8s", "PID", "COMMAND",
	    "NETNS", "IFACE", "TYPE", "VER", "RX RING", "FANOUT", "FLT",
	    "DROPS", "RMEM");
	y = p->y + 2;
	if (ps_st.err[0] != '\0')
		screen_put(y, p->x + 1, p->w - 1, SCREEN_ERROR, ps_st.err);
	for (i = 0; i < rows && ps_st.top + i < s->nrows; i++)
		pane_sockets_row(p, y + i, &s->rows[ps_st.top + i],
		    ps_st.top + i == ps_st.sel);
	/* The bottom line: what is hidden, or the keys. */
	y = p->y + p->h - 1;
	left[0] = '\0';
	for (i = 0; i < s->nns && left[0] == '\0'; i++)
		if (s->ns[i].err[0] != '\0')
			snprintf(left, sizeof left, "netns %s: %s",
			    s->ns[i].name, s->ns[i].err);
	if (left[0] == '\0' && s->unreadable > 0)
		snprintf(left, sizeof left, "%d processes not inspected "
		    "(needs CAP_SYS_PTRACE)", s->unreadable);
	screen_put(y, p->x + 1, p->w - 1, left[0] ? SCREEN_ERROR : SCREEN_DIM,
	    left[0] ? left : PS_HINT);
}

static void
pane_sockets_row(const struct pane *p, int y, const struct psock_row *r,
    int sel)
{
	enum screen_role	 role = sel ? SCREEN_SELECT : SCREEN_NORMAL;
	char			 g[48], fo[24], pid[16], flt[8], ver[8];
	int			 x = p->x, end = p->x + p->w;

	snprintf(pid, sizeof pid, r->pid ? "%d" : "-", r->pid);
	snprintf(ver, sizeof ver, r->version ? "v%d" : "-", r->version);
	psock_nfilter_str(flt, sizeof flt, r);
	if (sel)
		screen_fill(y, p->x, p->w, role);
	x += screen_printf(y, x, end - x, role, "%7s %-15.15s %-12.12s "
	    "%-9.9s %-5s %-3s %-21.21s %-9.9s %-4s ", pid, r->comm[0] ?
	    r->comm : "-", r->nsname, r->ifname[0] ? r->ifname : "*",
	    psock_type_name(r->type), ver,
	    psock_geom_str(g, sizeof g, r), psock_fanout_str(fo, sizeof fo, r),
	    flt);
	x += screen_printf(y, x, end - x, sel ? role : r->drops ?
	    SCREEN_DROP : SCREEN_VALUE, "%8u", r->drops);
	screen_printf(y, x, end - x, role, " %8u", r->rmem);
}

static enum screen_role
pane_sockets_role(enum psock_owner o)
{
	return o == PSOCK_OWN_KERNEL ? SCREEN_KERNEL : o == PSOCK_OWN_USER ?
	    SCREEN_USER : SCREEN_FREE;
}

/* The attached ring: who, the totals, the verdict, a row per block. */
static void
pane_sockets_ring(struct pane *p, const struct psock_ringsnap *rs, int utf8)
{
	enum screen_role	 vr;
	char			 left[160], ret[24];
	int			 rows = p->h - 4, i, x, end = p->x + p->w;

	snprintf(left, sizeof left, "Ring of %d (%s)  socket %u  netns %s  "
	    "%s  TPACKET_V%d", rs->pid, rs->comm, rs->ino, rs->nsname,
	    rs->ifname[0] ? rs->ifname : "*", rs->version);
	screen_title(p, left, "Esc: back to the list");
	x = p->x + 1;
	x += screen_printf(p->y + 1, x, end - x, SCREEN_NORMAL, "%u x %u "
	    "bytes, retire %s   ", rs->g.block_nr, rs->g.block_size,
	    psock_retire_str(ret, sizeof ret, rs->version, rs->g.retire_ms));
	for (i = 0; i < 3; i++)
		x += screen_printf(p->y + 1, x, end - x,
		    pane_sockets_role((enum psock_owner)i), "%s %d  ",
		    psock_owner_name((enum psock_owner)i), rs->nown[i]);
	x += screen_printf(p->y + 1, x, end - x, SCREEN_NORMAL, " in ring "
	    "%llu  rotations ", (unsigned long long)rs->pkts_ring);
	x += screen_printf(p->y + 1, x, end - x, SCREEN_VALUE, rs->rotps < 0 ?
	    "-" : "%.1f/s", rs->rotps);
	x += screen_put(p->y + 1, x, end - x, SCREEN_NORMAL, "  drops ");
	screen_printf(p->y + 1, x, end - x, rs->ddrops ? SCREEN_DROP :
	    SCREEN_VALUE, "%u (+%u)", rs->drops, rs->ddrops);
	vr = rs->verdict == PSOCK_V_OK ? SCREEN_OK : rs->verdict ==
	    PSOCK_V_MEASURING ? SCREEN_DIM : SCREEN_ERROR;
	x = p->x + 1;
	x += screen_put(p->y + 2, x, end - x, SCREEN_HEADER, "verdict ");
	x += screen_put(p->y + 2, x, end - x, vr,
	    psock_verdict_name(rs->verdict));
	screen_printf(p->y + 2, x, end - x, SCREEN_NORMAL, "  %s", rs->why);
	screen_printf(p->y + 3, p->x, p->w, SCREEN_HEADER, "%6s %-6s %-*s "
	    "%6s %7s %10s %7s", "BLOCK", "OWNER", p->w - 56 > 4 ? p->w - 56 :
	    4, "FILL", "FILL%", "PKTS", "SEQ", "HELD");
	if (ps_st.btop > rs->nblk - rows)
		ps_st.btop = rs->nblk - rows;
	if (ps_st.btop < 0)
		ps_st.btop = 0;
	for (i = 0; i < rows && ps_st.btop + i < rs->nblk; i++)
		pane_sockets_blk(p, p->y + 4 + i, rs, ps_st.btop + i, utf8);
}

static void
pane_sockets_blk(const struct pane *p, int y, const struct psock_ringsnap *rs,
    int i, int utf8)
{
	const struct psock_blk	*b = &rs->blk[i];
	enum screen_role	 role = pane_sockets_role(b->owner);
	double			 frac;
	char			 held[16];
	int			 bar = p->w - 56 > 4 ? p->w - 56 : 4, x;

	frac = rs->g.block_size ? (double)b->used / rs->g.block_size : 0;
	if (rs->version != 3 && rs->g.frame_size > 0)
		frac = (double)b->pkts / (rs->g.block_size / rs->g.frame_size);
	x = p->x + screen_printf(y, p->x, 7, SCREEN_NORMAL, "%6d ", i);
	x += screen_printf(y, x, 7, role, "%-6s ", psock_owner_name(b->owner));
	screen_bar(y, x, bar, frac, role, utf8);
	x += bar;
	snprintf(held, sizeof held, b->held >= 0 ? "%.1fs" : "-", b->held);
	screen_printf(y, x, p->x + p->w - x, SCREEN_NORMAL, " %6.1f %7u %10llu "
	    "%7s%s", frac * 100, b->pkts, (unsigned long long)b->seq, held,
	    b->losing ? " losing" : "");
}

static void
pane_sockets_attach(void)
{
	char	 errbuf[PSOCK_ERRSZ];

	if (ps_st.list->nrows == 0 || ps_st.ps == NULL)
		return;
	ps_st.att = psock_attach(ps_st.ps, 0, ps_st.list->rows[ps_st.sel].ino,
	    errbuf);
	if (ps_st.att == NULL) {
		screen_status(1, "%s", errbuf);
		return;
	}
	ps_st.btop = 0;
	pane_sockets_refresh();
}

/* The selected socket's filter as the bpf command prints zbtop's. */
static void
pane_sockets_filter(void)
{
	const struct psock_row	*r;
	struct tbuf		 tb;
	char			 errbuf[PSOCK_ERRSZ], title[64], *p;

	if (ps_st.list->nrows == 0 || ps_st.ps == NULL)
		return;
	r = &ps_st.list->rows[ps_st.sel];
	tbuf_init(&tb);
	if (psock_filter(ps_st.ps, r->netns, r->ino, &tb, errbuf) == -1)
		screen_status(1, "%s", errbuf);
	else {
		/* bpf_image puts a tab before jf; the view shows no tabs. */
		for (p = tb.s; (p = strchr(p, '\t')) != NULL; p++)
			*p = ' ';
		snprintf(title, sizeof title, "filter of socket %u (pid %d)",
		    r->ino, r->pid);
		screen_view_open(title, tb.s, 1);
	}
	tbuf_free(&tb);
}

/*
 * A page of the list (dir 1 down, -1 up, in a pane h rows high) moves its
 * rows and the selection together, so the selected row keeps its place
 * (as htop); the draw clamps both.
 */
static void
pane_sockets_page(int dir, int h)
{
	int	 page = h > 4 ? h - 3 : 1;

	ps_st.top += dir * page;
	ps_st.sel += dir * page;
	if (ps_st.top < 0)
		ps_st.top = 0;
	if (ps_st.sel < 0)
		ps_st.sel = 0;
}

static int
pane_sockets_key(struct pane *p, const struct pane_env *env, int key)
{
	int	*pos = ps_st.att != NULL ? &ps_st.btop : &ps_st.sel;
	int	 page = p->h > 5 ? p->h - 4 : 1;

	if (ps_st.att == NULL && (key == KEY_NPAGE || key == KEY_PPAGE)) {
		pane_sockets_page(key == KEY_NPAGE ? 1 : -1, p->h);
		return 1;
	}
	/* The selected socket, or the attached ring's first block row. */
	if (screen_scroll(key, pos, page, ps_st.att != NULL ? PSOCK_MAXBLK :
	    PSOCK_MAX))
		return 1;
	switch (key) {
	case '<':
	case '>':
		ps_st.key = (enum psock_key)((ps_st.key + (key == '>' ? 1 :
		    PSOCK_K_NKEYS - 1)) % PSOCK_K_NKEYS);
		pane_sockets_resort();
		return 1;
	case 'R':
		ps_st.rev = !ps_st.rev;
		pane_sockets_resort();
		return 1;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (ps_st.att == NULL)
			pane_sockets_attach();
		break;
	case 'f':
		if (ps_st.att == NULL)
			pane_sockets_filter();
		break;
	case 033:
	case KEY_BACKSPACE:
	case 'x':
		if (ps_st.att == NULL)
			return 0;
		psock_detach(ps_st.att);
		ps_st.att = NULL;
		/* Back on the list, the ring just watched is selected. */
		ps_st.sel_ino = ps_st.ring->ino;
		pane_sockets_refresh();
		break;
	default:
		return 0;
	}
	if (*pos < 0)
		*pos = 0;
	return 1;
}
