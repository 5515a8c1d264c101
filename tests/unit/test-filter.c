/*
 * filter_run on a packet whose VLAN tag the backend put back: the program
 * sees the frame as the kernel's filter did (no tag, tag loads answered
 * from metadata), and every load, jump and division stays in bounds.
 */
#include "filter.h"

#include <stdint.h>
#include <string.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "unit.h"

#define AD(x)	(0xfffff000u + (x))	/* linux/filter.h SKF_AD_OFF */

/* "vlan 29 and udp" as libpcap compiles it for a live Linux capture. */
static struct bpf_insn vlan29udp[] = {
	BPF_STMT(BPF_LD | BPF_B | BPF_ABS, AD(48)),	/* vlan present */
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 8),
	BPF_STMT(BPF_LD | BPF_H | BPF_ABS, AD(44)),	/* vlan tci */
	BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xfff),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 29, 0, 5),
	BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 12),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 3),
	BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 23),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 17, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, 100),
	BPF_STMT(BPF_RET | BPF_K, 0),
};

static struct bpf_insn jump_out[] = {
	BPF_STMT(BPF_JMP | BPF_JA, 5),
	BPF_STMT(BPF_RET | BPF_K, 100),
};

static struct bpf_insn div0[] = {
	BPF_STMT(BPF_LD | BPF_IMM, 7),
	BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0),
	BPF_STMT(BPF_RET | BPF_K, 100),
};

/* The view is 4 bytes shorter than the frame: its last word is 42..45. */
static struct bpf_insn last_word[] = {
	BPF_STMT(BPF_LDX | BPF_IMM, 40),
	BPF_STMT(BPF_LD | BPF_W | BPF_IND, 2),
	BPF_STMT(BPF_RET | BPF_A, 0),
};

static unsigned
run(struct bpf_insn *insns, size_t n, const struct cap_pkt *pkt)
{
	struct bpf_program	prog;

	prog.bf_len = (u_int)n;
	prog.bf_insns = insns;
	return filter_run(&prog, pkt);
}

#define RUN(p, pkt)	run(p, sizeof p / sizeof p[0], pkt)

int
main(void)
{
	uint8_t			f[50];
	struct cap_pkt		pkt;
	struct bpf_program	none;

	/* Ethernet, tag 81 00 00 1d put back, IPv4 UDP: 50 bytes. */
	memset(f, 0, sizeof f);
	memcpy(f + 12, "\x81\x00\x00\x1d\x08\x00\x45", 7);
	f[16 + 2 + 9] = 17;
	f[46] = 0xde; f[47] = 0xad; f[48] = 0xbe; f[49] = 0xef;
	memset(&pkt, 0, sizeof pkt);
	pkt.data = f;
	pkt.caplen = pkt.len = sizeof f;

	pkt.vlan = CAP_VLAN_PUT | 29;
	CHECK(RUN(vlan29udp, &pkt) == 100);
	pkt.vlan = CAP_VLAN_PUT | 0x201d;	/* priority bits: still 29 */
	CHECK(RUN(vlan29udp, &pkt) == 100);
	pkt.vlan = CAP_VLAN_PUT | 30;
	CHECK(RUN(vlan29udp, &pkt) == 0);
	f[27] = 6;				/* TCP */
	pkt.vlan = CAP_VLAN_PUT | 29;
	CHECK(RUN(vlan29udp, &pkt) == 0);
	f[27] = 17;
	/* No tag in metadata: libpcap's own bpf_filter, which rejects. */
	pkt.vlan = 0;
	CHECK(RUN(vlan29udp, &pkt) == 0);

	pkt.vlan = CAP_VLAN_PUT | 29;
	CHECK(RUN(last_word, &pkt) == 0xdeadbeef);
	pkt.caplen = 49;			/* one byte short now */
	CHECK(RUN(last_word, &pkt) == 0);
	pkt.caplen = 15;			/* not even the tag */
	CHECK(RUN(vlan29udp, &pkt) == 0);
	pkt.caplen = sizeof f;
	CHECK(RUN(jump_out, &pkt) == 0);
	CHECK(RUN(div0, &pkt) == 0);

	memset(&none, 0, sizeof none);
	CHECK(filter_run(&none, &pkt) == sizeof f);
	CHECK_DONE();
}
