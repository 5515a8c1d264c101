/*
 * Allocation that cannot fail from the caller's point of view.  Running out
 * of memory during setup is not something zbtop can explain better than
 * this one line, so it exits.  It sits below msg.c (tbuf.c allocates
 * through it), so it writes the line itself, with msg.h's prefix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "xmalloc.h"

static void
xmalloc_die(size_t n)
{
	fprintf(stderr, MSG_PREFIX "out of memory allocating %zu bytes\n",
	    n);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		xmalloc_die(n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if ((p = calloc(nmemb == 0 ? 1 : nmemb, size == 0 ? 1 : size)) == NULL)
		xmalloc_die(nmemb * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void	*q;

	if ((q = realloc(p, n == 0 ? 1 : n)) == NULL)
		xmalloc_die(n);
	return q;
}

char *
xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		xmalloc_die(strlen(s) + 1);
	return p;
}
