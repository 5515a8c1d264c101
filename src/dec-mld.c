/*
 * Multicast Listener Discovery carried in ICMPv6 (RFC 2710, RFC 3810):
 * the queries and MLDv2 reports that dec-icmp6.c hands over, in tcpdump
 * 4.99's words and spacing.
 */
#include <stdio.h>

#include "cur.h"
#include "dec-int.h"

static int	mld2_query(struct dec_ctx *, int, struct cur *);
static int	mld2_sources(struct dec_ctx *, int, struct cur *);

/*
 * A query (type 130: v2 from 28 bytes on) or an MLDv1 report or done,
 * delay its maximum response code, c at the group address; -1 after the
 * marker when cut, 0 else (an MLDv1 message cut prints nothing more).
 */
int
dec_mld(struct dec_ctx *ctx, int type, int delay, struct cur *c)
{
	const uint8_t	*g;
	char		 a[DEC_ADDRSTRLEN];

	if (type == 130 && ctx->l4len >= 28) {
		dec_sum(ctx, " v2");
		return mld2_query(ctx, delay, c);
	}
	/* MLDv1 cut: tcpdump prints nothing of it, and no marker. */
	if ((g = cur_pull(c, 16)) == NULL)
		return 0;
	dec_ntop(6, g, a);
	dec_sum(ctx, "max resp delay: %d addr: %s", delay, a);
	return 0;
}

/*
 * An MLDv2 query's rest as tcpdump prints it (RFC 3810 5.1): -v the
 * delay, the group, -v the querier's settings, the sources (-vv each);
 * c is at the group address.  -1 after the marker when cut.
 */
static int
mld2_query(struct dec_ctx *ctx, int mrc, struct cur *c)
{
	const uint8_t	*q;
	char		 a[DEC_ADDRSTRLEN];
	unsigned	 mrt, qqi;
	int		 v = ctx->opt->verbose, n;

	mrt = mrc < 32768 ? (unsigned)mrc : (unsigned)((mrc & 0xfff) |
	    0x1000) << (((mrc & 0x7000) >> 12) + 3);
	if (v)
		dec_sum(ctx, " [max resp delay=%u]", mrt);
	if ((q = cur_pull(c, 16)) == NULL)
		goto trunc;
	dec_ntop(6, q, a);
	dec_sum(ctx, " [gaddr %s", a);
	if ((q = cur_pull(c, 4)) == NULL)
		goto trunc;
	if (v && (q[0] & 0x08))
		dec_sum(ctx, " sflag");
	if (v && (q[0] & 0x07))
		dec_sum(ctx, " robustness=%d", q[0] & 0x07);
	qqi = q[1] < 128 ? q[1] : (unsigned)((q[1] & 0x0f) | 0x10) <<
	    (((q[1] & 0x70) >> 4) + 3);
	if (v)
		dec_sum(ctx, " qqi=%u", qqi);
	n = q[2] << 8 | q[3];
	if (n > 0 && ctx->l4len < 28 + 16 * (uint32_t)n)
		dec_sum(ctx, " [invalid number of sources]");
	else if (n > 0 && v > 1) {
		if (mld2_sources(ctx, n, c) == -1)
			return -1;
	} else if (n > 0)
		dec_sum(ctx, ", %d source(s)", n);
	dec_sum(ctx, "]");
	return 0;
trunc:
	dec_trunc(ctx, "icmp6");
	return -1;
}

/* -v: each group record of a report (RFC 3810 5.2); -1 when cut. */
int
dec_mld2_report(struct dec_ctx *ctx, int ngroups, struct cur *c)
{
	static const char *const kinds[] = { NULL, "is_in", "is_ex",
	    "to_in", "to_ex", "allow", "block" };
	const uint8_t	*r;
	char		 a[DEC_ADDRSTRLEN];
	uint32_t	 off = 8;
	int		 i, n;

	for (i = 0; i < ngroups; i++) {
		if (ctx->l4len < off + 20) {
			dec_sum(ctx, " [invalid number of groups]");
			return 0;
		}
		if ((r = cur_pull(c, 20)) == NULL) {
			dec_trunc(ctx, "icmp6");
			return -1;
		}
		dec_ntop(6, &r[4], a);
		dec_sum(ctx, " [gaddr %s", a);
		if (r[0] >= 1 && r[0] <= 6)
			dec_sum(ctx, " %s", kinds[r[0]]);
		else
			dec_sum(ctx, "  [v2-report-#%d]", r[0]);
		n = r[2] << 8 | r[3];
		if (ctx->l4len < off + 20 + 16 * (uint32_t)n) {
			dec_sum(ctx, " [invalid number of sources %d]", n);
			return 0;
		}
		if (ctx->opt->verbose == 1) {
			dec_sum(ctx, ", %d source(s)", n);
			if (cur_skip(c, 16 * (size_t)n) == -1) {
				dec_trunc(ctx, "icmp6");
				return -1;
			}
		} else if (mld2_sources(ctx, n, c) == -1)
			return -1;
		off += 20 + 16 * (uint32_t)n;
		dec_sum(ctx, "]");
	}
	return 0;
}

/* " { a b }": n IPv6 addresses at c; -1 after the marker when cut. */
static int
mld2_sources(struct dec_ctx *ctx, int n, struct cur *c)
{
	const uint8_t	*s;
	char		 a[DEC_ADDRSTRLEN];
	int		 i;

	dec_sum(ctx, " {");
	for (i = 0; i < n; i++) {
		if ((s = cur_pull(c, 16)) == NULL) {
			dec_trunc(ctx, "icmp6");
			return -1;
		}
		dec_ntop(6, s, a);
		dec_sum(ctx, " %s", a);
	}
	dec_sum(ctx, " }");
	return 0;
}
