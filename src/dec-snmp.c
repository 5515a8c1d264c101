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
#include "dec-int.h"
#include "tbuf.h"

#define SNMP_MAXVB	64		/* variable bindings shown */

/* What one BER element is, tcpdump's kinds. */
enum snmp_type {
	SB_ANY, SB_OCTET, SB_STR, SB_INT, SB_OID, SB_NULL, SB_INET, SB_UNS,
	SB_UNS64, SB_SEQ, SB_PDU, SB_EXC
};

struct snmp_be {
	enum snmp_type	 type;
	int		 id;
	uint32_t	 len;		/* content length */
	struct cur	 val;		/* the content, all captured */
	int32_t		 i;		/* SB_INT */
	uint64_t	 u;		/* SB_UNS, SB_UNS64 */
};

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

static int	snmp_parse(struct dec_ctx *, struct cur *);
static void	snmp_format(struct dec_ctx *, struct cur *);
static int	snmp_ber(struct tbuf *, struct cur *, uint32_t,
		    struct snmp_be *);
static void	snmp_type(struct tbuf *, struct snmp_be *, int, int);
static void	snmp_print(struct tbuf *, struct snmp_be *);
static void	snmp_string(struct tbuf *, struct snmp_be *);
static void	snmp_oid(struct tbuf *, struct snmp_be *);
static int	snmp_expect(struct tbuf *, struct snmp_be *, enum snmp_type,
		    const char *);
static void	snmp_msg(struct dec_ctx *, struct cur *, uint32_t);
static void	snmp_pdu(struct dec_ctx *, struct cur *, uint32_t, int);
static void	snmp_v3(struct dec_ctx *, struct cur *, uint32_t);
static int	snmp_next(struct tbuf *, struct cur *, uint32_t *,
		    enum snmp_type, const char *, struct snmp_be *);
static void	snmp_usm(struct dec_ctx *, struct cur *, uint32_t);
static void	snmp_rw(struct dec_ctx *, struct cur *, uint32_t, int);
static void	snmp_trap(struct tbuf *, struct cur *, uint32_t);
static void	snmp_vbs(struct tbuf *, struct cur *, uint32_t, int);

const struct dec_proto dec_snmp_proto = {
	.name = "snmp", .key = DEC_KEY(DEC_S_PORT, 161), .id = DEC_P_OTHER,
	.parse = snmp_parse, .format = snmp_format
};
const struct dec_proto dec_snmptrap_proto = {
	.name = "snmp", .key = DEC_KEY(DEC_S_PORT, 162), .id = DEC_P_OTHER,
	.parse = snmp_parse, .format = snmp_format
};

static const char *const snmp_pdus[] = { "GetRequest", "GetNextRequest",
    "GetResponse", "SetRequest", "Trap", "GetBulk", "Inform", "V2Trap",
    "Report" };
static const char *const snmp_univ[] = { "U-0", "Boolean", "Integer",
    "Bitstring", "String", "Null", "ObjID", "ObjectDes", "U-8", "U-9",
    "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set" };
static const char *const snmp_appl[] = { "IpAddress", "Counter", "Gauge",
    "TimeTicks", "Opaque", "C-5", "Counter64" };
static const char *const snmp_exc[] = { "noSuchObject", "noSuchInstance",
    "endOfMibView" };
static const char *const snmp_errs[] = { "noError", "tooBig",
    "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
    "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
    "noCreation", "inconsistentValue", "resourceUnavailable",
    "commitFailed", "undoFailed", "authorizationError", "notWritable",
    "inconsistentName" };
static const char *const snmp_traps[] = { "coldStart", "warmStart",
    "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss",
    "enterpriseSpecific" };
/* Ids per class: universal, application, context, private. */
static const int snmp_nids[4] = { 18, 7, 9, 1 };

static int
snmp_parse(struct dec_ctx *ctx, struct cur *c)
{
	return DEC_DONE;
}

