/*
 * Multipath TCP options (RFC 8684 3, RFC 6824 for version 0) in a TCP
 * option list, as tcpdump 4.99's print-mptcp.c shows them: "mptcp L NAME"
 * and the subtype's fields; a length or a segment flag the subtype does
 * not allow ends the list with "[bad opt]", as tcpdump's.  Called from
 * dec-tcpopt.c.
 */
#include <inttypes.h>
#include <stdio.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"

#define MP_SYN		0x02		/* TCP flags, RFC 9293 3.1 */
#define MP_ACK		0x10

/* What the subtypes print from: the option's bytes after kind and length. */
struct mp_opt {
	const uint8_t	*p;		/* p[0] is the subtype byte */
	int		 len;		/* the whole option's length */
	int		 flags;		/* the TCP header's */
	char		*buf;
	size_t		 sz;
	size_t		*n;
};

static int	mp_capable(struct mp_opt *);
static int	mp_join(struct mp_opt *);
static int	mp_dss(struct mp_opt *);
static int	mp_dsn(struct mp_opt *, const char *, int, const uint8_t **,
		    int *);
static int	mp_add_addr(struct mp_opt *);
static int	mp_rem_addr(struct mp_opt *);
static int	mp_prio(struct mp_opt *);
static int	mp_fail(struct mp_opt *);
static int	mp_unknown(struct mp_opt *);
static uint64_t	mp_be64(const uint8_t *);

/* By subtype (RFC 8684 3: 0 to 7); 8 and up are "unknown". */
static const struct {
	const char	*name;
	int		(*print)(struct mp_opt *);
} mp_subtypes[] = {
	{ "capable", mp_capable }, { "join", mp_join }, { "dss", mp_dss },
	{ "add-addr", mp_add_addr }, { "rem-addr", mp_rem_addr },
	{ "prio", mp_prio }, { "fail", mp_fail }, { "fast-close", mp_fail },
	{ "unknown", mp_unknown },
};

/*
 * The MPTCP option at o, len bytes long with its kind and length bytes
 * (o is after them), flags the TCP header's; appended to buf (size sz,
 * *n used).  0, or 2 for tcpdump's "[bad opt]", or -1 when the option
 * was not all captured (nothing appended: the caller names it).
 */
int
dec_mptcp(struct cur *o, int len, int flags, char *buf, size_t sz,
    size_t *n)
{
	struct mp_opt	 m = { NULL, len, flags, buf, sz, n };
	int		 sub;

	if ((m.p = cur_pull(o, (size_t)len - 2)) == NULL)
		return -1;
	dec_append(buf, sz, n, "mptcp");
	if (len < 3)
		return 2;
	sub = m.p[0] >> 4;
	if (sub > 8)
		sub = 8;
	dec_append(buf, sz, n, " %d %s", len, mp_subtypes[sub].name);
	return mp_subtypes[sub].print(&m) ? 0 : 2;
}

static uint64_t
mp_be64(const uint8_t *p)
{
	return (uint64_t)cur_be32(p) << 32 | cur_be32(&p[4]);
}

/* MP_CAPABLE (RFC 8684 3.1): version, checksum flag, the keys. */
static int
mp_capable(struct mp_opt *m)
{
	int	len = m->len, v = m->p[0] & 0xf;

	if (!((len == 12 || len == 4) && (m->flags & MP_SYN)) &&
	    !((len == 20 || len == 22) && (m->flags & (MP_SYN | MP_ACK)) ==
	    MP_ACK))
		return 0;
	if (v > 1) {
		dec_append(m->buf, m->sz, m->n, " Unknown Version (%d)", v);
		return 1;
	}
	dec_append(m->buf, m->sz, m->n, " v%d", v);
	if (m->p[1] & 0x80)
		dec_append(m->buf, m->sz, m->n, " csum");
	if (len == 12 || len >= 20) {
		dec_append(m->buf, m->sz, m->n, " {0x%" PRIx64,
		    mp_be64(&m->p[2]));
		if (len >= 20)
			dec_append(m->buf, m->sz, m->n, ",0x%" PRIx64,
			    mp_be64(&m->p[10]));
		dec_append(m->buf, m->sz, m->n, "}");
	}
	return 1;
}

/* MP_JOIN (RFC 8684 3.2): the SYN's, SYN-ACK's and ACK's fields. */
static int
mp_join(struct mp_opt *m)
{
	int	len = m->len, i;

	if (!(len == 12 && (m->flags & MP_SYN)) && !(len == 16 &&
	    (m->flags & (MP_SYN | MP_ACK)) == (MP_SYN | MP_ACK)) &&
	    !(len == 24 && (m->flags & MP_ACK)))
		return 0;
	if (len != 24)
		dec_append(m->buf, m->sz, m->n, "%s id %d",
		    m->p[0] & 1 ? " backup" : "", m->p[1]);
	if (len == 12)
		dec_append(m->buf, m->sz, m->n, " token 0x%x nonce 0x%x",
		    cur_be32(&m->p[2]), cur_be32(&m->p[6]));
	else if (len == 16)
		dec_append(m->buf, m->sz, m->n, " hmac 0x%" PRIx64
		    " nonce 0x%x", mp_be64(&m->p[2]), cur_be32(&m->p[10]));
	else {
		dec_append(m->buf, m->sz, m->n, " hmac 0x");
		for (i = 0; i < 20; i++)
			dec_append(m->buf, m->sz, m->n, "%02x",
			    m->p[2 + i]);
	}
	return 1;
}

