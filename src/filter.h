/*
 * Filter expressions through libpcap: compile for a link type and snap
 * length, or as for a live capture on an interface; print a program as
 * tcpdump -d does, run one in user space.
 */
#ifndef ZBTOP_FILTER_H
#define ZBTOP_FILTER_H

#include <stdint.h>

struct bpf_program;
struct cap_pkt;
struct filter_live;
struct tbuf;

int		 filter_compile(int, unsigned, const char *, struct bpf_program *,
		    char *);
void		 filter_free(struct bpf_program *);
/*
 * dst: a copy of src (free it with filter_free) whose accepting returns
 * give "to" bytes where src gave "from": a program with a new snap
 * length, without compiling again and so without looking host names up
 * again.  libpcap's gencode.c returns only the snap length (accept) or 0.
 */
void		 filter_resnap(const struct bpf_program *, unsigned, unsigned,
		    struct bpf_program *);
/*
 * A copy of the expression (free it) in which every word libpcap could
 * look up as a host or network name (DNS) stands as 0.0.0.0; *names gets
 * how many did.  For checking as the user types: compiling the copy
 * sends no query.  In filter-names.c.
 */
char		*filter_unname(const char *, int *);
/*
 * A handle that compiles as libpcap does for a live capture on the
 * interface (Linux: VLAN tags tested in skb metadata); on an interface
 * that is down, as filter_compile for the link type.  Opening needs the
 * capture privilege: before dropping it.  NULL with errbuf on failure.
 */
struct filter_live *filter_live_open(const char *, int, char *);
/* As filter_compile, for the kernel of that live capture. */
int		 filter_live_compile(struct filter_live *, unsigned,
		    const char *, struct bpf_program *, char *);
void		 filter_live_close(struct filter_live *);
void		 filter_image(const struct bpf_program *, struct tbuf *);
/*
 * Run a program over a packet as the kernel saw it; the snap length to
 * keep, 0 to drop.
 */
unsigned	 filter_run(const struct bpf_program *, const struct cap_pkt *);
/* The same on a frame as stored (a file's record): libpcap's bpf_filter. */
unsigned	 filter_frame(const struct bpf_program *, const uint8_t *,
		    uint32_t, uint32_t);

#endif /* ZBTOP_FILTER_H */
