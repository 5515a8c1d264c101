/*
 * BOOTP/DHCP over UDP ports 67 and 68: who asks, the message type, and in
 * the tree the fixed fields and every option by number.  Server and file
 * names and host names come from the packet and go through tbuf_esc().
 * Layouts: RFC 951, RFC 2131, RFC 2132.
 */
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

#define BOOTP_FIXLEN	236		/* up to the magic cookie */
#define BOOTP_SUMLEN	34		/* up to the client's MAC address */
#define DHCP_MAXOPTS	64

static void	dhcp_format(struct dec_ctx *, struct cur *);
static int	dhcp_op(struct dec_ctx *, struct cur *);
static int	dhcp_msgtype(struct cur);
static void	dhcp_tree(struct dec_ctx *, const uint8_t *);
static void	dhcp_opts(struct dec_ctx *, struct cur *);
static void	dhcp_opt1(struct dec_ctx *, int, struct cur *);
static void	dhcp_str(struct dec_ctx *, const char *, const uint8_t *,
		    size_t);

/* Server and client port; the light parse checks the fixed part only. */
const struct dec_proto dec_dhcp_proto = {
	.name = "bootp",
	.keys = { DEC_KEY(DEC_S_PORT, 67), DEC_KEY(DEC_S_PORT, 68) },
	.id = DEC_P_DHCP, .minlen = BOOTP_FIXLEN, .format = dhcp_format
};

/* Option 53 from a copy of the options cursor, or -1. */
static int
dhcp_msgtype(struct cur o)
{
	int	code, len, i;

	for (i = 0; i < DHCP_MAXOPTS && (code = cur_u8(&o)) != -1; i++) {
		if (code == 0)
			continue;
		if (code == 255 || (len = cur_u8(&o)) == -1)
			return -1;
		if (code == 53 && len == 1)
			return cur_u8(&o);
		if (cur_skip(&o, (size_t)len) == -1)
			return -1;
	}
	return -1;
}

/*
 * The summary's message kind and a request's client address, peeked at c:
 * 0, or -1 when they were cut short (the caller marks the truncation).
 * The summary needs no more than the client's address.
 */
static int
dhcp_op(struct dec_ctx *ctx, struct cur *c)
{
	const uint8_t	*h;
	char		 mac[18];
	int		 op;

	if ((op = cur_peek_u8(c, 0)) == -1)
		return -1;
	if (op == 1)
		dec_sum(ctx, "Request");
	else if (op == 2)
		dec_sum(ctx, "Reply");
	else
		dec_sum(ctx, "unknown (0x%02x)", op);
	/* tcpdump reads the hardware type and length next, for any op. */
	if (cur_peek(c, 3) == NULL)
		return -1;
	if (op == 1 && cur_peek_u8(c, 1) == 1 && cur_peek_u8(c, 2) == 6) {
		if ((h = cur_peek(c, BOOTP_SUMLEN)) == NULL)
			return -1;
		dec_mac(&h[28], mac);
		dec_sum(ctx, " from %s", mac);
	}
	return 0;
}

static void
dhcp_format(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	 msg = *c;
	const uint8_t	*full;
	const char	*tn;
	int64_t		 cookie = -1;
	int		 type = -1;

	dec_layer(ctx, "BOOTP/DHCP");
	if (cur_left(c) > 0)
		dec_sum(ctx, "BOOTP/DHCP, ");
	if (dhcp_op(ctx, c) == -1) {
		dec_trunc(ctx, "bootp");
		return;
	}
	if ((full = cur_peek(c, BOOTP_FIXLEN)) != NULL) {
		cur_skip(c, BOOTP_FIXLEN);
		dhcp_tree(ctx, full);
		if ((cookie = cur_u32(c)) == 0x63825363)
			type = dhcp_msgtype(*c);
	}
	/* tcpdump names the message type only from -v on. */
	if ((tn = dec_dhcp_typename(type)) != NULL && ctx->opt->extra)
		dec_sum(ctx, ", DHCP %s", tn);
	dec_sum(ctx, ", length %u", ctx->l4len);
	if (ctx->opt->verbose && !ctx->tree && ctx->out != NULL) {
		dec_dhcp_v(ctx, &msg);
		return;
	}
	/* Without -v tcpdump reads no further, so a cut there is silent. */
	if (full == NULL) {
		if (ctx->tree)
			dec_trunc(ctx, "bootp");
		return;
	}
	if (cookie == 0x63825363)
		dhcp_opts(ctx, c);
}

