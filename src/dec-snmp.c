/*
 * SNMP v1 and v2c over UDP 161 and 162, as tcpdump -n 4.99 prints them
 * without libsmi: the community unless "public", the PDU type and
 * length, the error status, the variable bindings with numeric object
 * ids; -v adds the version, the request id and braces.  The BER reader
 * checks every length against what the datagram claims and what was
 * captured; its complaints are tcpdump's ("[len18<asnlen39]", " [|snmp]").
 * SNMPv3: the flags, the USM user and the scoped PDU, or its encrypted
 * bytes.  Layouts: RFC 1157 (v1, Trap), RFC 3416 (v2 PDUs, GetBulk,
 * exceptions), RFC 1901 (v2c), RFC 3412 6 (v3 message), RFC 3414 2.4
 * (USM), X.690 8.19 (object identifiers).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-ber.h"
#include "dec-int.h"
#include "tbuf.h"

#define SNMP_MAXVB	64		/* variable bindings shown */

/* PDU tags (RFC 3416 3), context class. */
#define SNMP_GET	0
#define SNMP_GETNEXT	1
#define SNMP_RESP	2
#define SNMP_SET	3
#define SNMP_TRAP	4
#define SNMP_BULK	5
#define SNMP_INFORM	6
#define SNMP_V2TRAP	7
#define SNMP_REPORT	8
#define SNMP_READ(x)	((x) == SNMP_GET || (x) == SNMP_GETNEXT || \
			    (x) == SNMP_BULK)

static void	snmp_format(struct dec_ctx *, struct cur *);
static void	snmp_msg(struct dec_ctx *, struct cur *, uint32_t);
static void	snmp_pdu(struct dec_ctx *, struct cur *, uint32_t, int);
static void	snmp_v3(struct dec_ctx *, struct cur *, uint32_t);
static int	snmp_v3glob(struct dec_ctx *, struct cur *, uint32_t, int *);
static void	snmp_v3scoped(struct dec_ctx *, struct cur *, uint32_t);
static void	snmp_usm(struct dec_ctx *, struct cur *, uint32_t);
static void	snmp_rw(struct dec_ctx *, struct cur *, uint32_t, int);
static void	snmp_trap(struct tbuf *, struct cur *, uint32_t);
static void	snmp_vbs(struct tbuf *, struct cur *, uint32_t, int);

/* Requests and traps. */
const struct dec_proto dec_snmp_proto = {
	.name = "snmp",
	.keys = { DEC_KEY(DEC_S_PORT, 161), DEC_KEY(DEC_S_PORT, 162) },
	.id = DEC_P_OTHER, .format = snmp_format
};

static const char *const snmp_errs[] = { "noError", "tooBig",
    "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
    "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
    "noCreation", "inconsistentValue", "resourceUnavailable",
    "commitFailed", "undoFailed", "authorizationError", "notWritable",
    "inconsistentName" };
static const char *const snmp_traps[] = { "coldStart", "warmStart",
    "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss",
    "enterpriseSpecific" };

static void
snmp_format(struct dec_ctx *ctx, struct cur *c)
{
	dec_layer(ctx, "SNMP");
	if (ctx->out == NULL)
		return;
	/* The tree: tcpdump's text as one field. */
	if (dec_line(ctx) != NULL)
		tbuf_puts(ctx->out, "summary:");
	tbuf_putc(ctx->out, ' ');
	snmp_msg(ctx, c, ctx->l4len);
	dec_endline(ctx);
}

