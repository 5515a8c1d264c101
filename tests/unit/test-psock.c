/*
 * The sock_diag parser on answers built here as the kernel lays them out
 * (net/packet/diag.c): whole ones, split ones, and hostile ones whose
 * lengths point past the buffer.  No root, no netlink socket.
 */
#include "psock.h"

#include <sys/socket.h>

#include <linux/filter.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static uint8_t	 buf[8192];
static size_t	 len;

static size_t
put_hdr(uint16_t type, uint32_t plen)
{
	struct nlmsghdr	 h;
	size_t		 at = len;

	memset(&h, 0, sizeof h);
	h.nlmsg_len = (uint32_t)(sizeof h + plen);
	h.nlmsg_type = type;
	memcpy(buf + len, &h, sizeof h);
	len += sizeof h;
	return at;
}

static void
put_attr(uint16_t type, const void *p, uint16_t n)
{
	struct nlattr	 a;

	a.nla_len = (uint16_t)(sizeof a + n);
	a.nla_type = type;
	memcpy(buf + len, &a, sizeof a);
	memcpy(buf + len + sizeof a, p, n);
	len += NLA_ALIGN(sizeof a + n);
}

/* Fixes up the message at `at` to end at len. */
static void
end_msg(size_t at)
{
	struct nlmsghdr	 h;

	memcpy(&h, buf + at, sizeof h);
	h.nlmsg_len = (uint32_t)(len - at);
	memcpy(buf + at, &h, sizeof h);
}

/* A tcpdump-like socket: V3 ring, fanout, filter, meminfo. */
static void
put_sock(uint32_t ino, int with_filter)
{
	struct packet_diag_msg	 m;
	struct packet_diag_info	 pi;
	struct packet_diag_ring	 r;
	struct sock_filter	 f[2] = {
		{ 0x28, 0, 0, 12 }, { 0x6, 0, 0, 262144 }
	};
	uint32_t		 v, mem[SK_MEMINFO_VARS];
	size_t			 at;

	at = put_hdr(SOCK_DIAG_BY_FAMILY, 0);
	memset(&m, 0, sizeof m);
	m.pdiag_family = AF_PACKET;
	m.pdiag_type = SOCK_RAW;
	m.pdiag_num = 3;
	m.pdiag_ino = ino;
	memcpy(buf + len, &m, sizeof m);
	len += sizeof m;
	memset(&pi, 0, sizeof pi);
	pi.pdi_index = 7;
	pi.pdi_version = TPACKET_V3;
	pi.pdi_flags = PDI_RUNNING;
	put_attr(PACKET_DIAG_INFO, &pi, sizeof pi);
	memset(&r, 0, sizeof r);
	r.pdr_block_size = 131072;
	r.pdr_block_nr = 16;
	r.pdr_frame_size = 2048;
	r.pdr_frame_nr = 1024;
	r.pdr_retire_tmo = 8;
	put_attr(PACKET_DIAG_RX_RING, &r, sizeof r);
	v = 42 | PACKET_FANOUT_LB << 16;
	put_attr(PACKET_DIAG_FANOUT, &v, sizeof v);
	memset(mem, 0, sizeof mem);
	mem[SK_MEMINFO_RMEM_ALLOC] = 4096;
	mem[SK_MEMINFO_RCVBUF] = 212992;
	mem[SK_MEMINFO_DROPS] = 99;
	put_attr(PACKET_DIAG_MEMINFO, mem, sizeof mem);
	/* 1: a filter; 2: an empty attribute (not reported); 0: none. */
	if (with_filter)
		put_attr(PACKET_DIAG_FILTER, f, with_filter == 1 ? sizeof f : 0);
	end_msg(at);
}

