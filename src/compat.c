/*
 * tcpdump's listing options, done through libpcap exactly as tcpdump does
 * them: -d compiles the filter on a handle of the interface or file, so
 * the link type and libpcap's live-capture code generation (VLAN tags in
 * metadata on Linux) are the ones capture will use, and bpf_dump() prints
 * it; -L and -J ask the handle for its link and time stamp types.  Never
 * captures: the handle is closed before anything is read.  Streams and
 * words are tcpdump 4.99's (tcpdump.c, show_dlts_and_exit and
 * show_tstamp_types_and_exit): the programs on stdout, the lists on
 * stderr, -r's "reading from file" line and -d's "Warning: assuming
 * Ethernet" on stderr.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "compat.h"
#include "dec.h"
#include "print.h"
#include "tbuf.h"
#include "xmalloc.h"
#include "zb.h"

#define COMPAT_MAXFILTER	(1 << 20)	/* bytes of a -F file */

static pcap_t	*compat_open(const char *, const char *, unsigned, int *,
		    char *);
static int	 compat_dump(const struct compat *, pcap_t *, const char *,
		    char *);
static int	 compat_dlts(pcap_t *, const char *, int, char *);
static int	 compat_tstamps(pcap_t *, const char *, char *);

/*
 * A handle to ask: activated for -d and -L, only created for -J (*rfmon
 * -1).  For -L, *rfmon is set to 1 when the interface can do monitor
 * mode, as tcpdump asks before activating.
 */
static pcap_t *
compat_open(const char *iface, const char *file, unsigned snaplen,
    int *rfmon, char *errbuf)
{
	char	 perr[PCAP_ERRBUF_SIZE], name[128];
	pcap_t	*p;
	int	 rc, activate = *rfmon != -1;

	if (snaplen == 0)
		snaplen = 262144;
	if (file != NULL) {
		esc_str(name, sizeof name, file, strlen(file));
		if ((p = pcap_open_offline(file, perr)) == NULL)
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot read %s: %s",
			    name, perr);
		else
			print_reading(file, pcap_datalink(p),
			    pcap_snapshot(p));
		return p;
	}
	if (iface == NULL) {
		fprintf(stderr, "Warning: assuming Ethernet\n");
		return pcap_open_dead(DLT_EN10MB, (int)snaplen);
	}
	esc_str(name, sizeof name, iface, strlen(iface));
	if ((p = pcap_create(iface, perr)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s: %s", name, perr);
		return NULL;
	}
	pcap_set_snaplen(p, (int)snaplen);
	if (activate)
		*rfmon = pcap_can_set_rfmon(p) == 1;
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
	int	 rc, rfmon = tc->list_tstamps ? -1 : 0;

	if (!tc->dump && !tc->list_dlts && !tc->list_tstamps)
		return -1;
	if ((p = compat_open(iface, file, snaplen, &rfmon, errbuf)) == NULL)
		return 1;
	if (tc->list_tstamps)
		rc = compat_tstamps(p, iface, errbuf);
	else if (tc->list_dlts)
		rc = compat_dlts(p, iface, rfmon, errbuf);
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

/*
 * As tcpdump -L: every link type the interface offers, those zbtop
 * cannot print (dec_dlt_supported) marked as tcpdump marks its own.
 */
static int
compat_dlts(pcap_t *p, const char *iface, int rfmon, char *errbuf)
{
	const char	*name, *desc;
	char		 ename[128];
	int		*dlts, n, i;

	if ((n = pcap_list_datalinks(p, &dlts)) < 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", pcap_geterr(p));
		return 1;
	}
	if (n == 0) {
		pcap_free_datalinks(dlts);
		snprintf(errbuf, ZB_ERRBUFSZ, "No data link types.");
		return 1;
	}
	esc_str(ename, sizeof ename, iface, strlen(iface));
	fprintf(stderr, "Data link types for %s%s (use option -y to set):\n",
	    ename, rfmon ? " when not in monitor mode" : "");
	for (i = 0; i < n; i++) {
		name = pcap_datalink_val_to_name(dlts[i]);
		desc = pcap_datalink_val_to_description(dlts[i]);
		if (name == NULL) {
			fprintf(stderr, "  DLT %d (printing not supported)\n",
			    dlts[i]);
			continue;
		}
		fprintf(stderr, "  %s (%s)%s\n", name, desc != NULL ? desc :
		    "", dec_dlt_supported(dlts[i]) ? "" :
		    " (printing not supported)");
	}
	pcap_free_datalinks(dlts);
	return 0;
}

/* As tcpdump -J. */
static int
compat_tstamps(pcap_t *p, const char *iface, char *errbuf)
{
	const char	*name, *desc;
	char		 ename[128];
	int		*ts, n, i;

	esc_str(ename, sizeof ename, iface, strlen(iface));
	if ((n = pcap_list_tstamp_types(p, &ts)) < 0) {
		snprintf(errbuf, ZB_ERRBUFSZ, "%s", pcap_geterr(p));
		return 1;
	}
	if (n == 0) {
		fprintf(stderr, "Time stamp type cannot be set for %s\n",
		    ename);
		return 0;
	}
	fprintf(stderr, "Time stamp types for %s (use option -j to set):\n",
	    ename);
	for (i = 0; i < n; i++) {
		name = pcap_tstamp_type_val_to_name(ts[i]);
		desc = pcap_tstamp_type_val_to_description(ts[i]);
		if (name != NULL)
			fprintf(stderr, "  %s (%s)\n", name,
			    desc != NULL ? desc : "");
		else
			fprintf(stderr, "  %d\n", ts[i]);
	}
	pcap_free_tstamp_types(ts);
	return 0;
}

/*
 * tcpdump -F: the whole file is the expression; '#' starts a comment
 * that ends at a newline (not at a carriage return alone: tcpdump's
 * read_infile blanks up to '\n').  Counted by bytes read, not by the
 * text kept, so /dev/zero or a file of comments ends too; a NUL byte is
 * refused (it would end the string where the file goes on).
 */
char *
compat_read_filter(const char *path, char *errbuf)
{
	struct tbuf	 tb;
	char		 name[128];
	const char	*why = NULL;
	FILE		*f;
	size_t		 n = 0;
	int		 c, comment = 0;

	esc_str(name, sizeof name, path, strlen(path));
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot read %s: %s", name,
		    strerror(errno));
		return NULL;
	}
	tbuf_init(&tb);
	tbuf_puts(&tb, "");
	while (why == NULL && (c = getc(f)) != EOF) {
		if (c == '\0')
			why = "a NUL byte, not an expression";
		else if (++n > COMPAT_MAXFILTER)
			why = "longer than 1 MiB";
		else if (c == '\n') {
			comment = 0;
			tbuf_putc(&tb, ' ');
		} else if (c == '#' || comment)
			comment = 1;
		else
			tbuf_putc(&tb, c == '\r' ? ' ' : (char)c);
	}
	if (why == NULL && ferror(f))
		why = strerror(errno);
	fclose(f);
	if (why != NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot read %s: %s", name, why);
		tbuf_free(&tb);
		return NULL;
	}
	return tb.s;
}
