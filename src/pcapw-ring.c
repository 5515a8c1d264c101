/*
 * Which file the -w writer writes next, as tcpdump 4.99 names them: with
 * -C a number after the name (padded to the digits of -W - 1, wrapping
 * at -W); with -G the name is a strftime(3) pattern of the time the file
 * was opened (the packet's time stamp here, so a replay rotates as the
 * capture did) and -W keeps the newest files only, as dumpcap's ring
 * buffer does; -z runs a command on each file closed.  Never writes a
 * packet: pcapw.c opens and closes the files.
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pcapw-int.h"
#include "tbuf.h"
#include "xmalloc.h"

/*
 * POSIX leaves environ to the program to declare: FreeBSD's <unistd.h>
 * does not (glibc's does, under _GNU_SOURCE).
 */
extern char	**environ;

static void	pcapw_forget(struct pcapw *, unsigned);

/*
 * -z's command as posix_spawnp() will look for it: a path, or a name in
 * $PATH (an empty element is the current directory).  1 when a regular
 * file there may be run, so a misspelt -z fails at start with one line,
 * not silently at every rotation.
 */
int
pcapw_runnable(const char *cmd)
{
	const char	*dirs, *end;
	char		 buf[4096];
	struct stat	 sb;
	int		 n;

	if (strchr(cmd, '/') != NULL)
		return stat(cmd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    access(cmd, X_OK) == 0;
	if ((dirs = getenv("PATH")) == NULL)
		dirs = "/bin:/usr/bin";
	for (;; dirs = end + 1) {
		end = strchrnul(dirs, ':');
		if (end == dirs)
			n = snprintf(buf, sizeof buf, "./%s", cmd);
		else
			n = snprintf(buf, sizeof buf, "%.*s/%s",
			    (int)(end - dirs), dirs, cmd);
		if (n > 0 && (size_t)n < sizeof buf && stat(buf, &sb) == 0 &&
		    S_ISREG(sb.st_mode) && access(buf, X_OK) == 0)
			return 1;
		if (*end == '\0')
			return 0;
	}
}

/* tcpdump's MakeFilename: the pattern's time, then the -C number. */
char *
pcapw_name(struct pcapw *w, time_t t)
{
	struct tbuf	 tb;
	struct tm	 tm;
	char		 buf[4096];
	const char	*base = w->path;
	unsigned	 chars = 0, n;

	if (w->conf.rotate_secs != 0) {
		localtime_r(&t, &tm);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		/* The -w name is the user's strftime pattern, as tcpdump's. */
		if (strftime(buf, sizeof buf, w->path, &tm) > 0)
			base = buf;
#pragma GCC diagnostic pop
	}
	if (w->conf.file_mb != 0 && w->conf.files != 0)
		for (n = w->conf.files - 1; n > 0; n /= 10)
			chars++;
	tbuf_init(&tb);
	tbuf_puts(&tb, base);
	if (w->conf.file_mb != 0 && (w->idx != 0 || chars != 0))
		tbuf_printf(&tb, "%0*u", (int)chars, w->idx);
	return tb.s;
}

/*
 * -G -W: remember the new file, remove the oldest past -W.  A name the
 * ring holds already (a pattern without the period's fields, "-G 1 -w
 * x") is the file just reopened: it only becomes the newest, or the ring
 * would remove it.  With -C too, -W numbers the -C files of each period
 * (file0, file1, reused), as tcpdump's, and nothing is removed.
 */
void
pcapw_keep(struct pcapw *w)
{
	unsigned	i;

	if (w->conf.rotate_secs == 0 || w->conf.files == 0 ||
	    w->conf.file_mb != 0)
		return;
	for (i = 0; i < w->nring; i++)
		if (strcmp(w->ring[i], w->cur) == 0) {
			pcapw_forget(w, i);
			break;
		}
	if (w->nring == w->conf.files) {
		unlink(w->ring[0]);
		pcapw_forget(w, 0);
	}
	w->ring[w->nring++] = xstrdup(w->cur);
}

/* Drop name i from the -G -W ring, the newer ones moving down. */
static void
pcapw_forget(struct pcapw *w, unsigned i)
{
	free(w->ring[i]);
	w->nring--;
	memmove(&w->ring[i], &w->ring[i + 1],
	    (w->nring - i) * sizeof w->ring[0]);
}

/* -z: "command file", not waited for; earlier ones are reaped here. */
void
pcapw_post(struct pcapw *w, const char *file)
{
	char	*argv[3];
	pid_t	 pid;

	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	if (w->conf.postrotate == NULL)
		return;
	argv[0] = (char *)w->conf.postrotate;
	argv[1] = (char *)file;
	argv[2] = NULL;
	posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
}

/* Is a new file due before this packet: -G's period, -C's size? */
int
pcapw_due(struct pcapw *w, time_t t)
{
	if (w->f == NULL)
		return 1;
	if (w->conf.rotate_secs != 0 &&
	    t - w->opened >= (time_t)w->conf.rotate_secs) {
		w->idx = 0;
		return 1;
	}
	if (w->conf.file_mb != 0 && ftell(w->f) >
	    (long)w->conf.file_mb * 1000000L) {
		w->idx++;
		if (w->conf.files != 0 && w->idx >= w->conf.files)
			w->idx = 0;
		return 1;
	}
	return 0;
}
