/*
 * Slow protocols (ethertype 0x8809, IEEE 802.3 annex 57A): LACP and the
 * marker protocol of IEEE 802.1AX-2020 clause 6, as tcpdump -n prints
 * them, with the TLVs from -v on and their bytes in hex from -vv on
 * (unknown TLVs, which include the marker response as tcpdump 4.99
 * reads it, always in hex).  Also the configuration testing protocol
 * (ethertype 0x9000, "Loopback"; Ethernet v2.0 specification, DEC,
 * Intel, Xerox 1982, section 8), whose fields are little-endian.
 * OAM (subtype 3) is named only; other subtypes are shown in hex.
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define SLOW_MAXTLVS	16

static void	slow_format(struct dec_ctx *, struct cur *);
static void	slow_tlvs(struct dec_ctx *, int, struct cur *);
static void	slow_tlv(struct dec_ctx *, int, int, struct cur *);
static void	slow_state(struct dec_ctx *, int);
static void	ectp_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_slow_proto = {
	.name = "slow", .keys = { DEC_KEY(DEC_S_ETHER, 0x8809) },
	.id = DEC_P_OTHER, .format = slow_format
};
const struct dec_proto dec_ectp_proto = {
	.name = "loopback", .keys = { DEC_KEY(DEC_S_ETHER, 0x9000) },
	.id = DEC_P_OTHER, .format = ectp_format
};

static void
slow_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 all;
	uint32_t	 len = dec_wire(ctx, c);
	int		 sub, ver;

	dec_layer(ctx, "Slow Protocols");
	all = *c;
	if ((sub = cur_u8(c)) == -1) {
		dec_trunc(ctx, "slow");
		return;
	}
	if (sub == 3) {			/* 802.3 clause 57 OAM */
		dec_sum(ctx, "OAM, length %u", len);
		return;
	}
	if (sub != 1 && sub != 2) {
		dec_sum(ctx, "unknown (%d), length %u", sub, len);
		dec_hexdump(ctx, &all, "\n\t");
		return;
	}
	if ((ver = cur_u8(c)) == -1) {
		dec_trunc(ctx, "slow");
		return;
	}
	dec_fld(ctx, "subtype %d, version %d", sub, ver);
	dec_sum(ctx, "%sv%d, length %u", sub == 1 ? "LACP" : "MARKER", ver,
	    len);
	if (ctx->opt->verbose)
		slow_tlvs(ctx, sub, c);
}

/*
 * -v: the TLVs of LACP (sub 1) or Marker (sub 2) from c, up to the
 * terminator or SLOW_MAXTLVS of them.
 */
static void
slow_tlvs(struct dec_ctx *ctx, int sub, struct cur *c)
{
	static const char *const lacp[] = {
		"Terminator", "Actor Information", "Partner Information",
		"Collector Information"
	};
	static const char *const marker[] = {
		"Terminator", "Marker Information"
	};
	struct cur	 v, dump;
	const char	*name;
	int		 type, tlen, i;

	for (i = 0; i < SLOW_MAXTLVS; i++) {
		type = cur_u8(c);
		if ((tlen = cur_u8(c)) == -1) {
			dec_trunc(ctx, "slow");
			return;
		}
		name = NULL;
		if (sub == 1 && type < 4)
			name = lacp[type];
		else if (sub == 2 && type < 2)
			name = marker[type];
		dec_sum(ctx, "\n\t%s TLV (0x%02x), length %d", name != NULL ?
		    name : "Unknown", type, tlen);
		if (type == 0)
			return;
		if (cur_sub(c, tlen > 2 ? (size_t)tlen - 2 : 0, &v)) {
			dec_trunc(ctx, "slow");
			return;
		}
		dump = v;
		if (name != NULL)
			slow_tlv(ctx, sub, type, &v);
		if (name == NULL || ctx->opt->verbose > 1)
			dec_hexdump(ctx, &dump, "\n\t  ");
	}
}

/* LACPDU fields (802.1AX 6.4.2.3) and marker fields (6.5.3.3). */
static void
slow_tlv(struct dec_ctx *ctx, int sub, int type, struct cur *v)
{
	const uint8_t	*h;
	char		 mac[18];

	if (sub == 1 && (type == 1 || type == 2)) {
		if ((h = cur_pull(v, 15)) == NULL)
			return;
		dec_mac(&h[2], mac);
		dec_sum(ctx, "\n\t  System %s, System Priority %d, Key %d, "
		    "Port %d, Port Priority %d", mac, h[0] << 8 | h[1],
		    h[8] << 8 | h[9], h[12] << 8 | h[13], h[10] << 8 | h[11]);
		slow_state(ctx, h[14]);
	} else if (sub == 1 && type == 3) {
		if ((h = cur_pull(v, 2)) != NULL)
			dec_sum(ctx, "\n\t  Max Delay %d", h[0] << 8 | h[1]);
	} else if (sub == 2 && type == 1) {
		if ((h = cur_pull(v, 12)) == NULL)
			return;
		dec_mac(&h[2], mac);
		dec_sum(ctx, "\n\t  Request System %s, Request Port %d, "
		    "Request Transaction ID 0x%02x%02x%02x%02x", mac,
		    h[0] << 8 | h[1], h[8], h[9], h[10], h[11]);
	}
}

static void
slow_state(struct dec_ctx *ctx, int f)
{
	static const char *const names[] = {
		"Activity", "Timeout", "Aggregation", "Synchronization",
		"Collecting", "Distributing", "Default", "Expired"
	};

	dec_sum(ctx, "\n\t  State Flags [");
	dec_bits(ctx, names, 8, (unsigned)f);
	dec_sum(ctx, "]");
}

/*
 * The message the skip count points at: a reply, or a forward request;
 * the bytes after it are data, which must all be captured.
 */
static void
ectp_format(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 mac[18];
	int		 skip, fn;

	dec_layer(ctx, "Configuration Testing Protocol");
	dec_sum(ctx, "Loopback");
	if ((h = cur_pull(c, 2)) == NULL) {
		dec_trunc(ctx, "loopback");
		return;
	}
	skip = h[0] | h[1] << 8;
	dec_sum(ctx, ", skipCount %d", skip);
	if (skip % 8 != 0)
		dec_sum(ctx, " (bogus)");
	if (cur_skip(c, (size_t)skip) == -1 || (h = cur_pull(c, 2)) == NULL) {
		dec_trunc(ctx, "loopback");
		return;
	}
	fn = h[0] | h[1] << 8;
	dec_sum(ctx, ", %s", fn == 1 ? "Reply" : fn == 2 ? "Forward Data" :
	    "unknown function");
	if (fn == 1) {
		if ((h = cur_pull(c, 2)) == NULL) {
			dec_trunc(ctx, "loopback");
			return;
		}
		dec_sum(ctx, ", receipt number %d", h[0] | h[1] << 8);
	} else if (fn == 2) {
		if ((h = cur_pull(c, 6)) == NULL) {
			dec_trunc(ctx, "loopback");
			return;
		}
		dec_mac(h, mac);
		dec_sum(ctx, ", forwarding address %s", mac);
	} else {
		dec_sum(ctx, " (%d)", fn);
		return;
	}
	dec_sum(ctx, ", data (%u octets)", dec_wire(ctx, c));
	if (dec_wire(ctx, c) > cur_left(c))
		dec_trunc(ctx, "loopback");
}
