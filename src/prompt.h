/*
 * The `/` filter prompt and the `:` command prompt: libedit line editing,
 * history kept across runs, Tab completion.  The screen feeds it one key
 * at a time and draws the line itself, so the display keeps updating
 * while the user types; nothing here touches the terminal.
 */
#ifndef ZBTOP_PROMPT_H
#define ZBTOP_PROMPT_H

#include <stddef.h>

/* Keys that have no character: the screen translates its own codes. */
#define PROMPT_K_LEFT		0x110001
#define PROMPT_K_RIGHT		0x110002
#define PROMPT_K_UP		0x110003
#define PROMPT_K_DOWN		0x110004
#define PROMPT_K_HOME		0x110005
#define PROMPT_K_END		0x110006
#define PROMPT_K_DELETE		0x110007
#define PROMPT_K_BACKSPACE	0x110008
#define PROMPT_META		0x200000	/* or'ed: Alt/Esc + key */

enum prompt_kind {
	PROMPT_FILTER,		/* "f": the capture filter, pcap syntax */
	PROMPT_COMMAND,		/* ":": a zbtop command */
	PROMPT_DISPLAY,		/* "\\": the display filter, pcap syntax */
	PROMPT_SEARCH,		/* "/": text to find in the packet list */
	PROMPT_NKINDS
};

enum prompt_state {
	PROMPT_EDITING,
	PROMPT_ENTER,		/* prompt_take() has the line */
	PROMPT_CANCEL
};

struct prompt;

struct prompt		*prompt_new(const char *, char *);
void			 prompt_free(struct prompt *);
void			 prompt_begin(struct prompt *, enum prompt_kind,
			    const char *);
enum prompt_state	 prompt_key(struct prompt *, int);
const char		*prompt_line(struct prompt *, size_t *);
const char		*prompt_hint(struct prompt *);
enum prompt_kind	 prompt_kind(struct prompt *);
const char		*prompt_take(struct prompt *, char *);
const char		*prompt_histfile(struct prompt *);

#endif /* ZBTOP_PROMPT_H */
