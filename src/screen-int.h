/*
 * What screen.c, screen-layout.c and screen-prompt.c share: the screen's
 * state and the calls between them.  Nothing outside the screen includes
 * this.
 */
#ifndef ZBTOP_SCREEN_INT_H
#define ZBTOP_SCREEN_INT_H

#include <signal.h>
#include <wchar.h>

#include "cmd.h"
#include "pane.h"
#include "prompt.h"
#include "tbuf.h"
#include "zb.h"

#define SCREEN_MINW	60		/* narrower: "terminal too small" */
#define SCREEN_MINH	14

enum { P_BUFFERS, P_RATES, P_PACKETS, P_TALKERS, P_MIX, P_NPANES };

/* A command whose prep runs on a thread (a filter's name lookups). */
struct screen_job {
	struct cmd_job		*job;		/* NULL: none pending */
	char			*line;		/* its line, or its name */
	char			*arg;		/* its one argument, or NULL */
	const char		*pfx;		/* before its errors */
	int			 confirm;	/* say "filter: arg" when done */
};

/* The screen's state: one screen per process. */
struct screen {
	struct engine		*eng;
	struct stats_snap	*snap;
	struct pane_env		 env;
	struct pane		 pane[P_NPANES];
	struct pane		 sockets;	/* S: over the whole body */
	int			 focus;		/* index into pane[] */
	struct prompt		*prompt;
	int			 prompting;
	char			 check[ZB_ERRBUFSZ];	/* live filter check */
	int			 check_ok;
	char			*checked;	/* text the check is for */
	struct cmd_ctx		 ctx;
	struct tbuf		 out;		/* a command's output lines */
	int			 nout, nerr;
	double			 delay;
	long			 iterations;	/* --iterations, 0: none */
	long			 frames;	/* timed refreshes so far */
	int			 refresh;	/* take a snapshot now */
	int			 quit;
	volatile sig_atomic_t	*stop;		/* screen_opts' quit */
	void			(*snap_hook)(void *,
				    const struct stats_snap *);
	void			*snap_arg;	/* screen_opts' */
	char			 status[512];
	int			 status_err;
	double			 status_t;	/* when it was set */
	char			 engerr[ZB_ERRBUFSZ];
	unsigned		 eventno;	/* engine events shown */
	char			 note[2 * ZB_ERRBUFSZ];	/* last shown */
	const char		*errpfx;	/* before a command's error */
	struct screen_job	 job;
};

extern struct screen screen_st;

/* screen-status.c: seconds on the monotonic clock. */
double	screen_now(void);

/* screen-layout.c: the header, the panes or a view, the status line. */
void	screen_draw(void);

/*
 * screen-keys.c: one key as get_wch() read it (r its return, wc the
 * character or KEY_ code), but not Ctrl-L or a resize, which screen.c
 * repaints for.
 */
void	screen_key(int, wint_t);

/* screen-prompt.c */
void	screen_statusline(void);
void	screen_prompt_open(enum prompt_kind, const char *);
void	screen_prompt_check(void);
void	screen_prompt_key(int, wint_t);
void	screen_command(const char *);
void	screen_cmd_out(void *, const char *);
void	screen_cmd_error(void *, const char *);
int	screen_job_poll(void);
void	screen_job_cancel(void);

#endif /* ZBTOP_SCREEN_INT_H */
