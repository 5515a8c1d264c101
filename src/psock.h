/*
 * Every packet socket on the host, as the kernel's sock_diag reports them
 * (netlink, AF_PACKET, net/packet/diag.c), in every network namespace,
 * with the process that holds each one; and, in psock-attach.c and
 * psock-ring.c, a read-only look at another process's ring through
 * /proc/PID/mem.  This is the one room for other processes' sockets:
 * nothing here touches zbtop's own capture, writes to another process or
 * changes its socket.
 */
#ifndef ZBTOP_PSOCK_H
#define ZBTOP_PSOCK_H

#include <stddef.h>
#include <stdint.h>

#include "zb.h"

#define PSOCK_MAX	65536		/* sockets in a snapshot */
#define PSOCK_MAXNS	256		/* network namespaces followed */
#define PSOCK_MAXINSNS	4096		/* BPF_MAXINSNS */
#define PSOCK_NAMESZ	32
#define PSOCK_COMMSZ	64		/* escaped, so wider than TASK_COMM_LEN */
#define PSOCK_ERRSZ	ZB_ERRBUFSZ

/* A ring's geometry: struct packet_diag_ring (linux/packet_diag.h). */
struct psock_geom {
	uint32_t	 block_size;	/* bytes */
	uint32_t	 block_nr;
	uint32_t	 frame_size;	/* bytes */
	uint32_t	 frame_nr;
	uint32_t	 retire_ms;	/* TPACKET_V3 block timeout */
	uint32_t	 sizeof_priv;
	uint32_t	 features;
};

/* One packet socket. */
struct psock_row {
	uint32_t	 ino;		/* socket inode: socket:[ino] */
	uint64_t	 netns;		/* namespace inode */
	char		 nsname[PSOCK_NAMESZ];	/* escaped */
	int		 pid;		/* 0: no process found (or not allowed) */
	int		 nprocs;	/* processes holding it */
	int		 mapped;	/* held by pid's ring mapping, no fd */
	char		 comm[PSOCK_COMMSZ];	/* escaped */
	int		 type;		/* SOCK_RAW or SOCK_DGRAM */
	uint16_t	 proto;		/* ethertype, host order */
	int		 have_info;
	uint32_t	 ifindex;	/* 0: not bound, or PSOCK_IF_GONE */
#define PSOCK_IF_GONE	UINT32_MAX	/* its interface was deleted */
	char		 ifname[PSOCK_NAMESZ];	/* escaped; "" not bound */
	int		 version;	/* TPACKET_V1 = 1 ... V3 = 3 */
	uint32_t	 flags;		/* PDI_RUNNING etc. */
	int		 have_rx, have_tx;
	struct psock_geom rx, tx;
	int		 have_fanout;
	uint16_t	 fanout_id;
	uint16_t	 fanout_mode;	/* PACKET_FANOUT_*, flags in bits 8-15 */
	int		 have_uid;
	uint32_t	 uid;
	int		 nfilter;	/* instructions, 0 none, or PSOCK_NF_ */
#define PSOCK_NF_HIDDEN	(-1)	/* not shown to us (CAP_NET_ADMIN) */
#define PSOCK_NF_BIG	(-2)	/* too long for a sock_diag message */
#define PSOCK_NF_CUT	(-3)	/* not reported: listed after a BIG one */
	int		 have_mem;
	uint32_t	 rmem;		/* SK_MEMINFO_RMEM_ALLOC, bytes */
	uint32_t	 rcvbuf;	/* SK_MEMINFO_RCVBUF, bytes */
	uint32_t	 drops;		/* SK_MEMINFO_DROPS */
	/*
	 * A FreeBSD BPF descriptor (type PSOCK_TYPE_BPF, psock-xbpf.c): its
	 * two buffers are rx.block_nr 2 of rx.block_size, rmem the bytes
	 * waiting in them, drops bd_dcount cut to 32 bits.
	 */
	int		 bpf_zbuf;	/* zero-copy buffers, else read(2) */
	int		 bpf_promisc;
	int		 bpf_dir;	/* BPFC_D_IN, _INOUT, _OUT */
	uint64_t	 bpf_recv;	/* packets the interface passed it */
	uint64_t	 bpf_match;	/* of those, accepted by its filter */
	uint64_t	 bpf_drop;	/* accepted, no room: bd_dcount */
};

/* Not a socket type: a FreeBSD BPF descriptor. */
#define PSOCK_TYPE_BPF	0x100

/* A namespace and whether its sockets could be listed. */
struct psock_nsinfo {
	uint64_t	 ino;
	char		 name[PSOCK_NAMESZ];	/* escaped */
	int		 nsock;
	char		 err[PSOCK_ERRSZ];	/* "" when listed */
};

