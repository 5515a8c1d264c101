/*
 * The one place messages are formatted.  Before the screen starts and in
 * batch mode they go to stderr as "zbtop: text"; while the screen runs, a
 * sink set by the screen puts them on the status line and capture goes on.
 * Batch mode's -J message lines are formatted here too.
 */
#ifndef ZBTOP_MSG_H
#define ZBTOP_MSG_H

/*
 * What starts every line on stderr.  Only xmalloc.c, below msg.c (tbuf.c
 * allocates through it), uses it without calling here.
 */
#define MSG_PREFIX	"zbtop: "

struct tbuf;

/*
 * A line at a level (MSG_ERROR or MSG_INFO: the status line shows an
 * error in its own colour), through the sink or to stderr; at most 1023
 * bytes of it, control bytes escaped as \xNN.
 */
#define MSG_INFO	0
#define MSG_ERROR	1
void	msg_log(int, const char *, ...) __attribute__((format(printf, 2, 3)));
#define msg_error(...)	msg_log(MSG_ERROR, __VA_ARGS__)
#define msg_info(...)	msg_log(MSG_INFO, __VA_ARGS__)
void	msg_fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
/* Status-line sink (NULL: stderr); the hook runs before msg_fatal exits. */
void	msg_set_sink(void (*)(int, const char *));
void	msg_set_fatal_hook(void (*)(void));
/*
 * A JSON message line, {"message":"text"} and a newline, appended to tb;
 * text is escaped per RFC 8259 (tbuf_json), so it may hold any byte.
 */
void	msg_json(struct tbuf *, const char *);

#endif /* ZBTOP_MSG_H */
