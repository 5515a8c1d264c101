/*
 * Interfaces as libpcap names them: pcap_findalldevs() is the one list,
 * cut to what a live backend opens (cap_usable), so what -D numbers is
 * what -i N means and what -i takes.  Never prints but for -D's listing,
 * never exits.  The rules (numbers, the default interface) are tcpdump
 * 4.99's (tcpdump.c: find_interface_by_number, pcap_findalldevs head).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>

#include "cap.h"
#include "iface.h"
#include "tbuf.h"
#include "xmalloc.h"

static void	iface_flags(bpf_u_int32, char *, size_t);
static int	iface_nth(unsigned, char **, char *);
static int	iface_number(const char *, unsigned *);
static int	iface_pseudo(const char *, char *);

/*
 * The n-th usable interface (from 1), or with n 0 the first that is up
 * and not loopback, into *name (a copy).  0 found, 1 none, -1 error.
 */
static int
iface_nth(unsigned n, char **name, char *errbuf)
{
	pcap_if_t	*all, *d;
	char		 perr[PCAP_ERRBUF_SIZE];
	unsigned	 i = 0;

	*name = NULL;
	if (pcap_findalldevs(&all, perr) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot list interfaces: %s",
		    perr);
		return -1;
	}
	for (d = all; d != NULL && *name == NULL; d = d->next) {
		if (!cap_usable(d->name))
			continue;
		i++;
		if (n != 0 ? i == n : (d->flags & PCAP_IF_UP) &&
		    !(d->flags & PCAP_IF_LOOPBACK))
			*name = xstrdup(d->name);
	}
	pcap_freealldevs(all);
	return *name != NULL ? 0 : 1;
}

/*
 * -1, with the reason, when libpcap lists name but no live backend opens
 * it (nflog, nfqueue, dbus-system, bluetooth-monitor: cap_usable); else
 * 0, and an unknown name is the backend's "no such interface".
 */
static int
iface_pseudo(const char *name, char *errbuf)
{
	pcap_if_t	*all, *d;
	char		 perr[PCAP_ERRBUF_SIZE], shown[64], what[128];
	int		 rc = 0;

	if (name == NULL || cap_usable(name) ||
	    pcap_findalldevs(&all, perr) == -1)
		return 0;
	for (d = all; d != NULL && rc == 0; d = d->next) {
		if (strcmp(d->name, name) != 0)
			continue;
		esc_str(shown, sizeof shown, name, strlen(name));
		esc_str(what, sizeof what, d->description != NULL ?
		    d->description : "", d->description != NULL ?
		    strlen(d->description) : 0);
		snprintf(errbuf, ZB_ERRBUFSZ, "-i %s%s%s%s: libpcap lists "
		    "it, zbtop cannot capture on it (-D lists those it can)",
		    shown, *what != '\0' ? " (" : "", what,
		    *what != '\0' ? ")" : "");
		rc = -1;
	}
	pcap_freealldevs(all);
	return rc;
}

int
iface_capturable(const struct cap_conf *cc, char *errbuf)
{
	unsigned	k, n = cc->nifaces > 1 ? cc->nifaces : 1;

	for (k = 0; k < n; k++)
		if (iface_pseudo(n > 1 ? cc->ifaces[k] : cc->iface,
		    errbuf) == -1)
			return -1;
	return 0;
}

/* 1 with *n when s is all digits (tcpdump's test), else 0. */
static int
iface_number(const char *s, unsigned *n)
{
	unsigned long	v;
	char		*end;

	if (*s == '\0' || strspn(s, "0123456789") != strlen(s))
		return 0;
	errno = 0;
	v = strtoul(s, &end, 10);
	*n = errno != 0 || v > INT_MAX ? 0 : (unsigned)v;
	return 1;
}

int
iface_add(struct iface_set *is, const char *name, char *errbuf)
{
	if (is->n == CAP_MAXIF) {
		snprintf(errbuf, ZB_ERRBUFSZ, "-i: at most %d interfaces",
		    CAP_MAXIF);
		return -1;
	}
	is->name[is->n++] = name;
	return 0;
}