/*
 * One element at c, within len bytes the datagram claims.  Returns the
 * bytes it takes and moves c past it, or -1 after writing why; -2 when
 * the capture ended in its header (nothing more is written then).
 */
static int
snmp_ber(struct tbuf *tb, struct cur *c, uint32_t len, struct snmp_be *e)
{
	struct cur	 save = *c;
	uint32_t	 hdr = 1, n;
	int		 b, form, cls, id, noct;

	memset(e, 0, sizeof(*e));
	if (len < 1) {
		tbuf_puts(tb, "[nothing to parse]");
		return -1;
	}
	if ((b = cur_u8(c)) == -1)
		goto cut;
	form = b >> 5 & 1;
	cls = b >> 6;
	id = b & 0x1f;
	len--;
	if (id == 0x1f) {
		/* A long tag; tcpdump keeps its low eight bits. */
		for (id = 0; (b = cur_peek_u8(c, 0)) != -1 && (b & 0x80);
		    hdr++, len--) {
			if (len < 1) {
				tbuf_puts(tb, "[Xtagfield?]");
				return -1;
			}
			id = (id << 7 | (b & 0x7f)) & 0xff;
			cur_skip(c, 1);
		}
		if (b == -1)
			goto cut;
		if (len < 1) {
			tbuf_puts(tb, "[Xtagfield?]");
			return -1;
		}
		id = (id << 7 | b) & 0xff;
		cur_skip(c, 1);
		len--;
		hdr++;
	}
	if (len < 1) {
		tbuf_puts(tb, "[no asnlen]");
		return -1;
	}
	if ((b = cur_u8(c)) == -1)
		goto cut;
	len--;
	hdr++;
	e->len = (uint32_t)b;
	if (b & 0x80) {
		noct = b & 0x7f;
		if (len < (uint32_t)noct) {
			tbuf_printf(tb, "[asnlen? %d<%d]", (int)len, noct);
			return -1;
		}
		if (cur_peek(c, (size_t)noct) == NULL) {
			tbuf_puts(tb, " [|snmp]");
			return -1;
		}
		for (e->len = 0; noct > 0; noct--, len--, hdr++)
			e->len = e->len << 8 | (uint32_t)cur_u8(c);
	}
	if (len < e->len) {
		tbuf_printf(tb, "[len%d<asnlen%u]", (int)len, e->len);
		return -1;
	}
	if (id >= snmp_nids[cls]) {
		tbuf_printf(tb, "[id?%c/x/%d]", form ? 'C' : 'P', id);
		return -1;
	}
	if (cur_sub(c, e->len, &e->val)) {
		tbuf_puts(tb, " [|snmp]");
		return -1;
	}
	e->id = id;
	snmp_type(tb, e, form, cls);
	if (e->type == SB_INT && e->len == 0) {
		tbuf_puts(tb, "[asnlen=0]");
		return -1;
	}
	n = hdr + e->len;
	return (int)n;
cut:
	*c = save;
	tbuf_puts(tb, " [|snmp]");
	return -2;
}

