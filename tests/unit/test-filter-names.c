/*
 * filter_unname: every word libpcap could look up as a host or network
 * name (DNS) stands as 0.0.0.0 in the copy the prompts check; keywords,
 * numbers, addresses and the words after proto, port and the other
 * qualifiers whose names come from local tables stay as typed.
 */
#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"

static int
same(const char *in, const char *want, int wnames)
{
	char	*got;
	int	 names, ok;

	got = filter_unname(in, &names);
	ok = strcmp(got, want) == 0 && names == wnames;
	if (!ok)
		fprintf(stderr, "%s -> %s (%d), want %s (%d)\n", in, got,
		    names, want, wnames);
	free(got);
	return ok;
}

/* Each word that could be a name, as 0.0.0.0; names: how many. */
static const struct {
	const char	*in, *want;
	int		 names;
} named[] = {
	/* The fault: each prefix of "host gate" asked DNS. */
	{ "host g", "host 0.0.0.0", 1 },
	{ "host gate", "host 0.0.0.0", 1 },
	{ "gate", "0.0.0.0", 1 },
	{ "src host a.example.com and not dst b-c",
	    "src host 0.0.0.0 and not dst 0.0.0.0", 2 },
	{ "net intranet", "net 0.0.0.0", 1 },
	{ "gateway gw", "gateway 0.0.0.0", 1 },
	{ "host \\gate", "host 0.0.0.0", 1 },
	/* Ending in '-' is not in an ID: the '-' stays. */
	{ "host gate-", "host 0.0.0.0-", 1 },
	/* Not a number or address: a name. */
	{ "host 1.2.3.4.5", "host 0.0.0.0", 1 },
	{ "host fe80:", "host 0.0.0.0:", 1 },
	{ "port http or gate", "port http or 0.0.0.0", 1 },
	{ "host tcpx", "host 0.0.0.0", 1 },
};

/* No names (keywords, numbers, addresses, local tables): unchanged. */
static const char *const kept[] = {
	"udp and port 53",
	"host 198.18.0.1 or net 10.1",
	"ip[0] & 0x0f > 5",
	"tcp[tcpflags] & tcp-syn != 0",
	"ether host 00:11:22:33:44:55",
	"ether host 0011.2233.4455",
	"ether src aabbccddeeff",
	"host fe80::1 or ip6 host ::ffff:1.2.3.4",
	"es-is or is-is",
	/* Local tables, never DNS. */
	"port http or portrange ftp-data-http",
	"ip proto tcp or ether proto \\ip",
	"wlan type mgt subtype beacon",
	"",
};

int
main(void)
{
	size_t	i;

	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		CHECK(same(named[i].in, named[i].want, named[i].names));
	for (i = 0; i < sizeof kept / sizeof kept[0]; i++)
		CHECK(same(kept[i], kept[i], 0));
	CHECK_DONE();
}
