/*
 * Every packet socket on the host, as the kernel's sock_diag reports them
 * (netlink, AF_PACKET, net/packet/diag.c), in every network namespace,
 * with the process that holds each one; and, in psock-ring.c, a
 * read-only look at another process's ring through /proc/PID/mem.  This
 * is the one room for other processes' sockets: nothing here touches
 * zbtop's own capture, writes to another process or changes its socket.
 */
#ifndef ZBTOP_PSOCK_H
#define ZBTOP_PSOCK_H

#include <stddef.h>
#include <stdint.h>

#define PSOCK_MAX	512		/* sockets in a snapshot */
#define PSOCK_MAXNS	64		/* network namespaces followed */
#define PSOCK_MAXINSNS	4096		/* BPF_MAXINSNS */
#define PSOCK_NAMESZ	32
#define PSOCK_COMMSZ	64		/* escaped, so wider than TASK_COMM_LEN */
#define PSOCK_ERRSZ	256		/* as ZB_ERRBUFSZ */

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
	char		 comm[PSOCK_COMMSZ];	/* escaped */
	int		 type;		/* SOCK_RAW or SOCK_DGRAM */
	uint16_t	 proto;		/* ethertype, host order */
	int		 have_info;
	uint32_t	 ifindex;	/* 0: not bound */
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
	int		 nfilter;	/* instructions; -1 not reported */
	int		 have_mem;
	uint32_t	 rmem;		/* SK_MEMINFO_RMEM_ALLOC, bytes */
	uint32_t	 rcvbuf;	/* SK_MEMINFO_RCVBUF, bytes */
	uint32_t	 drops;		/* SK_MEMINFO_DROPS */
};

/* A namespace and whether its sockets could be listed. */
struct psock_nsinfo {
	uint64_t	 ino;
	char		 name[PSOCK_NAMESZ];	/* escaped */
	int		 nsock;
	char		 err[PSOCK_ERRSZ];	/* "" when listed */
};

/* Everything one refresh found. */
struct psock_snap {
	double			 t;		/* CLOCK_MONOTONIC, seconds */
	int			 nrows;
	int			 truncated;	/* more than PSOCK_MAX */
	int			 unreadable;	/* processes whose fds are hidden */
	struct psock_row	 rows[PSOCK_MAX];
	int			 nns;
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
 * Netlink parsing, exposed for the unit test.  Appends the sockets in
 * one recv()'s worth of SOCK_DIAG_BY_FAMILY answers to s (namespace ns
 * stamped on each).  When want is non-zero, the filter of that socket
 * goes into insns (up to max, count in *ninsns).  Returns 1 at
 * NLMSG_DONE, 0 when more is to come, -1 with errbuf on an error
 * message or a malformed buffer.
 */
int		 psock_parse(const void *, size_t, struct psock_snap *, uint64_t,
		     uint32_t, struct psock_insn *, int, int *, char *);

#endif /* ZBTOP_PSOCK_H */
