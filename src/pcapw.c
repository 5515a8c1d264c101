/*
 * The -w writer, through libpcap's dump functions for one interface, in
 * pcapng (pcapng.c) for several, as dumpcap writes them.  pcap_dump() reports
 * nothing, so errors are found with ferror() when a buffer's packets are
 * synced.  On failure the file is cut back to the end of the last whole
 * packet record that reached it, which keeps it a valid capture.  The cut
 * goes through the open descriptor: after the privilege drop the file,
 * created by root, may no longer be writable by name.
 * Which file comes next (-C, -G, -W, -z: tcpdump 4.99's names) is
 * pcapw-ring.c's.
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
#include "pcapng.h"
#include "pcapw.h"
#include "pcapw-int.h"
#include "tbuf.h"
#include "xmalloc.h"

#define PCAPW_RECHDR	16		/* struct pcap_sf_pkthdr on disk */

static int		 pcapw_dumper(struct pcapw *, const char *, char *);
static struct pcapw	*pcapw_new(const char *, const struct pcapw_conf *,
			    char *);
static void		 pcapw_fclose(struct pcapw *);
static int		 pcapw_next(struct pcapw *, time_t, char *);
static struct pcapw	*pcapw_first(struct pcapw *, char *);
static int		 pcapw_dir(struct pcapw *, char *);
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
	} else
		snprintf(buf, sz, " (as uid %lu)", (unsigned long)geteuid());
	return buf;
}

/*
 * Opened read-write by hand, not by pcap_dump_open(): a failed write is
 * cut back by reading the records that reached the file.  "-" is
 * standard output, as for tcpdump, unless it is a terminal.  pcapng
 * gets its head here too.
 */
static int
pcapw_dumper(struct pcapw *w, const char *path, char *errbuf)
{
	FILE	*f;
	char	 who[64];
	int	 fd = -1, serr;

	/*
	 * A terminal on standard output is the screen's, or a person's: a
	 * pcap stream there garbles the screen and is read by no program.
	 */
	if (strcmp(path, "-") == 0 && isatty(STDOUT_FILENO)) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write -: standard "
		    "output is a terminal (give a file, or pipe it)");
		return -1;
	} else if (strcmp(path, "-") == 0)
		f = stdout;
	else if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		serr = errno;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s%s", w->name,
		    strerror(serr), serr == EACCES || serr == EPERM ?
		    pcapw_who(who, sizeof who) : "");
		if (fd != -1)
			close(fd);
		return -1;
	}
	w->f = f;
	if (w->ng)
		return pcapng_head(f, w->nifs, w->dlt, w->ifname, w->snaplen);
	if ((w->d = pcap_dump_fopen(w->dead, f)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s", w->name,
		    pcap_geterr(w->dead));
		if (f != stdout)
			fclose(f);
		w->f = NULL;
		return -1;
	}
	return 0;
}

/* Close the current file; pcap_dump_close() closes it for pcap. */
static void
pcapw_fclose(struct pcapw *w)
{
	if (w->d != NULL)
		pcap_dump_close(w->d);
	else if (w->f != NULL && w->f != stdout)
		fclose(w->f);
	else if (w->f != NULL)
		fflush(w->f);
	w->d = NULL;
	w->f = NULL;
}

static struct pcapw *
pcapw_new(const char *path, const struct pcapw_conf *conf, char *errbuf)
{
	struct pcapw	*w;
	char		 name[256];

	if (conf != NULL && strcmp(path, "-") == 0 && (conf->file_mb != 0 ||
	    conf->rotate_secs != 0)) {
		snprintf(errbuf, ZB_ERRBUFSZ, "-C and -G need a file name, "
		    "not standard output");
		return NULL;
	}
	if (conf != NULL && conf->postrotate != NULL &&
	    !pcapw_runnable(conf->postrotate)) {
		esc_str(name, sizeof name, conf->postrotate,
		    strlen(conf->postrotate));
		snprintf(errbuf, ZB_ERRBUFSZ, "-z %s: no such command (the "
		    "command is run as \"command file\", without a shell)", name);
		return NULL;
	}
	w = xcalloc(1, sizeof *w);
	w->path = xstrdup(path);
	if (conf != NULL)
		w->conf = *conf;
	if (w->conf.files > PCAPW_MAXRING && w->conf.rotate_secs != 0)
		w->conf.files = PCAPW_MAXRING;
	return w;
}