/* The kind of a parsed element, and its number for the numeric ones. */
static void
snmp_type(struct tbuf *tb, struct snmp_be *e, int form, int cls)
{
	struct cur	v = e->val;
	int		b, first = 1;

	e->type = SB_OCTET;
	if (form == 1) {
		if (cls == 0 && e->id == 16)
			e->type = SB_SEQ;
		else if (cls == 2)
			e->type = SB_PDU;
		else
			tbuf_printf(tb, "C/%s/%s", cls == 0 ? "U" : "x",
			    cls == 0 ? snmp_univ[e->id] : cls == 1 ?
			    snmp_appl[e->id] : "P-0");
		return;
	}
	switch (cls << 8 | e->id) {
	case 4:
		e->type = SB_STR;
		break;
	case 2:
		e->type = SB_INT;
		while ((b = cur_u8(&v)) != -1) {
			if (first && (b & 0x80))
				e->i = -1;
			e->i = (int32_t)((uint32_t)e->i << 8 | (uint32_t)b);
			first = 0;
		}
		break;
	case 6:
		e->type = SB_OID;
		break;
	case 5:
		e->type = SB_NULL;
		break;
	case 1 << 8 | 0:
		e->type = SB_INET;
		break;
	case 1 << 8 | 1: case 1 << 8 | 2: case 1 << 8 | 3: case 1 << 8 | 6:
		e->type = e->id == 6 ? SB_UNS64 : SB_UNS;
		while ((b = cur_u8(&v)) != -1)
			e->u = e->u << 8 | (uint64_t)b;
		if (e->type == SB_UNS)
			e->u &= 0xffffffff;
		break;
	case 2 << 8 | 0: case 2 << 8 | 1: case 2 << 8 | 2:
		e->type = SB_EXC;
		break;
	default:
		if (cls == 2)
			e->type = SB_ANY;
		else if (cls == 0)
			tbuf_printf(tb, "[P/U/%s]", snmp_univ[e->id]);
		else if (cls == 1)
			tbuf_printf(tb, "[P/A/%s]", snmp_appl[e->id]);
		else
			tbuf_puts(tb, "[P/x/P-0]");
		break;
	}
}

static void
snmp_print(struct tbuf *tb, struct snmp_be *e)
{
	struct cur	v = e->val;
	int		b, i;

	switch (e->type) {
	case SB_OCTET:
		while ((b = cur_u8(&v)) != -1)
			tbuf_printf(tb, "_%02x", b);
		break;
	case SB_NULL:
		break;
	case SB_OID:
		snmp_oid(tb, e);
		break;
	case SB_INT:
		tbuf_printf(tb, "%d", e->i);
		break;
	case SB_UNS:
	case SB_UNS64:
		tbuf_printf(tb, "%llu", (unsigned long long)e->u);
		break;
	case SB_STR:
		snmp_string(tb, e);
		break;
	case SB_SEQ:
		tbuf_printf(tb, "Seq(%u)", e->len);
		break;
	case SB_INET:
		if (e->len != 4)
			tbuf_puts(tb, "[inetaddr len!=4]");
		for (i = 0; (b = cur_u8(&v)) != -1; i++)
			tbuf_printf(tb, i ? ".%d" : "%d", b);
		break;
	case SB_EXC:
		tbuf_printf(tb, "[%s]", snmp_exc[e->id]);
		break;
	case SB_PDU:
		tbuf_printf(tb, "%s(%u)", snmp_pdus[e->id], e->len);
		break;
	default:
		tbuf_puts(tb, "[BE_ANY!?]");
		break;
	}
}

