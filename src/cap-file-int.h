/*
 * What the two parts of the file backend share: cap-file.c (the ops
 * table, opening and closing, the consumer side and the control slots)
 * and cap-file-prod.c (the producer thread that plays the kernel of
 * zmodel.c).  Private to those files.  The mutex guards the producer's
 * side against rotate, setfilter, kstats and buffers; the consumer sees
 * buffers only through bpfz.c, the same core cap-bpf.c runs on FreeBSD.
 */
#ifndef ZBTOP_CAP_FILE_INT_H
#define ZBTOP_CAP_FILE_INT_H

#include <pcap/pcap.h>
#include <pthread.h>
#include <stdint.h>

#include "bpfz.h"
#include "cap.h"
#include "compat.h"
#include "zmodel.h"

/* done: how the producer ended. */
#define CAP_FILE_EOF		1
#define CAP_FILE_FAILED		2

/* At recorded speed, a silent gap longer than this is not slept through. */
#define CAP_FILE_MAXWAIT_NS	(5 * 1000000000LL)

/* The backend's state, cap->priv. */
struct cap_file {
	struct zmodel		 m;
	pcap_t			*pcap;
	/* A stream: libpcap reads it through rd (cap_file_read). */
	int			 stream;	/* a pipe, FIFO, tty or socket */
	int			 fd;		/* -1: libpcap opened a file */
	int			 ownfd;		/* fd is ours to close */
	struct compat_rd	 rd;
	char			 name[ZB_ERRBUFSZ]; /* escaped file name */
	double			 speed;
	int64_t			 tov;		/* read timeout, ns */
	uint32_t		 snaplen;
	int			 evfd;		/* producer -> consumer */
	int			 wakefd;
	pthread_t		 thread;
	int			 started;
	pthread_mutex_t		 mtx;
	pthread_cond_t		 cv;
	/* Under mtx. */
	struct bpf_insn		*prog;		/* producer's program */
	uint32_t		 epoch;		/* and its epoch */
	struct bpf_insn		*pend;		/* posted by setfilter */
	int			 havepend;
	uint32_t		 pend_epoch;
	int			 rotreq;	/* rotate asked, not answered */
	int			 rotres;
	int			 stop;
	int			 exited;
	int			 inread;	/* cap_file_quiet(): a stream waits */
	struct cap_kstats	 told;		/* totals already reported */
	/* Producer only. */
	int			 live;		/* cap_file_run() has begun */
	int			 halt;		/* cap_file_read() ended it */
	uint64_t		 nread;
	int64_t			 wall0, ts0;	/* pacing origin */
	int64_t			 swall;		/* store's first record, wall */
	int64_t			 tsprev;	/* the last record's time */
	/* Under mtx, reported and cleared by kstats. */
	uint64_t		 gaps, gap_s;
	/* Written once by the producer before done (release). */
	int			 done;
	char			 err[ZB_ERRBUFSZ];
	/* Consumer only. */
	uint32_t		 uepoch;
	struct bpf_program	 newest;	/* rechecks run it */
	struct bpfz		 z;		/* the FreeBSD consumer core */
	struct bpfz_view	 view[ZMODEL_NBUFS];
};

/* cap-file.c */
void	 cap_file_msg(char *, const char *, const char *, const char *);

/* cap-file-prod.c */
void	*cap_file_run(void *);
ssize_t	 cap_file_read(void *, void *, size_t);
void	 cap_file_serve(struct cap_file *);
int64_t	 cap_file_now(void);

#endif /* ZBTOP_CAP_FILE_INT_H */
