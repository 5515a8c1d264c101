/*
 * Relative TCP sequence numbers in print mode (dec-flow.c), as tcpdump
 * prints them: a SYN without ACK absolute, the SYN-ACK absolute (it sets
 * the bases), later segments of both directions relative; -S (no table)
 * absolute; a full table evicts its least recently used connection, which
 * then starts again from absolute numbers.
 */
#include "dec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tbuf.h"
#include "unit.h"

#define DLT_RAW		12
#define TH_SYN		0x02
#define TH_ACK		0x10
#define TH_PSH		0x08

/* IPv4 + TCP from 198.18.0.<a>:<sp> to 198.18.0.<b>:<dp>, n bytes of data. */
static size_t
seg(uint8_t *p, int a, int sp, int b, int dp, uint32_t seq, uint32_t ack,
    int flags, int n)
{
	int	tot = 20 + 20 + n;

	memset(p, 0, (size_t)tot);
	p[0] = 0x45;
	p[2] = (uint8_t)(tot >> 8);
	p[3] = (uint8_t)tot;
	p[8] = 64;
	p[9] = 6;
	p[12] = 198; p[13] = 18; p[15] = (uint8_t)a;
	p[16] = 198; p[17] = 18; p[19] = (uint8_t)b;
	p[20] = (uint8_t)(sp >> 8); p[21] = (uint8_t)sp;
	p[22] = (uint8_t)(dp >> 8); p[23] = (uint8_t)dp;
	p[24] = (uint8_t)(seq >> 24); p[25] = (uint8_t)(seq >> 16);
	p[26] = (uint8_t)(seq >> 8); p[27] = (uint8_t)seq;
	p[28] = (uint8_t)(ack >> 24); p[29] = (uint8_t)(ack >> 16);
	p[30] = (uint8_t)(ack >> 8); p[31] = (uint8_t)ack;
	p[32] = 0x50;
	p[33] = (uint8_t)flags;
	p[34] = 0x10;
	return (size_t)tot;
}

static int
has(const struct dec_opts *o, const uint8_t *p, size_t n, const char *want)
{
	struct tbuf	tb;
	int		ok;

	tbuf_init(&tb);
	dec_print(&tb, o, DLT_RAW, p, (uint32_t)n, (uint32_t)n);
	ok = strstr(tb.s, want) != NULL;
	if (!ok)
		fprintf(stderr, "got: %s\nwant: %s\n", tb.s, want);
	tbuf_free(&tb);
	return ok;
}

int
main(void)
{
	struct dec_opts	o, abs;
	uint8_t		p[128];
	size_t		n;
	int		i;

	memset(&o, 0, sizeof o);
	memset(&abs, 0, sizeof abs);
	o.flows = dec_flows_new(4);	/* one bucket of four */

	n = seg(p, 1, 40000, 2, 80, 1000, 0, TH_SYN, 0);
	CHECK(has(&o, p, n, "Flags [S], seq 1000, win"));
	n = seg(p, 2, 80, 1, 40000, 5000, 1001, TH_SYN | TH_ACK, 0);
	CHECK(has(&o, p, n, "Flags [S.], seq 5000, ack 1001,"));
	n = seg(p, 1, 40000, 2, 80, 1001, 5001, TH_ACK, 0);
	CHECK(has(&o, p, n, "Flags [.], ack 1,"));
	n = seg(p, 1, 40000, 2, 80, 1001, 5001, TH_ACK | TH_PSH, 10);
	CHECK(has(&o, p, n, "Flags [P.], seq 1:11, ack 1,"));
	n = seg(p, 2, 80, 1, 40000, 5001, 1011, TH_ACK | TH_PSH, 20);
	CHECK(has(&o, p, n, "Flags [P.], seq 1:21, ack 11,"));
	/* -S: no table, absolute. */
	CHECK(has(&abs, p, n, "seq 5001:5021, ack 1011,"));

	/* Four more connections fill the bucket and evict the first. */
	for (i = 0; i < 4; i++) {
		n = seg(p, 3 + i, 41000 + i, 2, 80, 7, 9, TH_ACK, 0);
		CHECK(has(&o, p, n, "ack 9,"));
		n = seg(p, 3 + i, 41000 + i, 2, 80, 7, 10, TH_ACK, 0);
		CHECK(has(&o, p, n, "ack 2,"));
	}
	n = seg(p, 1, 40000, 2, 80, 1011, 5021, TH_ACK, 0);
	CHECK(has(&o, p, n, "ack 5021,"));
	n = seg(p, 1, 40000, 2, 80, 1011, 5031, TH_ACK, 0);
	CHECK(has(&o, p, n, "ack 11,"));
	dec_flows_free(o.flows);
	CHECK_DONE();
}