/* Quoted when every byte is printable ASCII, else hex bytes joined by _. */
static void
snmp_string(struct tbuf *tb, struct snmp_be *e)
{
	const uint8_t	*p = cur_peek(&e->val, e->len);
	uint32_t	 i;

	if (e->len == 0 || p == NULL) {
		tbuf_puts(tb, "\"\"");
		return;
	}
	for (i = 0; i < e->len; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			break;
	if (i == e->len) {
		/* Printable ASCII only: nothing a terminal acts on. */
		tbuf_putc(tb, '"');
		tbuf_putn(tb, (const char *)p, e->len);
		tbuf_putc(tb, '"');
		return;
	}
	for (i = 0; i < e->len; i++)
		tbuf_printf(tb, i ? "_%02x" : "%02x", p[i]);
}

/* ".1.3.6.1": the first octet holds two arcs, 40 * X + Y (X.690 8.19). */
static void
snmp_oid(struct tbuf *tb, struct snmp_be *e)
{
	struct cur	v = e->val;
	uint32_t	o = 0, s;
	int		b, first = 1;

	while ((b = cur_u8(&v)) != -1) {
		o = (o << 7) + (uint32_t)(b & 0x7f);
		if (b & 0x80)
			continue;
		if (first) {
			s = o / 40 > 2 ? 2 : o / 40;
			tbuf_printf(tb, ".%u", s);
			o -= s * 40;
			first = 0;
		}
		tbuf_printf(tb, ".%u", o);
		o = 0;
	}
}

/* tcpdump's "[reqId!=INT]" and the element; 0 when it is of type t. */
static int
snmp_expect(struct tbuf *tb, struct snmp_be *e, enum snmp_type t,
    const char *what)
{
	if (e->type == t)
		return 0;
	tbuf_printf(tb, "[%s]", what);
	snmp_print(tb, e);
	return -1;
}

static void
snmp_format(struct dec_ctx *ctx, struct cur *c)
{
	dec_layer(ctx, "SNMP");
	if (ctx->out == NULL || ctx->tree) {
		dec_data(ctx, c);
		return;
	}
	tbuf_putc(ctx->out, ' ');
	snmp_msg(ctx, c, ctx->l4len);
}

/* The message: a sequence of version, community and PDU. */
static void
snmp_msg(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	static const char *const vers[] = { "SNMPv1", "SNMPv2c", NULL,
	    "SNMPv3" };
	struct tbuf	*tb = ctx->out;
	struct snmp_be	 e;
	struct cur	 in;
	const uint8_t	*p;
	int		 n, ver, v = ctx->opt->verbose;

	if ((n = snmp_ber(tb, c, len, &e)) < 0 ||
	    snmp_expect(tb, &e, SB_SEQ, "!init SEQ") == -1)
		return;
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after iSEQ]",
		    (int)(len - (uint32_t)n));
	in = e.val;
	len = e.len;
	if ((n = snmp_ber(tb, &in, len, &e)) < 0 ||
	    snmp_expect(tb, &e, SB_INT, "version!=INT") == -1)
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
	else if ((n = snmp_ber(tb, &in, len, &e)) == -2)
		return;
	else if (n >= 0 && snmp_expect(tb, &e, SB_STR, "comm!=STR") == 0) {
		p = cur_peek(&e.val, e.len);
		if (e.len != 6 || memcmp(p, "public", 6) != 0) {
			tbuf_puts(tb, "C=");
			snmp_string(tb, &e);
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
	struct snmp_be	 e;
	int		 n, v = ctx->opt->verbose;

	if ((n = snmp_ber(tb, c, len, &e)) < 0)
		return;
	if (e.type != SB_PDU) {
		tbuf_puts(tb, "[no PDU]");
		return;
	}
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after PDU]",
		    (int)(len - (uint32_t)n));
	if (v)
		tbuf_puts(tb, "{ ");
	snmp_print(tb, &e);
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
	struct snmp_be	 e;
	int		 err = 0, plain;

	plain = pdu == SNMP_GET || pdu == SNMP_GETNEXT || pdu == SNMP_SET ||
	    pdu == SNMP_INFORM || pdu == SNMP_V2TRAP || pdu == SNMP_REPORT;
	if (snmp_next(tb, c, &len, SB_INT, "reqId!=INT", &e) == -1)
		return;
	if (ctx->opt->verbose)
		tbuf_printf(tb, "R=%d ", e.i);
	if (snmp_next(tb, c, &len, SB_INT, "errorStatus!=INT", &e) == -1)
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
	if (snmp_next(tb, c, &len, SB_INT, "errorIndex!=INT", &e) == -1)
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
	struct snmp_be	e;
	int		gen;

	tbuf_putc(tb, ' ');
	if (snmp_next(tb, c, &len, SB_OID, "enterprise!=OID", &e) == -1)
		return;
	snmp_print(tb, &e);
	tbuf_putc(tb, ' ');
	if (snmp_next(tb, c, &len, SB_INET, "agent-addr!=INETADDR", &e) ==
	    -1)
		return;
	snmp_print(tb, &e);
	if (snmp_next(tb, c, &len, SB_INT, "generic-trap!=INT", &e) == -1)
		return;
	gen = e.i;
	if (gen >= 0 && gen < 7)
		tbuf_printf(tb, " %s", snmp_traps[gen]);
	else
		tbuf_printf(tb, " gt=%d", gen);
	if (snmp_next(tb, c, &len, SB_INT, "specific-trap!=INT", &e) == -1)
		return;
	if (gen != 6 && e.i != 0)
		tbuf_printf(tb, "[specific-trap(%d)!=0]", e.i);
	else if (gen == 6)
		tbuf_printf(tb, " s=%d", e.i);
	tbuf_putc(tb, ' ');
	if (snmp_next(tb, c, &len, SB_UNS, "time-stamp!=TIMETICKS", &e) ==
	    -1)
		return;
	snmp_print(tb, &e);
	snmp_vbs(tb, c, len, SNMP_TRAP);
}

