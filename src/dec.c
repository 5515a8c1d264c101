/*
 * Decoder dispatch: the protocol table, the light parse, the three text
 * forms (summary, tree, hex) and the helpers the protocol files share.
 * Never allocates in dec_parse() (it runs on every packet); text is built
 * only in a caller's tbuf, and packet bytes reach it only through
 * tbuf_esc() or as numbers.  Output follows tcpdump -n where it can.
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

static void	dec_init(struct dec_ctx *, uint32_t, uint32_t);
static void	dec_unknown(struct dec_ctx *, int, struct cur *);
static void	dec_dump(struct dec_ctx *, struct cur *);
static void	dec_vfld(struct dec_ctx *, int, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));
static void	dec_sep(struct dec_ctx *);
static char	*dec_fmt_addr(char *, int, const uint8_t *);
static void	dec_hash_init(void);
static void	dec_ip4(const uint8_t *, char *);

/* Every protocol, looked up by key; the common ones first (linear scan). */
static const struct dec_proto *const dec_table[] = {
	&dec_eth_proto, &dec_ipv4_proto, &dec_tcp_proto, &dec_udp_proto,
	&dec_ipv6_proto, &dec_vlan_proto, &dec_dns_proto, &dec_arp_proto,
	&dec_icmp_proto, &dec_icmp6_proto, &dec_sll_proto, &dec_sll2_proto,
	&dec_raw_proto, &dec_raw101_proto, &dec_ipv4dlt_proto,
	&dec_ipv6dlt_proto, &dec_null_proto, &dec_loop_proto, &dec_llc_proto,
	&dec_qinq_proto, &dec_qinq9100_proto, &dec_mpls_proto,
	&dec_mplsm_proto, &dec_teb_proto, &dec_ipip_proto, &dec_ip6ip_proto,
	&dec_ah_proto, &dec_esp_proto, &dec_sctp_proto, &dec_mdns_proto,
	&dec_dhcps_proto, &dec_dhcpc_proto, &dec_gre_proto, &dec_vxlan_proto,
	&dec_igmp_proto, &dec_ospf_proto, &dec_vrrp_proto, &dec_pim_proto,
	&dec_ntp_proto, &dec_syslog_proto, &dec_radius_proto,
	&dec_radacct_proto, &dec_dhcp6c_proto, &dec_dhcp6s_proto,
	&dec_eapol_proto, &dec_sip_proto, &dec_geneve_proto, &dec_nflog_proto,
	&dec_ppp_proto, &dec_chdlc_proto, &dec_stp_proto, &dec_lldp_proto,
	&dec_slow_proto, &dec_pppoed_proto, &dec_pppoes_proto,
	&dec_msnlb_proto, &dec_pvst_proto, &dec_cdp_proto, &dec_dtp_proto,
	&dec_ectp_proto,
	&dec_quic_proto, &dec_snmp_proto, &dec_snmptrap_proto,
	&dec_nbns_proto, &dec_llmnr_proto,
	NULL
};

#define DEC_HASHSZ	256
#define DEC_HASH(k)	(((uint32_t)(k) * 2654435761u) >> 24)
static const struct dec_proto	*dec_hash[DEC_HASHSZ];
static pthread_once_t		 dec_hash_once = PTHREAD_ONCE_INIT;
/* Set once the table is hashed: one load per lookup, not pthread_once. */
static atomic_int		 dec_hash_ready;
/* One bit per port number some decoder claims (DEC_S_PORT keys). */
static uint8_t			 dec_ports[65536 / 8];

static const struct dec_opts	 dec_noopts = { .extra = 1 };

static const char *const dec_names[DEC_P_NPROTO] = {
	"other", "LLC", "ARP", "MPLS", "IPv4", "IPv6", "ICMP", "ICMPv6",
	"TCP", "UDP", "DNS", "DHCP", "GRE", "VXLAN", "AH", "ESP"
};

/*
 * Every layer and every UDP port is looked up, so the table is hashed
 * once (open addressing, at most a quarter full: misses end quickly).
 */
