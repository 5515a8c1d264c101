/*
 * TLS records in TCP segments and QUIC long headers in UDP datagrams,
 * named where tcpdump 4.99 prints nothing (4.99.3 has no TLS printer and
 * no QUIC printer, not even with -T: "UDP, length N"): as additions after
 * tcpdump's whole line, " {TLS ...}" and " {QUIC ...}" (dec_add_begin),
 * so the line still starts exactly as tcpdump's.  Never decrypts, never
 * follows a record across segments: what one segment or datagram holds is
 * what is shown.  The SNI comes from the attacker and reaches the text
 * only through tbuf_esc().  Layouts: RFC 8446 (TLS 1.3 records, hello
 * messages, supported_versions), RFC 5246 (TLS 1.2), RFC 6066 section 3
 * (server_name), RFC 8701 (GREASE), RFC 9000 section 17 and RFC 9001
 * (QUIC v1 long header), RFC 9369 (QUIC v2 packet types).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define TLS_RECHDR	5
#define TLS_MAXREC	(16384 + 2048)	/* TLSCiphertext limit, RFC 8446 5.2 */
#define TLS_MAXSHOW	6		/* records or messages named */
#define TLS_MAXSNI	255		/* bytes of a host name shown */
#define TLS_MAXVERS	8		/* supported_versions entries shown */
#define QUIC_MAXPKT	4		/* coalesced packets per datagram */
#define QUIC_MAXCID	20		/* RFC 9000 17.2, versions 1 and 2 */

static int	tls_plausible(struct cur *, int);
static int	tls_tiles(const struct cur *, uint32_t);
static void	tls_version(struct tbuf *, const char *, int);
static int	tls_record(struct dec_ctx *, struct cur *, int, int *);
static int	tls_handshake(struct dec_ctx *, struct cur *);
static int	tls_hello(struct dec_ctx *, struct cur *, int);
static int	tls_exts(struct dec_ctx *, struct cur *, int);
static const char *tls_hsname(int);
static const char *tls_alert(int);
static void	quic_format(struct dec_ctx *, struct cur *);
static int	quic_long(struct dec_ctx *, struct cur *);
static int	quic_cid(struct dec_ctx *, struct cur *, const char *,
		    int64_t);
static int64_t	quic_varint(struct cur *);

const struct dec_proto dec_quic_proto = {
	.name = "quic", .keys = { DEC_KEY(DEC_S_PORT, 443) },
	.id = DEC_P_OTHER, .format = quic_format
};

/*
 * A record header as RFC 8446 5.1 allows: content type 20 to 24, major
 * version 3, a length within TLSCiphertext's.  Off the TLS ports only a
 * ClientHello or ServerHello whose length fits its record counts (or
 * records that tile the segment exactly, tls_tiles), so other protocols
 * on other ports are not taken for TLS.
 */
static int
tls_plausible(struct cur *c, int anyrec)
{
	int	type = cur_peek_u8(c, 0), len = cur_peek_u16(c, 3), hs;

	if (type < 20 || type > 24 || cur_peek_u8(c, 1) != 3 ||
	    cur_peek_u8(c, 2) > 4 || len < 1 || len > TLS_MAXREC)
		return 0;
	if (anyrec)
		return 1;
	hs = cur_peek_u8(c, 5);
	return type == 22 && (hs == 1 || hs == 2) && cur_peek_u8(c, 6) == 0 &&
	    cur_peek_u16(c, 7) != -1 && cur_peek_u16(c, 7) + 4 <= len;
}

/*
 * 1 when record headers, each plausible, follow one another to exactly
 * the end of a fully captured payload of wire bytes: by chance about
 * once in 10^6 per record for bytes that are not TLS.
 */
static int
tls_tiles(const struct cur *c, uint32_t wire)
{
	struct cur	t = *c;
	int		i, len;

	if (cur_left(c) != wire)
		return 0;
	for (i = 0; i < 64 && cur_left(&t) > 0; i++) {
		if (!tls_plausible(&t, 1))
			return 0;
		len = cur_peek_u16(&t, 3);
		if (cur_skip(&t, (size_t)len + TLS_RECHDR) == -1)
			return 0;
	}
	return cur_left(&t) == 0;
}

