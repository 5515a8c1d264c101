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

/*
 * tcpdump's name for an ethertype (print-ether.c ethertype_values), for
 * -e and unknown payloads.
 */
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
	case 0x88e5:	return "802.1AE MACsec";
	case 0x0600:	return "NS";
	case 0x0707:	return "GeoNet (old)";
	case 0x1000:	return "Trail";
	case 0x1111:	return "CALM FAST";
	case 0x6001:	return "MOP DL";
	case 0x6002:	return "MOP RC";
	case 0x6003:	return "DN";
	case 0x6004:	return "LAT";
	case 0x6007:	return "SCA";
	case 0x6558:	return "TEB";
	case 0x8035:	return "Reverse ARP";
	case 0x8038:	return "Lanbridge";
	case 0x803c:	return "DEC DNS";
	case 0x803e:	return "DEC DTS";
	case 0x805b:	return "VEXP";
	case 0x805c:	return "VPROD";
	case 0x809b:	return "Appletalk";
	case 0x80f3:	return "Appletalk ARP";
	case 0x8137:	return "IPX";
	case 0x8808:	return "MPCP";
	case 0x8809:	return "Slow Protocols";
	case 0x880b:	return "PPP";
	case 0x8863:	return "PPPoE D";
	case 0x8864:	return "PPPoE S";
	case 0x886f:	return "MS NLB heartbeat";
	case 0x8870:	return "Jumbo";
	case 0x888e:	return "EAPOL";
	case 0x8899:	return "Realtek protocols";
	case 0x88a2:	return "AoE";
	case 0x88ca:	return "TIPC";
	case 0x88cc:	return "LLDP";
	case 0x88f7:	return "PTP";
	case 0x8902:	return "CFM";
	case 0x893a:	return "IEEE1905.1";
	case 0x8947:	return "GeoNet";
	case 0x894f:	return "NSH";
	case 0x9000:	return "Loopback";
	case 0xabcd:	return "CFM (old)";
	case 0xd28b:	return "Arista Vendor Specific Protocol";
	case 0xfefe:	return "OSI";
	default:	return type <= DEC_ETH_MAXLEN ? "802.3 length" : "Unknown";
	}
}