static void
dec_hash_init(void)
{
	const struct dec_proto *const	*p;
	uint32_t			 h;

	for (p = dec_table; *p != NULL; p++) {
		for (h = DEC_HASH((*p)->key); dec_hash[h] != NULL;
		    h = (h + 1) % DEC_HASHSZ)
			;
		dec_hash[h] = *p;
		if (DEC_KEY_SPACE((*p)->key) == DEC_S_PORT)
			dec_ports[DEC_KEY_NUM((*p)->key) / 8] |=
			    (uint8_t)(1 << DEC_KEY_NUM((*p)->key) % 8);
	}
	atomic_store_explicit(&dec_hash_ready, 1, memory_order_release);
}

static inline void
dec_hash_need(void)
{
	if (!atomic_load_explicit(&dec_hash_ready, memory_order_acquire))
		pthread_once(&dec_hash_once, dec_hash_init);
}

/*
 * Bit port % 8 of byte port / 8 is set when a decoder is keyed on that
 * UDP port (65536 bits).
 */
const uint8_t *
dec_port_map(void)
{
	dec_hash_need();
	return dec_ports;
}

const struct dec_proto *
dec_find(int key)
{
	uint32_t	h;

	dec_hash_need();
	for (h = DEC_HASH(key); dec_hash[h] != NULL; h = (h + 1) % DEC_HASHSZ)
		if (dec_hash[h]->key == key)
			return dec_hash[h];
	return NULL;
}

const char *
dec_proto_name(int id)
{
	if (id < 0 || id >= DEC_P_NPROTO)
		return "?";
	return dec_names[id];
}

int
dec_dlt_supported(int dlt)
{
	if (dlt < 0 || dlt > 0xffff)
		return 0;
	return dec_find(DEC_KEY(DEC_S_DLT, dlt)) != NULL;
}

static void
dec_init(struct dec_ctx *ctx, uint32_t caplen, uint32_t len)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->len = len < caplen ? caplen : len;
}

/* dec_parse() without the fast path: what dec_fast() must agree with. */
int
dec_parse_full(int dlt, const uint8_t *pkt, uint32_t caplen, uint32_t len,
    struct dec_info *info)
{
	struct dec_ctx	ctx;
	struct cur	c;

	memset(info, 0, sizeof(*info));
	if (!dec_dlt_supported(dlt))
		return -1;
	dec_init(&ctx, caplen, len);
	ctx.info = info;
	cur_init(&c, pkt, caplen);
	dec_parse_next(&ctx, DEC_KEY(DEC_S_DLT, dlt), &c);
	if (c.trunc)
		info->flags |= DEC_F_TRUNC;
	return 0;
}

int
dec_parse_next(struct dec_ctx *ctx, int key, struct cur *c)
{
	const struct dec_proto	*p;

	while (key != DEC_DONE) {
		if (++ctx->layers > DEC_MAXLAYERS) {
			ctx->info->flags |= DEC_F_BAD;
			return -1;
		}
		if ((p = dec_find(key)) == NULL)
			return 0;
		if (p->id != DEC_P_OTHER)
			ctx->info->proto = p->id;
		key = p->parse(ctx, c);
	}
	return 0;
}

/* The light parse of a layer that has nothing to tell and nothing after. */
int
dec_parse_done(struct dec_ctx *ctx, struct cur *c)
{
	return DEC_DONE;
}

void
dec_summary(struct tbuf *tb, int dlt, const uint8_t *pkt, uint32_t caplen,
    uint32_t len)
{
	dec_print(tb, NULL, dlt, pkt, caplen, len);
}

int
dec_print(struct tbuf *tb, const struct dec_opts *opt, int dlt,
    const uint8_t *pkt, uint32_t caplen, uint32_t len)
{
	struct dec_ctx			ctx;
	struct cur			c;

	if (!dec_dlt_supported(dlt)) {
		tbuf_printf(tb, "unsupported link type %d, length %u", dlt,
		    len);
		return 0;
	}
	dec_init(&ctx, caplen, len);
	ctx.out = tb;
	ctx.opt = opt != NULL ? opt : &dec_noopts;
	cur_init(&c, pkt, caplen);
	dec_next(&ctx, DEC_KEY(DEC_S_DLT, dlt), &c);
	return ctx.gaveup;
}

