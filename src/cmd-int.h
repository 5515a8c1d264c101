/*
 * Shared by the cmd*.c files only: what each command file gives the one
 * table in cmd.c, its exec function (called with the words after the
 * name, their count already checked against the table's row) and, for
 * commands with sub-words, the argument spec Tab completes from.
 */
#ifndef ZBTOP_CMD_INT_H
#define ZBTOP_CMD_INT_H

#include "cmd.h"

enum cmd_ret	cmd_bpf_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_buffers_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_clear_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_delay_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_display_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_filter_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_help_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_pause_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_quit_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_resume_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_rotate_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_search_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_snaplen_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_speed_exec(struct cmd_ctx *, int, char **);
enum cmd_ret	cmd_write_exec(struct cmd_ctx *, int, char **);

extern const struct cmd_arg	cmd_rotate_args[];

/* "usage: " and the named command's usage, as an error; CMD_ERROR. */
enum cmd_ret	cmd_usage(struct cmd_ctx *, const char *);

#endif /* ZBTOP_CMD_INT_H */
