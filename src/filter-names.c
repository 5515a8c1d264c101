/*
 * A filter expression without its names, for the prompts' check as the
 * user types.  libpcap's pcap_compile() looks names up inside (a host
 * name through getaddrinfo, i.e. DNS), so compiling "host gate" after
 * each key asked the resolver for "g", "ga", "gat"... and froze the
 * screen for the resolver's timeout where DNS does not answer.  The
 * check compiles a copy instead where every word that could be a name
 * stands as an address needing no lookup; the expression itself, names
 * and all, is compiled once on Enter, as tcpdump does.
 *
 * The words are found as libpcap's scanner (scanner.l, libpcap 1.10)
 * finds its tokens: an ID is [A-Za-z0-9]([-_.A-Za-z0-9]*[.A-Za-z0-9])?
 * or a backslash and what follows up to a blank, '!' or a parenthesis,
 * unless a rule listed earlier matches as long (keywords, numbers,
 * dotted numbers, MAC and IPv6 addresses).  Anything in doubt counts as
 * a name: the check then says less, it never looks up.
 */
#include <sys/socket.h>
#include <arpa/inet.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "xmalloc.h"

#define FILTER_NOADDR	"0.0.0.0"	/* a HID: parsed, never looked up */

/* scanner.l's keywords and named numbers: these are not IDs. */
static const char *const filter_words[] = {
	"dst", "src", "link", "ether", "ppp", "slip", "fddi", "tr", "wlan",
	"arp", "rarp", "ip", "sctp", "tcp", "udp", "icmp", "igmp", "igrp",
	"pim", "vrrp", "carp", "radio", "ip6", "icmp6", "ah", "esp", "atalk",
	"aarp", "decnet", "lat", "sca", "moprc", "mopdl", "iso", "esis",
	"es-is", "isis", "is-is", "l1", "l2", "iih", "lsp", "snp", "csnp",
	"psnp", "clnp", "stp", "ipx", "netbeui", "host", "net", "mask",
	"port", "portrange", "proto", "protochain", "gateway", "type",
	"subtype", "direction", "dir", "address1", "addr1", "address2",
	"addr2", "address3", "addr3", "address4", "addr4", "ra", "ta",
	"less", "greater", "byte", "broadcast", "multicast", "and", "or",
	"not", "len", "length", "inbound", "outbound", "ifindex", "vlan",
	"mpls", "pppoed", "pppoes", "geneve", "lane", "llc", "metac", "bcc",
	"oam", "oamf4", "oamf4ec", "oamf4sc", "sc", "ilmic", "vpi", "vci",
	"connectmsg", "metaconnect", "on", "ifname", "rset", "ruleset",
	"rnr", "rulenum", "srnr", "subrulenum", "reason", "action", "fisu",
	"lssu", "lsu", "msu", "hfisu", "hlssu", "hmsu", "sio", "opc", "dpc",
	"sls", "hsio", "hopc", "hdpc", "hsls",
	"icmptype", "icmpcode", "icmp-echoreply", "icmp-unreach",
	"icmp-sourcequench", "icmp-redirect", "icmp-echo",
	"icmp-routeradvert", "icmp-routersolicit", "icmp-timxceed",
	"icmp-paramprob", "icmp-tstamp", "icmp-tstampreply", "icmp-ireq",
	"icmp-ireqreply", "icmp-maskreq", "icmp-maskreply", "icmp6type",
	"icmp6code", "icmp6-destinationunreach", "icmp6-packettoobig",
	"icmp6-timeexceeded", "icmp6-parameterproblem", "icmp6-echo",
	"icmp6-echoreply", "icmp6-multicastlistenerquery",
	"icmp6-multicastlistenerreportv1", "icmp6-multicastlistenerdone",
	"icmp6-routersolicit", "icmp6-routeradvert",
	"icmp6-neighborsolicit", "icmp6-neighboradvert", "icmp6-redirect",
	"icmp6-routerrenum", "icmp6-nodeinformationquery",
	"icmp6-nodeinformationresponse", "icmp6-ineighbordiscoverysolicit",
	"icmp6-ineighbordiscoveryadvert", "icmp6-multicastlistenerreportv2",
	"icmp6-homeagentdiscoveryrequest", "icmp6-homeagentdiscoveryreply",
	"icmp6-mobileprefixsolicit", "icmp6-mobileprefixadvert",
	"icmp6-certpathsolicit", "icmp6-certpathadvert",
	"icmp6-multicastrouteradvert", "icmp6-multicastroutersolicit",
	"icmp6-multicastrouterterm", "tcpflags", "tcp-fin", "tcp-syn",
	"tcp-rst", "tcp-push", "tcp-ack", "tcp-urg", "tcp-ece", "tcp-cwr",
};

/*
 * After these keywords an ID is looked up in a table of libpcap's own or
 * a local database, never DNS: protocol and ether type names, services
 * (getaddrinfo with no node), 802.11 types, pf names, LLC frame names.
 */