/* The message: a sequence of version, community and PDU. */
static void
snmp_msg(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	static const char *const vers[] = { "SNMPv1", "SNMPv2c", NULL,
	    "SNMPv3" };
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	struct cur	 in;
	const uint8_t	*p;
	int		 n, ver, v = ctx->opt->verbose;

	if ((n = ber_read(tb, c, len, &e)) < 0 ||
	    ber_expect(tb, &e, BER_SEQ, "!init SEQ") == -1)
		return;
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after iSEQ]",
		    (int)(len - (uint32_t)n));
	in = e.val;
	len = e.len;
	if ((n = ber_read(tb, &in, len, &e)) < 0 ||
	    ber_expect(tb, &e, BER_INT, "version!=INT") == -1)
		return;
	ver = e.i;
	if (ver < 0 || ver > 3 || vers[ver] == NULL) {
		tbuf_printf(tb, "SNMP [version = %d]", ver);
		return;
	}
	if (v)
		tbuf_printf(tb, "{ %s ", vers[ver]);
	len -= (uint32_t)n;
	if (ver == 3)
		snmp_v3(ctx, &in, len);
	else if ((n = ber_read(tb, &in, len, &e)) == -2)
		return;
	else if (n >= 0 && ber_expect(tb, &e, BER_STR, "comm!=STR") == 0) {
		p = cur_peek(&e.val, e.len);
		if (e.len != 6 || memcmp(p, "public", 6) != 0) {
			tbuf_puts(tb, "C=");
			ber_string(tb, &e);
			tbuf_putc(tb, ' ');
		}
		snmp_pdu(ctx, &in, len - (uint32_t)n, ver);
	}
	if (v)
		tbuf_puts(tb, "} ");
}

static void
snmp_pdu(struct dec_ctx *ctx, struct cur *c, uint32_t len, int ver)
{
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	int		 n, v = ctx->opt->verbose;

	if ((n = ber_read(tb, c, len, &e)) < 0)
		return;
	if (e.type != BER_PDU) {
		tbuf_puts(tb, "[no PDU]");
		return;
	}
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after PDU]",
		    (int)(len - (uint32_t)n));
	if (v)
		tbuf_puts(tb, "{ ");
	ber_print(tb, &e);
	tbuf_putc(tb, ' ');
	if (ver == 0 && (e.id == SNMP_BULK || e.id == SNMP_INFORM ||
	    e.id == SNMP_V2TRAP || e.id == SNMP_REPORT)) {
		tbuf_puts(tb, "[v2 PDU in v1 message]");
		return;
	}
	if (ver == 1 && e.id == SNMP_TRAP) {
		tbuf_puts(tb, "[v1 PDU in v2 message]");
		return;
	}
	if (e.id == SNMP_TRAP)
		snmp_trap(tb, &e.val, e.len);
	else
		snmp_rw(ctx, &e.val, e.len, e.id);
	if (v)
		tbuf_puts(tb, " } ");
}

/* Request id, error status and index (GetBulk: N and M), bindings. */
static void
snmp_rw(struct dec_ctx *ctx, struct cur *c, uint32_t len, int pdu)
{
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	int		 err = 0, plain;

	plain = pdu == SNMP_GET || pdu == SNMP_GETNEXT || pdu == SNMP_SET ||
	    pdu == SNMP_INFORM || pdu == SNMP_V2TRAP || pdu == SNMP_REPORT;
	if (ber_next(tb, c, &len, BER_INT, "reqId!=INT", &e) == -1)
		return;
	if (ctx->opt->verbose)
		tbuf_printf(tb, "R=%d ", e.i);
	if (ber_next(tb, c, &len, BER_INT, "errorStatus!=INT", &e) == -1)
		return;
	if (plain && e.i != 0) {
		tbuf_puts(tb, "[errorStatus(");
		if (e.i >= 0 && e.i < 19)
			tbuf_puts(tb, snmp_errs[e.i]);
		else
			tbuf_printf(tb, "err=%u", (unsigned)e.i);
		tbuf_puts(tb, ")!=0]");
	} else if (pdu == SNMP_BULK)
		tbuf_printf(tb, " N=%d", e.i);
	else if (e.i != 0) {
		if (e.i > 0 && e.i < 19)
			tbuf_printf(tb, " %s", snmp_errs[e.i]);
		else
			tbuf_printf(tb, " err=%u", (unsigned)e.i);
		err = e.i;
	}
	if (ber_next(tb, c, &len, BER_INT, "errorIndex!=INT", &e) == -1)
		return;
	if (plain && e.i != 0)
		tbuf_printf(tb, "[errorIndex(%d)!=0]", e.i);
	else if (pdu == SNMP_BULK)
		tbuf_printf(tb, " M=%d", e.i);
	else if (e.i != 0 && !err)
		tbuf_printf(tb, "[errorIndex(%d) w/o errorStatus]", e.i);
	else if (e.i != 0)
		tbuf_printf(tb, "@%d", e.i);
	else if (err)
		tbuf_puts(tb, "[errorIndex==0]");
	snmp_vbs(tb, c, len, pdu);
}