/* " name=value" per binding; requests carry no values ("name"). */
static void
snmp_vbs(struct tbuf *tb, struct cur *c, uint32_t len, int pdu)
{
	struct snmp_be	 e;
	struct cur	 vb;
	uint32_t	 vlen;
	int		 n, i;

	if ((n = snmp_ber(tb, c, len, &e)) < 0 ||
	    snmp_expect(tb, &e, SB_SEQ, "!SEQ of varbind") == -1)
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
		if (snmp_next(tb, c, &len, SB_SEQ, "!varbind", &e) == -1)
			return;
		vb = e.val;
		vlen = e.len;
		if (snmp_next(tb, &vb, &vlen, SB_OID, "objName!=OID", &e) ==
		    -1)
			return;
		snmp_print(tb, &e);
		if (!SNMP_READ(pdu))
			tbuf_putc(tb, '=');
		if (snmp_ber(tb, &vb, vlen, &e) < 0)
			return;
		if (SNMP_READ(pdu) && e.type != SB_NULL) {
			tbuf_puts(tb, "[objVal!=NULL]");
			snmp_print(tb, &e);
		} else if (!SNMP_READ(pdu) && e.type != SB_NULL)
			snmp_print(tb, &e);
	}
}

/*
 * The next element of a sequence, which must be of type t, else tcpdump's
 * complaint "[what]" and the element; *len goes down by what it takes.
 * Returns that, or -1.
 */
static int
snmp_next(struct tbuf *tb, struct cur *c, uint32_t *len, enum snmp_type t,
    const char *what, struct snmp_be *e)
{
	int	n;

	if ((n = snmp_ber(tb, c, *len, e)) < 0 ||
	    snmp_expect(tb, e, t, what) == -1)
		return -1;
	*len -= (uint32_t)n;
	return n;
}