void
dec_tree(struct tbuf *tb, int dlt, const uint8_t *pkt, uint32_t caplen,
    uint32_t len)
{
	struct dec_ctx	ctx;
	struct cur	c;

	tbuf_printf(tb, "Frame: %u bytes on wire, %u captured\n", len, caplen);
	if (!dec_dlt_supported(dlt)) {
		tbuf_printf(tb, "  unsupported link type %d\n", dlt);
		return;
	}
	dec_init(&ctx, caplen, len);
	ctx.out = tb;
	ctx.opt = &dec_noopts;
	ctx.tree = 1;
	cur_init(&c, pkt, caplen);
	dec_next(&ctx, DEC_KEY(DEC_S_DLT, dlt), &c);
}

/* tcpdump's "\n\t0x0010:  4500 0034 ..." lines, with ASCII for -X. */
void
dec_hexlines(struct tbuf *tb, const char *ident, struct cur *c, int ascii)
{
	static const char	 hex[] = "0123456789abcdef";
	const uint8_t		*p;
	size_t			 n, i, off, start;

	while ((n = cur_left(c)) > 0) {
		if (n > 16)
			n = 16;
		off = cur_off(c);
		p = cur_pull(c, n);
		tbuf_printf(tb, "%s0x%04zx: ", ident, off);
		start = tb->len;
		for (i = 0; i < n; i++) {
			if (i % 2 == 0)
				tbuf_putc(tb, ' ');
			tbuf_putc(tb, hex[p[i] >> 4]);
			tbuf_putc(tb, hex[p[i] & 0xf]);
		}
		if (!ascii)
			continue;
		while (tb->len - start < 40)
			tbuf_putc(tb, ' ');
		tbuf_puts(tb, "  ");
		for (i = 0; i < n; i++)
			tbuf_putc(tb, p[i] > 0x20 && p[i] < 0x7f ? (char)p[i] :
			    '.');
	}
}

void
dec_hex(struct tbuf *tb, const uint8_t *pkt, uint32_t caplen)
{
	struct cur	 c;
	const uint8_t	*p;
	size_t		 n, i, off;

	cur_init(&c, pkt, caplen);
	while ((n = cur_left(&c)) > 0) {
		if (n > 16)
			n = 16;
		off = cur_off(&c);
		p = cur_pull(&c, n);
		tbuf_printf(tb, "%04zx ", off);
		for (i = 0; i < 16; i++) {
			if (i < n)
				tbuf_printf(tb, " %02x", p[i]);
			else
				tbuf_puts(tb, "   ");
		}
		tbuf_puts(tb, "  ");
		for (i = 0; i < n; i++)
			tbuf_putc(tb, p[i] >= 0x20 && p[i] < 0x7f ?
			    (char)p[i] : '.');
		tbuf_putc(tb, '\n');
	}
}

/* Format the layer named by key; unknown layers are named by number. */
void
dec_next(struct dec_ctx *ctx, int key, struct cur *c)
{
	const struct dec_proto	*p;

	if (key == DEC_DONE)
		return;
	if (++ctx->layers > DEC_MAXLAYERS) {
		dec_bad(ctx, "too many layers");
		return;
	}
	if ((p = dec_find(key)) == NULL) {
		dec_unknown(ctx, key, c);
		return;
	}
	if (!(p->flags & DEC_PF_ADDRS))
		dec_addrs(ctx);
	/* Only the layer right after -e's link header may leave out its name. */
	ctx->afterlink = ctx->linkdone;
	ctx->linkdone = 0;
	p->format(ctx, c);
}