int
iface_resolve(struct iface_set *is, struct cap_conf *cc, char *errbuf)
{
	char		 shown[64];
	size_t		 len;
	unsigned	 j, k, n;
	int		 rc;

	for (k = 0; k < is->n; k++) {
		if (!iface_number(is->name[k], &n))
			continue;
		if (n == 0 || (rc = iface_nth(n, &is->owned[k], errbuf)) == 1) {
			esc_str(shown, sizeof shown, is->name[k],
			    strlen(is->name[k]));
			snprintf(errbuf, ZB_ERRBUFSZ, "-i %s: no such "
			    "interface number (-D lists them)", shown);
			return -1;
		}
		if (rc == -1)
			return -1;
		is->name[k] = is->owned[k];
	}
	if (is->n > 0)
		cc->iface = is->name[is->n - 1];
	if (is->n < 2)
		return 0;
	for (k = 0; k < is->n; k++) {
		if (strcmp(is->name[k], "any") == 0) {
			snprintf(errbuf, ZB_ERRBUFSZ, "-i any: not with "
			    "other -i");
			return -1;
		}
		/* Twice would count every packet twice: refused. */
		for (j = 0; j < k; j++)
			if (strcmp(is->name[j], is->name[k]) == 0) {
				esc_str(shown, sizeof shown, is->name[k],
				    strlen(is->name[k]));
				snprintf(errbuf, ZB_ERRBUFSZ, "-i %s: given "
				    "twice (by name or number); give each "
				    "interface once", shown);
				return -1;
			}
		cc->ifaces[k] = is->name[k];
		len = strlen(is->label);
		snprintf(is->label + len, sizeof is->label - len, "%s%s",
		    k > 0 ? "," : "", is->name[k]);
	}
	cc->nifaces = is->n;
	cc->iface = is->name[0];
	cc->label = is->label;
	return 0;
}

int
iface_default(struct iface_set *is, struct cap_conf *cc, char *errbuf)
{
	int	rc;

	if ((rc = iface_nth(0, &is->dflt, errbuf)) == 1)
		snprintf(errbuf, ZB_ERRBUFSZ, "no interface is up to capture "
		    "on (-D lists them; -r file replays one)");
	if (rc != 0)
		return -1;
	cc->iface = is->dflt;
	return 0;
}

/*
 * libpcap's flags of an interface as tcpdump -D shows them (tcpdump.c,
 * show_devices_and_exit): " [" the names of the Up, Running, Loopback and
 * Wireless bits, comma separated, "none" without any, then the connection
 * status when it applies, "]"; nothing when flags is 0.  Into buf (sz
 * bytes).
 */
static void
iface_flags(bpf_u_int32 flags, char *buf, size_t sz)
{
	static const struct {
		bpf_u_int32	 bit;
		const char	*name;
	} bits[] = {
		{ PCAP_IF_UP, "Up" },
		{ PCAP_IF_RUNNING, "Running" },
		{ PCAP_IF_LOOPBACK, "Loopback" },
		{ PCAP_IF_WIRELESS, "Wireless" }
	};
	const int	 wl = (flags & PCAP_IF_WIRELESS) != 0;
	const char	*st = NULL;
	size_t		 k, len;
	int		 any = 0;

	buf[0] = '\0';
	if (flags == 0)
		return;
	snprintf(buf, sz, " [");
	for (k = 0; k < sizeof bits / sizeof bits[0]; k++)
		if (flags & bits[k].bit) {
			len = strlen(buf);
			snprintf(buf + len, sz - len, "%s%s", any ? ", " : "",
			    bits[k].name);
			any = 1;
		}
	switch (flags & PCAP_IF_CONNECTION_STATUS) {
	case PCAP_IF_CONNECTION_STATUS_UNKNOWN:
		st = wl ? "Association status unknown" :
		    "Connection status unknown";
		break;
	case PCAP_IF_CONNECTION_STATUS_CONNECTED:
		st = wl ? "Associated" : "Connected";
		break;
	case PCAP_IF_CONNECTION_STATUS_DISCONNECTED:
		st = wl ? "Not associated" : "Disconnected";
		break;
	}
	len = strlen(buf);
	snprintf(buf + len, sz - len, "%s%s%s]", any ? "" : "none",
	    st != NULL ? ", " : "", st != NULL ? st : "");
}

int
iface_list(FILE *f, char *errbuf)
{
	pcap_if_t	*all, *d;
	char		 perr[PCAP_ERRBUF_SIZE], name[128], desc[256];
	char		 flags[80];
	int		 i = 1;

	if (pcap_findalldevs(&all, perr) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot list interfaces: %s",
		    perr);
		return -1;
	}
	for (d = all; d != NULL; d = d->next) {
		if (!cap_usable(d->name))
			continue;
		esc_str(name, sizeof name, d->name, strlen(d->name));
		desc[0] = '\0';
		if (d->description != NULL)
			esc_str(desc, sizeof desc, d->description,
			    strlen(d->description));
		iface_flags(d->flags, flags, sizeof flags);
		fprintf(f, "%d.%s%s%s%s%s\n", i, name, desc[0] ? " (" : "",
		    desc, desc[0] ? ")" : "", flags);
		i++;
	}
	pcap_freealldevs(all);
	return 0;
}

void
iface_free(struct iface_set *is)
{
	unsigned	k;

	for (k = 0; k < is->n; k++)
		free(is->owned[k]);
	free(is->dflt);
	memset(is, 0, sizeof *is);
}