/* RFC 1157 4.1.6: enterprise, agent, generic and specific trap, time. */
static void
snmp_trap(struct tbuf *tb, struct cur *c, uint32_t len)
{
	struct ber_el	e;
	int		gen;

	tbuf_putc(tb, ' ');
	if (ber_next(tb, c, &len, BER_OID, "enterprise!=OID", &e) == -1)
		return;
	ber_print(tb, &e);
	tbuf_putc(tb, ' ');
	if (ber_next(tb, c, &len, BER_INET, "agent-addr!=INETADDR", &e) ==
	    -1)
		return;
	ber_print(tb, &e);
	if (ber_next(tb, c, &len, BER_INT, "generic-trap!=INT", &e) == -1)
		return;
	gen = e.i;
	if (gen >= 0 && gen < 7)
		tbuf_printf(tb, " %s", snmp_traps[gen]);
	else
		tbuf_printf(tb, " gt=%d", gen);
	if (ber_next(tb, c, &len, BER_INT, "specific-trap!=INT", &e) == -1)
		return;
	if (gen != 6 && e.i != 0)
		tbuf_printf(tb, "[specific-trap(%d)!=0]", e.i);
	else if (gen == 6)
		tbuf_printf(tb, " s=%d", e.i);
	tbuf_putc(tb, ' ');
	if (ber_next(tb, c, &len, BER_UNS, "time-stamp!=TIMETICKS", &e) ==
	    -1)
		return;
	ber_print(tb, &e);
	snmp_vbs(tb, c, len, SNMP_TRAP);
}

/* " name=value" per binding; requests carry no values ("name"). */
static void
snmp_vbs(struct tbuf *tb, struct cur *c, uint32_t len, int pdu)
{
	struct ber_el	 e;
	struct cur	 vb;
	uint32_t	 vlen;
	int		 n, i;

	if ((n = ber_read(tb, c, len, &e)) < 0 ||
	    ber_expect(tb, &e, BER_SEQ, "!SEQ of varbind") == -1)
		return;
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after SEQ of varbind]",
		    (int)(len - (uint32_t)n));
	*c = e.val;
	len = e.len;
	for (i = 0; len > 0; i++) {
		if (i == SNMP_MAXVB) {
			tbuf_puts(tb, " ...");
			return;
		}
		tbuf_putc(tb, ' ');
		if (ber_next(tb, c, &len, BER_SEQ, "!varbind", &e) == -1)
			return;
		vb = e.val;
		vlen = e.len;
		if (ber_next(tb, &vb, &vlen, BER_OID, "objName!=OID", &e) ==
		    -1)
			return;
		ber_print(tb, &e);
		if (!SNMP_READ(pdu))
			tbuf_putc(tb, '=');
		if (ber_read(tb, &vb, vlen, &e) < 0)
			return;
		if (SNMP_READ(pdu) && e.type != BER_NULL) {
			tbuf_puts(tb, "[objVal!=NULL]");
			ber_print(tb, &e);
		} else if (!SNMP_READ(pdu) && e.type != BER_NULL)
			ber_print(tb, &e);
	}
}

/* RFC 3412 6: msgGlobalData, security parameters, scoped PDU. */
static void
snmp_v3(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	int		 n, model, v = ctx->opt->verbose;

	if ((n = ber_read(tb, c, len, &e)) < 0 ||
	    ber_expect(tb, &e, BER_SEQ, "!message") == -1)
		return;
	len -= (uint32_t)n;
	if (snmp_v3glob(ctx, &e.val, e.len, &model) == -1)
		return;
	if (model != 3) {
		tbuf_printf(tb, "[security model %d]", model);
		return;
	}
	if (v)
		tbuf_puts(tb, "{ USM ");
	if (ber_next(tb, c, &len, BER_STR, "msgSecurityParameters!=STR",
	    &e) == -1)
		return;
	snmp_usm(ctx, &e.val, e.len);
	if (v)
		tbuf_puts(tb, "} { ScopedPDU ");
	snmp_v3scoped(ctx, c, len);
	if (v)
		tbuf_puts(tb, "} ");
}

/*
 * RFC 3412 6: msgGlobalData (ID, maximum size, flags, security model).
 * g, glen: the message SEQ's contents, glen bytes.  Sets *model.
 * Returns 0, or -1 after printing why the rest cannot be decoded.
 */