/*
 * Everything one refresh found.  The rows grow as sockets are parsed
 * (psock_snap_free gives them back); zeroed, a snapshot is empty.
 */
struct psock_snap {
	/* Counts first: a refresh clears everything before rows. */
	double			 t;		/* CLOCK_MONOTONIC, seconds */
	int			 nrows;
	int			 bpf;		/* FreeBSD's BPF descriptors */
	int			 nns;
	int			 truncated;	/* more than PSOCK_MAX */
	int			 unreadable;	/* processes whose fds are hidden */
	int			 nsfull;	/* more namespaces than PSOCK_MAXNS */
	struct psock_row	*rows;		/* nrows of cap */
	int			 cap;
	struct psock_nsinfo	 ns[PSOCK_MAXNS];
};

/* A classic BPF instruction, as struct sock_filter. */
struct psock_insn {
	uint16_t	 code;
	uint8_t		 jt, jf;
	uint32_t	 k;
};

struct psock;
struct tbuf;

/*
 * Finds every network namespace (/var/run/netns, /proc/PID/ns/net),
 * enters each (setns, needs CAP_SYS_ADMIN) just long enough to open a
 * sock_diag socket in it, and comes back.  A namespace that cannot be
 * entered is kept with its reason.  NULL only when not even the
 * current namespace can be listed, with the reason in errbuf.
 */
struct psock	*psock_open(char *);
void		 psock_close(struct psock *);
/*
 * Looks for namespaces made since: those that can still be entered are
 * opened, the others reported.  Cheap enough for every refresh.
 */
void		 psock_rescan(struct psock *);
/* Lists every socket into the snapshot; 0, or -1 with errbuf. */
int		 psock_snapshot(struct psock *, struct psock_snap *, char *);
/* Frees a snapshot's rows and empties it; the struct stays the caller's. */
void		 psock_snap_free(struct psock_snap *);
/*
 * For the files that fill a snapshot: a new zeroed row at its end (the
 * rows grow with xrealloc), or NULL, with truncated set, when it holds
 * PSOCK_MAX.
 */
struct psock_row *psock_row_new(struct psock_snap *);
/*
 * The filter attached to socket ino in namespace ns, printed as
 * tcpdump -d does, into tb.  -1 with errbuf: gone, none, or not
 * reported (the kernel shows filters to CAP_NET_ADMIN only).
 */
int		 psock_filter(struct psock *, uint64_t, uint32_t, struct tbuf *,
		     char *);

/* Sort keys for psock_sort, in the order '<' and '>' step through. */
enum psock_key {
	PSOCK_K_PID, PSOCK_K_COMM, PSOCK_K_NETNS, PSOCK_K_IFACE,
	PSOCK_K_RING, PSOCK_K_DROPS, PSOCK_K_RMEM, PSOCK_K_INODE,
	PSOCK_K_NKEYS
};
void		 psock_sort(struct psock_snap *, enum psock_key, int);
const char	*psock_key_name(enum psock_key);
/* Short names: "raw", "dgram"; "v3"; "hash", "lb" ... */
const char	*psock_type_name(int);
const char	*psock_fanout_name(unsigned);
/*
 * "16x128K 1024f 8ms", "-" without an RX ring, into buf; a BPF
 * descriptor's two buffers "zbuf 2x512K" or "buffer 2x512K".
 */
char		*psock_geom_str(char *, size_t, const struct psock_row *);
/*
 * "1000 ms"; "none (-1)" for the -1 the kernel reports for a V3 ring
 * made without a retire timeout (ss -0 -e prints tmo:-1); "-" for a V1
 * or V2 ring (version given), which has no timer.
 */
char		*psock_retire_str(char *, size_t, int, uint32_t);
/* "42 lb", or "-". */
char		*psock_fanout_str(char *, size_t, const struct psock_row *);
/* The filter column: "12" instructions, "-" none, "?" unknown, "big". */
char		*psock_nfilter_str(char *, size_t, const struct psock_row *);

/*
 * Netlink parsing, exposed for the unit test.  Appends the sockets in
 * one recv()'s worth of SOCK_DIAG_BY_FAMILY answers to s (namespace ns
 * stamped on each).  When want is non-zero, the filter of that socket
 * goes into insns (up to max, count in *ninsns).  Returns 1 at
 * NLMSG_DONE, 0 when more is to come, -1 with errbuf on an error
 * message or a malformed buffer.
 */
int		 psock_parse(const void *, size_t, struct psock_snap *, uint64_t,
		     uint32_t, struct psock_insn *, int, int *, char *);

