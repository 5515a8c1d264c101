/*
 * Shared by the dec*.c files only: the protocol table entry, the decoding
 * context and the small text helpers.  A protocol is found by a key made of
 * a key space (link type, ethertype, IP protocol, UDP port) and a number;
 * its parse function fills struct dec_info and returns the key of the next
 * layer, its format function writes text and calls dec_next() itself.
 */
#ifndef ZBTOP_DEC_INT_H
#define ZBTOP_DEC_INT_H

#include <stdint.h>

#include "cur.h"
#include "dec.h"

struct tbuf;

enum dec_space {
	DEC_S_DLT = 1,		/* link types (DLT_ numbers) */
	DEC_S_ETHER,		/* ethertypes */
	DEC_S_IP,		/* IP protocol numbers */
	DEC_S_PORT,		/* UDP ports */
	DEC_S_LLC,		/* 802.2 LLC service access points */
	DEC_S_CISCO		/* SNAP protocol ids under Cisco's OUI */
};
#define DEC_KEY(s, n)	((int)((unsigned)(s) << 16 | ((unsigned)(n) & 0xffff)))
#define DEC_KEY_SPACE(k) ((k) >> 16)
#define DEC_KEY_NUM(k)	((k) & 0xffff)
#define DEC_DONE	(-1)		/* parse: no further layer */
#define DEC_ETH_LLC	0x0000		/* pseudo ethertype: 802.3 length field */
#define DEC_ETH_MAXLEN	1500		/* type fields up to here are lengths */

#define DEC_MAXLAYERS	32		/* dispatches per packet */
#define DEC_MAXTUNNEL	3		/* GRE/VXLAN nesting */

/* State of one decode of one packet; lives on the caller's stack. */
struct dec_ctx {
	struct tbuf	*out;		/* NULL in the light parse */
	struct dec_info	*info;		/* NULL when formatting */
	const struct dec_opts *opt;	/* never NULL when formatting */
	uint32_t	 len;		/* wire length of the packet */
	int		 tree;		/* 1: dec_tree, 0: dec_summary */
	int		 indent;	/* tree: spaces before a layer name */
	int		 layers;	/* dispatches so far */
	int		 key;		/* the key this layer was found by */
	int		 tunnels;	/* GRE/VXLAN headers passed */
	int		 nip;		/* IP headers passed */
	int		 nl4;		/* TCP/UDP headers passed */
	/* The IP header being decoded, for "a.port > b.port". */
	uint8_t		 af;
	uint8_t		 src[16];
	uint8_t		 dst[16];
	int		 addrs_due;	/* summary: "a > b: " not yet written */
	uint32_t	 l4len;		/* payload length the IP header claims */
	uint32_t	 llclen;	/* bytes after the LLC header, as the
					   802.3 length field claims */
	int		 morefrag;	/* IPv4 first fragment: more follow */
	int		 ip6zero;	/* IPv6 payload length 0 (RFC 2675) */
	int		 linkdone;	/* -e named the ethertype of what follows */
	int		 afterlink;	/* this layer's ethertype was named */
	int		 sport;		/* of the last TCP/UDP header */
	int		 dport;
	int		 gaveup;	/* cut where tcpdump's printer gives up
					   whole (dec_trunc): -x from byte 0 */
};

/*
 * One protocol, found by each of its keys (VLAN tags by three ethertypes,
 * DHCP by two ports); where its keys differ in a detail (DLT_NULL's byte
 * order), parse and format read ctx->key.  Key spaces start at 1, so no
 * key is 0 and the unused tail of keys[] ends the list.
 */
#define DEC_MAXKEYS	4
struct dec_proto {
	/*
	 * A label for the reader of the table, tcpdump's short name
	 * ("tcp", "domain"); no code reads it: each decoder writes its
	 * own marker ("[|tcp]") through dec_trunc.
	 */
	const char	*name;
	int		 keys[DEC_MAXKEYS];	/* DEC_KEY(space, n); 0: none */
	int		 id;		/* enum dec_proto_id */
	int		 flags;
#define DEC_PF_ADDRS	0x01		/* writes the IP addresses itself */
	uint32_t	 minlen;	/* light parse: fewer bytes left than
					   this flags the packet cut */
	/* NULL: the light parse ends at this layer (after minlen). */
	int		(*parse)(struct dec_ctx *, struct cur *);
	void		(*format)(struct dec_ctx *, struct cur *);
};

