/*
 * zbtop: watch a network interface through the kernel's zero-copy capture
 * path.  This file takes the parsed command line (opts.c), opens the
 * engine, drops privileges and hands over to one front end: the screen,
 * batch mode or print mode.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "cmd.h"
#include "engine.h"
#include "findex.h"
#include "metrics-serve.h"
#include "msg.h"
#include "opts.h"
#include "plist.h"
#include "print.h"
#include "priv.h"
#include "psock.h"
#include "screen.h"
#include "sockets.h"
#include "zbtop.h"

static void	cmd_failed(void *, const char *);
static void	cmd_stdout(void *, const char *);
static void	on_signal(int);
static void	run_commands(struct engine *, struct opts *);
static int	run_sockets(struct opts *);
static void	main_signals(void);
static void	main_stdfds(void);
static unsigned	main_print(struct opts *, struct print_ctx *);
static void	main_screen(struct opts *, struct screen_opts *, char *);
static void	main_start(struct engine *);
static int	main_run(struct engine *, struct opts *, struct print_ctx *,
		    unsigned, struct screen_opts *);
static void	main_metrics_snap(void *, const struct stats_snap *);

volatile sig_atomic_t	zbtop_quit;
volatile sig_atomic_t	zbtop_report;

/*
 * SIGUSR2 is tcpdump's "flush the -w file": zbtop's is flushed after
 * every buffer already, so it does nothing, rather than kill zbtop (with
 * the screen's terminal left raw) as the default action did.
 */
static void
on_signal(int sig)
{
	if (sig == SIGUSR1)
		zbtop_report = 1;
	else if (sig != SIGUSR2)
		zbtop_quit = sig;
}

/*
 * --command lines, after capture has started.  A failing one ends the run
 * with its reason and exit 1, as the same filter given as an argument
 * would: a script must not believe a capture it did not ask for.
 */
static void
cmd_failed(void *arg, const char *text)
{
	msg_fatal("%s", text);
}

static void
cmd_stdout(void *arg, const char *text)
{
	if (*(int *)arg)
		msg_info("%s", text);
}

static void
run_commands(struct engine *eng, struct opts *o)
{
	struct cmd_ctx	ctx;
	int		i, verbose = o->batch;

	memset(&ctx, 0, sizeof ctx);
	ctx.eng = eng;
	ctx.out = cmd_stdout;
	ctx.error = cmd_failed;
	ctx.arg = &verbose;
	ctx.delay = &o->bo.delay;
	for (i = 0; i < o->ncmds; i++) {
		if (cmd_run(&ctx, o->cmds[i]) == CMD_QUIT)
			zbtop_quit = SIGTERM;
	}
}

/*
 * --sockets and --attach: every namespace's sock_diag socket and the
 * attached process's memory are opened as root; then root goes.  The
 * list keeps CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH to see which
 * process holds each socket; attached, nothing more is needed.
 */
