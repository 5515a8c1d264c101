/*
 * The screen's panes, htop style: each pane is one file exporting one
 * const struct pane_class, and draws only from a stats snapshot (plus
 * recent packets for the packet list).  Also the small drawing kit that
 * screen.c gives the panes, so that no pane writes raw bytes: every string
 * goes through screen_put(), which refuses control characters.
 */
#ifndef ZBTOP_PANE_H
#define ZBTOP_PANE_H

#include <stddef.h>
#include <stdint.h>

struct engine;
struct stats_snap;

/* Colour roles; screen.c maps them to pairs, or to attributes in mono. */
enum screen_role {
	SCREEN_NORMAL,
	SCREEN_TITLE,		/* a pane's title bar */
	SCREEN_TITLE_FOCUS,	/* the focused pane's title bar */
	SCREEN_HEADER,		/* labels in the header */
	SCREEN_VALUE,		/* numbers worth reading */
	SCREEN_KERNEL,		/* buffer owner: kernel filling it */
	SCREEN_USER,		/* buffer owner: held by zbtop */
	SCREEN_FREE,		/* buffer owner: free */
	SCREEN_DROP,		/* a non-zero drop counter */
	SCREEN_OK,
	SCREEN_ERROR,
	SCREEN_SELECT,		/* the selected row */
	SCREEN_DIM,
	SCREEN_SPARK,
	SCREEN_NROLES
};

/* Where a pane sits this frame; screen.c's layout fills it in. */
struct pane {
	const struct pane_class	*cls;
	int			 y, x, h, w;
	int			 shown;		/* toggled by a key */
	int			 focus;		/* gets the scrolling keys */
	int			 detail;	/* buffers: rows, not strips */
};

/* What a pane may read while drawing or handling a key. */
struct pane_env {
	const struct stats_snap	*snap;
	struct engine		*eng;
	int			 utf8;		/* block glyphs allowed */
	/* A pane that acts asks the command layer: a command line. */
	void			(*command)(const char *);
};

/* A pane kind: name, how many rows it wants, draw, keys. */
struct pane_class {
	const char	*name;
	/* Rows wanted out of the rows left; 0 hides it this frame. */
	int		(*want)(struct pane *, const struct pane_env *, int);
	void		(*draw)(struct pane *, const struct pane_env *);
	/* A key while focused (ncurses code): 1 used, 0 not; NULL: none. */
	int		(*key)(struct pane *, const struct pane_env *, int);
	/* Forget scrolling and selection (counters cleared); may be NULL. */
	void		(*reset)(struct pane *);
};

extern const struct pane_class	pane_buffers_class;
extern const struct pane_class	pane_rates_class;
extern const struct pane_class	pane_packets_class;
extern const struct pane_class	pane_talkers_class;
extern const struct pane_class	pane_mix_class;
extern const struct pane_class	pane_sockets_class;

/*
 * The sockets view (pane-sockets.c): its reader, opened before
 * privileges were dropped (NULL: why says why not), and a ring to show
 * at once (--attach), or NULL.  Refresh takes new snapshots.
 */
struct psock;
struct psock_att;
void	 pane_sockets_init(struct psock *, struct psock_att *, const char *);
void	 pane_sockets_refresh(void);
void	 pane_sockets_free(void);

/* Drawing kit (screen-draw.c).  Columns are clipped at x + w. */
void	 screen_colors(int);
int	 screen_put(int, int, int, enum screen_role, const char *);
int	 screen_puta(int, int, int, enum screen_role, const char *);
int	 screen_putcut(int, int, int, enum screen_role, const char *, int,
	    int);
int	 screen_puttail(int, int, int, enum screen_role, const char *);
int	 screen_printf(int, int, int, enum screen_role, const char *, ...)
	    __attribute__((format(printf, 5, 6)));
void	 screen_title(const struct pane *, const char *, const char *);
void	 screen_bar(int, int, int, double, enum screen_role, int);
void	 screen_spark(int, int, int, const double *, int, double,
	    enum screen_role, int);
int	 screen_width(const char *, size_t);
char	*screen_num(char *, size_t, double);
char	*screen_bytes(char *, size_t, double);
void	 screen_fill(int, int, int, enum screen_role);
int	 screen_scroll(int, int *, int, int);

#endif /* ZBTOP_PANE_H */
