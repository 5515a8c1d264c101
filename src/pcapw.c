/*
 * The -w writer, through libpcap's dump functions.  pcap_dump() reports
 * nothing, so errors are found with ferror() when a buffer's packets are
 * synced; the offset after the last successful sync is where the file is
 * truncated back to, which keeps it a valid capture of whole packets.
 */
#include <sys/types.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "pcapw.h"
#include "tbuf.h"
#include "xmalloc.h"

struct pcapw {
	pcap_t		*dead;
	pcap_dumper_t	*d;
	char		*path;
	char		 name[256];	/* escaped, for messages */
	long		 good;		/* offset after the last good sync */
	int		 failed;
};

struct pcapw *
pcapw_open(const char *path, int dlt, unsigned snaplen, char *errbuf)
{
	struct pcapw	*w;

	w = xcalloc(1, sizeof *w);
	w->path = xstrdup(path);
	esc_str(w->name, sizeof w->name, path, strlen(path));
	if ((w->dead = pcap_open_dead(dlt, (int)snaplen)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: out of memory",
		    w->name);
		free(w->path);
		free(w);
		return NULL;
	}
	if ((w->d = pcap_dump_open(w->dead, path)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s",
		    pcap_geterr(w->dead));
		pcap_close(w->dead);
		free(w->path);
		free(w);
		return NULL;
	}
	if (pcap_dump_flush(w->d) == -1)
		w->failed = 1;
	w->good = pcap_dump_ftell(w->d);
	return w;
}

/* 0, or -1 once the file has failed: the caller counts a write drop. */
int
pcapw_put(struct pcapw *w, const struct cap_pkt *pkt)
{
	struct pcap_pkthdr	h;

	if (w->failed)
		return -1;
	h.ts.tv_sec = pkt->ts.tv_sec;
	h.ts.tv_usec = pkt->ts.tv_nsec / 1000;
	h.caplen = pkt->caplen;
	h.len = pkt->len;
	pcap_dump((u_char *)w->d, &h, pkt->data);
	return 0;
}

/* Called after each buffer: push it to the file, or cut back and fail. */
int
pcapw_sync(struct pcapw *w, char *errbuf)
{
	FILE	*f = pcap_dump_file(w->d);
	int	 saved;

	if (w->failed)
		return 0;
	if (fflush(f) == 0 && !ferror(f)) {
		w->good = ftell(f);
		return 0;
	}
	saved = errno;
	w->failed = 1;
	if (ftruncate(fileno(f), (off_t)w->good) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s; "
		    "cannot cut it back to the last whole packet: %s", w->name,
		    strerror(saved), strerror(errno));
		return -1;
	}
	snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s; kept %ld bytes "
	    "of whole packets", w->name, strerror(saved), w->good);
	return -1;
}

int
pcapw_close(struct pcapw *w, char *errbuf)
{
	int	rc;

	if (w == NULL)
		return 0;
	rc = pcapw_sync(w, errbuf);
	pcap_dump_close(w->d);
	/* Closing a failed stream may have written part of a packet again. */
	if (w->failed && truncate(w->path, (off_t)w->good) == -1)
		rc = -1;
	pcap_close(w->dead);
	free(w->path);
	free(w);
	return rc;
}
