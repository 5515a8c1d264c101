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

int
main(void)
{
	/* The fault: each prefix of "host gate" asked DNS. */
	CHECK(same("host g", "host 0.0.0.0", 1));
	CHECK(same("host gate", "host 0.0.0.0", 1));
	CHECK(same("gate", "0.0.0.0", 1));
	CHECK(same("src host a.example.com and not dst b-c",
	    "src host 0.0.0.0 and not dst 0.0.0.0", 2));
	CHECK(same("net intranet", "net 0.0.0.0", 1));
	CHECK(same("gateway gw", "gateway 0.0.0.0", 1));
	CHECK(same("host \\gate", "host 0.0.0.0", 1));
	/* Ending in '-' is not in an ID: the '-' stays. */
	CHECK(same("host gate-", "host 0.0.0.0-", 1));
	/* No names: unchanged. */
	CHECK(same("udp and port 53", "udp and port 53", 0));
	CHECK(same("host 198.18.0.1 or net 10.1", "host 198.18.0.1 or "
	    "net 10.1", 0));
	CHECK(same("ip[0] & 0x0f > 5", "ip[0] & 0x0f > 5", 0));
	CHECK(same("tcp[tcpflags] & tcp-syn != 0",
	    "tcp[tcpflags] & tcp-syn != 0", 0));
	CHECK(same("ether host 00:11:22:33:44:55",
	    "ether host 00:11:22:33:44:55", 0));
	CHECK(same("ether host 0011.2233.4455", "ether host 0011.2233.4455",
	    0));
	CHECK(same("ether src aabbccddeeff", "ether src aabbccddeeff", 0));
	CHECK(same("host fe80::1 or ip6 host ::ffff:1.2.3.4",
	    "host fe80::1 or ip6 host ::ffff:1.2.3.4", 0));
	CHECK(same("es-is or is-is", "es-is or is-is", 0));
	/* Local tables, never DNS: kept. */
	CHECK(same("port http or portrange ftp-data-http",
	    "port http or portrange ftp-data-http", 0));
	CHECK(same("ip proto tcp or ether proto \\ip", "ip proto tcp or "
	    "ether proto \\ip", 0));
	CHECK(same("wlan type mgt subtype beacon",
	    "wlan type mgt subtype beacon", 0));
	/* Not a number or address: a name. */
	CHECK(same("host 1.2.3.4.5", "host 0.0.0.0", 1));
	CHECK(same("host fe80:", "host 0.0.0.0:", 1));
	CHECK(same("port http or gate", "port http or 0.0.0.0", 1));
	CHECK(same("host tcpx", "host 0.0.0.0", 1));
	CHECK(same("", "", 0));
	CHECK_DONE();
}
