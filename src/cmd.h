/*
 * The command language: one table, one parser, shared by the interactive
 * prompt, -e on the command line and batch mode's standard input.  A
 * command never knows which front end called it: output and errors go
 * through the context.
 */
#ifndef ZBTOP_CMD_H
#define ZBTOP_CMD_H

#include "zb.h"

struct cmd_entry;
struct cmd_job;
struct engine;

enum cmd_ret {
	CMD_ERROR = -1,
	CMD_OK,
	CMD_QUIT
};

/* Where a command's effects and words go. */
struct cmd_ctx {
	struct engine	*eng;
	void		(*out)(void *, const char *);	/* one line */
	void		(*error)(void *, const char *);	/* one line */
	void		*arg;
	double		*delay;		/* front end's refresh interval */
	void		*prep;		/* during exec: the entry's prep */
	const struct cmd_entry *entry;	/* during exec: the one run */
};

/* What a command's prep hands its exec: what it made, or why not. */
struct cmd_prep {
	void		*obj;		/* NULL: nothing made */
	void		(*drop)(void *);	/* frees obj */
	int		 failed;	/* why says why */
	char		 why[ZB_ERRBUFSZ];
};

/*
 * What Tab completes after a command's name, one argument position: its
 * words, each with the spec of the position after it, so a sub-word
 * ("rotate every") has its own.  An array ends with a NULL word.
 */
struct cmd_arg {
	const char		*word;		/* "every" */
	const struct cmd_arg	*next;		/* after it; NULL: nothing */
};

/*
 * What a command takes, as tmux's argument template: from lower to upper
 * words (-1: no limit), and the sub-words Tab offers first, or NULL.
 */
struct cmd_args {
	int			 lower;
	int			 upper;
	const struct cmd_arg	*words;
};

/* Tab after the name, beyond sub-words: a filter, or command names. */
enum cmd_complete {
	CMD_COMPLETE_ARGS,		/* args.words, if any */
	CMD_COMPLETE_FILTER,		/* pcap keywords, every word */
	CMD_COMPLETE_COMMANDS		/* command names (help) */
};

struct cmd_entry {
	const char	*name;		/* full word, "filter" */
	const char	*alias;		/* short form, or NULL */
	const char	*usage;		/* "filter [expression]" */
	const char	*help;		/* one line for help and completion */
	struct cmd_args	 args;
	enum cmd_ret	(*exec)(struct cmd_ctx *, int, char **);
	enum cmd_complete complete;	/* what Tab offers */
	/*
	 * Optional, for work that may wait on the world and changes
	 * nothing (a filter's host names, looked up through DNS): prep
	 * does it, off the front end's thread when slow says it may wait
	 * for these arguments (cmd_start), and exec finds its result in
	 * ctx->prep; unprep frees it after exec, or unused.  prep and
	 * slow read nothing of ctx but eng.
	 */
	void		*(*prep)(struct cmd_ctx *, int, char **);
	void		 (*unprep)(void *);
	int		 (*slow)(struct cmd_ctx *, int, char **);
};

extern const struct cmd_entry	*cmd_table[];

enum cmd_ret		 cmd_run(struct cmd_ctx *, const char *);
/*
 * As cmd_run (arg NULL), or (arg set) the command named by line with arg
 * as its one argument, untouched: no splitting, no quotes ("" is an
 * empty argument, not none), for the screen's prompts, whose whole line
 * is a pcap expression.  For a front end that must not wait (job set):
 * when the command's prep may wait (its slow says so, or another
 * job's prep is still running), the prep runs on a thread of its own,
 * *job gets the job and CMD_OK is returned with nothing done yet.  With
 * a job already in *job, a command that has a prep is refused.
 */
enum cmd_ret		 cmd_start(struct cmd_ctx *, const char *, const char *,
			    struct cmd_job **);
/*
 * 0 while the job's prep runs; then its exec runs here, on the caller's
 * thread and context, *ret gets what it returns, the job is freed and
 * 1 is returned.
 */
int			 cmd_job_poll(struct cmd_job *, enum cmd_ret *);
/* Give a job up: its prep's result is freed unused when it is done. */
void			 cmd_job_cancel(struct cmd_job *);
/* Preps still running on a thread, given up or not. */
int			 cmd_jobs_running(void);
/* A slow for commands whose words are a pcap expression: names in it. */
int			 cmd_slow_filter(struct cmd_ctx *, int, char **);
/*
 * A prep for commands whose words are a pcap expression: make compiles
 * the words joined (a NULL return with why set is a failure), drop frees
 * what it made; no words, nothing made.  cmd_prep_free is the unprep.
 */
void			*cmd_prep_expr(struct cmd_ctx *, int, char **,
			    void *(*)(struct cmd_ctx *, const char *, char *),
			    void (*)(void *));
/*
 * What cmd_prep_expr does once it has the words joined: make from expr
 * as it is, which may be NULL (bpf's make reads the filter in force);
 * make NULL makes nothing.
 */
void			*cmd_prep_make(struct cmd_ctx *, const char *,
			    void *(*)(struct cmd_ctx *, const char *, char *),
			    void (*)(void *));
void			 cmd_prep_free(void *);
/*
 * s as a number from min to max into *n: whole, decimal digits as
 * strtoul(3) reads them; else anything strtod(3) reads.  0, or -1 if s
 * is not one.
 */
int			 cmd_number(const char *, double, double, int,
			    double *);
/* "usage: " and the running entry's usage, as an error; CMD_ERROR. */
enum cmd_ret		 cmd_usage(struct cmd_ctx *);
const struct cmd_entry	*cmd_find(const char *, char *);
enum cmd_ret		 cmd_error(struct cmd_ctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
char			*cmd_join(int, char **);
void			 cmd_out(struct cmd_ctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));

#endif /* ZBTOP_CMD_H */