/* "1.2" for 0x0303, "ssl3" for 0x0300, else the number. */
static void
tls_version(struct tbuf *tb, const char *pre, int v)
{
	if (v >= 0x0301 && v <= 0x0304)
		tbuf_printf(tb, "%s1.%d", pre, (v & 0xff) - 1);
	else if (v == 0x0300)
		tbuf_printf(tb, "%sssl3", pre);
	else
		tbuf_printf(tb, "%s0x%04x", pre, v);
}

static const char *
tls_hsname(int t)
{
	switch (t) {
	case 0:		return "HelloRequest";
	case 1:		return "ClientHello";
	case 2:		return "ServerHello";
	case 4:		return "NewSessionTicket";
	case 5:		return "EndOfEarlyData";
	case 8:		return "EncryptedExtensions";
	case 11:	return "Certificate";
	case 12:	return "ServerKeyExchange";
	case 13:	return "CertificateRequest";
	case 14:	return "ServerHelloDone";
	case 15:	return "CertificateVerify";
	case 16:	return "ClientKeyExchange";
	case 20:	return "Finished";
	case 24:	return "KeyUpdate";
	default:	return NULL;
	}
}

/* RFC 8446 6: the alerts seen in practice. */
static const char *
tls_alert(int d)
{
	switch (d) {
	case 0:		return "close_notify";
	case 10:	return "unexpected_message";
	case 20:	return "bad_record_mac";
	case 40:	return "handshake_failure";
	case 42:	return "bad_certificate";
	case 45:	return "certificate_expired";
	case 46:	return "certificate_unknown";
	case 48:	return "unknown_ca";
	case 50:	return "decode_error";
	case 51:	return "decrypt_error";
	case 70:	return "protocol_version";
	case 80:	return "internal_error";
	case 90:	return "user_canceled";
	case 112:	return "unrecognized_name";
	case 120:	return "no_application_protocol";
	default:	return NULL;
	}
}

/*
 * The TLS records at the start of a TCP payload c (wire: the payload's
 * length on the wire), after tcpdump's line.  known: the port is a TLS
 * port, so any record type is shown.  Returns 1 when something was
 * written.  A capture cut short is marked "[|tls]", and so is a length
 * that lies; a record that a later segment finishes is not.
 */
int
dec_tls_tcp(struct dec_ctx *ctx, struct cur *c, uint32_t wire, int known)
{
	int	i, r = 0, ccs = 0, cut = cur_left(c) < wire;

	if (ctx->out == NULL)
		return 0;
	if (known && cut && cur_left(c) < TLS_RECHDR &&
	    (unsigned)(cur_peek_u8(c, 0) - 20) <= 4 &&
	    (cur_peek_u8(c, 1) == -1 || cur_peek_u8(c, 1) == 3)) {
		/* A TLS port, and what was captured of a header fits. */
		dec_add_begin(ctx, "TLS");
		tbuf_puts(ctx->out, " [|tls]");
		dec_add_end(ctx);
		return 1;
	}
	if (!tls_plausible(c, known) && (known || !tls_tiles(c, wire)))
		return 0;
	dec_add_begin(ctx, "TLS");
	tls_version(ctx->out, " rec=", cur_peek_u16(c, 1));
	for (i = 0; i < TLS_MAXSHOW && cur_left(c) > 0 && r == 0; i++) {
		if (i > 0 && !tls_plausible(c, 1)) {
			/* Half a header at the end waits for the next one. */
			if (cur_left(c) >= TLS_RECHDR || cut)
				r = -1;
			break;
		}
		tbuf_puts(ctx->out, i > 0 ? ", " : " ");
		r = tls_record(ctx, c, cut, &ccs);
	}
	if (r == 0 && i == TLS_MAXSHOW && cur_left(c) > 0)
		tbuf_puts(ctx->out, ", ...");
	if (r == -1)
		tbuf_puts(ctx->out, " [|tls]");
	dec_add_end(ctx);
	return 1;
}

