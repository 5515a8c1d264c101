/*
 * Spanning tree BPDUs over LLC SAP 0x42: 802.1D configuration and
 * topology change BPDUs, RSTP (802.1w) and MSTP (802.1s) with their MSTI
 * records, printed as tcpdump -n and -v do.  Fields are shown one at a
 * time, so a cut BPDU ends in "[|stp]" after the last whole field.
 * Layouts: IEEE 802.1D-2004 clause 9.3, IEEE 802.1Q-2018 clause 14.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define STP_MAXLEN	(38 + 64 + 64 * 16)	/* MSTP with 64 MSTIs */
#define STP_CFGLEN	35		/* 802.1D configuration BPDU */
#define STP_V3OFF	36		/* MSTP: version 3 length */
#define STP_MCIDLEN	51		/* MSTP configuration identifier */
#define STP_MSTILEN	16

/* What was captured of one BPDU, copied out of the cursor. */
struct stp_buf {
	uint8_t		 b[STP_MAXLEN];
	size_t		 n;		/* bytes copied */
};

static void	stp_format(struct dec_ctx *, struct cur *);
static int	stp_u16(const struct stp_buf *, size_t);
static uint32_t	stp_u32(const struct stp_buf *, size_t);
static void	stp_flags(struct dec_ctx *, int);
static const char *stp_role(int);
static void	stp_id(struct dec_ctx *, const struct stp_buf *, size_t);
static void	stp_times(struct dec_ctx *, const struct stp_buf *);
static int	stp_config(struct dec_ctx *, const struct stp_buf *, int);
static int	stp_mstp(struct dec_ctx *, const struct stp_buf *);
static int	stp_msti(struct dec_ctx *, const struct stp_buf *, size_t);

/* Under 802.2 LLC, and Cisco's PVST+ under SNAP. */
const struct dec_proto dec_stp_proto = {
	.name = "stp",
	.keys = { DEC_KEY(DEC_S_LLC, 0x42), DEC_KEY(DEC_S_CISCO, 0x010b) },
	.id = DEC_P_OTHER, .format = stp_format
};

static int
stp_u16(const struct stp_buf *s, size_t off)
{
	return s->b[off] << 8 | s->b[off + 1];
}

static uint32_t
stp_u32(const struct stp_buf *s, size_t off)
{
	return cur_be32(&s->b[off]);
}

/* The flag names in tcpdump's order; bits 2 and 3 are the port role. */
static void
stp_flags(struct dec_ctx *ctx, int f)
{
	static const char *const names[] = {
		"Topology change", "Proposal", NULL, NULL, "Learn", "Forward",
		"Agreement", "Topology change ACK"
	};

	dec_sum(ctx, "Flags [");
	dec_bits(ctx, names, 8, (unsigned)f);
	dec_sum(ctx, "]");
}

/* The port role, bits 2 and 3 of the flags (802.1Q 14.2.1). */
static const char *
stp_role(int f)
{
	static const char *const roles[] = {
		"Unknown", "Alternate", "Root", "Designated"
	};

	return roles[f >> 2 & 3];
}

/* A bridge identifier: priority and system id extension, then the MAC. */
static void
stp_id(struct dec_ctx *ctx, const struct stp_buf *s, size_t off)
{
	char	mac[18];

	dec_mac(&s->b[off + 2], mac);
	dec_sum(ctx, "%04x.%s", stp_u16(s, off), mac);
}

/* Timer values are in 1/256 seconds (802.1D 9.3.1). */
static void
stp_times(struct dec_ctx *ctx, const struct stp_buf *s)
{
	dec_sum(ctx, "message-age %.2fs, max-age %.2fs, hello-time %.2fs, "
	    "forwarding-delay %.2fs", stp_u16(s, 27) / 256.0,
	    stp_u16(s, 29) / 256.0, stp_u16(s, 31) / 256.0,
	    stp_u16(s, 33) / 256.0);
}

static void
stp_format(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const versions[] = {
		"802.1d", NULL, "802.1w", "802.1s", "802.1aq"
	};
	struct stp_buf	 s;
	uint32_t	 len = ctx->llclen;
	int		 ver, type, ok;

	dec_layer(ctx, "Spanning Tree Protocol");
	s.n = cur_left(c) < sizeof s.b ? cur_left(c) : sizeof s.b;
	cur_copy(c, s.b, s.n);
	if (s.n < 4) {
		dec_trunc(ctx, "stp");
		return;
	}
	ver = s.b[2];
	type = s.b[3];
	dec_fld(ctx, "protocol %d, version %d, type 0x%02x", stp_u16(&s, 0),
	    ver, type);
	if (stp_u16(&s, 0) != 0 || ver > 4 || versions[ver] == NULL) {
		dec_sum(ctx, "unknown STP version, length %u", len);
		return;
	}
	dec_sum(ctx, "STP %s, ", versions[ver]);
	switch (type) {
	case 0x00:
		dec_sum(ctx, "Config");
		ok = stp_config(ctx, &s, 0);
		break;
	case 0x80:
		dec_sum(ctx, "Topology Change");
		ok = 1;
		break;
	case 0x02:
		dec_sum(ctx, "Rapid STP");
		ok = ver == 3 ? stp_mstp(ctx, &s) : stp_config(ctx, &s, 1);
		break;
	default:
		dec_sum(ctx, "Unknown BPDU Type (0x%02x)", type);
		ok = 1;
		break;
	}
	if (!ok) {
		dec_trunc(ctx, "stp");
	}
}