/*
 * DSS (RFC 8684 3.3): fin, the data ack (4 or 8 bytes, flag a), the
 * mapping (sequence 4 or 8 bytes by flag m, subflow sequence, length,
 * checksum when 2 bytes are left); 0 when a part is missing or bytes are
 * left over, after what was printed ("ack " or "seq " before its number).
 */
static int
mp_dss(struct mp_opt *m)
{
	const uint8_t	*p = &m->p[2];
	int		 f = m->p[1], left = m->len - 4;

	if (m->len < 4 || (m->flags & MP_SYN))
		return 0;
	if (f & 0x10)
		dec_append(m->buf, m->sz, m->n, " fin");
	if ((f & 0x01) && mp_dsn(m, " ack ", f & 0x02 ? 8 : 4, &p, &left) == 0)
		return 0;
	if (f & 0x04) {
		if (mp_dsn(m, " seq ", f & 0x08 ? 8 : 4, &p, &left) == 0)
			return 0;
		if (left < 4)
			return 0;
		dec_append(m->buf, m->sz, m->n, " subseq %u", cur_be32(p));
		if (left < 6)
			return 0;
		dec_append(m->buf, m->sz, m->n, " len %d",
		    p[4] << 8 | p[5]);
		p += 6;
		left -= 6;
		if (left >= 2)
			dec_append(m->buf, m->sz, m->n, " csum 0x%x",
			    p[0] << 8 | p[1]);
		if (left >= 2)
			left -= 2;
	}
	return left == 0;
}

/*
 * A DSS data ack or sequence number of w bytes (4 or 8) at *p, *left
 * bytes left, after its word; moves past it.  0 when fewer are left.
 */
static int
mp_dsn(struct mp_opt *m, const char *word, int w, const uint8_t **p,
    int *left)
{
	dec_append(m->buf, m->sz, m->n, "%s", word);
	if (*left < w)
		return 0;
	dec_append(m->buf, m->sz, m->n, "%" PRIu64, w == 8 ?
	    mp_be64(*p) : cur_be32(*p));
	*p += w;
	*left -= w;
	return 1;
}

/*
 * ADD_ADDR (RFC 8684 3.4.1, RFC 6824 for v0): version and echo, id, the
 * address (IPv4 or IPv6 by length), the port and the HMAC when the
 * length has room for them.
 */
static int
mp_add_addr(struct mp_opt *m)
{
	static const char *const ve[] = { "v1", "v1-echo", NULL, NULL,
	    "v0-ip4", NULL, "v0-ip6" };
	char		 a[DEC_ADDRSTRLEN];
	const char	*name = NULL;
	int		 len = m->len, six = len >= 20, port, mac;

	if (len != 8 && len != 10 && len != 16 && len != 18 && len != 20 &&
	    len != 22 && len != 28 && len != 30)
		return 0;
	if ((m->p[0] & 0xf) < 7)
		name = ve[m->p[0] & 0xf];
	dec_ntop(six ? 6 : 4, &m->p[2], a);
	dec_append(m->buf, m->sz, m->n, " %s id %d %s", name != NULL ?
	    name : "[bad version/echo]", m->p[1], a);
	port = 2 + (six ? 16 : 4);
	mac = len % 4 == 2 ? port + 2 : port;
	if (len % 4 == 2)
		dec_append(m->buf, m->sz, m->n, ":%d",
		    m->p[port] << 8 | m->p[port + 1]);
	if (len == 16 || len == 18 || len == 28 || len == 30)
		dec_append(m->buf, m->sz, m->n, " hmac 0x%" PRIx64,
		    mp_be64(&m->p[mac]));
	return 1;
}

/* REMOVE_ADDR (RFC 8684 3.4.2): the address ids. */
static int
mp_rem_addr(struct mp_opt *m)
{
	int	i;

	if (m->len < 4)
		return 0;
	dec_append(m->buf, m->sz, m->n, " id");
	for (i = 0; i < m->len - 3; i++)
		dec_append(m->buf, m->sz, m->n, " %d", m->p[1 + i]);
	return 1;
}

/* MP_PRIO (RFC 8684 3.3.8): backup or not, the id when there is one. */
static int
mp_prio(struct mp_opt *m)
{
	if (m->len != 3 && m->len != 4)
		return 0;
	dec_append(m->buf, m->sz, m->n, " %s", m->p[0] & 1 ? "backup" :
	    "non-backup");
	if (m->len == 4)
		dec_append(m->buf, m->sz, m->n, " id %d", m->p[1]);
	return 1;
}

/* MP_FAIL's sequence and MP_FASTCLOSE's key (RFC 8684 3.7, 3.5). */
static int
mp_fail(struct mp_opt *m)
{
	if (m->len != 12)
		return 0;
	if ((m->p[0] >> 4) == 6)
		dec_append(m->buf, m->sz, m->n, " seq %" PRIu64,
		    mp_be64(&m->p[2]));
	else
		dec_append(m->buf, m->sz, m->n, " key 0x%" PRIx64,
		    mp_be64(&m->p[2]));
	return 1;
}

/* Subtypes 8 and up (MP_TCPRST, MP_EXPERIMENTAL): the name alone. */
static int
mp_unknown(struct mp_opt *m)
{
	(void)m;
	return 1;
}
