/*
 * tcpdump's listing options, done through libpcap exactly as tcpdump does
 * them: -d compiles the filter on a handle of the interface or file, so
 * the link type and libpcap's live-capture code generation (VLAN tags in
 * metadata on Linux) are the ones capture will use, and bpf_dump() prints
 * it; -L and -J ask the handle for its link and time stamp types.  Never
 * captures: the handle is closed before anything is read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "compat.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

#define COMPAT_MAXFILTER	(1 << 20)	/* bytes of a -F file */

static pcap_t	*compat_open(const char *, const char *, unsigned, int,
		    char *);
static int	 compat_dump(const struct compat *, pcap_t *, const char *,
		    char *);
static int	 compat_dlts(pcap_t *, const char *, char *);
static int	 compat_tstamps(pcap_t *, const char *, char *);

/* A handle to ask: activated for -d and -L, only created for -J. */
static pcap_t *
compat_open(const char *iface, const char *file, unsigned snaplen,
    int activate, char *errbuf)
{
	char	 perr[PCAP_ERRBUF_SIZE], name[128];
	pcap_t	*p;
	int	 rc;

	if (snaplen == 0)
		snaplen = 262144;
	if (file != NULL) {
		esc_str(name, sizeof name, file, strlen(file));
		if ((p = pcap_open_offline(file, perr)) == NULL)
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot read %s: %s",
			    name, perr);
		return p;
	}
	if (iface == NULL)
		return pcap_open_dead(DLT_EN10MB, (int)snaplen);
	esc_str(name, sizeof name, iface, strlen(iface));
	if ((p = pcap_create(iface, perr)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s: %s", name, perr);
		return NULL;
	}
	pcap_set_snaplen(p, (int)snaplen);
	/* The same hint as capture's own refusal (cap-linux.c). */
	if (activate && (rc = pcap_activate(p)) < 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s: %s%s", name, pcap_geterr(p),
		    rc == PCAP_ERROR_PERM_DENIED ? " (needs CAP_NET_RAW; -r "
		    "FILE needs no privileges)" : "");
		pcap_close(p);
		return NULL;
	}
	/* any: cooked v2, what zbtop captures there and tcpdump 4.99 picks. */
	if (activate && strcmp(iface, "any") == 0)
		(void)pcap_set_datalink(p, DLT_LINUX_SLL2);
	return p;
}

int
compat_run(const struct compat *tc, const char *iface, const char *file,
    const char *filter, unsigned snaplen, char *errbuf)
{
	pcap_t	*p;
	int	 rc;

	if (!tc->dump && !tc->list_dlts && !tc->list_tstamps)
		return -1;
	if (tc->list_tstamps && iface == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "-J lists an interface's time "
		    "stamp types: give -i (with -b, -J is JSON)");
		return 1;
	}
	if ((p = compat_open(iface, file, snaplen, !tc->list_tstamps,
	    errbuf)) == NULL)
		return 1;
	if (tc->list_tstamps)
		rc = compat_tstamps(p, iface, errbuf);
	else if (tc->list_dlts)
		rc = compat_dlts(p, iface != NULL ? iface : file, errbuf);
	else
		rc = compat_dump(tc, p, filter, errbuf);
	pcap_close(p);
	return rc;
}

/* tcpdump's -d, -dd, -ddd: bpf_dump() with the number of d's. */
static int
compat_dump(const struct compat *tc, pcap_t *p, const char *filter,
    char *errbuf)
{
	struct bpf_program	prog;

	if (pcap_compile(p, &prog, filter != NULL ? filter : "",
	    !tc->nooptimize, PCAP_NETMASK_UNKNOWN) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "bad filter: %s",
		    pcap_geterr(p));
		return 1;
	}
	bpf_dump(&prog, tc->dump);
	pcap_freecode(&prog);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* As tcpdump -L: every link type the handle offers. */
static int
compat_dlts(pcap_t *p, const char *what, char *errbuf)
{
	const char	*name, *desc;
	char		 ename[128];
	int		*dlts, n, i;

	if ((n = pcap_list_datalinks(p, &dlts)) < 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", pcap_geterr(p));
		return 1;
	}
	esc_str(ename, sizeof ename, what, strlen(what));
	printf("Data link types for %s (use option -y to set):\n", ename);
	for (i = 0; i < n; i++) {
		name = pcap_datalink_val_to_name(dlts[i]);
		desc = pcap_datalink_val_to_description(dlts[i]);
		if (name != NULL)
			printf("  %s (%s)\n", name, desc != NULL ? desc :
			    "not supported");
		else
			printf("  DLT %d (not supported)\n", dlts[i]);
	}
	pcap_free_datalinks(dlts);
	return 0;
}

/* As tcpdump -J. */
static int
compat_tstamps(pcap_t *p, const char *iface, char *errbuf)
{
	const char	*desc;
	char		 ename[128];
	int		*ts, n, i;

	esc_str(ename, sizeof ename, iface, strlen(iface));
	if ((n = pcap_list_tstamp_types(p, &ts)) < 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", pcap_geterr(p));
		return 1;
	}
	if (n == 0) {
		printf("Time stamp type cannot be set for %s\n", ename);
		return 0;
	}
	printf("Time stamp types for %s (use option -j to set):\n", ename);
	for (i = 0; i < n; i++) {
		desc = pcap_tstamp_type_val_to_description(ts[i]);
		printf("  %s (%s)\n", pcap_tstamp_type_val_to_name(ts[i]),
		    desc != NULL ? desc : "?");
	}
	pcap_free_tstamp_types(ts);
	return 0;
}

/* tcpdump -F: the whole file is the expression; '#' starts a comment. */
char *
compat_read_filter(const char *path, char *errbuf)
{
	struct tbuf	 tb;
	char		 line[4096], name[128];
	FILE		*f;
	char		*hash;

	esc_str(name, sizeof name, path, strlen(path));
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot read %s: %s", name,
		    strerror(errno));
		return NULL;
	}
	tbuf_init(&tb);
	tbuf_puts(&tb, "");
	while (fgets(line, sizeof line, f) != NULL) {
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		if ((hash = strpbrk(line, "\r\n")) != NULL)
			*hash = ' ';
		tbuf_puts(&tb, line);
		if (tb.len > COMPAT_MAXFILTER)
			break;
	}
	if (ferror(f) || tb.len > COMPAT_MAXFILTER) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot read %s: %s", name,
		    ferror(f) ? strerror(errno) : "longer than 1 MiB");
		fclose(f);
		tbuf_free(&tb);
		return NULL;
	}
	fclose(f);
	return tb.s;
}
