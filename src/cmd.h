/*
 * The command language: one table, one parser, shared by the interactive
 * prompt, -e on the command line and batch mode's standard input.  A
 * command never knows which front end called it: output and errors go
 * through the context.
 */
#ifndef ZBTOP_CMD_H
#define ZBTOP_CMD_H

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

/* Tab after the name, beyond sub-words: a filter, or command names. */
enum cmd_complete {
	CMD_COMPLETE_ARGS,		/* the args spec, if any */
	CMD_COMPLETE_FILTER,		/* pcap keywords, every word */
	CMD_COMPLETE_COMMANDS		/* command names (help) */
};

struct cmd_entry {
	const char	*name;		/* full word, "filter" */
	const char	*alias;		/* short form, or NULL */
	const char	*usage;		/* "filter [expression]" */
	const char	*help;		/* one line for help and completion */
	int		 min_args;
	int		 max_args;	/* -1: no limit */
	enum cmd_ret	(*exec)(struct cmd_ctx *, int, char **);
	enum cmd_complete complete;	/* what Tab offers */
	const struct cmd_arg *args;	/* CMD_COMPLETE_ARGS, or NULL */
};

extern const struct cmd_entry	*cmd_table[];

enum cmd_ret		 cmd_run(struct cmd_ctx *, const char *);
/*
 * Run the command named with arg as its one argument, untouched: no
 * splitting, no quotes ("" is an empty argument, not none).  For the
 * screen's prompts, whose whole line is a pcap expression.
 */
enum cmd_ret		 cmd_run_arg(struct cmd_ctx *, const char *, const char *);
const struct cmd_entry	*cmd_find(const char *, char *);
enum cmd_ret		 cmd_error(struct cmd_ctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
char			*cmd_join(int, char **);
void			 cmd_out(struct cmd_ctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));

#endif /* ZBTOP_CMD_H */