static void
dec_unknown(struct dec_ctx *ctx, int key, struct cur *c)
{
	int	n = DEC_KEY_NUM(key);

	switch (DEC_KEY_SPACE(key)) {
	case DEC_S_ETHER:
		/*
		 * The link header named the type already; tcpdump adds only
		 * its default print, the payload in hex and ASCII.
		 */
		if (!ctx->linkdone)
			dec_sum(ctx, "ethertype 0x%04x, length %u", n,
			    ctx->len);
		else if (ctx->opt->dump && ctx->out != NULL && !ctx->tree)
			dec_dump(ctx, c);
		break;
	case DEC_S_IP:
		dec_addrs(ctx);
		dec_sum(ctx, "ip-proto-%d %u", n, ctx->l4len);
		break;
	default:
		dec_sum(ctx, "unknown %d", n);
		break;
	}
	dec_data(ctx, c);
}

/* The rest of the packet as tcpdump's default print: offsets from 0. */
static void
dec_dump(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	rest;
	size_t		n = cur_left(c);

	cur_init(&rest, cur_peek(c, n), n);
	dec_hexlines(ctx->out, "\n\t", &rest, 1);
}

/* Bytes left on the wire from the cursor on. */
uint32_t
dec_wire(const struct dec_ctx *ctx, const struct cur *c)
{
	size_t	off = cur_off(c);

	return off < ctx->len ? ctx->len - (uint32_t)off : 0;
}

void
dec_sum(struct dec_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	if (ctx->out == NULL || ctx->tree)
		return;
	if (strchr(fmt, '%') == NULL) {
		tbuf_puts(ctx->out, fmt);
		return;
	}
	va_start(ap, fmt);
	tbuf_vprintf(ctx->out, fmt, ap);
	va_end(ap);
}

/* A number in the summary, the common case, without printf. */
void
dec_sumu(struct dec_ctx *ctx, unsigned long v)
{
	if (ctx->out != NULL && !ctx->tree)
		tbuf_putu(ctx->out, v);
}

static void
dec_vfld(struct dec_ctx *ctx, int extra, const char *fmt, va_list ap)
{
	char	buf[256];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	tbuf_printf(ctx->out, "%*s%s\n", ctx->indent + extra, "", buf);
}

/* One field of the tree, two spaces deeper than its layer (dec_fld). */
void
dec_fld_tree(struct dec_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;

	if (ctx->out == NULL || !ctx->tree)
		return;
	va_start(ap, fmt);
	dec_vfld(ctx, 2, fmt, ap);
	va_end(ap);
}

void
dec_layer(struct dec_ctx *ctx, const char *name)
{
	if (ctx->out == NULL || !ctx->tree)
		return;
	tbuf_printf(ctx->out, "%*s%s\n", ctx->indent, "", name);
}

/* Start a tree field to be written piecewise; NULL in summary mode. */
struct tbuf *
dec_line(struct dec_ctx *ctx)
{
	if (ctx->out == NULL || !ctx->tree)
		return NULL;
	tbuf_printf(ctx->out, "%*s", ctx->indent + 2, "");
	return ctx->out;
}

void
dec_endline(struct dec_ctx *ctx)
{
	if (ctx->out != NULL && ctx->tree)
		tbuf_putc(ctx->out, '\n');
}

static void
dec_sep(struct dec_ctx *ctx)
{
	struct tbuf	*tb = ctx->out;

	if (tb->len > 0 && tb->s[tb->len - 1] != ' ')
		tbuf_putc(tb, ' ');
}

/* A header cut off by the capture: tcpdump's "[|tcp]". */
void
dec_trunc(struct dec_ctx *ctx, const char *name)
{
	/*
	 * tcpdump 4.99's printers of these read with GET_ macros, which
	 * give up on the whole packet (longjmp) when cut, leaving the link
	 * header length unset: -x dumps from byte 0.  Its IP, IPv6, UDP,
	 * TCP header and DNS printers stop and return instead.
	 */
	static const char	*whole[] = { "arp", "icmp", "icmp6", "bootp",
	    "vxlan", "http", "sip", "syslog", "cdp", "llc", "loopback",
	    "msnlb", "ppp", "pppoe", "slow", "stp" };
	size_t			 i;

	for (i = 0; i < sizeof whole / sizeof whole[0]; i++)
		if (strcmp(name, whole[i]) == 0)
			ctx->gaveup = 1;
	if (ctx->out == NULL)
		return;
	if (ctx->tree) {
		dec_fld(ctx, "[|%s]", name);
		return;
	}
	/* Always one space, as tcpdump's: "IP  [|ip]" after "IP ". */
	tbuf_printf(ctx->out, " [|%s]", name);
}