/*
 * One record.  Returns 0 to go on, 1 to stop (the segment ends inside the
 * record), -1 to stop with a marker (cut: the capture ended early).  A
 * handshake record after ChangeCipherSpec (*ccs) is encrypted (the TLS
 * 1.2 Finished).
 */
static int
tls_record(struct dec_ctx *ctx, struct cur *c, int cut, int *ccs)
{
	struct cur	 rec;
	int		 type, len, d, a, part, r = 0;
	const char	*n;

	if (cur_left(c) < TLS_RECHDR) {
		tbuf_puts(ctx->out, "...");
		return cut ? -1 : 1;
	}
	type = cur_u8(c);
	cur_skip(c, 2);
	len = cur_u16(c);
	part = cur_sub(c, (size_t)len, &rec);
	switch (type) {
	case 20:
		tbuf_puts(ctx->out, "ChangeCipherSpec");
		*ccs = 1;
		break;
	case 21:
		/* Two bytes in the clear; more means the alert is encrypted. */
		if (len == 2 && (a = cur_u8(&rec)) != -1 &&
		    (d = cur_u8(&rec)) != -1) {
			tbuf_printf(ctx->out, "Alert %s ", a == 1 ? "warning" :
			    a == 2 ? "fatal" : "level-?");
			if ((n = tls_alert(d)) != NULL)
				tbuf_puts(ctx->out, n);
			else
				tbuf_printf(ctx->out, "%d", d);
		} else
			tbuf_puts(ctx->out, len == 2 ? "Alert" :
			    "Alert (encrypted)");
		break;
	case 22:
		if (*ccs)
			tbuf_puts(ctx->out, "Handshake (encrypted)");
		else
			r = tls_handshake(ctx, &rec);
		break;
	case 23:
		tbuf_printf(ctx->out, "ApplicationData len=%d", len);
		break;
	default:
		tbuf_puts(ctx->out, "Heartbeat");
		break;
	}
	if (!part)
		return r;		/* a whole record; -1: a length lied */
	return cut ? -1 : 1;
}

/*
 * The handshake messages of one record.  An unknown type is an encrypted
 * handshake.  -1: a hello's lengths lie or run past what is here.
 */
static int
tls_handshake(struct dec_ctx *ctx, struct cur *rec)
{
	struct cur	 msg;
	const char	*n;
	int		 i, type;
	int64_t		 len;

	for (i = 0; i < TLS_MAXSHOW && cur_left(rec) > 0; i++) {
		if (i > 0)
			tbuf_puts(ctx->out, " ");
		type = cur_peek_u8(rec, 0);
		if ((len = cur_peek_u16(rec, 2)) == -1) {
			tbuf_puts(ctx->out, i == 0 ? "Handshake" : "...");
			return -1;
		}
		if ((n = tls_hsname(type)) == NULL ||
		    cur_peek_u8(rec, 1) != 0 ||
		    (i == 0 && len + 4 > TLS_MAXREC)) {
			tbuf_puts(ctx->out, i == 0 ? "Handshake (encrypted)" :
			    "...");
			return 0;
		}
		cur_skip(rec, 4);
		tbuf_puts(ctx->out, n);
		if (cur_sub(rec, (size_t)len, &msg) && type != 1 && type != 2)
			return -1;
		if ((type == 1 || type == 2) &&
		    tls_hello(ctx, &msg, type) == -1)
			return -1;
	}
	if (cur_left(rec) > 0)
		tbuf_puts(ctx->out, " ...");
	return 0;
}

/*
 * ClientHello and ServerHello (RFC 8446 4.1.2, 4.1.3): the legacy
 * version, then the extensions.  -1 when the message was cut short.
 */
