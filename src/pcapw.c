/*
 * The -w writer, through libpcap's dump functions.  pcap_dump() reports
 * nothing, so errors are found with ferror() when a buffer's packets are
 * synced.  On failure the file is cut back to the end of the last whole
 * packet record that reached it, which keeps it a valid capture.  The cut
 * goes through the open descriptor: after the privilege drop the file,
 * created by root, may no longer be writable by name.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "pcapw.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PCAPW_RECHDR	16		/* struct pcap_sf_pkthdr on disk */

struct pcapw {
	pcap_t		*dead;
	pcap_dumper_t	*d;
	char		*path;
	char		 name[256];	/* escaped, for messages */
	long		 good;		/* offset after the last good sync */
	int		 failed;
	uint64_t	 frames;	/* put; one writer, read by others */
};

static pcap_dumper_t	*pcapw_dumper(struct pcapw *, const char *, char *);
static off_t		 pcapw_whole(int, off_t);
static int		 pcapw_cut(struct pcapw *, int, char *);
static const char	*pcapw_who(char *, size_t);

/*
 * " as user nobody": after privileges are dropped (priv.c) a file root
 * could write may not be writable any more, so say who tried.
 */
static const char *
pcapw_who(char *buf, size_t sz)
{
	struct passwd	*pw = getpwuid(geteuid());
	char		 name[32];

	if (pw != NULL) {
		esc_str(name, sizeof name, pw->pw_name, strlen(pw->pw_name));
		snprintf(buf, sz, " (as user %s)", name);
	}
	else
		snprintf(buf, sz, " (as uid %lu)", (unsigned long)geteuid());
	return buf;
}

/*
 * Opened read-write by hand, not by pcap_dump_open(): a failed write is
 * cut back by reading the records that reached the file.  "-" is
 * standard output, as for tcpdump.
 */
static pcap_dumper_t *
pcapw_dumper(struct pcapw *w, const char *path, char *errbuf)
{
	pcap_dumper_t	*d;
	FILE		*f;
	char		 who[64];
	int		 fd, serr;

	if (strcmp(path, "-") == 0) {
		if ((d = pcap_dump_open(w->dead, path)) == NULL)
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s",
			    pcap_geterr(w->dead));
		return d;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s%s", w->name,
		    strerror(serr), serr == EACCES || serr == EPERM ?
		    pcapw_who(who, sizeof who) : "");
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if ((d = pcap_dump_fopen(w->dead, f)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s", w->name,
		    pcap_geterr(w->dead));
		fclose(f);
	}
	return d;
}

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
	if ((w->d = pcapw_dumper(w, path, errbuf)) == NULL) {
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
	__atomic_store_n(&w->frames, w->frames + 1, __ATOMIC_RELAXED);
	return 0;
}

/* Frames written so far, from any thread: for the header. */
uint64_t
pcapw_frames(const struct pcapw *w)
{
	return __atomic_load_n(&w->frames, __ATOMIC_RELAXED);
}

/* The file's name, escaped. */
const char *
pcapw_name(const struct pcapw *w)
{
	return w->name;
}

/*
 * The end of the last whole record at or before the file's end: records
 * from "from" on are ours, written in order, so their headers can be
 * walked.  Cold path: only after a write failed.
 */
static off_t
pcapw_whole(int fd, off_t from)
{
	struct stat	st;
	uint8_t		hdr[PCAPW_RECHDR];
	uint32_t	incl;
	off_t		off = from;

	if (fstat(fd, &st) == -1)
		return from;
	while (off + PCAPW_RECHDR <= st.st_size &&
	    pread(fd, hdr, sizeof hdr, off) == (ssize_t)sizeof hdr) {
		memcpy(&incl, hdr + 8, sizeof incl);	/* host order */
		if (off + PCAPW_RECHDR + (off_t)incl > st.st_size)
			break;
		off += PCAPW_RECHDR + (off_t)incl;
	}
	return off;
}

/* Keep the whole records that reached the file and fail from now on. */
static int
pcapw_cut(struct pcapw *w, int saved, char *errbuf)
{
	FILE	*f = pcap_dump_file(w->d);
	int	 fd = fileno(f);

	w->failed = 1;
	w->good = (long)pcapw_whole(fd, (off_t)w->good);
	if (ftruncate(fd, (off_t)w->good) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s; "
		    "cannot cut it back to the last whole packet: %s", w->name,
		    strerror(saved), strerror(errno));
		return -1;
	}
	snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s; kept %ld bytes "
	    "of whole packets", w->name, strerror(saved), w->good);
	return -1;
}

/* Called after each buffer: push it to the file, or cut back and fail. */
int
pcapw_sync(struct pcapw *w, char *errbuf)
{
	FILE	*f = pcap_dump_file(w->d);

	if (w->failed)
		return 0;
	if (fflush(f) == 0 && !ferror(f)) {
		w->good = ftell(f);
		return 0;
	}
	return pcapw_cut(w, errno, errbuf);
}

int
pcapw_close(struct pcapw *w, char *errbuf)
{
	int	rc, fd = -1;

	if (w == NULL)
		return 0;
	rc = pcapw_sync(w, errbuf);
	/* Closing a failed stream may write part of a packet again. */
	if (w->failed)
		fd = dup(fileno(pcap_dump_file(w->d)));
	pcap_dump_close(w->d);
	if (w->failed && (fd == -1 || ftruncate(fd, (off_t)w->good) == -1)) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot cut %s back to the last "
		    "whole packet: %s", w->name, strerror(errno));
		rc = -1;
	}
	if (fd != -1)
		close(fd);
	pcap_close(w->dead);
	free(w->path);
	free(w);
	return rc;
}