static const char *const filter_nodns[] = {
	"proto", "protochain", "port", "portrange", "type", "subtype",
	"direction", "dir", "on", "ifname", "rset", "ruleset", "reason",
	"action", "llc",
};

static int	filter_in(const char *const *, size_t, const char *, size_t);
static int	filter_idch(int);
static int	filter_numeric(const char *, size_t);
static int	filter_mac(const char *, size_t);
static size_t	filter_v6(const char *);

static int
filter_in(const char *const *t, size_t n, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strlen(t[i]) == len && strncmp(t[i], s, len) == 0)
			return 1;
	return 0;
}

static int
filter_idch(int c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
}

/* N ([0-9]+ or 0x hex) or a HID: two to four N joined by dots. */
static int
filter_numeric(const char *s, size_t len)
{
	size_t	i = 0, dots = 0;

	for (;;) {
		if (i + 2 < len && s[i] == '0' && (s[i + 1] == 'x' ||
		    s[i + 1] == 'X') && isxdigit((unsigned char)s[i + 2])) {
			for (i += 2; i < len && isxdigit((unsigned char)s[i]);)
				i++;
		} else if (i < len && isdigit((unsigned char)s[i])) {
			while (i < len && isdigit((unsigned char)s[i]))
				i++;
		} else
			return 0;
		if (i == len)
			return 1;
		if (s[i] != '.' || ++dots > 3)
			return 0;
		i++;
	}
}

/* scanner.l's MAC: six B joined by one of ":-.", three B2 by '.', or B2x3. */
static int
filter_mac(const char *s, size_t len)
{
	size_t	i, g, n;
	char	sep = 0;

	if (len == 12) {
		for (i = 0; i < len && isxdigit((unsigned char)s[i]); i++)
			;
		if (i == len)
			return 1;
	}
	for (i = 0, g = 0; i <= len; g++) {
		for (n = 0; i < len && isxdigit((unsigned char)s[i]); i++)
			n++;
		if (n == 0 || n > 4)
			return 0;
		if (i == len)
			return (g == 5 && n <= 2) || (g == 2 && n == 4 &&
			    sep == '.');
		if (sep == 0)
			sep = s[i];
		if (s[i] != sep || strchr(":-.", sep) == NULL)
			return 0;
		i++;
	}
	return 0;
}

/*
 * The length of an IPv6 or MAC address at s: a run of hex digits, ':'
 * and '.' with a ':' in it.  0 when there is none, or when it is
 * neither (one being typed): then its words count as names.
 */
static size_t
filter_v6(const char *s)
{
	unsigned char	a[16];
	char		buf[64];
	size_t		len;

	len = strspn(s, "0123456789abcdefABCDEF:.");
	if (len == 0 || memchr(s, ':', len) == NULL || len >= sizeof buf)
		return 0;
	if (filter_idch(s[len]))
		return 0;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (inet_pton(AF_INET6, buf, a) == 1 || filter_mac(buf, len))
		return len;
	return 0;
}

char *
filter_unname(const char *expr, int *names)
{
	const char	*s = expr, *prev = NULL;
	char		*out;
	size_t		 len, prevlen = 0, need, olen = 0, ocap;
	int		 name;

	*names = 0;
	ocap = strlen(expr) + 1;
	out = xmalloc(ocap);
	while (*s != '\0') {
		name = 0;
		if ((len = filter_v6(s)) > 0 && (s == expr ||
		    !filter_idch(s[-1])))
			;
		else if (*s == '$' && isxdigit((unsigned char)s[1])) {
			len = 2 + (isxdigit((unsigned char)s[2]) != 0);
		} else if (*s == '\\') {
			len = 1 + strcspn(s + 1, " !()\n\t");
			name = len > 1;
		} else if (isalnum((unsigned char)*s)) {
			for (len = 1; filter_idch(s[len]); len++)
				;
			while (s[len - 1] == '-' || s[len - 1] == '_')
				len--;
			name = !filter_numeric(s, len) && !filter_mac(s, len) &&
			    !filter_in(filter_words, sizeof filter_words /
			    sizeof filter_words[0], s, len);
		} else
			len = 1;
		if (name && prev != NULL && filter_in(filter_nodns,
		    sizeof filter_nodns / sizeof filter_nodns[0], prev,
		    prevlen))
			name = 0;
		need = name ? sizeof FILTER_NOADDR - 1 : len;
		if (olen + need + 1 > ocap) {
			ocap = 2 * ocap + need;
			out = xrealloc(out, ocap);
		}
		memcpy(out + olen, name ? FILTER_NOADDR : s, need);
		olen += need;
		*names += name;
		if (isalnum((unsigned char)*s) || *s == '\\') {
			prev = s;
			prevlen = len;
		} else if (!isspace((unsigned char)*s))
			prev = NULL;
		s += len;
	}
	out[olen] = '\0';
	return out;
}
