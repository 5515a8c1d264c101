/*
 * SCTP (RFC 9260): the common header and the chunk list, as tcpdump -n
 * prints it: " (N) [TYPE] " per chunk, with the fields of DATA, INIT,
 * INIT ACK and SACK.  A chunk is shown only once all of it is captured,
 * and its padding must be there before the next one is read, so a cut
 * packet ends in "[|sctp]" where tcpdump's does.  Payload protocol
 * identifiers: the IANA "SCTP Payload Protocol Identifiers" registry.
 */
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define SCTP_HDRLEN	12
#define SCTP_CHUNKHDR	4
#define SCTP_MAXCHUNKS	64		/* chunks shown per packet */
#define SCTP_MAXSACK	64		/* gap blocks and dup TSNs shown */

static int	sctp_parse(struct dec_ctx *, struct cur *);
static void	sctp_format(struct dec_ctx *, struct cur *);
static const char *sctp_chunk_name(int);
static void	sctp_chunk(struct dec_ctx *, int, int, struct cur *);
static void	sctp_data(struct dec_ctx *, int, struct cur *);
static void	sctp_init(struct dec_ctx *, struct cur *);
static void	sctp_sack(struct dec_ctx *, struct cur *);

const struct dec_proto dec_sctp_proto = {
	.name = "sctp", .keys = { DEC_KEY(DEC_S_IP, 132) }, .id = DEC_P_OTHER,
	.flags = DEC_PF_ADDRS, .parse = sctp_parse, .format = sctp_format
};

static int
sctp_parse(struct dec_ctx *ctx, struct cur *c)
{
	struct dec_info	*info = ctx->info;
	int		 sport, dport;

	if (ctx->nl4 == 0)
		info->l4off = (uint32_t)cur_off(c);
	sport = cur_u16(c);
	if ((dport = cur_u16(c)) == -1) {
		info->flags |= DEC_F_TRUNC;
		return DEC_DONE;
	}
	if (ctx->nl4++ == 0) {
		info->sport = (uint16_t)sport;
		info->dport = (uint16_t)dport;
	}
	return DEC_DONE;
}

/* Chunk types of RFC 9260 section 3.2, RFC 3758 and RFC 4960's errata. */
static const char *
sctp_chunk_name(int type)
{
	static const char *const names[] = {
		"DATA", "INIT", "INIT ACK", "SACK", "HB REQ", "HB ACK",
		"ABORT", "SHUTDOWN", "SHUTDOWN ACK", "OP ERR", "COOKIE ECHO",
		"COOKIE ACK", "ECN ECHO", "ECN CWR", "SHUTDOWN COMPLETE"
	};

	if (type >= 0 && type < (int)(sizeof names / sizeof names[0]))
		return names[type];
	switch (type) {
	case 0xc0:	return "FOR CUM TSN";
	case 0xc1:	return "REL CTRL";
	case 0xc2:	return "REL CTRL ACK";
	default:	return NULL;
	}
}

static void
sctp_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 ch;
	const char	*name;
	int		 sport, dport, type, flags, len, n;
	int64_t		 tag;
	size_t		 start = cur_off(c);

	dec_layer(ctx, "Stream Control Transmission Protocol");
	sport = cur_u16(c);
	dport = cur_u16(c);
	tag = cur_u32(c);
	if (cur_skip(c, 4) == -1) {
		/* tcpdump names no address before a cut common header. */
		dec_trunc(ctx, "sctp");
		return;
	}
	dec_addrports(ctx, sport, dport);
	dec_fld(ctx, "source port: %d", sport);
	dec_fld(ctx, "destination port: %d", dport);
	dec_fld(ctx, "verification tag: 0x%08llx", (long long)tag);
	dec_sum(ctx, "sctp");
	/* Chunks follow up to the length IP gives, captured or not. */
	for (n = 1; cur_off(c) - start < ctx->l4len && n <= SCTP_MAXCHUNKS;
	    n++) {
		type = cur_peek_u8(c, 0);
		flags = cur_peek_u8(c, 1);
		if ((len = cur_peek_u16(c, 2)) == -1 ||
		    (size_t)len > cur_left(c)) {
			dec_trunc(ctx, "sctp");
			return;
		}
		if (len < SCTP_CHUNKHDR) {
			dec_bad(ctx, "sctp chunk length %d", len);
			return;
		}
		cur_sub(c, (size_t)len, &ch);
		cur_skip(&ch, SCTP_CHUNKHDR);
		if (ctx->opt->verbose > 1)
			dec_sum(ctx, "\n\t%d) ", n);
		else
			dec_sum(ctx, "%s (%d) ", n > 1 ? "," : "", n);
		name = sctp_chunk_name(type);
		if (name != NULL)
			dec_sum(ctx, "[%s] ", name);
		else
			dec_sum(ctx, "[Unknown chunk type: 0x%x] ", type);
		dec_fld(ctx, "chunk %d: type %d (%s), flags 0x%02x, length %d",
		    n, type, name != NULL ? name : "unknown", flags, len);
		sctp_chunk(ctx, type, flags, &ch);
		/* The padding to 4 bytes must be there too (tcpdump's check). */
		if (cur_skip(c, (size_t)(-len & 3)) == -1) {
			dec_trunc(ctx, "sctp");
			return;
		}
	}
}