/*
 * The first file, unless -G names it after the first packet's time;
 * then its directory is checked now.
 */
static struct pcapw *
pcapw_first(struct pcapw *w, char *errbuf)
{
	if ((w->conf.rotate_secs == 0 && pcapw_next(w, 0, errbuf) == -1) ||
	    (w->conf.rotate_secs != 0 && pcapw_dir(w, errbuf) == -1)) {
		if (w->dead != NULL)
			pcap_close(w->dead);
		free(w->cur);
		free(w->path);
		free(w);
		return NULL;
	}
	return w;
}

struct pcapw *
pcapw_open(const char *path, int dlt, unsigned snaplen,
    const struct pcapw_conf *conf, char *errbuf)
{
	struct pcapw	*w;

	if ((w = pcapw_new(path, conf, errbuf)) == NULL)
		return NULL;
	if ((w->dead = pcap_open_dead(dlt, (int)snaplen)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: out of memory",
		    path);
		free(w->path);
		free(w);
		return NULL;
	}
	return pcapw_first(w, errbuf);
}

struct pcapw *
pcapw_open_ng(const char *path, unsigned nifs, const int *dlt,
    const char (*name)[CAP_IFNAMSZ], unsigned snaplen,
    const struct pcapw_conf *conf, char *errbuf)
{
	struct pcapw	*w;

	if ((w = pcapw_new(path, conf, errbuf)) == NULL)
		return NULL;
	w->ng = 1;
	w->nifs = nifs < CAP_MAXIF ? nifs : CAP_MAXIF;
	memcpy(w->dlt, dlt, w->nifs * sizeof *dlt);
	memcpy(w->ifname, name, w->nifs * sizeof *name);
	w->snaplen = snaplen;
	return pcapw_first(w, errbuf);
}

/*
 * -G: the first file is made at the first packet, so see now that its
 * directory takes files, as the user zbtop runs as (AT_EACCESS), and
 * fail at start as tcpdump does.  A directory named by the pattern
 * itself ('%' in it) can only be known then.
 */
static int
pcapw_dir(struct pcapw *w, char *errbuf)
{
	char	*dir, *slash, who[64];
	int	 rc = 0, serr;

	dir = xstrdup(strchr(w->path, '/') != NULL ? w->path : ".");
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[slash == dir] = '\0';
	if (strchr(dir, '%') == NULL &&
	    faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) == -1) {
		serr = errno;
		esc_str(w->name, sizeof w->name, w->path, strlen(w->path));
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s%s", w->name,
		    strerror(serr), serr == EACCES || serr == EPERM ?
		    pcapw_who(who, sizeof who) : "");
		rc = -1;
	}
	free(dir);
	return rc;
}

/* Close the current file (if any) and open the next one. */
static int
pcapw_next(struct pcapw *w, time_t t, char *errbuf)
{
	char	*prev = NULL;

	if (w->f != NULL) {
		if (pcapw_sync(w, errbuf) == -1)
			return -1;
		pcapw_fclose(w);
		prev = w->cur;
	}
	w->cur = pcapw_name(w, t);
	esc_str(w->name, sizeof w->name, w->cur, strlen(w->cur));
	__atomic_store_n(&w->frames, 0, __ATOMIC_RELAXED);
	if (pcapw_dumper(w, w->cur, errbuf) == -1) {
		w->failed = 1;
		free(prev);
		return -1;
	}
	if (prev != NULL) {
		pcapw_post(w, prev);
		free(prev);
	}
	pcapw_keep(w);
	/* A file that cannot take its header fails now, saying why. */
	if (w->f == NULL || fflush(w->f) == EOF || ferror(w->f)) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s", w->name,
		    strerror(errno));
		pcapw_fclose(w);
		w->failed = 1;
		return -1;
	}
	w->good = ftell(w->f);
	return 0;
}

/* The snap length the file's header states: no record may be longer. */
unsigned
pcapw_snaplen(const struct pcapw *w)
{
	return w->ng ? w->snaplen : (unsigned)pcap_snapshot(w->dead);
}

