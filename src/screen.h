/*
 * The interactive full-screen view.  It only reads snapshots and recent
 * packets from the engine and never makes the engine wait; it owns the
 * terminal from screen_run() until it returns, and restores it on every
 * way out.
 */
#ifndef ZBTOP_SCREEN_H
#define ZBTOP_SCREEN_H

#include <signal.h>
#include <stdint.h>

struct engine;
struct stats_snap;
struct psock;
struct psock_att;

struct screen_opts {
	double		 delay;		/* seconds between refreshes */
	long		 iterations;	/* refreshes, then quit, as top -n */
	volatile sig_atomic_t *quit;	/* non-zero: stop (main's flag: a
					   signal, --command quit), or NULL */
	int		 color;		/* 0 with NO_COLOR or monochrome */
	const char	*histfile;	/* NULL: the default history file */
	struct psock	*psock;		/* the sockets view's reader, or NULL */
	struct psock_att *att;		/* --attach: the ring to show first */
	const char	*psock_err;	/* why psock is NULL */
	/* Called with each refresh's snapshot, if not NULL. */
	void		(*snap_hook)(void *, const struct stats_snap *);
	void		*snap_arg;
};

/*
 * Optional, before privileges are dropped: opens the history file, which
 * may sit where the dropped user cannot reach.  screen_run() calls it if
 * nobody did.  -1 only when line editing cannot work at all.
 */
int	screen_init(const struct screen_opts *, char *);
/*
 * Runs until the user quits or a signal asks to; returns the exit status.
 * Without an engine (--sockets, --attach) only the sockets view shows.
 */
int	screen_run(struct engine *, const struct screen_opts *);

/*
 * For the panes, the prompt and the views.  The status line
 * (screen-status.c): 0 information, 1 error; it stays 10 s (errors 30 s).
 */
void	 screen_status(int, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Text views over the panes (screen-view.c): help, detail, output. */
void	 screen_view_open(const char *, const char *, int);
void	 screen_view_close(void);
int	 screen_view_active(void);
void	 screen_view_draw(int, int);
int	 screen_view_key(int);
void	 screen_detail_open(struct engine *, uint64_t);
void	 screen_help_open(void);

#endif /* ZBTOP_SCREEN_H */