static int
snmp_v3glob(struct dec_ctx *ctx, struct cur *g, uint32_t glen, int *model)
{
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	int		 n, fl, v = ctx->opt->verbose;

	if (v)
		tbuf_puts(tb, "{ ");
	if (ber_next(tb, g, &glen, BER_INT, "msgID!=INT", &e) == -1 ||
	    ber_next(tb, g, &glen, BER_INT, "msgMaxSize!=INT", &e) == -1 ||
	    ber_next(tb, g, &glen, BER_STR, "msgFlags!=STR", &e) == -1)
		return -1;
	if (e.len != 1) {
		tbuf_printf(tb, "[msgFlags size %u]", e.len);
		return -1;
	}
	fl = cur_peek_u8(&e.val, 0);
	if (fl != 0 && fl != 1 && fl != 3 && fl != 4 && fl != 5 && fl != 7) {
		tbuf_printf(tb, "[msgFlags=0x%02X]", fl);
		return -1;
	}
	tbuf_printf(tb, "F=%s%s%s ", fl & 1 ? "a" : "", fl & 2 ? "p" : "",
	    fl & 4 ? "r" : "");
	if ((n = ber_next(tb, g, &glen, BER_INT, "msgSecurityModel!=INT",
	    &e)) == -1)
		return -1;
	*model = e.i;
	/* tcpdump compares with the last element's size, not the rest. */
	if ((uint32_t)n < glen)
		tbuf_printf(tb, "[%d extra after message SEQ]",
		    (int)(glen - (uint32_t)n));
	if (v)
		tbuf_puts(tb, "} ");
	return 0;
}

/*
 * RFC 3412 6: the scoped PDU, unencrypted: context engine ID, context
 * name, then the PDU.  c, len: the rest of the message, len bytes.
 */
static void
snmp_v3scoped(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	struct cur	 g;
	uint32_t	 glen;

	if (ber_read(tb, c, len, &e) < 0 ||
	    ber_expect(tb, &e, BER_SEQ, "!scoped PDU") != 0)
		return;
	g = e.val;
	glen = e.len;
	if (ber_next(tb, &g, &glen, BER_STR, "contextEngineID!=STR",
	    &e) == -1)
		return;
	tbuf_puts(tb, "E=");
	e.type = BER_OCTET;
	ber_print(tb, &e);
	tbuf_putc(tb, ' ');
	if (ber_next(tb, &g, &glen, BER_STR, "contextName!=STR", &e) == -1)
		return;
	tbuf_puts(tb, "C=");
	ber_string(tb, &e);
	tbuf_putc(tb, ' ');
	snmp_pdu(ctx, &g, glen, 3);
}

/* RFC 3414 2.4: the user, and from -v the engine's boots and time. */
static void
snmp_usm(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	struct tbuf	*tb = ctx->out;
	struct ber_el	 e;
	struct cur	 u;
	int		 n, v = ctx->opt->verbose;

	if ((n = ber_read(tb, c, len, &e)) < 0 ||
	    ber_expect(tb, &e, BER_SEQ, "!usm") == -1)
		return;
	u = e.val;
	len = e.len;
	if (ber_next(tb, &u, &len, BER_STR, "msgAuthoritativeEngineID!=STR",
	    &e) == -1 || ber_next(tb, &u, &len, BER_INT,
	    "msgAuthoritativeEngineBoots!=INT", &e) == -1)
		return;
	if (v)
		tbuf_printf(tb, "B=%d ", e.i);
	if (ber_next(tb, &u, &len, BER_INT, "msgAuthoritativeEngineTime!=INT",
	    &e) == -1)
		return;
	if (v)
		tbuf_printf(tb, "T=%d ", e.i);
	if (ber_next(tb, &u, &len, BER_STR, "msgUserName!=STR", &e) == -1)
		return;
	tbuf_puts(tb, "U=");
	ber_string(tb, &e);
	tbuf_putc(tb, ' ');
	if (ber_next(tb, &u, &len, BER_STR,
	    "msgAuthenticationParameters!=STR", &e) == -1 ||
	    (n = ber_next(tb, &u, &len, BER_STR, "msgPrivacyParameters!=STR",
	    &e)) == -1)
		return;
	/* As tcpdump: the last element's size against what is left. */
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after usm SEQ]",
		    (int)(len - (uint32_t)n));
}
