/*
 * The interactive full-screen view.  It only reads snapshots and recent
 * packets from the engine and never makes the engine wait; it owns the
 * terminal from screen_run() until it returns, and restores it on every
 * way out.
 */
#ifndef ZBTOP_SCREEN_H
#define ZBTOP_SCREEN_H

struct engine;
struct psock;
struct psock_att;

struct screen_opts {
	double		 delay;		/* seconds between refreshes */
	int		 color;		/* 0 with NO_COLOR or monochrome */
	const char	*histfile;	/* NULL: the default history file */
	struct psock	*psock;		/* the sockets view's reader, or NULL */
	struct psock_att *att;		/* --attach: the ring to show first */
	const char	*psock_err;	/* why psock is NULL */
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

#endif /* ZBTOP_SCREEN_H */
