/*
 * Backend lookup and the handle's state machine.  The slots themselves live
 * in cap-zbuf.c (Linux TPACKET_V3), cap-copy.c (AF_PACKET + recvmmsg),
 * cap-bpf.c (FreeBSD zero-copy BPF and read(2)) and cap-file.c (capture
 * files through a model of the seed's zbuf protocol).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "cap.h"
#ifdef __linux__
#include "cap-linux.h"
#endif
#include "xmalloc.h"

/* cap-bpf.c runs on Linux only in tests, over the fake /dev/bpf. */
static const struct cap_ops *cap_backends[] = {
#ifdef __FreeBSD__
	&cap_bpf_ops,
	&cap_bpf_copy_ops,
#else
	&cap_zbuf_ops,
	&cap_copy_ops,
#endif
	&cap_file_ops,
	NULL
};

const struct cap_ops *
cap_find(const char *name)
{
	const struct cap_ops	**ops;

	for (ops = cap_backends; *ops != NULL; ops++)
		if (strcmp((*ops)->name, name) == 0)
			return *ops;
	return NULL;
}

int
cap_usable(const char *ifname)
{
#ifdef __linux__
	return caplinux_usable(ifname);
#else
	return ifname != NULL;
#endif
}

int
cap_open(struct cap *cap, const struct cap_ops *ops,
    const struct cap_conf *conf, char *errbuf)
{
	memset(cap, 0, sizeof *cap);
	cap->ops = ops;
	cap->state = CAP_CLOSED;
	cap->nqueues = 1;
	if (ops->open(cap, conf, errbuf) == -1)
		return -1;
	/* One interface, or none (a file): the multi backend sets its own. */
	if (cap->nifs == 0) {
		cap->nifs = 1;
		cap->ifdlt[0] = cap->dlt;
		snprintf(cap->ifname[0], sizeof cap->ifname[0], "%s",
		    conf->iface != NULL ? conf->iface : "");
	}
	/* Consumer threads need a queue each, which only zbuf makes. */
	if (conf->threads > 1 && cap->nqueues != CAP_NQ(conf)) {
		ops->close(cap);
		snprintf(errbuf, ZB_ERRBUFSZ, "--threads needs -m zbuf on an "
		    "interface");
		return -1;
	}
	cap->state = CAP_OPEN;
	return 0;
}

int
cap_start(struct cap *cap, char *errbuf)
{
	if (cap->state != CAP_OPEN) {
		snprintf(errbuf, ZB_ERRBUFSZ, "capture is not open");
		return -1;
	}
	if (cap->ops->start(cap, errbuf) == -1)
		return -1;
	cap->state = CAP_RUNNING;
	return 0;
}

void
cap_close(struct cap *cap)
{
	if (cap->state == CAP_CLOSED)
		return;
	cap->ops->close(cap);
	cap->state = CAP_CLOSED;
}

/*
 * A backend's own copy of the newest program: what it attaches at a later
 * flip and what blocks stored before the change are rechecked against.
 */
void
cap_keep(struct bpf_program *dst, const struct bpf_program *src)
{
	struct bpf_insn	*insns;

	insns = xcalloc(src->bf_len, sizeof *insns);
	memcpy(insns, src->bf_insns, src->bf_len * sizeof *insns);
	free(dst->bf_insns);
	dst->bf_insns = insns;
	dst->bf_len = src->bf_len;
}