static int
run_sockets(struct opts *o)
{
	struct sockets_opts	 so;
	struct screen_opts	 sc;
	struct psock		*ps;
	struct psock_att	*a = NULL;
	char			 errbuf[ZB_ERRBUFSZ];
	uint32_t		 ino = 0;
	int			 pid = 0, rc;

	memset(&so, 0, sizeof so);
	so.delay = o->bo.delay;
	so.quit = &zbtop_quit;
	so.iterations = o->bo.iterations;
	so.json = o->bo.json;
	so.filters = o->filters;
	if (o->attach != NULL &&
	    sockets_target(o->attach, &pid, &ino, errbuf) == -1)
		msg_fatal("%s", errbuf);
	if ((ps = psock_open(errbuf)) == NULL)
		msg_fatal("%s", errbuf);
	if (o->attach != NULL && (a = psock_attach(ps, pid, ino, errbuf)) ==
	    NULL)
		msg_fatal("%s", errbuf);
	/* On a terminal the screen shows them; Enter can attach later. */
	if (!o->batch && !o->bo.json && isatty(STDIN_FILENO) &&
	    isatty(STDOUT_FILENO)) {
		memset(&sc, 0, sizeof sc);
		sc.delay = o->bo.delay;
		sc.iterations = o->bo.iterations;
		sc.quit = &zbtop_quit;
		sc.color = getenv("NO_COLOR") == NULL ||
		    *getenv("NO_COLOR") == '\0';
		sc.psock = ps;
		sc.att = a;
		if (screen_init(&sc, errbuf) == -1)
			msg_fatal("%s", errbuf);
		if (priv_drop(o->user, PRIV_KEEP_PROCS, errbuf) == -1)
			msg_fatal("%s", errbuf);
		return screen_run(NULL, &sc);
	}
	if (priv_drop(o->user, a != NULL ? 0 : PRIV_KEEP_PROCS,
	    errbuf) == -1)
		msg_fatal("%s", errbuf);
	rc = a != NULL ? sockets_attach(ps, a, &so) : sockets_list(ps, &so);
	psock_detach(a);
	psock_close(ps);
	return rc;
}

/*
 * A standard descriptor given closed (">&-") is the next one open() or
 * socket() hands out: the -w file, a capture socket or an engine pipe
 * would then take stdout's lines or stderr's messages.  Each closed one
 * is held on /dev/null, read-only, so that writing to it still fails
 * (EBADF, said once by msg.c) and reading it is an end of file, as with
 * the descriptor closed.  Exits 1 when /dev/null cannot be opened.
 */
static void
main_stdfds(void)
{
	int	fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lowest free descriptor: fd, those below are open. */
		if (open("/dev/null", O_RDONLY) != fd)
			_exit(1);
	}
}

/*
 * SIGINT, SIGTERM and SIGHUP set zbtop_quit; SIGUSR1 sets zbtop_report
 * (print and batch mode then write the counters line to stderr and go on,
 * as tcpdump does; it was a death that lost the -w file's buffer);
 * SIGUSR2 is caught and ignored (on_signal); a closed pipe is an EPIPE
 * write, not a death.
 */
static void
main_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Print mode: one print context per consumer thread.  Returns how many. */
static unsigned
main_print(struct opts *o, struct print_ctx *pc)
{
	unsigned	q, npc;

	/*
	 * As tcpdump: a line as soon as its packet is taken on a
	 * terminal and with -l, large blocks into a pipe or file.
	 */
	if (o->lbuf || isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOLBF, 0);
	else
		setvbuf(stdout, NULL, _IOFBF, 1 << 20);
	/* One per consumer queue; more than CAP_MAXQ: the engine refuses. */
	if ((npc = CAP_NQ(&o->ec.cap)) > CAP_MAXQ)
		npc = CAP_MAXQ;
	o->po.ifname = o->ec.cap.ifaces;
	o->po.nifs = o->ec.cap.nifaces;
	o->po.live = o->ec.cap.file == NULL;
	for (q = 0; q < npc; q++) {
		print_init(&pc[q], stdout, &o->po);
		o->ec.print_arg[q] = &pc[q];
	}
	o->ec.print = print_packet;
	o->ec.opened = print_reading;
	return npc;
}

/*
 * The screen, set up before the privilege drop.  psock_err (ZB_ERRBUFSZ)
 * must outlive the screen: it shows why the sockets view is empty.
 */
static void
main_screen(struct opts *o, struct screen_opts *so, char *psock_err)
{
	char	errbuf[ZB_ERRBUFSZ];

	so->delay = o->bo.delay;
	so->iterations = o->bo.iterations;
	so->quit = &zbtop_quit;
	so->color = getenv("NO_COLOR") == NULL ||
	    *getenv("NO_COLOR") == '\0';
	so->histfile = NULL;
	/*
	 * The sockets view (S) lists through sock_diag sockets
	 * opened now, in every namespace; after the drop it sees
	 * only what nobody may see of other processes.
	 */
	so->psock = psock_open(psock_err);
	so->att = NULL;
	so->psock_err = psock_err;
	/* The history file is opened while it is still reachable. */
	if (screen_init(so, errbuf) == -1)
		msg_fatal("%s", errbuf);
}