static void
dhcp_tree(struct dec_ctx *ctx, const uint8_t *h)
{
	char	a[DEC_ADDRSTRLEN];
	int	i;

	if (!ctx->tree)
		return;
	dec_fld(ctx, "op: %d, htype: %d, hlen: %d, hops: %d", h[0], h[1],
	    h[2], h[3]);
	dec_fld(ctx, "xid: 0x%02x%02x%02x%02x", h[4], h[5], h[6], h[7]);
	dec_fld(ctx, "secs: %d, flags: 0x%04x", h[8] << 8 | h[9],
	    h[10] << 8 | h[11]);
	for (i = 0; i < 4; i++) {
		dec_ntop(4, h + 12 + 4 * i, a);
		dec_fld(ctx, "%s: %s", i == 0 ? "client address" :
		    i == 1 ? "your address" : i == 2 ? "server address" :
		    "relay address", a);
	}
	dec_fld(ctx, "client hardware address: %02x:%02x:%02x:%02x:%02x:%02x",
	    h[28], h[29], h[30], h[31], h[32], h[33]);
	dhcp_str(ctx, "server name", &h[44], 64);
	dhcp_str(ctx, "file", &h[108], 128);
}

/* A NUL-padded name from the packet, escaped; nothing if empty. */
static void
dhcp_str(struct dec_ctx *ctx, const char *what, const uint8_t *s, size_t max)
{
	struct tbuf	*tb;
	size_t		 n;

	for (n = 0; n < max && s[n] != '\0'; n++)
		continue;
	if (n == 0 || (tb = dec_line(ctx)) == NULL)
		return;
	tbuf_printf(tb, "%s: ", what);
	tbuf_esc(tb, s, n);
	dec_endline(ctx);
}

static void
dhcp_opts(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	v;
	int		code, len, i;

	if (!ctx->tree)
		return;
	for (i = 0; i < DHCP_MAXOPTS && (code = cur_u8(c)) != -1; i++) {
		if (code == 0)
			continue;
		if (code == 255) {
			dec_fld(ctx, "option 255 (end)");
			return;
		}
		if ((len = cur_u8(c)) == -1 || cur_sub(c, (size_t)len, &v)) {
			dec_trunc(ctx, "bootp");
			return;
		}
		dhcp_opt1(ctx, code, &v);
	}
}

static void
dhcp_opt1(struct dec_ctx *ctx, int code, struct cur *v)
{
	struct tbuf	*tb;
	const uint8_t	*p;
	char		 a[DEC_ADDRSTRLEN];
	size_t		 n = cur_left(v);
	const char	*tn;

	tb = dec_line(ctx);
	tbuf_printf(tb, "option %d, length %zu", code, n);
	switch (code) {
	case 53:
		tn = dec_dhcp_typename(cur_u8(v));
		tbuf_printf(tb, ": message type %s", tn != NULL ? tn : "?");
		break;
	case 1: case 3: case 6: case 50: case 54:
		tbuf_puts(tb, ":");
		while ((p = cur_pull(v, 4)) != NULL) {
			dec_ntop(4, p, a);
			tbuf_printf(tb, " %s", a);
		}
		break;
	case 12: case 15:
		tbuf_puts(tb, ": \"");
		tbuf_esc(tb, cur_pull(v, n), n);
		tbuf_puts(tb, "\"");
		break;
	case 51:
		tbuf_printf(tb, ": lease time %lld", (long long)cur_u32(v));
		break;
	default:
		break;
	}
	dec_endline(ctx);
}
