/*
 * BER elements as SNMP uses them (X.690 8.1 to 8.3, 8.19; the SMI types
 * of RFC 2578 7.1), read and printed as tcpdump 4.99 does without libsmi:
 * strings quoted or in hex, object ids numeric, and its complaints,
 * "[len18<asnlen39]", " [|snmp]" when the capture ends.  Only reads
 * through the cursor; the content of an element is all captured before
 * anything looks at it.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec-ber.h"
#include "tbuf.h"

static int	ber_longtag(struct tbuf *, struct cur *, uint32_t *,
		    uint32_t *);
static int	ber_length(struct tbuf *, struct cur *, uint32_t *, uint32_t *,
		    struct ber_el *);
static void	ber_kind(struct tbuf *, struct ber_el *, int, int);
static void	ber_oid(struct tbuf *, struct ber_el *);

static const char *const ber_pdus[] = { "GetRequest", "GetNextRequest",
    "GetResponse", "SetRequest", "Trap", "GetBulk", "Inform", "V2Trap",
    "Report" };
static const char *const ber_univ[] = { "U-0", "Boolean", "Integer",
    "Bitstring", "String", "Null", "ObjID", "ObjectDes", "U-8", "U-9",
    "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set" };
static const char *const ber_appl[] = { "IpAddress", "Counter", "Gauge",
    "TimeTicks", "Opaque", "C-5", "Counter64" };
static const char *const ber_exc[] = { "noSuchObject", "noSuchInstance",
    "endOfMibView" };
/* Ids per class: universal, application, context, private. */
static const int ber_nids[4] = { 18, 7, 9, 1 };

/*
 * A long tag (X.690 8.1.2.4) after its first byte, in the bytes left of
 * *len, *hdr counting the header; tcpdump keeps the low eight bits.
 * Returns the id, -1 after a complaint, -2 when the capture ends.
 */
static int
ber_longtag(struct tbuf *tb, struct cur *c, uint32_t *len, uint32_t *hdr)
{
	int	b, id;

	for (id = 0; (b = cur_peek_u8(c, 0)) != -1 && (b & 0x80);
	    (*hdr)++, (*len)--) {
		if (*len < 1) {
			tbuf_puts(tb, "[Xtagfield?]");
			return -1;
		}
		id = (id << 7 | (b & 0x7f)) & 0xff;
		cur_skip(c, 1);
	}
	if (b == -1)
		return -2;
	if (*len < 1) {
		tbuf_puts(tb, "[Xtagfield?]");
		return -1;
	}
	cur_skip(c, 1);
	(*len)--;
	(*hdr)++;
	return (id << 7 | b) & 0xff;
}

/*
 * The length octets (X.690 8.1.3) into e->len, checked against *len.
 * Returns 0, -1 after a complaint, -2 when the capture ends.
 */
static int
ber_length(struct tbuf *tb, struct cur *c, uint32_t *len, uint32_t *hdr,
    struct ber_el *e)
{
	int	b, noct;

	if (*len < 1) {
		tbuf_puts(tb, "[no asnlen]");
		return -1;
	}
	if ((b = cur_u8(c)) == -1)
		return -2;
	(*len)--;
	(*hdr)++;
	e->len = (uint32_t)b;
	if (b & 0x80) {
		noct = b & 0x7f;
		if (*len < (uint32_t)noct) {
			tbuf_printf(tb, "[asnlen? %d<%d]", (int)*len, noct);
			return -1;
		}
		if (cur_peek(c, (size_t)noct) == NULL) {
			tbuf_puts(tb, " [|snmp]");
			return -1;
		}
		for (e->len = 0; noct > 0; noct--, (*len)--, (*hdr)++)
			e->len = e->len << 8 | (uint32_t)cur_u8(c);
	}
	if (*len < e->len) {
		tbuf_printf(tb, "[len%d<asnlen%u]", (int)*len, e->len);
		return -1;
	}
	return 0;
}

/*
 * One element at c, within len bytes the datagram claims.  Returns the
 * bytes it takes and moves c past it, or -1 after writing why; -2 when
 * the capture ended in its header (nothing more is written then).
 */
int
ber_read(struct tbuf *tb, struct cur *c, uint32_t len, struct ber_el *e)
{
	struct cur	 save = *c;
	uint32_t	 hdr = 1;
	int		 b, form, cls, id, r;

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
	if (id == 0x1f && (id = ber_longtag(tb, c, &len, &hdr)) < 0) {
		if (id == -2)
			goto cut;
		return -1;
	}
	if ((r = ber_length(tb, c, &len, &hdr, e)) == -2)
		goto cut;
	if (r == -1)
		return -1;
	if (id >= ber_nids[cls]) {
		tbuf_printf(tb, "[id?%c/x/%d]", form ? 'C' : 'P', id);
		return -1;
	}
	if (cur_sub(c, e->len, &e->val)) {
		tbuf_puts(tb, " [|snmp]");
		return -1;
	}
	e->id = id;
	ber_kind(tb, e, form, cls);
	if (e->type == BER_INT && e->len == 0) {
		tbuf_puts(tb, "[asnlen=0]");
		return -1;
	}
	return (int)(hdr + e->len);
cut:
	*c = save;
	tbuf_puts(tb, " [|snmp]");
	return -2;
}