/* Starts capture; signals belong to the front end, never to its thread. */
static void
main_start(struct engine *eng)
{
	sigset_t	all, old;
	char		errbuf[ZB_ERRBUFSZ];
	int		rc;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = engine_start(eng, errbuf);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == -1)
		msg_fatal("%s", errbuf);
}

/*
 * The screen's or batch mode's refresh: --metrics-file gets its numbers
 * (print mode has none: the file is written every --delay seconds).
 */
static void
main_metrics_snap(void *arg, const struct stats_snap *sn)
{
	metrics_serve_snap(arg, sn);
}

/* The front end until the capture ends or the user quits: exit status. */
static int
main_run(struct engine *eng, struct opts *o, struct print_ctx *pc,
    unsigned npc, struct screen_opts *so)
{
	int	rc;

	if (o->batch)
		return batch_run(eng, &o->bo);
	if (!o->print)
		return screen_run(eng, so);
	if (o->po.live)
		print_listening(eng);
	rc = print_run(eng, pc, npc, &zbtop_quit, &zbtop_report);
	if (o->po.count_only)
		printf("%lu packet%s\n", print_count(pc, npc),
		    print_count(pc, npc) == 1 ? "" : "s");
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts		 o;
	struct engine		*eng;
	struct findex		*fx = NULL;
	struct metrics_serve	*ms = NULL;
	struct print_ctx	 pc[CAP_MAXQ];
	struct screen_opts	 so;
	char			 errbuf[ZB_ERRBUFSZ], psock_err[ZB_ERRBUFSZ];
	unsigned		 q, npc = 0;
	int			 rc, screen;

	main_stdfds();
	opts_parse(&o, argc, argv);
	main_signals();
	if (o.sockets || o.attach != NULL)
		return run_sockets(&o);
	if (o.print)
		npc = main_print(&o, pc);
	if ((eng = engine_new(&o.ec, errbuf)) == NULL)
		msg_fatal("%s", errbuf);
	screen = !o.batch && !o.print;
	/* The screen shows it on its status line. */
	if (!screen && engine_note(eng) != NULL)
		msg_error("%s", engine_note(eng));
	if (screen)
		main_screen(&o, &so, psock_err);
	/* A replayed file's index opens it while it is still reachable. */
	if (screen && o.ec.cap.file != NULL &&
	    (fx = findex_open(o.ec.cap.file, errbuf)) == NULL)
		msg_error("%s", errbuf);
	plist_file(fx);
	if (priv_drop(o.user, 0, errbuf) == -1)
		msg_fatal("%s", errbuf);
	/* After the drop: the file is written as the user zbtop runs as. */
	o.mc.interval = o.bo.delay;
	if ((o.mc.addr != NULL || o.mc.file != NULL) &&
	    (ms = metrics_serve_start(eng, &o.mc, errbuf)) == NULL)
		msg_fatal("%s", errbuf);
	o.bo.snap_hook = so.snap_hook = main_metrics_snap;
	o.bo.snap_arg = so.snap_arg = ms;
	main_start(eng);
	run_commands(eng, &o);
	rc = main_run(eng, &o, pc, npc, &so);
	if (metrics_serve_stop(ms, errbuf) == -1) {
		msg_error("%s", errbuf);
		rc = 1;
	}
	/*
	 * A filter's name lookup given up on the screen may still run on
	 * its thread, in the engine's compilers: exit frees it all.
	 */
	if (cmd_jobs_running() == 0)
		engine_free(eng);
	findex_free(fx);
	for (q = 0; q < npc; q++)
		print_free(&pc[q]);
	opts_free(&o);
	return rc;
}