/*
 * FreeBSD's list, exposed for the unit test (psock-xbpf.c): appends a
 * row per struct xbpf_d in buf (sysctl net.bpf.stats) to s.  0, or -1
 * with errbuf when a record's bd_structsize is not the one zbtop was
 * built for or the buffer ends inside a record.
 */
int		 psock_xbpf_parse(const void *, size_t, struct psock_snap *,
		     char *);

/*
 * Another process's ring, read-only (psock-ring.c).  A V3 ring shows
 * its blocks; a V1 or V2 ring its frames grouped by block (frame status
 * instead of block status, no sequence numbers).
 */
#define PSOCK_MAXBLK	65536

enum psock_owner {
	PSOCK_OWN_KERNEL,	/* the block the kernel is filling */
	PSOCK_OWN_USER,		/* handed to the process, not given back */
	PSOCK_OWN_FREE
};

enum psock_verdict {
	PSOCK_V_MEASURING,	/* one sample so far */
	PSOCK_V_OK,		/* no drops, blocks given back */
	PSOCK_V_SMALL,		/* drops with most blocks free: bursts */
	PSOCK_V_SLOW,		/* drops with most blocks held */
	PSOCK_V_STOPPED,	/* blocks held and none given back */
	PSOCK_V_GONE,		/* the process exited */
	PSOCK_V_UNMAPPED	/* alive, the ring no longer in its memory */
};

struct psock_blk {
	enum psock_owner owner;
	uint32_t	 pkts;		/* V3 num_pkts; V2 frames held */
	uint32_t	 used;		/* bytes (V3 blk_len, clamped) */
	uint64_t	 seq;		/* V3 seq_num */
	int		 losing;	/* TP_STATUS_LOSING */
	double		 held;		/* seconds held; -1 not held */
};

struct psock_ringsnap {
	int		 pid;
	uint32_t	 ino;
	char		 comm[PSOCK_COMMSZ];
	char		 nsname[PSOCK_NAMESZ];
	char		 ifname[PSOCK_NAMESZ];
	int		 version;	/* 1, 2 or 3 */
	struct psock_geom g;
	double		 t;		/* CLOCK_MONOTONIC seconds */
	int		 nblk;
	int		 nown[3];	/* blocks by enum psock_owner */
	uint64_t	 pkts_held;	/* packets in held blocks */
	uint64_t	 pkts_ring;	/* held, plus the block being filled */
	uint64_t	 seq;		/* highest sequence number seen */
	double		 rotps;		/* blocks retired per second; -1 n/a */
	int		 have_drops;
	uint32_t	 drops;		/* SK_MEMINFO_DROPS now */
	uint32_t	 ddrops;	/* since the previous read */
	uint32_t	 rmem;
	int		 losing;	/* newest closed block TP_STATUS_LOSING */
	int		 released;	/* held blocks given back since */
	double		 oldest;	/* longest a block is held, s */
	enum psock_verdict verdict;
	char		 why[128];	/* the verdict's reason */
	/* Last, so a copy of the rest need not touch 2.6 MB of blocks. */
	struct psock_blk blk[PSOCK_MAXBLK];
};

struct psock_att;

/* Why --attach is refused where it cannot work; undefined where it can. */
#ifndef __linux__
#define PSOCK_NOATTACH	"--attach: Linux only: on FreeBSD a zero-copy " \
	    "BPF buffer is memory of the process that owns it, and the " \
	    "kernel does not say where (use --sockets)"
#endif

/*
 * Attach to a ring: by pid (its first socket with an RX ring) or by
 * socket inode (pid 0).  Opens /proc/PID/mem now, so the access check
 * (ptrace attach rights, Yama) happens here and later reads need no
 * privilege.  NULL with a one-line refusal in errbuf: no such socket,
 * no ring, TX only, unknown version, not mapped, memory not readable.
 */
struct psock_att *psock_attach(struct psock *, int, uint32_t, char *);
/*
 * One read of every block header (pread on /proc/PID/mem, never a
 * write) and of the socket's drops (none when the psock is NULL).  0, or
 * -1 with errbuf when the process exited (rs->verdict PSOCK_V_GONE) or
 * the ring left its memory: unmapped, the socket closed, or an exec
 * (PSOCK_V_UNMAPPED).
 */
int		 psock_ring_read(struct psock_att *, struct psock *,
		     struct psock_ringsnap *, char *);
void		 psock_detach(struct psock_att *);
/*
 * For the unit test: an attachment that reads a ring laid out at offset
 * base of file fd, as if it were this process's memory.  fd is closed by
 * psock_detach.
 */
struct psock_att *psock_attach_fd(int, uint64_t, int,
		     const struct psock_geom *);
const char	*psock_owner_name(enum psock_owner);
const char	*psock_verdict_name(enum psock_verdict);

#endif /* ZBTOP_PSOCK_H */