static int
tls_hello(struct dec_ctx *ctx, struct cur *m, int type)
{
	int	v, n;

	if ((v = cur_u16(m)) == -1)
		return -1;
	tls_version(ctx->out, " hello=", v);
	if (cur_skip(m, 32) == -1 || (n = cur_u8(m)) == -1 ||
	    cur_skip(m, (size_t)n) == -1)
		return -1;
	if (type == 1) {
		if ((n = cur_u16(m)) == -1 || cur_skip(m, (size_t)n) == -1 ||
		    (n = cur_u8(m)) == -1 || cur_skip(m, (size_t)n) == -1)
			return -1;
	} else if (cur_skip(m, 3) == -1)
		return -1;
	if (cur_left(m) == 0)
		return 0;		/* no extensions (RFC 5246 7.4.1.2) */
	return tls_exts(ctx, m, type);
}

/*
 * server_name (0) and supported_versions (43), as far as they are here (a
 * large ClientHello spans segments); -1 when cut.
 */
static int
tls_exts(struct dec_ctx *ctx, struct cur *m, int type)
{
	struct cur	 all, e, l;
	const uint8_t	*name;
	int		 t, len, n, v, k, nt, part = 0;

	if ((len = cur_u16(m)) == -1)
		return -1;
	if (cur_sub(m, (size_t)len, &all))
		part = 1;
	while (cur_left(&all) > 0 && part < 2) {
		if ((t = cur_u16(&all)) == -1 || (len = cur_u16(&all)) == -1)
			return -1;
		if (cur_sub(&all, (size_t)len, &e))
			part = 2;	/* this one is cut: the last one */
		if (t == 0 && type == 1) {
			/* A list of names; hosts are type 0 (RFC 6066 3). */
			if ((n = cur_u16(&e)) == -1)
				continue;
			cur_sub(&e, (size_t)n, &l);
			while ((nt = cur_u8(&l)) != -1) {
				if ((n = cur_u16(&l)) == -1 ||
				    (name = cur_pull(&l, (size_t)n)) == NULL)
					return -1;
				if (nt != 0)
					continue;
				tbuf_puts(ctx->out, " SNI=");
				tbuf_esc(ctx->out, name, n > TLS_MAXSNI ?
				    TLS_MAXSNI : (size_t)n);
				break;
			}
		} else if (t == 43 && type == 2 && (v = cur_u16(&e)) != -1) {
			tls_version(ctx->out, " version=", v);
		} else if (t == 43 && type == 1 && (n = cur_u8(&e)) != -1) {
			cur_sub(&e, (size_t)n, &l);
			for (k = 0; k < TLS_MAXVERS &&
			    (v = cur_u16(&l)) != -1; ) {
				/* GREASE (RFC 8701): 0x0a0a, 0x1a1a, ... */
				if ((v & 0x0f0f) == 0x0a0a &&
				    v >> 8 == (v & 0xff))
					continue;
				tls_version(ctx->out, k++ ? "," : " versions=",
				    v);
			}
		}
	}
	return part ? -1 : 0;
}

/* RFC 9000 16: two high bits give the length; -1 when cut. */
static int64_t
quic_varint(struct cur *c)
{
	int	b, n;
	int64_t	v;

	if ((b = cur_u8(c)) == -1)
		return -1;
	v = b & 0x3f;
	for (n = (1 << (b >> 6)) - 1; n > 0; n--) {
		if ((b = cur_u8(c)) == -1)
			return -1;
		v = v << 8 | b;
	}
	return v;
}