extern const struct dec_proto dec_eth_proto, dec_sll_proto, dec_sll2_proto,
    dec_raw_proto, dec_null_proto, dec_llc_proto, dec_vlan_proto,
    dec_mpls_proto, dec_arp_proto, dec_ipv4_proto, dec_ipv6_proto,
    dec_ah_proto, dec_esp_proto, dec_tcp_proto, dec_udp_proto, dec_sctp_proto,
    dec_icmp_proto, dec_icmp6_proto, dec_dns_proto, dec_dhcp_proto,
    dec_gre_proto, dec_vxlan_proto, dec_igmp_proto, dec_ospf_proto,
    dec_vrrp_proto, dec_pim_proto, dec_ntp_proto, dec_syslog_proto,
    dec_radius_proto, dec_dhcp6_proto, dec_eapol_proto, dec_sip_proto,
    dec_geneve_proto, dec_nflog_proto, dec_ppp_proto, dec_chdlc_proto,
    dec_stp_proto, dec_lldp_proto, dec_slow_proto, dec_pppoe_proto,
    dec_msnlb_proto, dec_cdp_proto, dec_dtp_proto, dec_ectp_proto,
    dec_quic_proto, dec_snmp_proto, dec_nbns_proto, dec_llmnr_proto;

const struct dec_proto *dec_find(int);
/* A DNS header's six fields (RFC 1035 4.1.1). */
struct dec_dns_hdr {
	int	id, flags, qd, an, ns, ar;
};
/*
 * dec-dnsname.c: tcpdump's name for a DNS RR type, or NULL; a name as
 * tcpdump prints it, pointers from msg's start (0, or DEC_DNS_TRUNC or
 * DEC_DNS_BAD, after what could be printed); past a name without its
 * pointer (-1 when cut).
 */
#define DEC_DNS_TRUNC	(-1)		/* the capture ends inside the name */
#define DEC_DNS_BAD	(-2)		/* a bad pointer or label type */
const char	*dec_dns_type(int);
int		 dec_dns_name(const struct cur *, struct cur *, struct tbuf *);
int		 dec_dns_skip(struct cur *);
/* dec-dnssum.c: tcpdump's DNS line from c after the header. */
void		 dec_dns_sum(struct dec_ctx *, const struct cur *, struct cur *,
		    const struct dec_dns_hdr *);
/* dec-edns.c: an OPT record's options (RDATA rd); 0, or -1 when cut. */
int		 dec_edns_opts(struct tbuf *, struct cur *);
/*
 * IPv6 extension headers (dec-ip6ext.c) from next header nh: the parse's
 * walk returns the upper-layer protocol (-1 when cut) and sets *frag (1
 * a first fragment, 2 a later one); the print's sets *nhp to it and
 * returns -1 when it stopped (cut, or a later fragment shown as data).
 */
int		 dec_ip6_ext_parse(struct dec_ctx *, struct cur *, int, int *);
int		 dec_ip6_ext_format(struct dec_ctx *, struct cur *, int, int *);
/* A payload length of 0 (RFC 2675): dec_ip6_ext_format's, narrowing c. */
int		 dec_ip6_zero(struct dec_ctx *, struct cur *, int, int *);
#define IP6_HDRLEN	40		/* the fixed IPv6 header (RFC 8200 3) */
/* IPv4 options under -v (dec-ipopt.c): ", options (...)". */
#define DEC_IPOPT_GAVEUP (-2)	/* cut in a code or length byte */
int		 dec_ip4_opts(struct dec_ctx *, struct cur *, int);
/* ICMPv6 neighbor discovery (dec-nd.c): after the first 8 bytes. */
int		 dec_icmp6_nd(struct dec_ctx *, int, uint32_t, struct cur *);
/* ICMPv6 node information (dec-ni.c): m from the type byte; -1 gave up. */
int		 dec_icmp6_ni(struct dec_ctx *, int, const struct cur *);
/* DHCP (dec-dhcpv.c): a message type's name, -v's lines. */
const char	*dec_dhcp_typename(int);
void		 dec_dhcp_v(struct dec_ctx *, struct cur *);
int		 dec_ether_key(struct dec_ctx *, int, struct cur *);
const char	*dec_ether_name(int);
int		 dec_llc_nolen(struct dec_ctx *, struct cur *);
const char	*dec_ppp_name(int);
void		 dec_ppp_ctl(struct dec_ctx *, int, struct cur *, int);
const uint8_t	*dec_port_map(void);
int		 dec_fast(const uint8_t *, uint32_t, struct dec_info *);
int		 dec_parse_full(int, const uint8_t *, uint32_t, uint32_t,
		    struct dec_info *);