static void
sctp_chunk(struct dec_ctx *ctx, int type, int flags, struct cur *ch)
{
	switch (type) {
	case 0:
		sctp_data(ctx, flags, ch);
		break;
	case 1:
	case 2:
		sctp_init(ctx, ch);
		break;
	case 3:
		sctp_sack(ctx, ch);
		break;
	default:
		break;
	}
}

/* RFC 9260 3.3.1; payload identifiers named from the IANA registry. */
static void
sctp_data(struct dec_ctx *ctx, int flags, struct cur *ch)
{
	static const char *const ppids[] = {
		NULL, "ISDN Q.921", "M2UA", "M3UA", "SUA", "M2PA", "V5.2",
		"H.248", "BICC", "TALI", "DUA", "ASAP", "ENRP", "H.323",
		"Q.IPC", "SIMCO", "DDPSC", "DDPSSC", "S1AP", "RUA", "HNBAP",
		"ForCES HP", "ForCES MP", "ForCES LP", "SBc-AP", "NBAP", NULL,
		"X2AP"
	};
	int64_t	tsn, ppid;
	int	sid, sseq;

	tsn = cur_u32(ch);
	sid = cur_u16(ch);
	sseq = cur_u16(ch);
	if ((ppid = cur_u32(ch)) == -1) {
		dec_trunc(ctx, "sctp");
		return;
	}
	if (flags & 4)
		dec_sum(ctx, "(U)");
	if (flags & 2)
		dec_sum(ctx, "(B)");
	if (flags & 1)
		dec_sum(ctx, "(E)");
	if (flags & 7)
		dec_sum(ctx, " ");
	dec_sum(ctx, "[TSN: %lld] [SID: %d] [SSEQ %d] ", (long long)tsn, sid,
	    sseq);
	if (ppid < (int64_t)(sizeof ppids / sizeof ppids[0]) &&
	    ppids[ppid] != NULL)
		dec_sum(ctx, "[PPID %s] ", ppids[ppid]);
	else
		dec_sum(ctx, "[PPID 0x%llx] ", (long long)ppid);
	dec_fld(ctx, "tsn %lld, stream %d, sequence %d, ppid %lld, "
	    "%zu bytes of data", (long long)tsn, sid, sseq, (long long)ppid,
	    cur_left(ch));
	/* -vv: the payload, unless tcpdump decodes it (M3UA, ForCES). */
	if (ctx->opt->verbose > 1 && ppid != 3 && (ppid < 21 || ppid > 23))
		dec_hexascii(ctx, ch, "[Payload:", "]");
}

/* RFC 9260 3.3.2 and 3.3.3: the fixed part; parameters are not shown. */
static void
sctp_init(struct dec_ctx *ctx, struct cur *ch)
{
	int64_t	tag, rwnd, tsn;
	int	os, mis;

	tag = cur_u32(ch);
	rwnd = cur_u32(ch);
	os = cur_u16(ch);
	mis = cur_u16(ch);
	if ((tsn = cur_u32(ch)) == -1) {
		dec_trunc(ctx, "sctp");
		return;
	}
	dec_sum(ctx, "[init tag: %lld] [rwnd: %lld] [OS: %d] [MIS: %d] "
	    "[init TSN: %lld] ", (long long)tag, (long long)rwnd, os, mis,
	    (long long)tsn);
	dec_fld(ctx, "initiate tag %lld, a_rwnd %lld, outbound streams %d, "
	    "inbound streams %d, initial tsn %lld", (long long)tag,
	    (long long)rwnd, os, mis, (long long)tsn);
}

/* RFC 9260 3.3.4: gap blocks are offsets from the cumulative ack. */
static void
sctp_sack(struct dec_ctx *ctx, struct cur *ch)
{
	int64_t		cum, rwnd, dup;
	int		ngap, ndup, i, start, end;

	cum = cur_u32(ch);
	rwnd = cur_u32(ch);
	ngap = cur_u16(ch);
	if ((ndup = cur_u16(ch)) == -1) {
		dec_trunc(ctx, "sctp");
		return;
	}
	dec_sum(ctx, "[cum ack %lld] [a_rwnd %lld] [#gap acks %d] "
	    "[#dup tsns %d] ", (long long)cum, (long long)rwnd, ngap, ndup);
	dec_fld(ctx, "cumulative tsn ack %lld, a_rwnd %lld, %d gap blocks, "
	    "%d duplicate tsns", (long long)cum, (long long)rwnd, ngap, ndup);
	/* tcpdump lists them on lines of their own; the screen has one. */
	if (ctx->opt->extra)
		return;
	for (i = 1; i <= ngap && i <= SCTP_MAXSACK; i++) {
		start = cur_u16(ch);
		if ((end = cur_u16(ch)) == -1) {
			dec_trunc(ctx, "sctp");
			return;
		}
		dec_sum(ctx, "\n\t\t[gap ack block #%d: start = %u, end = %u] ",
		    i, (uint32_t)(cum + start), (uint32_t)(cum + end));
	}
	for (i = 1; i <= ndup && i <= SCTP_MAXSACK; i++) {
		if ((dup = cur_u32(ch)) == -1) {
			dec_trunc(ctx, "sctp");
			return;
		}
		dec_sum(ctx, "\n\t\t[dup TSN #%d: %lld] ", i, (long long)dup);
	}
}