/* 802.1D configuration and RSTP BPDUs; 0 when cut before the end. */
static int
stp_config(struct dec_ctx *ctx, const struct stp_buf *s, int rstp)
{
	if (s->n < 5)
		return 0;
	dec_sum(ctx, ", ");
	stp_flags(ctx, s->b[4]);
	if (s->n < 27)
		return 0;
	dec_sum(ctx, ", bridge-id ");
	stp_id(ctx, s, 17);
	dec_sum(ctx, ".%04x, length %u", stp_u16(s, 25), ctx->llclen);
	if (!ctx->opt->verbose)
		return 1;
	if (s->n < STP_CFGLEN)
		return 0;
	dec_sum(ctx, "\n\t");
	stp_times(ctx, s);
	dec_sum(ctx, "\n\troot-id ");
	stp_id(ctx, s, 5);
	dec_sum(ctx, ", root-pathcost %u", stp_u32(s, 13));
	if (rstp)
		dec_sum(ctx, ", port-role %s", stp_role(s->b[4]));
	return 1;
}

/*
 * MSTP (802.1Q 14.6): the CIST part, then one record per MSTI.  Each
 * group of fields is shown once its bytes are there, as tcpdump's.
 */
static int
stp_mstp(struct dec_ctx *ctx, const struct stp_buf *s)
{
	size_t	off, end;
	int	i;

	if (s->n < STP_V3OFF + 2)
		return 0;
	dec_sum(ctx, ", CIST ");
	stp_flags(ctx, s->b[4]);
	dec_sum(ctx, ", length %u", ctx->llclen);
	if (!ctx->opt->verbose)
		return 1;
	dec_sum(ctx, "\n\tport-role %s, CIST root-id ", stp_role(s->b[4]));
	stp_id(ctx, s, 5);
	dec_sum(ctx, ", CIST ext-pathcost %u\n\tCIST regional-root-id ",
	    stp_u32(s, 13));
	stp_id(ctx, s, 17);
	dec_sum(ctx, ", CIST port-id %04x,\n\t", stp_u16(s, 25));
	stp_times(ctx, s);
	dec_sum(ctx, "\n\tv3len %d, MCID Name ", stp_u16(s, STP_V3OFF));
	/* The region name is NUL-padded to 32 bytes; shown as far as cut. */
	off = STP_V3OFF + 3;
	for (end = off; end < off + 32 && end < s->n && s->b[end] != '\0';
	    end++)
		continue;
	if (ctx->out != NULL && !ctx->tree && end > off)
		tbuf_vis(ctx->out, &s->b[off], end - off);
	if (s->n < off + 50)
		return 0;
	dec_sum(ctx, ", rev %u,\n\t\tdigest ", stp_u16(s, off + 32));
	for (i = 0; i < 16; i++)
		dec_sum(ctx, "%02x", s->b[off + 34 + i]);
	dec_sum(ctx, ", ");
	off = STP_V3OFF + 2 + STP_MCIDLEN;
	if (s->n < off + 4)
		return 0;
	dec_sum(ctx, "CIST int-root-pathcost %u,", stp_u32(s, off));
	if (s->n < off + 12)
		return 0;
	dec_sum(ctx, "\n\tCIST bridge-id ");
	stp_id(ctx, s, off + 4);
	dec_sum(ctx, ", ");
	if (s->n < off + 13)
		return 0;
	dec_sum(ctx, "CIST remaining-hops %d", s->b[off + 12]);
	/* MSTI records fill the version 3 length after its fixed 64 bytes. */
	end = STP_V3OFF + 2 + (size_t)stp_u16(s, STP_V3OFF);
	for (off += 13; off + STP_MSTILEN <= end; off += STP_MSTILEN)
		if (!stp_msti(ctx, s, off))
			return 0;
	return 1;
}

static int
stp_msti(struct dec_ctx *ctx, const struct stp_buf *s, size_t off)
{
	if (s->n < off + 3)
		return 0;
	dec_sum(ctx, "\n\tMSTI %d, ", stp_u16(s, off + 1) & 0xfff);
	stp_flags(ctx, s->b[off]);
	dec_sum(ctx, ", port-role %s", stp_role(s->b[off]));
	if (s->n < off + 13)
		return 0;
	dec_sum(ctx, "\n\t\tMSTI regional-root-id ");
	stp_id(ctx, s, off + 1);
	dec_sum(ctx, ", pathcost %u", stp_u32(s, off + 9));
	if (s->n < off + STP_MSTILEN)
		return 0;
	dec_sum(ctx, "\n\t\tMSTI bridge-prio %d, port-prio %d, hops %d",
	    s->b[off + 13] >> 4, s->b[off + 14] >> 4, s->b[off + 15]);
	return 1;
}
