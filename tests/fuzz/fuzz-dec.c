/*
 * libFuzzer target for the decoders: the first byte picks a link type from
 * the supported list, the rest is the packet.  Runs the light parse and
 * all three text forms, and aborts if any output byte is a control or
 * non-ASCII byte other than newline (packet bytes must arrive escaped).
 * The wire length is varied from the second byte so that "length on the
 * wire > captured" paths are exercised too.  Print mode's line (issue 10)
 * runs with the options the second byte's low bits pick (-e, -v, -vv,
 * -q) and a small connection table shared by all inputs, so eviction
 * runs too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dec.h"
#include "tbuf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const int	fuzz_dlts[] = { 1, 113, 276, 12, 101, 228, 229, 0, 108,
			    239, 9, 104 };
static struct dec_flows	*fuzz_flows;

static void
fuzz_check(const struct tbuf *tb)
{
	size_t	i;

	for (i = 0; i < tb->len; i++) {
		unsigned char	ch = (unsigned char)tb->s[i];

		if (ch != '\n' && ch != '\t' && (ch < 0x20 || ch > 0x7e))
			abort();
	}
	if (tb->s != NULL && strlen(tb->s) != tb->len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dec_info	 info;
	struct dec_opts	 o;
	struct tbuf	 tb;
	const uint8_t	*pkt;
	uint32_t	 caplen, len;
	int		 dlt;

	if (size < 2)
		return 0;
	dlt = fuzz_dlts[data[0] % (sizeof(fuzz_dlts) / sizeof(fuzz_dlts[0]))];
	len = (uint32_t)(size - 2) + (data[1] & 0x80 ? data[1] * 16u : 0);
	/* A private copy, so ASan sees any read past the captured end. */
	caplen = (uint32_t)(size - 2);
	pkt = caplen > 0 ? memcpy(malloc(caplen), data + 2, caplen) : NULL;
	if (!dec_dlt_supported(dlt))
		abort();
	dec_parse(dlt, pkt, caplen, len, &info);
	if (info.proto >= DEC_P_NPROTO || dec_proto_name(info.proto) == NULL)
		abort();
	tbuf_init(&tb);
	dec_summary(&tb, dlt, pkt, caplen, len);
	if (tb.s == NULL || memchr(tb.s, '\n', tb.len) != NULL)
		abort();
	fuzz_check(&tb);
	tbuf_reset(&tb);
	memset(&o, 0, sizeof o);
	if (fuzz_flows == NULL)
		fuzz_flows = dec_flows_new(8);
	o.flows = data[1] & 0x40 ? NULL : fuzz_flows;
	o.link = data[1] & 1;
	o.verbose = data[1] >> 1 & 3;
	o.quick = data[1] >> 3 & 1;
	dec_print(&tb, &o, dlt, pkt, caplen, len);
	fuzz_check(&tb);
	tbuf_reset(&tb);
	dec_tree(&tb, dlt, pkt, caplen, len);
	fuzz_check(&tb);
	tbuf_reset(&tb);
	dec_hex(&tb, pkt, caplen);
	fuzz_check(&tb);
	tbuf_free(&tb);
	free((void *)pkt);
	return 0;
}
