/*
 * The screen's state and its one status message, at the bottom of the
 * screen's files: screen.c, the prompt, the views and the panes all set
 * the status line through screen_status(), and none of them calls up
 * into another for it.  No ncurses here; screen_statusline() draws it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "screen-int.h"
#include "screen.h"

struct screen screen_st;

/* Seconds on the monotonic clock, for refresh and message ages. */
double
screen_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void
screen_status(int err, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(screen_st.status, sizeof screen_st.status, fmt, ap);
	va_end(ap);
	screen_st.status_err = err;
	screen_st.status_t = screen_now();
}
