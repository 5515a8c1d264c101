/* The unit tests' one assertion: count, say where, carry on. */
#ifndef ZBTOP_TEST_UNIT_H
#define ZBTOP_TEST_UNIT_H

#include <stdio.h>

static int failed;

#define CHECK(e) do { if (!(e)) { failed++;				\
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #e); } } while (0)

#define CHECK_DONE() do {						\
	if (failed)							\
		fprintf(stderr, "%d check(s) failed\n", failed);	\
	return failed ? 1 : 0;						\
} while (0)

#endif /* ZBTOP_TEST_UNIT_H */
