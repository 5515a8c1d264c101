/*
 * Assertions shared by the tests of the two backends that follow
 * FreeBSD's zero-copy BPF rules (cap-bpf.c over the fake /dev/bpf,
 * cap-file.c): two buffers, a forced hand-over (BIOCROTZBUF) that waits
 * while the user holds the other buffer, and the acked buffer that stays
 * in the hold slot until the next packet (sys/net/bpf_zerocopy.c,
 * bpf_zerocopy_ioctl_rotzbuf; ../shared/freebsd-zbuf.md).  Each returns 1 when the backend behaved, or
 * says what it did instead on stderr and returns 0, so the caller's
 * CHECK() names the line that failed.  Include after cap.h.
 */
#ifndef ZBTOP_TEST_CAP_CHECK_H
#define ZBTOP_TEST_CAP_CHECK_H

#include <stdio.h>

#include "cap.h"

/*
 * rotate hands the store buffer over at once and next (waiting up to ms)
 * returns it: npkts packets in buffer index, reason forced.
 */
static int
cap_check_forced(struct cap *cap, struct cap_block *b, unsigned npkts,
    unsigned index, int ms)
{
	char	err[ZB_ERRBUFSZ];
	int	rc;

	if ((rc = cap->ops->rotate(cap, err)) != 0) {
		fprintf(stderr, "rotate: %d, not 0 (%s)\n", rc, err);
		return 0;
	}
	if ((rc = cap->ops->next(cap, 0, b, ms, err)) != 1) {
		fprintf(stderr, "next after rotate: %d, not 1\n", rc);
		return 0;
	}
	if (b->npkts != npkts || b->index != index ||
	    b->reason != CAP_ROT_FORCED) {
		fprintf(stderr, "block: %u packets in %u (reason %d), not %u "
		    "in %u (forced)\n", b->npkts, b->index, (int)b->reason,
		    npkts, index);
		return 0;
	}
	return 1;
}

/*
 * While the user holds buffer 0: rotate answers CAP_AGAIN, buffer 0 is
 * the user's and buffer 1 the kernel's.
 */
static int
cap_check_held(struct cap *cap)
{
	struct cap_bufstate	bs[2];
	char			err[ZB_ERRBUFSZ];
	int			rc;

	if ((rc = cap->ops->rotate(cap, err)) != CAP_AGAIN) {
		fprintf(stderr, "rotate while held: %d, not CAP_AGAIN\n", rc);
		return 0;
	}
	if (cap->ops->buffers(cap, bs, 2) < 2 ||
	    bs[0].owner != CAP_OWN_USER || bs[1].owner != CAP_OWN_KERNEL) {
		fprintf(stderr, "buffers while held: owners %d %d, not user "
		    "kernel\n", (int)bs[0].owner, (int)bs[1].owner);
		return 0;
	}
	return 1;
}

/*
 * Just after release: the acked buffer still fills the hold slot, so
 * rotate has nothing to do (CAP_NOTHING, not a retry) and next has
 * nothing to give.
 */
static int
cap_check_acked(struct cap *cap)
{
	struct cap_block	b;
	char			err[ZB_ERRBUFSZ];
	int			rc;

	if ((rc = cap->ops->rotate(cap, err)) != CAP_NOTHING) {
		fprintf(stderr, "rotate after ack: %d, not CAP_NOTHING\n", rc);
		return 0;
	}
	if ((rc = cap->ops->next(cap, 0, &b, 0, err)) != 0) {
		fprintf(stderr, "next after ack: %d, not 0\n", rc);
		return 0;
	}
	return 1;
}

#endif /* ZBTOP_TEST_CAP_CHECK_H */
