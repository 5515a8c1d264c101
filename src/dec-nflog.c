/*
 * Linux NFLOG captures (link type 239, libpcap's pcap/nflog.h): a 4-byte
 * header (family, version, resource id in network order), then TLVs whose
 * length and type are in the byte order of the capturing host, which
 * libpcap has already turned into ours when it read the file.  The
 * packet is the NFULA_PAYLOAD TLV (type 9); its family says which IP.
 */
#include <stdint.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"

#define NFLOG_HDRLEN	4
#define NFULA_PAYLOAD	9
#define NFLOG_MAXTLV	64

static int	nflog_find(struct cur *, int *, int *, struct cur *);
static int	nflog_key(int);
static int	nflog_parse(struct dec_ctx *, struct cur *);
static void	nflog_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_nflog_proto = {
	.name = "nflog", .keys = { DEC_KEY(DEC_S_DLT, 239) }, .id = DEC_P_OTHER,
	.parse = nflog_parse, .format = nflog_format
};

/* The payload TLV as a cursor, and the header's family and version. */
static int
nflog_find(struct cur *c, int *family, int *version, struct cur *pl)
{
	uint16_t	len, type;
	int		i;

	if ((*family = cur_u8(c)) == -1 || (*version = cur_u8(c)) == -1 ||
	    cur_skip(c, 2) == -1)
		return -1;
	for (i = 0; i < NFLOG_MAXTLV; i++) {
		if (cur_copy(c, &len, 2) == -1 || cur_copy(c, &type, 2) == -1 ||
		    len < 4)
			return -1;
		if (type == NFULA_PAYLOAD) {
			cur_sub(c, (size_t)len - 4, pl);
			return 0;
		}
		/* Each TLV is padded to four bytes. */
		if (cur_skip(c, ((size_t)len + 3) / 4 * 4 - 4) == -1)
			return -1;
	}
	return -1;
}

static int
nflog_key(int family)
{
	return DEC_KEY(DEC_S_ETHER, family == 10 ? 0x86dd : 0x0800);
}

static int
nflog_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	pl;
	int		family, version;

	if (nflog_find(c, &family, &version, &pl) == -1) {
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (family != 2 && family != 10)
		return DEC_DONE;
	ctx->info->l3off = (uint32_t)cur_off(&pl);
	*c = pl;
	return nflog_key(family);
}

static void
nflog_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	pl;
	int		family, version, rid;

	dec_layer(ctx, "NFLOG");
	rid = cur_peek_u16(c, 2);
	if (nflog_find(c, &family, &version, &pl) == -1) {
		dec_sum(ctx, "NFLOG");
		dec_trunc(ctx, "nflog");
		return;
	}
	dec_fld(ctx, "family: %d, version: %d, resource id: %d", family,
	    version, rid);
	if (ctx->opt->link) {
		dec_sum(ctx, "version %d, resource ID %d, family %s (%d), "
		    "length %u: ", version, rid, family == 2 ? "IPv4" :
		    family == 10 ? "IPv6" : "unknown", family, ctx->len);
		ctx->linkdone = 1;
	}
	if (family != 2 && family != 10) {
		dec_sum(ctx, "NFLOG family %d", family);
		return;
	}
	dec_next(ctx, nflog_key(family), &pl);
}