int
main(void)
{
	static struct psock_snap	 s;
	struct psock_insn		 in[8];
	struct psock_row		*r;
	char				 err[PSOCK_ERRSZ];
	uint16_t			 bad;
	int				 ni;
	int				 n = 0;
	size_t				 at;

	/* Three sockets and DONE in one read. */
	len = 0;
	put_sock(1001, 1);
	put_sock(1002, 0);
	put_sock(1004, 2);
	put_hdr(NLMSG_DONE, 4);
	memset(buf + len, 0, 4);
	len += 4;
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 77, 1001, in, 8, &n, err) == 1);
	CHECK(s.nrows == 3);
	r = &s.rows[0];
	CHECK(r->ino == 1001 && r->netns == 77 && r->type == SOCK_RAW);
	CHECK(r->have_info && r->ifindex == 7 && r->version == 3);
	CHECK(r->flags == PDI_RUNNING);
	CHECK(r->have_rx && !r->have_tx && r->rx.block_size == 131072 &&
	    r->rx.block_nr == 16 && r->rx.frame_nr == 1024 &&
	    r->rx.retire_ms == 8);
	CHECK(r->have_fanout && r->fanout_id == 42 &&
	    r->fanout_mode == PACKET_FANOUT_LB);
	CHECK(strcmp(psock_fanout_name(r->fanout_mode), "lb") == 0);
	CHECK(r->have_mem && r->rmem == 4096 && r->rcvbuf == 212992 &&
	    r->drops == 99);
	CHECK(r->nfilter == 2 && n == 2 && in[0].code == 0x28 &&
	    in[0].k == 12 && in[1].k == 262144);
	/* No attribute: no filter (ss -0 -b shows none); empty: hidden. */
	CHECK(s.rows[1].ino == 1002 && s.rows[1].nfilter == 0);
	CHECK(s.rows[2].ino == 1004 && s.rows[2].nfilter == -1);

	/* No DONE yet: 0, more to come. */
	len = 0;
	put_sock(1003, 0);
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	CHECK(s.nrows == 1);

	/* Cut anywhere inside a message: an error, never a read past it. */
	for (at = 1; at < len; at++) {
		uint8_t	*cut = malloc(at);

		memcpy(cut, buf, at);
		psock_snap_free(&s);
		CHECK(psock_parse(cut, at, &s, 1, 0, NULL, 0, NULL, err) ==
		    (at < sizeof(struct nlmsghdr) ? -1 : -1));
		free(cut);
	}

	/* An attribute claiming more than its message holds: ignored. */
	len = 0;
	put_sock(1004, 0);
	bad = 0xfff0;
	memcpy(buf + sizeof(struct nlmsghdr) + sizeof(struct packet_diag_msg),
	    &bad, sizeof bad);
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	CHECK(s.nrows == 1 && !s.rows[0].have_info && !s.rows[0].have_rx);

	/* An attribute shorter than its header: the rest is skipped. */
	bad = 2;
	memcpy(buf + sizeof(struct nlmsghdr) + sizeof(struct packet_diag_msg),
	    &bad, sizeof bad);
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	CHECK(s.nrows == 1 && !s.rows[0].have_rx);

	/* A short info attribute leaves the fields unset. */
	len = 0;
	at = put_hdr(SOCK_DIAG_BY_FAMILY, 0);
	{
		struct packet_diag_msg	m;

		memset(&m, 0, sizeof m);
		m.pdiag_family = AF_PACKET;
		m.pdiag_ino = 5;
		memcpy(buf + len, &m, sizeof m);
		len += sizeof m;
	}
	put_attr(PACKET_DIAG_INFO, "abc", 3);
	end_msg(at);
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	CHECK(s.nrows == 1 && !s.rows[0].have_info && s.rows[0].ino == 5);

	/* An error message. */
	len = 0;
	put_hdr(NLMSG_ERROR, sizeof(struct nlmsgerr));
	{
		struct nlmsgerr	e;

		memset(&e, 0, sizeof e);
		e.error = -1;
		memcpy(buf + len, &e, sizeof e);
		len += sizeof e;
	}
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == -1);
	CHECK(strstr(err, "sock_diag:") == err);

	/* Another family's answer is skipped. */
	len = 0;
	put_sock(1005, 0);
	buf[sizeof(struct nlmsghdr)] = AF_INET;
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	CHECK(s.nrows == 0);

	/*
	 * Random bytes after a valid header and message, 20000 times: the
	 * parser must stay inside the buffer (ASan watches) and never
	 * return more rows than fit.
	 */
	srand(13);
	for (n = 0; n < 20000; n++) {
		size_t	 k, l = 16 + (size_t)(rand() % 400);
		uint8_t	*r8 = malloc(l);

		len = 0;
		put_sock(7, 1);
		memcpy(r8, buf, l < len ? l : len);
		for (k = (size_t)(rand() % 40); k < l; k++)
			if (k >= len || rand() % 8 == 0)
				r8[k] = (uint8_t)rand();
		psock_snap_free(&s);
		ni = 0;
		(void)psock_parse(r8, l, &s, 1, 7, in, 8, &ni, err);
		CHECK(s.nrows <= PSOCK_MAX && ni >= 0 && ni <= 8);
		free(r8);
	}

	/* Sorting: drops, descending. */
	len = 0;
	put_sock(1, 0);
	put_sock(2, 0);
	put_sock(3, 0);
	psock_snap_free(&s);
	CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	CHECK(s.nrows == 3);
	s.rows[0].drops = 5, s.rows[0].ino = 1;
	s.rows[1].drops = 50, s.rows[1].ino = 2;
	s.rows[2].drops = 0, s.rows[2].ino = 3;
	psock_sort(&s, PSOCK_K_DROPS, 1);
	CHECK(s.rows[0].ino == 2 && s.rows[1].ino == 1 && s.rows[2].ino == 3);

	/*
	 * 700 sockets over many reads, as a busy host answers: every one
	 * kept (the list stopped at 512 and hid the rest of the host).
	 */
	psock_snap_free(&s);
	for (n = 0; n < 700; n += 20) {
		len = 0;
		for (ni = 0; ni < 20; ni++)
			put_sock((uint32_t)(5000 + n + ni), 0);
		CHECK(psock_parse(buf, len, &s, 1, 0, NULL, 0, NULL, err) == 0);
	}
	CHECK(s.nrows == 700 && !s.truncated && s.rows[699].ino == 5699);
	psock_snap_free(&s);
	CHECK_DONE();
}
