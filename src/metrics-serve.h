/*
 * Serving the metrics of metrics.h while zbtop runs, in any mode: over
 * HTTP at /metrics (--metrics ADDR:PORT) and as a file rewritten every
 * refresh (--metrics-file PATH, for node_exporter's textfile collector).
 */
#ifndef ZBTOP_METRICS_SERVE_H
#define ZBTOP_METRICS_SERVE_H

struct engine;
struct stats_snap;

struct metrics_serve_conf {
	const char	*addr;		/* "ADDR:PORT", "[ADDR6]:PORT"; NULL: none */
	const char	*file;		/* textfile; NULL: none */
	double		 interval;	/* seconds between file writes */
};

struct metrics_serve;

/*
 * Binds and listens on conf->addr and writes conf->file once, then
 * serves from threads of its own with every signal blocked.  Returns
 * NULL with the reason in errbuf (ZB_ERRBUFSZ): "cannot serve metrics
 * on 127.0.0.1:9750: Address already in use", "cannot write metrics to
 * PATH: Permission denied".
 */
struct metrics_serve	*metrics_serve_start(struct engine *,
			    const struct metrics_serve_conf *, char *);

/*
 * A front end's refresh: the file is written with sn's numbers (its
 * since-start counts), by the writer thread, and from then on only at
 * these calls, not every interval.  ms may be NULL.
 */
void			 metrics_serve_snap(struct metrics_serve *,
			    const struct stats_snap *);

/*
 * Writes the file a last time (the final counts), stops serving and
 * frees.  Returns -1 with the reason in errbuf when a file write failed
 * at any time, else 0.
 */
int			 metrics_serve_stop(struct metrics_serve *, char *);

#endif /* ZBTOP_METRICS_SERVE_H */
