/*
 * Packet decoding, in two stages.  dec_parse() is the light parse: it fills
 * a small struct with no formatting and is cheap enough for every packet
 * (protocol mix, top talkers).  The format functions run only for packets
 * that are shown or printed.  All of them read through the bounds-checked
 * cursor (cur.h) and write text through tbuf, which escapes packet bytes.
 */
#ifndef ZBTOP_DEC_H
#define ZBTOP_DEC_H

#include <stdint.h>

struct tbuf;
struct dec_flows;

/* What print mode asks of a summary line (tcpdump's -e, -v, -q, -S). */
struct dec_opts {
	int		 link;		/* -e: the link-level header first */
	int		 verbose;	/* number of -v */
	int		 quick;		/* -q: less protocol detail */
	int		 abs_seq;	/* -S: absolute TCP sequence numbers */
	int		 nocksum;	/* -K: no verdict on IPv4 header, TCP
					   and UDP checksums, as tcpdump */
	struct dec_flows *flows;	/* relative sequence numbers, or NULL */
	int		 dump;		/* print mode: tcpdump's hex and ASCII of
					   a payload of unknown type */
	int		 extra;		/* zbtop's additions (the screen's list):
					   VLAN tags without -e, DHCP type,
					   fragment ids without -v */
};

/* Innermost protocol recognised, for the protocol mix pane. */
enum dec_proto_id {
	DEC_P_OTHER,
	DEC_P_LLC,
	DEC_P_ARP,
	DEC_P_MPLS,
	DEC_P_IPV4,
	DEC_P_IPV6,
	DEC_P_ICMP,
	DEC_P_ICMP6,
	DEC_P_TCP,
	DEC_P_UDP,
	DEC_P_DNS,
	DEC_P_DHCP,
	DEC_P_GRE,
	DEC_P_VXLAN,
	DEC_P_AH,
	DEC_P_ESP,
	DEC_P_NPROTO
};

/* What the light parse learnt; addresses are the outermost IP header's. */
struct dec_info {
	uint16_t	 proto;		/* enum dec_proto_id */
	uint16_t	 flags;
#define DEC_F_TRUNC	0x01		/* a header was cut off */
#define DEC_F_BAD	0x02		/* a field is inconsistent */
#define DEC_F_FRAG	0x04		/* IP fragment */
	uint16_t	 ethertype;	/* innermost, after VLAN tags */
	uint8_t		 af;		/* 0, 4 or 6 */
	uint8_t		 ipproto;	/* transport protocol number */
	uint8_t		 src[16];	/* 4 bytes used for IPv4 */
	uint8_t		 dst[16];
	uint16_t	 sport;		/* TCP/UDP ports, host order */
	uint16_t	 dport;
	uint32_t	 l3off;		/* offset of the network header */
	uint32_t	 l4off;		/* offset of the transport header */
};

int		 dec_parse(int, const uint8_t *, uint32_t, uint32_t,
		    struct dec_info *);
const char	*dec_proto_name(int);
int		 dec_dlt_supported(int);

/* One line in the spirit of tcpdump -n, without the timestamp. */
void		 dec_summary(struct tbuf *, int, const uint8_t *, uint32_t,
		    uint32_t);
/*
 * Several -i: the interface and direction in front of a line, as
 * tcpdump -i any prints them ("eth0  In  "); pkttype is the sockaddr_ll
 * packet type (PACKET_HOST ... PACKET_OUTGOING), "?" for another value.
 */
void		 dec_where(struct tbuf *, const char *, int);
const char	*dec_pkttype(int);
/*
 * The same, as print mode asks; NULL options: dec_summary()'s line.
 * Returns 1 when the packet was cut where tcpdump 4.99's printer gives
 * up on the whole packet, and so dumps it (-x, -X, -A) from byte 0, else 0.
 */
int		 dec_print(struct tbuf *, const struct dec_opts *, int,
		    const uint8_t *, uint32_t, uint32_t);
/*
 * TCP connections seen, for sequence numbers relative to the first
 * packet of each direction; a bounded table, the oldest evicted.
 */
struct dec_flows *dec_flows_new(unsigned);
void		 dec_flows_free(struct dec_flows *);
/* Layer by layer, one field per line, two spaces of indent per level. */
void		 dec_tree(struct tbuf *, int, const uint8_t *, uint32_t,
		    uint32_t);
/*
 * tcpdump's "0x0010:  4500 0034 ..." lines (-x), each after ident
 * ("\n\t"), with ASCII (-X); offsets from the cursor's base.
 */
struct cur;
void		 dec_hexlines(struct tbuf *, const char *, struct cur *, int);
/* Offset, 16 bytes of hex, and ASCII with non-printables as '.'. */
void		 dec_hex(struct tbuf *, const uint8_t *, uint32_t);

#endif /* ZBTOP_DEC_H */
