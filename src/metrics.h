/*
 * Prometheus metrics: a stats snapshot as the text exposition format
 * (version 0.0.4).  The names and labels are an interface others alert
 * on: keep them stable, and list any new one in man/zbtop.8.
 */
#ifndef ZBTOP_METRICS_H
#define ZBTOP_METRICS_H

struct stats_snap;
struct tbuf;

/* The Content-Type the text below is served with. */
#define METRICS_CONTENT_TYPE	"text/plain; version=0.0.4; charset=utf-8"

/*
 * Appends every metric of sn to tb: a HELP and a TYPE line per family,
 * then its samples.  Counters are totals since start (clear does not
 * touch them), in packets, bytes and seconds.  Cannot fail.
 */
void	metrics_render(const struct stats_snap *, struct tbuf *);

#endif /* ZBTOP_METRICS_H */
