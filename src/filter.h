/*
 * Filter expressions through libpcap: compile for a link type and snap
 * length, print a program as tcpdump -d does, run one in user space.
 */
#ifndef ZBTOP_FILTER_H
#define ZBTOP_FILTER_H

#include <stdint.h>

struct bpf_program;
struct tbuf;

int		 filter_compile(int, unsigned, const char *, struct bpf_program *,
		    char *);
void		 filter_free(struct bpf_program *);
void		 filter_image(const struct bpf_program *, struct tbuf *);
unsigned	 filter_run(const struct bpf_program *, const uint8_t *,
		    uint32_t, uint32_t);

#endif /* ZBTOP_FILTER_H */
