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

struct cmd_entry {
	const char	*name;		/* full word, "filter" */
	const char	*alias;		/* short form, or NULL */
	const char	*usage;		/* "filter [expression]" */
	const char	*help;		/* one line for help and completion */
	int		 min_args;
	int		 max_args;	/* -1: no limit */
	enum cmd_ret	(*exec)(struct cmd_ctx *, int, char **);
};

extern const struct cmd_entry	*cmd_table[];

enum cmd_ret		 cmd_run(struct cmd_ctx *, const char *);
const struct cmd_entry	*cmd_find(const char *, char *);
void			 cmd_error(struct cmd_ctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
char			*cmd_join(int, char **);
void			 cmd_out(struct cmd_ctx *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));

#endif /* ZBTOP_CMD_H */
