/*
 * The change of user that -Z asks for, shared by priv.c (Linux) and
 * priv-freebsd.c: both look the account up and give up root through the
 * same POSIX and BSD calls.
 */
#include <sys/types.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "zb.h"
#include "priv-int.h"

#define PRIV_DEFAULT_USER	"nobody"

int
priv_user(const char **user, struct passwd **pw, char *errbuf)
{
	if (*user == NULL)
		*user = PRIV_DEFAULT_USER;
	if ((*pw = getpwnam(*user)) == NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: no such user", *user);
		return -1;
	}
	return 0;
}

int
priv_become(const struct passwd *pw, const char *user, char *errbuf)
{
	if (setgroups(0, NULL) == -1 ||
	    setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == -1 ||
	    setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot become %s: %s",
		    user, strerror(errno));
		return -1;
	}
	return 0;
}
