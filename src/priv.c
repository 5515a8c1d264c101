/*
 * Drops privileges after capture is open, as tcpdump's -Z does.  Root
 * becomes the given user (default nobody) with no supplementary groups;
 * then the per-OS part (priv-linux.c, priv-freebsd.c) takes away what is
 * left and makes sure nothing exec'd later can regain any.  Open capture
 * descriptors keep working: Linux checks CAP_NET_RAW at socket() time
 * only (net/packet/af_packet.c, packet_create), FreeBSD checks /dev/bpf's
 * permissions at open().
 */
#include <sys/types.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "priv.h"

#define PRIV_DEFAULT_USER	"nobody"

int
priv_drop(const char *user, char *errbuf)
{
	struct passwd	*pw;

	if (geteuid() != 0) {
		if (user != NULL) {
			snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: only root can "
			    "change user", user);
			return -1;
		}
	} else {
		if (user == NULL)
			user = PRIV_DEFAULT_USER;
		errno = 0;
		if ((pw = getpwnam(user)) == NULL) {
			snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: no such user",
			    user);
			return -1;
		}
		if (setgroups(0, NULL) == -1 ||
		    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == -1 ||
		    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == -1) {
			snprintf(errbuf, ZB_ERRBUFSZ, "cannot become %s: %s",
			    user, strerror(errno));
			return -1;
		}
		if (pw->pw_uid != 0 && setuid(0) != -1) {
			snprintf(errbuf, ZB_ERRBUFSZ, "could regain root "
			    "after becoming %s", user);
			return -1;
		}
	}
	return priv_seal(errbuf);
}
