/*
 * The light parse of the frame that makes up nearly all traffic, in one
 * pass (dec_fast, its IP header in dec_fast_ip): Ethernet II, then IPv4
 * without options or fragmentation or IPv6 without extension headers,
 * then TCP or UDP on ports no decoder claims.  The screen parses every
 * packet for the talkers and the protocol mix; the layer by layer walk
 * (dec_parse_full: a table lookup, an indirect call and a context per
 * layer) cost about 600 instructions
 * for such a frame, this about 90 (callgrind, README "Performance").
 *
 * The result must be exactly dec_parse_full()'s, field for field:
 * tests/unit/test-dec-fast.c compares the two over the bundled captures
 * and mutated frames.  Anything out of the ordinary (a tag, options, a
 * fragment, a length of zero, a header cut short, a port with a decoder
 * of its own) returns -1 and is left to the general path, which gives
 * the flags and the innermost protocol.  Reads go through the cursor.
 * dec_parse(), which chooses between the two, lives here so that the
 * fast path sits above the general one and neither calls back.
 */
#include <stdint.h>
#include <string.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"

#define FAST_ETHLEN	14
#define FAST_IP4LEN	20
#define FAST_IP6LEN	40
#define FAST_TCPLEN	20
#define FAST_UDPLEN	8

static int	dec_fast_ip(const uint8_t *, int, struct dec_info *, uint32_t *,
		    uint32_t *);

/*
 * The IP header after Ethernet type at h (at least the shortest frame's
 * bytes): its protocol number, or -1 when it is not plain IPv4 or IPv6.
 * Sets info's protocol and family (IPv4: the addresses too), *plen to
 * the IP payload's length in bytes and *off to the transport header's
 * offset in the frame.  Called once: the compiler inlines it.
 */
static int
dec_fast_ip(const uint8_t *h, int type, struct dec_info *info,
    uint32_t *plen, uint32_t *off)
{
	if (type == 0x0800) {
		/* Version 4, no options, more-fragments and offset zero. */
		if (h[14] != 0x45 || ((h[20] & 0x3f) | h[21]) != 0)
			return -1;
		*plen = (uint32_t)(h[16] << 8 | h[17]);
		if (*plen <= FAST_IP4LEN)	/* 0: the wire length; bad */
			return -1;
		*plen -= FAST_IP4LEN;
		*off = FAST_ETHLEN + FAST_IP4LEN;
		info->proto = DEC_P_IPV4;
		info->af = 4;
		memcpy(info->src, &h[26], 4);
		memcpy(info->dst, &h[30], 4);
		return h[23];
	}
	if (type == 0x86dd) {
		/* Version 6; the addresses are read once the span is known. */
		if (h[14] >> 4 != 6)
			return -1;
		*plen = (uint32_t)(h[18] << 8 | h[19]);
		if (*plen == 0)			/* jumbogram: the wire length */
			return -1;
		*off = FAST_ETHLEN + FAST_IP6LEN;
		info->proto = DEC_P_IPV6;
		info->af = 6;
		return h[20];
	}
	return -1;
}

/*
 * 0 with info filled in, or -1: not the common case (info is then
 * undefined; call dec_parse_full()).  pkt: caplen bytes of an Ethernet
 * frame (DLT_EN10MB).  One bounds check covers every header read: the
 * cursor's peek at the whole span, Ethernet to the end of TCP or UDP.
 */
int
dec_fast(const uint8_t *pkt, uint32_t caplen, struct dec_info *info)
{
	struct cur	 c;
	const uint8_t	*h, *l4, *ports;
	uint32_t	 plen, off, need;
	int		 type, proto, sport, dport;

	cur_init(&c, pkt, caplen);
	/* The shortest frame taken: Ethernet, IPv4, UDP. */
	if ((h = cur_peek(&c, FAST_ETHLEN + FAST_IP4LEN + FAST_UDPLEN)) ==
	    NULL)
		return -1;
	type = h[12] << 8 | h[13];
	memset(info, 0, sizeof *info);
	if ((proto = dec_fast_ip(h, type, info, &plen, &off)) == -1)
		return -1;
	if (proto == 6)
		need = FAST_TCPLEN;
	else if (proto == 17)
		need = FAST_UDPLEN;
	else
		return -1;
	/* The header within both the capture and the IP payload length. */
	if (plen < need || (h = cur_peek(&c, off + need)) == NULL)
		return -1;
	if (info->af == 6) {
		memcpy(info->src, &h[22], 16);
		memcpy(info->dst, &h[38], 16);
	}
	l4 = &h[off];
	if (proto == 6) {
		info->proto = DEC_P_TCP;
		if ((l4[12] >> 4) * 4 < FAST_TCPLEN)
			info->flags |= DEC_F_BAD;
	} else {
		/* A UDP length below the header's is a bad packet. */
		if ((l4[4] << 8 | l4[5]) < FAST_UDPLEN)
			return -1;
		info->proto = DEC_P_UDP;
	}
	sport = l4[0] << 8 | l4[1];
	dport = l4[2] << 8 | l4[3];
	/* A decoder on either port may name the protocol: the long way. */
	ports = dec_port_map();
	if ((ports[sport / 8] >> sport % 8 | ports[dport / 8] >> dport % 8) & 1)
		return -1;
	info->ethertype = (uint16_t)type;
	info->ipproto = (uint8_t)proto;
	info->l3off = FAST_ETHLEN;
	info->l4off = off;
	info->sport = (uint16_t)sport;
	info->dport = (uint16_t)dport;
	return 0;
}

/*
 * The light parse: no text, no allocation.  Returns 0, or -1 when the link
 * type is not supported (info->proto is then DEC_P_OTHER).  The common
 * Ethernet/IP/TCP|UDP frame takes dec_fast(), everything
 * else, and what it declines, the layer by layer walk below.
 */
int
dec_parse(int dlt, const uint8_t *pkt, uint32_t caplen, uint32_t len,
    struct dec_info *info)
{
	if (dlt == 1 && dec_fast(pkt, caplen, info) == 0)
		return 0;
	return dec_parse_full(dlt, pkt, caplen, len, info);
}