int		 dec_parse_next(struct dec_ctx *, int, struct cur *);
void		 dec_next(struct dec_ctx *, int, struct cur *);
uint32_t	 dec_wire(const struct dec_ctx *, const struct cur *);

void		 dec_sum(struct dec_ctx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 dec_sumu(struct dec_ctx *, unsigned long);
/*
 * One field of the tree.  A summary line never shows one, and decoders
 * name a dozen per packet: the arguments are evaluated only for the
 * tree, so they must have no side effects.
 */
#define dec_fld(ctx, ...) do {						\
	if ((ctx)->tree)						\
		dec_fld_tree((ctx), __VA_ARGS__);			\
} while (0)
void		 dec_fld_tree(struct dec_ctx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 dec_layer(struct dec_ctx *, const char *);
void		 dec_trunc(struct dec_ctx *, const char *);
void		 dec_bad(struct dec_ctx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
struct tbuf	*dec_line(struct dec_ctx *);
void		 dec_endline(struct dec_ctx *);
void		 dec_add_begin(struct dec_ctx *, const char *);
void		 dec_add_end(struct dec_ctx *);
void		 dec_addrs(struct dec_ctx *);
void		 dec_addrports(struct dec_ctx *, int, int);
void		 dec_data(struct dec_ctx *, struct cur *);
size_t		 dec_vis(struct dec_ctx *, struct cur *, size_t);
void		 dec_bits(struct dec_ctx *, const char *const *, int, unsigned);
void		 dec_hexdump(struct dec_ctx *, struct cur *, const char *);
void		 dec_dump(struct dec_ctx *, struct cur *);
void		 dec_relts(struct tbuf *, int64_t);
void		 dec_hexascii(struct dec_ctx *, struct cur *, const char *,
		    const char *);
/* Append to buf (size sz, *n used so far), as snprintf; cut when full. */
void		 dec_append(char *, size_t, size_t *, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

int		 dec_cksum(const struct dec_ctx *, struct cur *, uint32_t, int,
		    size_t);
int		 dec_cksum_raw(struct cur *, uint32_t, size_t, uint32_t);
int		 dec_cksum_wrong(const struct dec_ctx *, struct cur *);
void		 dec_tcp_app(struct dec_ctx *, struct cur *, int, int);
/*
 * TCP options (dec-tcpopt.c, MPTCP's dec-mptcp.c): the list tcpdump
 * shows, into a buffer of the caller's; flags: the header's (TH_SYN ...).
 */
int		 dec_tcp_opts(struct cur *, size_t, uint32_t, int, char *,
		    size_t);
int		 dec_mptcp(struct cur *, int, int, char *, size_t, size_t *);
int		 dec_mld(struct dec_ctx *, int, int, struct cur *);
int		 dec_mld2_report(struct dec_ctx *, int, struct cur *);
void		 dec_text_sip(struct dec_ctx *, struct cur *);
int		 dec_tls_tcp(struct dec_ctx *, struct cur *, uint32_t, int);
void		 dec_flow_rel(struct dec_flows *, const struct dec_ctx *, int,
		    uint32_t *, uint32_t *, uint32_t *, uint32_t *);

#define DEC_ADDRSTRLEN	46
void		 dec_ntop(int, const uint8_t *, char *);
void		 dec_mac(const uint8_t *, char *);

#endif /* ZBTOP_DEC_INT_H */
