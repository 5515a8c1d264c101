/*
 * --bench-work: what the consumer does with each packet's bytes, so that
 * make bench can put the seed's "simple buffer traversal" beside its
 * "complex memory scanning" with everything else equal.  A benchmarking
 * aid, not a feature: the result is a number nobody needs but the
 * compiler must keep.
 */
#ifndef ZBTOP_WORK_H
#define ZBTOP_WORK_H

#include <stdint.h>

enum work_kind {
	WORK_NONE,		/* accounting only, no packet byte read */
	WORK_TOUCH,		/* the first 32-bit word of each packet */
	WORK_SCAN		/* every captured byte, summed */
};

int		 work_find(const char *);
uint64_t	 work_pkt(enum work_kind, const uint8_t *, uint32_t);

#endif /* ZBTOP_WORK_H */
