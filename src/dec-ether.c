/*
 * The Ethernet type field, shared by every header that carries one
 * (Ethernet II, 802.1Q tags, SLL, SLL2, SNAP, GRE's bridged frames): the
 * key of the next layer, or for values up to 1500 the 802.3 length that
 * sends the frame to 802.2 LLC (IEEE 802.3 clause 3.2.6), and the type's
 * name as tcpdump -e prints it.  Below dec-link.c and dec-llc.c, which
 * both key on it.
 */
#include <stddef.h>
#include <stdint.h>

#include "cur.h"
#include "dec.h"
#include "dec-int.h"

/*
 * The key for a type field: an ethertype, or for 802.3 frames the LLC
 * pseudo type with the cursor narrowed to the length the field gives.
 */
int
dec_ether_key(struct dec_ctx *ctx, int type, struct cur *c)
{
	struct cur	in;

	if (ctx->info != NULL) {	/* 0 for 802.3 frames */
		ctx->info->ethertype = type > DEC_ETH_MAXLEN ? (uint16_t)type : 0;
		/* Where the payload starts, for -x: after the last tag. */
		if (ctx->nip == 0 && ctx->tunnels == 0)
			ctx->info->l3off = (uint32_t)cur_off(c);
	}
	if (type > DEC_ETH_MAXLEN)
		return DEC_KEY(DEC_S_ETHER, type);
	ctx->llclen = type > 3 ? (uint32_t)type - 3 : 0;
	cur_sub(c, (size_t)type, &in);
	*c = in;
	return DEC_KEY(DEC_S_ETHER, DEC_ETH_LLC);
}

/* tcpdump's name for an ethertype, for -e and unknown payloads. */
const char *
dec_ether_name(int type)
{
	switch (type) {
	case 0x0800:	return "IPv4";
	case 0x0806:	return "ARP";
	case 0x86dd:	return "IPv6";
	case 0x8100:	return "802.1Q";
	case 0x88a8:	return "802.1Q-QinQ";
	case 0x9100:	return "802.1Q-9100";
	case 0x9200:	return "802.1Q-9200";
	case 0x8847:	return "MPLS unicast";
	case 0x8848:	return "MPLS multicast";
	case 0x6558:	return "Transparent Ethernet Bridging";
	case 0x88cc:	return "LLDP";
	case 0x888e:	return "EAPOL";
	case 0x8035:	return "RARP";
	case 0x8809:	return "Slow Protocols";
	case 0x8863:	return "PPPoE D";
	case 0x8864:	return "PPPoE S";
	case 0x886f:	return "MS NLB heartbeat";
	case 0x9000:	return "Loopback";
	default:	return type <= DEC_ETH_MAXLEN ? "802.3 length" : "Unknown";
	}
}