/* tcpdump 4.99 has no QUIC: its line, then the long headers. */
static void
quic_format(struct dec_ctx *ctx, struct cur *c)
{
	int	i, r = 0, b;

	dec_sum(ctx, "UDP, length ");
	dec_sumu(ctx, ctx->l4len);
	b = cur_peek_u8(c, 0);
	/* The form bit: long header; else the fixed bit marks a short one. */
	if (ctx->out == NULL || b == -1 || !(b & 0x80)) {
		if (ctx->out != NULL && b != -1 && (b & 0xc0) == 0x40) {
			dec_add_begin(ctx, "QUIC");
			tbuf_puts(ctx->out, " short-header");
			dec_add_end(ctx);
		}
		dec_data(ctx, c);
		return;
	}
	dec_add_begin(ctx, "QUIC");
	for (i = 0; i < QUIC_MAXPKT && cur_left(c) > 0 && r == 0; i++) {
		if (i > 0)
			tbuf_puts(ctx->out, ",");
		if (!(cur_peek_u8(c, 0) & 0x80)) {
			tbuf_puts(ctx->out, " short-header");
			break;
		}
		r = quic_long(ctx, c);
	}
	if (r == -1)
		tbuf_puts(ctx->out, " [|quic]");
	dec_add_end(ctx);
}

/*
 * One long-header packet (RFC 9000 17.2): type, version, connection ids;
 * Length then skips to a coalesced packet.  Returns 0 to go on, 1 at the
 * last packet, -1 when cut or lying.
 */
static int
quic_long(struct dec_ctx *ctx, struct cur *c)
{
	static const char *const v1[] = { "Initial", "0-RTT", "Handshake",
	    "Retry" };
	static const char *const v2[] = { "Retry", "Initial", "0-RTT",
	    "Handshake" };
	const char	*t;
	int		 b, type, n;
	int64_t		 ver, len;

	b = cur_u8(c);
	if ((ver = cur_u32(c)) == -1)
		return -1;
	type = b >> 4 & 3;
	if (ver == 0)
		t = "VersionNegotiation";
	else if (ver == 0x6b3343cf)
		t = v2[type];
	else
		t = v1[type];
	tbuf_printf(ctx->out, " %s", t);
	if (ver == 0)
		;			/* no version: the list follows */
	else if (ver == 1 || ver == 0x6b3343cf)
		tbuf_printf(ctx->out, " version=%d", ver == 1 ? 1 : 2);
	else if ((ver & 0xffffff00) == 0xff000000)
		tbuf_printf(ctx->out, " version=draft-%d", (int)(ver & 0xff));
	else
		tbuf_printf(ctx->out, " version=0x%08llx", (long long)ver);
	if (quic_cid(ctx, c, " dcid=", ver) == -1 ||
	    quic_cid(ctx, c, " scid=", ver) == -1)
		return -1;
	if (ver == 0) {
		/* The versions the server supports (RFC 9000 17.2.1). */
		tbuf_puts(ctx->out, " versions=");
		for (n = 0; (ver = cur_u32(c)) != -1 && n < 8; n++)
			tbuf_printf(ctx->out, "%s0x%08llx", n ? "," : "",
			    (long long)ver);
		return 1;
	}
	if (strcmp(t, "Retry") == 0)
		return 1;
	if (strcmp(t, "Initial") == 0) {
		if ((len = quic_varint(c)) == -1 ||
		    cur_skip(c, (size_t)len) == -1)
			return -1;
		if (len > 0)
			tbuf_printf(ctx->out, " token=%lld", (long long)len);
	}
	if ((len = quic_varint(c)) == -1)
		return -1;
	tbuf_printf(ctx->out, " length=%lld", (long long)len);
	if (cur_skip(c, (size_t)len) == -1)
		return -1;
	return 0;
}

/* A connection id: its length byte, then the id in hex. */
static int
quic_cid(struct dec_ctx *ctx, struct cur *c, const char *name, int64_t ver)
{
	const uint8_t	*id;
	int		 n, i;

	if ((n = cur_u8(c)) == -1)
		return -1;
	if ((ver == 1 || ver == 0x6b3343cf) && n > QUIC_MAXCID)
		return -1;
	if ((id = cur_pull(c, (size_t)n)) == NULL)
		return -1;
	if (n == 0)
		return 0;
	tbuf_puts(ctx->out, name);
	for (i = 0; i < n; i++)
		tbuf_printf(ctx->out, "%02x", id[i]);
	return 0;
}