/* The kind of a parsed element, and its number for the numeric ones. */
static void
ber_kind(struct tbuf *tb, struct ber_el *e, int form, int cls)
{
	struct cur	v = e->val;
	int		b, first = 1;

	e->type = BER_OCTET;
	if (form == 1) {
		if (cls == 0 && e->id == 16)
			e->type = BER_SEQ;
		else if (cls == 2)
			e->type = BER_PDU;
		else
			tbuf_printf(tb, "C/%s/%s", cls == 0 ? "U" : "x",
			    cls == 0 ? ber_univ[e->id] : cls == 1 ?
			    ber_appl[e->id] : "P-0");
		return;
	}
	switch (cls << 8 | e->id) {
	case 4:
		e->type = BER_STR;
		break;
	case 2:
		e->type = BER_INT;
		while ((b = cur_u8(&v)) != -1) {
			if (first && (b & 0x80))
				e->i = -1;
			e->i = (int32_t)((uint32_t)e->i << 8 | (uint32_t)b);
			first = 0;
		}
		break;
	case 6:
		e->type = BER_OID;
		break;
	case 5:
		e->type = BER_NULL;
		break;
	case 1 << 8 | 0:
		e->type = BER_INET;
		break;
	case 1 << 8 | 1: case 1 << 8 | 2: case 1 << 8 | 3: case 1 << 8 | 6:
		e->type = e->id == 6 ? BER_UNS64 : BER_UNS;
		while ((b = cur_u8(&v)) != -1)
			e->u = e->u << 8 | (uint64_t)b;
		if (e->type == BER_UNS)
			e->u &= 0xffffffff;
		break;
	case 2 << 8 | 0: case 2 << 8 | 1: case 2 << 8 | 2:
		e->type = BER_EXC;
		break;
	default:
		if (cls == 2)
			e->type = BER_ANY;
		else if (cls == 0)
			tbuf_printf(tb, "[P/U/%s]", ber_univ[e->id]);
		else if (cls == 1)
			tbuf_printf(tb, "[P/A/%s]", ber_appl[e->id]);
		else
			tbuf_puts(tb, "[P/x/P-0]");
		break;
	}
}

void
ber_print(struct tbuf *tb, struct ber_el *e)
{
	struct cur	v = e->val;
	int		b, i;

	switch (e->type) {
	case BER_OCTET:
		while ((b = cur_u8(&v)) != -1)
			tbuf_printf(tb, "_%02x", b);
		break;
	case BER_NULL:
		break;
	case BER_OID:
		ber_oid(tb, e);
		break;
	case BER_INT:
		tbuf_printf(tb, "%d", e->i);
		break;
	case BER_UNS:
	case BER_UNS64:
		tbuf_printf(tb, "%llu", (unsigned long long)e->u);
		break;
	case BER_STR:
		ber_string(tb, e);
		break;
	case BER_SEQ:
		tbuf_printf(tb, "Seq(%u)", e->len);
		break;
	case BER_INET:
		if (e->len != 4)
			tbuf_puts(tb, "[inetaddr len!=4]");
		for (i = 0; (b = cur_u8(&v)) != -1; i++)
			tbuf_printf(tb, i ? ".%d" : "%d", b);
		break;
	case BER_EXC:
		tbuf_printf(tb, "[%s]", ber_exc[e->id]);
		break;
	case BER_PDU:
		tbuf_printf(tb, "%s(%u)", ber_pdus[e->id], e->len);
		break;
	default:
		tbuf_puts(tb, "[BE_ANY!?]");
		break;
	}
}

/* Quoted when every byte is printable ASCII, else hex bytes joined by _. */
void
ber_string(struct tbuf *tb, struct ber_el *e)
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
ber_oid(struct tbuf *tb, struct ber_el *e)
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
int
ber_expect(struct tbuf *tb, struct ber_el *e, enum ber_type t,
    const char *what)
{
	if (e->type == t)
		return 0;
	tbuf_printf(tb, "[%s]", what);
	ber_print(tb, e);
	return -1;
}

/*
 * The next element of a sequence, which must be of type t, else tcpdump's
 * complaint "[what]" and the element; *len goes down by what it takes.
 * Returns that, or -1.
 */
int
ber_next(struct tbuf *tb, struct cur *c, uint32_t *len, enum ber_type t,
    const char *what, struct ber_el *e)
{
	int	n;

	if ((n = ber_read(tb, c, *len, e)) < 0 ||
	    ber_expect(tb, e, t, what) == -1)
		return -1;
	*len -= (uint32_t)n;
	return n;
}