/* A field that makes the rest undecodable: "[bad ip hlen 12]". */
void
dec_bad(struct dec_ctx *ctx, const char *fmt, ...)
{
	va_list	ap;
	char	buf[200];

	if (ctx->out == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ctx->tree) {
		dec_fld(ctx, "[bad %s]", buf);
		return;
	}
	dec_sep(ctx);
	tbuf_printf(ctx->out, "[bad %s]", buf);
}

/*
 * zbtop's additions after the whole of tcpdump's line: " {NAME ...}"
 * (tests/corpus/compare.awk lists the names it accepts).  In the tree
 * the same text is a layer NAME with one field, "summary: ...".
 */
void
dec_add_begin(struct dec_ctx *ctx, const char *name)
{
	if (ctx->out == NULL)
		return;
	if (ctx->tree) {
		dec_layer(ctx, name);
		dec_line(ctx);
		tbuf_puts(ctx->out, "summary:");
		return;
	}
	tbuf_puts(ctx->out, " {");
	tbuf_puts(ctx->out, name);
}

void
dec_add_end(struct dec_ctx *ctx)
{
	if (ctx->out == NULL)
		return;
	if (ctx->tree)
		dec_endline(ctx);
	else
		tbuf_putc(ctx->out, '}');
}

/* "a > b: " once per IP header, before a payload that has no ports. */
void
dec_addrs(struct dec_ctx *ctx)
{
	char	*o;

	if (!ctx->addrs_due || ctx->out == NULL || ctx->tree)
		return;
	ctx->addrs_due = 0;
	o = tbuf_room(ctx->out, 2 * DEC_ADDRSTRLEN + 5);
	o = dec_fmt_addr(o, ctx->af, ctx->src);
	memcpy(o, " > ", 3);
	o = dec_fmt_addr(o + 3, ctx->af, ctx->dst);
	memcpy(o, ": ", 2);
	tbuf_end(ctx->out, o + 2);
}

/*
 * "a.1 > b.2: ", the hottest line of print mode: no printf, and written
 * in place (tbuf_room), not a call per piece.
 */
void
dec_addrports(struct dec_ctx *ctx, int sport, int dport)
{
	struct tbuf	*tb = ctx->out;
	int		 addrs = ctx->addrs_due;
	char		*o;

	if (tb == NULL || ctx->tree)
		return;
	ctx->addrs_due = 0;
	o = tbuf_room(tb, 2 * (DEC_ADDRSTRLEN + 1 + 5) + 5);
	if (addrs) {
		o = dec_fmt_addr(o, ctx->af, ctx->src);
		*o++ = '.';
	}
	o = tbuf_fmt_u(o, (unsigned)sport);
	memcpy(o, " > ", 3);
	o += 3;
	if (addrs) {
		o = dec_fmt_addr(o, ctx->af, ctx->dst);
		*o++ = '.';
	}
	o = tbuf_fmt_u(o, (unsigned)dport);
	memcpy(o, ": ", 2);
	tbuf_end(tb, o + 2);
}

/* An address at o (at most DEC_ADDRSTRLEN - 1 characters); the end. */
static char *
dec_fmt_addr(char *o, int af, const uint8_t *a)
{
	if (af == 6) {
		dec_ntop(af, a, o);
		return o + strlen(o);
	}
	return tbuf_fmt_ip4(o, a);
}

/*
 * Up to n bytes of c, as many as were captured, as text on the summary
 * line (tbuf_vis() escapes them).  The tree and the light parse leave c
 * where it was.  Returns how many of the n were captured.
 */
size_t
dec_vis(struct dec_ctx *ctx, struct cur *c, size_t n)
{
	if (n > cur_left(c))
		n = cur_left(c);
	if (ctx->out != NULL && !ctx->tree)
		tbuf_vis(ctx->out, cur_pull(c, n), n);
	return n;
}

