/*
 * What nearly every file needs and nothing more: the size of the error
 * buffers that every fallible call fills (the errbuf convention of
 * STYLE.md: a caller's char[ZB_ERRBUFSZ], one line, no newline, cut to
 * fit).  Files that never capture include this, not cap.h.
 */
#ifndef ZBTOP_ZB_H
#define ZBTOP_ZB_H

#define ZB_ERRBUFSZ	256		/* bytes, the NUL included */

#endif /* ZBTOP_ZB_H */
