/* Allocation wrappers that exit on failure: setup code, never per packet. */
#ifndef ZBTOP_XMALLOC_H
#define ZBTOP_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);

#endif /* ZBTOP_XMALLOC_H */