/* 0, or -1 once the file has failed: the caller counts a write drop. */
int
pcapw_put(struct pcapw *w, const struct cap_pkt *pkt)
{
	struct pcap_pkthdr	h;

	if (w->failed)
		return -1;
	if ((w->conf.rotate_secs != 0 || w->conf.file_mb != 0) &&
	    pcapw_due(w, pkt->ts.tv_sec)) {
		if (w->conf.rotate_secs != 0 && (w->f == NULL ||
		    pkt->ts.tv_sec - w->opened >= (time_t)w->conf.rotate_secs))
			w->opened = pkt->ts.tv_sec -
			    pkt->ts.tv_sec % (time_t)w->conf.rotate_secs;
		if (pcapw_next(w, w->opened != 0 ? w->opened :
		    pkt->ts.tv_sec, w->err) == -1)
			return -1;
	}
	if (w->ng)
		(void)pcapng_epb(w->f, pkt);	/* ferror() at the sync */
	else {
		h.ts.tv_sec = pkt->ts.tv_sec;
		h.ts.tv_usec = pkt->ts.tv_nsec / 1000;
		h.caplen = pkt->caplen;
		h.len = pkt->len;
		pcap_dump((u_char *)w->d, &h, pkt->data);
	}
	__atomic_store_n(&w->frames, w->frames + 1, __ATOMIC_RELAXED);
	if (w->conf.flush)
		fflush(w->f);
	return 0;
}

/* Frames written to the current file, from any thread: for the header. */
uint64_t
pcapw_frames(const struct pcapw *w)
{
	return __atomic_load_n(&w->frames, __ATOMIC_RELAXED);
}

/*
 * The name of the file being written now, as given (with -G, as made
 * from the pattern): not escaped, the reader escapes it for where it
 * goes.  Valid until the next file of a ring replaces it.
 */
const char *
pcapw_file(const struct pcapw *w)
{
	return w->cur != NULL ? w->cur : w->path;
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

/*
 * Cut fd to len bytes: 0, or -1 with errno.  Only a regular file can be
 * cut; a device or pipe (/dev/full, "-") keeps what reached it: 1.
 */
static int
pcapw_trunc(int fd, off_t len)
{
	struct stat	st;

	if (fstat(fd, &st) == -1)
		return -1;
	if (!S_ISREG(st.st_mode))
		return 1;
	return ftruncate(fd, len);
}

/* Keep the whole records that reached the file and fail from now on. */
static int
pcapw_cut(struct pcapw *w, int saved, char *errbuf)
{
	int	 fd = fileno(w->f), rc;

	w->failed = 1;
	w->good = (long)(w->ng ? pcapng_whole(fd, (off_t)w->good) :
	    pcapw_whole(fd, (off_t)w->good));
	if ((rc = pcapw_trunc(fd, (off_t)w->good)) == 1) {
		w->gone = saved == EPIPE;
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot write %s: %s", w->name,
		    strerror(saved));
		return -1;
	}
	if (rc == -1) {
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
	FILE	*f;

	if (w->err[0] != '\0') {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", w->err);
		w->err[0] = '\0';
		return -1;
	}
	if (w->failed || w->f == NULL)
		return 0;
	f = w->f;
	if (fflush(f) == 0 && !ferror(f)) {
		w->good = ftell(f);
		return 0;
	}
	return pcapw_cut(w, errno, errbuf);
}

int
pcapw_gone(const struct pcapw *w)
{
	return w->gone;
}

int
pcapw_close(struct pcapw *w, char *errbuf)
{
	unsigned	i;
	int		rc, fd = -1, was;

	if (w == NULL)
		return 0;
	rc = pcapw_sync(w, errbuf);
	/* Closing a failed stream may write part of a packet again. */
	if (w->failed && w->f != NULL)
		fd = dup(fileno(w->f));
	was = w->f != NULL;
	pcapw_fclose(w);
	/* A reason already given (the failed write) is kept. */
	if (w->failed && was && (fd == -1 ||
	    pcapw_trunc(fd, (off_t)w->good) == -1) && rc == 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot cut %s back to the last "
		    "whole packet: %s", w->name, strerror(errno));
		rc = -1;
	}
	if (fd != -1)
		close(fd);
	if (w->dead != NULL)
		pcap_close(w->dead);
	for (i = 0; i < w->nring; i++)
		free(w->ring[i]);
	free(w->cur);
	free(w->path);
	free(w);
	return rc;
}