/* RFC 3412 6: msgGlobalData, security parameters, scoped PDU. */
static void
snmp_v3(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	struct tbuf	*tb = ctx->out;
	struct snmp_be	 e;
	struct cur	 g;
	uint32_t	 glen;
	int		 n, fl, model, v = ctx->opt->verbose;

	if ((n = snmp_ber(tb, c, len, &e)) < 0 ||
	    snmp_expect(tb, &e, SB_SEQ, "!message") == -1)
		return;
	len -= (uint32_t)n;
	g = e.val;
	glen = e.len;
	if (v)
		tbuf_puts(tb, "{ ");
	if (snmp_next(tb, &g, &glen, SB_INT, "msgID!=INT", &e) == -1 ||
	    snmp_next(tb, &g, &glen, SB_INT, "msgMaxSize!=INT", &e) == -1 ||
	    snmp_next(tb, &g, &glen, SB_STR, "msgFlags!=STR", &e) == -1)
		return;
	if (e.len != 1) {
		tbuf_printf(tb, "[msgFlags size %u]", e.len);
		return;
	}
	fl = cur_peek_u8(&e.val, 0);
	if (fl != 0 && fl != 1 && fl != 3 && fl != 4 && fl != 5 && fl != 7) {
		tbuf_printf(tb, "[msgFlags=0x%02X]", fl);
		return;
	}
	tbuf_printf(tb, "F=%s%s%s ", fl & 1 ? "a" : "", fl & 2 ? "p" : "",
	    fl & 4 ? "r" : "");
	if ((n = snmp_next(tb, &g, &glen, SB_INT, "msgSecurityModel!=INT",
	    &e)) == -1)
		return;
	model = e.i;
	/* tcpdump compares with the last element's size, not the rest. */
	if ((uint32_t)n < glen)
		tbuf_printf(tb, "[%d extra after message SEQ]",
		    (int)(glen - (uint32_t)n));
	if (v)
		tbuf_puts(tb, "} ");
	if (model != 3) {
		tbuf_printf(tb, "[security model %d]", model);
		return;
	}
	if (v)
		tbuf_puts(tb, "{ USM ");
	if (snmp_next(tb, c, &len, SB_STR, "msgSecurityParameters!=STR",
	    &e) == -1)
		return;
	snmp_usm(ctx, &e.val, e.len);
	if (v)
		tbuf_puts(tb, "} { ScopedPDU ");
	if ((n = snmp_ber(tb, c, len, &e)) >= 0 &&
	    snmp_expect(tb, &e, SB_SEQ, "!scoped PDU") == 0) {
		g = e.val;
		glen = e.len;
		if (snmp_next(tb, &g, &glen, SB_STR, "contextEngineID!=STR",
		    &e) == -1)
			goto out;
		tbuf_puts(tb, "E=");
		e.type = SB_OCTET;
		snmp_print(tb, &e);
		tbuf_putc(tb, ' ');
		if (snmp_next(tb, &g, &glen, SB_STR, "contextName!=STR", &e) ==
		    -1)
			goto out;
		tbuf_puts(tb, "C=");
		snmp_string(tb, &e);
		tbuf_putc(tb, ' ');
		snmp_pdu(ctx, &g, glen, 3);
	}
out:
	if (v)
		tbuf_puts(tb, "} ");
}

/* RFC 3414 2.4: the user, and from -v the engine's boots and time. */
static void
snmp_usm(struct dec_ctx *ctx, struct cur *c, uint32_t len)
{
	struct tbuf	*tb = ctx->out;
	struct snmp_be	 e;
	struct cur	 u;
	int		 n, v = ctx->opt->verbose;

	if ((n = snmp_ber(tb, c, len, &e)) < 0 ||
	    snmp_expect(tb, &e, SB_SEQ, "!usm") == -1)
		return;
	u = e.val;
	len = e.len;
	if (snmp_next(tb, &u, &len, SB_STR, "msgAuthoritativeEngineID!=STR",
	    &e) == -1 || snmp_next(tb, &u, &len, SB_INT,
	    "msgAuthoritativeEngineBoots!=INT", &e) == -1)
		return;
	if (v)
		tbuf_printf(tb, "B=%d ", e.i);
	if (snmp_next(tb, &u, &len, SB_INT, "msgAuthoritativeEngineTime!=INT",
	    &e) == -1)
		return;
	if (v)
		tbuf_printf(tb, "T=%d ", e.i);
	if (snmp_next(tb, &u, &len, SB_STR, "msgUserName!=STR", &e) == -1)
		return;
	tbuf_puts(tb, "U=");
	snmp_string(tb, &e);
	tbuf_putc(tb, ' ');
	if (snmp_next(tb, &u, &len, SB_STR,
	    "msgAuthenticationParameters!=STR", &e) == -1 ||
	    (n = snmp_next(tb, &u, &len, SB_STR, "msgPrivacyParameters!=STR",
	    &e)) == -1)
		return;
	/* As tcpdump: the last element's size against what is left. */
	if ((uint32_t)n < len)
		tbuf_printf(tb, "[%d extra after usm SEQ]",
		    (int)(len - (uint32_t)n));
}
