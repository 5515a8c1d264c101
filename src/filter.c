/*
 * Compiling goes through one mutex: the prompt checks expressions as they
 * are typed while the engine may be compiling one, and older libpcap
 * parsers kept global state.  The program's return value is the snap
 * length (pcap_compile puts it there), so filtering also truncates.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "filter.h"
#include "tbuf.h"

static pthread_mutex_t	filter_lock = PTHREAD_MUTEX_INITIALIZER;

int
filter_compile(int dlt, unsigned snaplen, const char *expr,
    struct bpf_program *prog, char *errbuf)
{
	pcap_t	*p;
	int	 rc = 0;

	pthread_mutex_lock(&filter_lock);
	if ((p = pcap_open_dead(dlt, (int)snaplen)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot compile filter: %s",
		    "out of memory");
		rc = -1;
	} else if (pcap_compile(p, prog, expr != NULL ? expr : "", 1,
	    PCAP_NETMASK_UNKNOWN) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "bad filter: %s", pcap_geterr(p));
		rc = -1;
	}
	if (p != NULL)
		pcap_close(p);
	pthread_mutex_unlock(&filter_lock);
	return rc;
}

void
filter_free(struct bpf_program *prog)
{
	pcap_freecode(prog);
	memset(prog, 0, sizeof *prog);
}

void
filter_image(const struct bpf_program *prog, struct tbuf *tb)
{
	u_int	i;

	for (i = 0; i < prog->bf_len; i++)
		tbuf_printf(tb, "%s\n", bpf_image(&prog->bf_insns[i], (int)i));
}

unsigned
filter_run(const struct bpf_program *prog, const uint8_t *data,
    uint32_t len, uint32_t caplen)
{
	if (prog->bf_insns == NULL)
		return caplen;
	return bpf_filter(prog->bf_insns, data, len, caplen);
}