/* Payload nobody decodes: only its size, in the tree. */
void
dec_data(struct dec_ctx *ctx, struct cur *c)
{
	if (cur_left(c) == 0)
		return;
	dec_layer(ctx, "Data");
	dec_fld(ctx, "length: %zu", cur_left(c));
}

/*
 * The names of the bits set in v (names[i] for bit i, NULL: not shown),
 * ", " between them, "none" if no named bit is set: tcpdump's flag lists.
 */
void
dec_bits(struct dec_ctx *ctx, const char *const *names, int n, unsigned v)
{
	const char	*sep = "";
	int		 i;

	for (i = 0; i < n; i++)
		if (v & 1u << i && names[i] != NULL) {
			dec_sum(ctx, "%s%s", sep, names[i]);
			sep = ", ";
		}
	if (*sep == '\0')
		dec_sum(ctx, "none");
}

/*
 * The bytes left in c as tcpdump's -v dumps unknown data: "0x0000:" and
 * 16 bytes per line in groups of two, each line after prefix.
 */
void
dec_hexdump(struct dec_ctx *ctx, struct cur *c, const char *prefix)
{
	size_t	off, i;
	int	v;

	/* The screen's list is one line a packet: no dumps there. */
	if (ctx->out == NULL || ctx->tree || ctx->opt->extra)
		return;
	for (off = 0; (v = cur_u8(c)) != -1; off++) {
		i = off % 16;
		if (i == 0)
			tbuf_printf(ctx->out, "%s0x%04zx: ", prefix, off);
		if (i % 2 == 0)
			tbuf_putc(ctx->out, ' ');
		tbuf_printf(ctx->out, "%02x", v);
	}
}

/*
 * The bytes left in c as tcpdump's hex and ASCII dump, between before
 * and after: 16 bytes a line in groups of two, "." for a space or an
 * unprintable byte.
 */
void
dec_hexascii(struct dec_ctx *ctx, struct cur *c, const char *before,
    const char *after)
{
	const uint8_t	*p;
	size_t		 off, n, i, col;

	if (ctx->out == NULL || ctx->tree || ctx->opt->extra)
		return;
	tbuf_puts(ctx->out, before);
	for (off = 0; (n = cur_left(c)) > 0; off += n) {
		n = n < 16 ? n : 16;
		p = cur_pull(c, n);
		tbuf_printf(ctx->out, "\n\t0x%04zx: ", off);
		for (i = col = 0; i < n; i += 2, col += 5)
			if (i + 1 < n)
				tbuf_printf(ctx->out, " %02x%02x", p[i],
				    p[i + 1]);
			else
				tbuf_printf(ctx->out, " %02x", p[i]);
		col -= (n & 1) * 2;
		tbuf_printf(ctx->out, "%*s  ", (int)(40 - col), "");
		for (i = 0; i < n; i++)
			tbuf_putc(ctx->out, p[i] > 0x20 && p[i] < 0x7f ?
			    (char)p[i] : '.');
	}
	tbuf_puts(ctx->out, after);
}

static void
dec_ip4(const uint8_t *a, char *buf)
{
	int	i, v;

	for (i = 0; i < 4; i++) {
		v = a[i];
		if (v >= 100)
			*buf++ = (char)('0' + v / 100);
		if (v >= 10)
			*buf++ = (char)('0' + v / 10 % 10);
		*buf++ = (char)('0' + v % 10);
		*buf++ = i < 3 ? '.' : '\0';
	}
}

void
dec_ntop(int af, const uint8_t *a, char *buf)
{
	if (af == 6) {
		if (inet_ntop(AF_INET6, a, buf, DEC_ADDRSTRLEN) == NULL)
			snprintf(buf, DEC_ADDRSTRLEN, "?");
		return;
	}
	dec_ip4(a, buf);
}

/* Formats run for every frame shown, tree or not: no printf here. */
void
dec_mac(const uint8_t *a, char *buf)
{
	static const char	hex[] = "0123456789abcdef";
	int			i;

	for (i = 0; i < 6; i++) {
		*buf++ = hex[a[i] >> 4];
		*buf++ = hex[a[i] & 0xf];
		*buf++ = i < 5 ? ':' : '\0';
	}
}
