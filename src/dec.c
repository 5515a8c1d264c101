/*
 * Decoder dispatch: the protocol table, the light parse and the three
 * text forms (summary, tree, hex).  The helpers the protocol files write
 * their text with are in dec-out.c.
 * Never allocates in dec_parse() (it runs on every packet); text is built
 * only in a caller's tbuf, and packet bytes reach it only through
 * tbuf_esc() or as numbers.  Output follows tcpdump -n where it can.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"
#include "tbuf.h"

static void	dec_init(struct dec_ctx *, uint32_t, uint32_t);
static void	dec_unknown(struct dec_ctx *, int, struct cur *);
static void	dec_hash_init(void);

/*
 * Every protocol, by layer; dec_find() looks them up by key through
 * dec_hash.
 */
static const struct dec_proto *const dec_table[] = {
	/* Link types, and what their type fields name below IP. */
	&dec_eth_proto, &dec_sll_proto, &dec_sll2_proto, &dec_raw_proto,
	&dec_null_proto, &dec_ppp_proto, &dec_chdlc_proto, &dec_nflog_proto,
	&dec_vlan_proto, &dec_mpls_proto, &dec_pppoe_proto, &dec_llc_proto,
	&dec_arp_proto, &dec_msnlb_proto, &dec_stp_proto, &dec_cdp_proto,
	&dec_dtp_proto, &dec_lldp_proto, &dec_slow_proto, &dec_ectp_proto,
	&dec_eapol_proto,
	/* IP, and the protocols on it that are not transports. */
	&dec_ipv4_proto, &dec_ipv6_proto, &dec_ah_proto, &dec_esp_proto,
	&dec_icmp_proto, &dec_icmp6_proto, &dec_gre_proto, &dec_igmp_proto,
	&dec_ospf_proto, &dec_vrrp_proto, &dec_pim_proto,
	/* Transports, and what UDP's ports name. */
	&dec_tcp_proto, &dec_udp_proto, &dec_sctp_proto,
	&dec_dns_proto, &dec_llmnr_proto, &dec_nbns_proto, &dec_dhcp_proto,
	&dec_dhcp6_proto, &dec_ntp_proto, &dec_syslog_proto,
	&dec_radius_proto, &dec_snmp_proto, &dec_sip_proto, &dec_quic_proto,
	&dec_vxlan_proto, &dec_geneve_proto,
	NULL
};

#define DEC_HASHSZ	256
#define DEC_HASH(k)	(((uint32_t)(k) * 2654435761u) >> 24)
/* A protocol under one of its keys; the probe compares the key here. */
struct dec_slot {
	int			 key;
	const struct dec_proto	*proto;
};
static struct dec_slot		 dec_hash[DEC_HASHSZ];
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
 * once (open addressing, about a quarter full: misses end quickly).
 */
static void
dec_hash_init(void)
{
	const struct dec_proto *const	*p;
	uint32_t			 h;
	int				 i, k;

	for (p = dec_table; *p != NULL; p++)
		for (i = 0; i < DEC_MAXKEYS && (k = (*p)->keys[i]) != 0; i++) {
			for (h = DEC_HASH(k); dec_hash[h].proto != NULL;
			    h = (h + 1) % DEC_HASHSZ)
				;
			dec_hash[h].key = k;
			dec_hash[h].proto = *p;
			if (DEC_KEY_SPACE(k) == DEC_S_PORT)
				dec_ports[DEC_KEY_NUM(k) / 8] |=
				    (uint8_t)(1 << DEC_KEY_NUM(k) % 8);
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
	for (h = DEC_HASH(key); dec_hash[h].proto != NULL;
	    h = (h + 1) % DEC_HASHSZ)
		if (dec_hash[h].key == key)
			return dec_hash[h].proto;
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
		if (cur_left(c) < p->minlen)
			ctx->info->flags |= DEC_F_TRUNC;
		ctx->key = key;
		key = p->parse != NULL ? p->parse(ctx, c) : DEC_DONE;
	}
	return 0;
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
	ctx->key = key;
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
		else
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

/*
 * The rest of the packet as tcpdump's default print (offsets from 0), in
 * print mode's summary when no -x, -X, -A or -q suppresses it.
 */
void
dec_dump(struct dec_ctx *ctx, struct cur *c)
{
	struct cur	rest;
	size_t		n = cur_left(c);

	if (!ctx->opt->dump || ctx->out == NULL || ctx->tree)
		return;
	cur_init(&rest, cur_peek(c, n), n);
	dec_hexlines(ctx->out, "\n\t", &rest, 1);
}
