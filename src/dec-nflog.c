/*
 * Linux NFLOG captures (link type 239, libpcap's pcap/nflog.h): a 4-byte
 * header (family, version, resource id in network order), then TLVs whose
 * length and type are in the byte order of the capturing host, which
 * libpcap has already turned into ours when it read the file.  The
 * packet is the NFULA_PAYLOAD TLV (type 9); its family says which IP.
 * Lines as tcpdump 4.99's print-nflog.c writes them: only the version of
 * a header whose version is not 0; the header (-q: the family's name
 * alone) before a payload of a family it does not know, even without -e,
 * and that payload in hex.
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
static void	nflog_hdr(struct dec_ctx *, int, int, uint32_t);
static int	nflog_key(int);
static int	nflog_parse(struct dec_ctx *, struct cur *);
static void	nflog_format(struct dec_ctx *, struct cur *);

const struct dec_proto dec_nflog_proto = {
	.name = "nflog", .keys = { DEC_KEY(DEC_S_DLT, 239) }, .id = DEC_P_OTHER,
	.parse = nflog_parse, .format = nflog_format
};

/*
 * The payload TLV as a cursor, and the header's family and version.  On
 * success c is left at the payload (tcpdump dumps from there to the end
 * of the capture); on failure where tcpdump's walk stopped, which is
 * where its -x starts: past what was captured of the header, or at the
 * TLV not captured whole.
 */
static int
nflog_find(struct cur *c, int *family, int *version, struct cur *pl)
{
	struct cur	tlv, rest;
	size_t		size;
	uint16_t	len, type;
	int		i;

	if (cur_left(c) < NFLOG_HDRLEN) {
		cur_skip(c, cur_left(c));
		return -1;
	}
	*family = cur_u8(c);
	*version = cur_u8(c);
	cur_skip(c, 2);
	for (i = 0; i < NFLOG_MAXTLV; i++) {
		tlv = *c;
		if (cur_copy(&tlv, &len, 2) == -1 ||
		    cur_copy(&tlv, &type, 2) == -1 || len < 4)
			return -1;
		/*
		 * Each TLV is padded to four bytes.  tcpdump gives up on one
		 * not captured whole, padding included, the payload too.
		 */
		size = ((size_t)len + 3) / 4 * 4 - 4;
		if (size > cur_left(&tlv))
			return -1;
		if (type == NFULA_PAYLOAD) {
			rest = tlv;
			cur_sub(&rest, (size_t)len - 4, pl);
			*c = tlv;
			return 0;
		}
		cur_skip(&tlv, size);
		*c = tlv;
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

	/*
	 * Where tcpdump's -x starts: after what its printer took as header
	 * (a header cut short is all header, the version unread).
	 */
	if (cur_left(c) >= NFLOG_HDRLEN && cur_peek_u8(c, 1) > 0) {
		ctx->info->l3off = NFLOG_HDRLEN;
		return DEC_DONE;
	}
	if (nflog_find(c, &family, &version, &pl) == -1) {
		ctx->info->l3off = (uint32_t)cur_off(c);
		ctx->info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	ctx->info->l3off = (uint32_t)cur_off(&pl);
	if (family != 2 && family != 10)
		return DEC_DONE;
	*c = pl;
	return nflog_key(family);
}

/* The header of version 0, family by name; len is the length printed. */
static void
nflog_hdr(struct dec_ctx *ctx, int family, int rid, uint32_t len)
{
	const char	*name;

	name = family == 2 ? "IPv4" : family == 10 ? "IPv6" : NULL;
	dec_sum(ctx, "version 0, resource ID %d", rid);
	if (!ctx->opt->quick)
		dec_sum(ctx, ", family %s (%d)", name != NULL ? name :
		    "Unknown", family);
	else if (name != NULL)
		dec_sum(ctx, ", %s", name);
	else
		dec_sum(ctx, ", Unknown NFLOG (0x%02x)", family);
	dec_sum(ctx, ", length %u: ", len);
}

static void
nflog_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	pl;
	int		family, version, rid;

	dec_layer(ctx, "NFLOG");
	rid = cur_peek_u16(c, 2);
	if (cur_left(c) >= NFLOG_HDRLEN && (version = cur_peek_u8(c, 1)) > 0) {
		dec_sum(ctx, "version %d (unknown)", version);
		return;
	}
	if (ctx->opt->link && cur_left(c) >= NFLOG_HDRLEN) {
		nflog_hdr(ctx, cur_peek_u8(c, 0), rid, ctx->len);
		ctx->linkdone = 1;
	}
	if (nflog_find(c, &family, &version, &pl) == -1) {
		dec_trunc(ctx, "nflog");
		return;
	}
	dec_fld(ctx, "family: %d, version: %d, resource id: %d", family,
	    version, rid);
	if (family != 2 && family != 10) {
		/* The length from the payload TLV's header on. */
		if (!ctx->opt->link)
			nflog_hdr(ctx, family, rid, dec_wire(ctx, c) + 4);
		dec_dump(ctx, c);
		return;
	}
	dec_next(ctx, nflog_key(family), &pl);
}
