/*
 * tcpdump's options that print something and exit instead of capturing
 * (-d, -L, -J) and its -F filter file, with tcpdump's meaning (issue 10),
 * in compat.c; and, in compat-stdio.c, the stdio behaviour that differs
 * between glibc and FreeBSD.
 */
#ifndef ZBTOP_COMPAT_H
#define ZBTOP_COMPAT_H

#include <sys/types.h>

#include <stdio.h>

/* The listing options given. */
struct compat {
	int		 dump;		/* number of -d: bpf_dump's option */
	int		 nooptimize;	/* -O */
	int		 list_dlts;	/* -L */
	int		 list_tstamps;	/* -J without -b */
	const char	*filter_file;	/* -F */
};

/*
 * Run the one listing asked for, as tcpdump 4.99 does: -J, else -L, of
 * the interface (never NULL for them; never with a file), on stderr;
 * else -d's program, on stdout, for the link type of the interface or
 * file (Ethernet when neither is given, with tcpdump's warning).
 * Arguments: the options, interface, file, filter, snap length, errbuf.
 * Returns -1 when none was asked for, 0 when done, 1 on an error (the
 * reason in errbuf, ZB_ERRBUFSZ bytes).
 */
int	 compat_run(const struct compat *, const char *, const char *,
	    const char *, unsigned, char *);
/* The filter expression in a file, newlines made spaces; NULL: errbuf. */
char	*compat_read_filter(const char *, char *);

/*
 * A read-only stream whose bytes come from read, which keeps read(2)'s
 * contract (a count, 0 at the end, -1 and errno); arg is passed to it.
 * off counts the bytes read so far: ftell() on the stream gives it less
 * what stdio still buffers, the offset of the next byte a reader takes.
 * The stream seeks nowhere else, and fclose() leaves arg and whatever
 * read reads from to the caller.
 */
struct compat_rd {
	ssize_t		(*read)(void *, void *, size_t);
	void		*arg;
	off_t		 off;
};

/*
 * A stdio FILE over rd (glibc's fopencookie(3), FreeBSD's funopen(3)),
 * which must outlive it; NULL and errno when stdio cannot make one.
 */
FILE	*compat_fropen(struct compat_rd *);
/*
 * Lets ftell(fp) answer without a system call from now on.  glibc's
 * ftell asks the kernel (lseek(2)) every time until a seek has told stdio
 * where the stream stands (do_ftell in libio/fileops.c: its answer is
 * not kept); a seek to where the stream already is does, and changes
 * nothing else.  FreeBSD's stdio keeps the first answer (__SOFF).  A
 * stream that cannot seek (a pipe) is left as it is.
 */
void	 compat_ftell_cheap(FILE *);

#endif /* ZBTOP_COMPAT_H */
