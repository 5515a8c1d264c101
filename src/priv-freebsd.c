/*
 * Drops privileges after capture is open, on FreeBSD (priv.c is the
 * Linux version, with capabilities): root becomes the given user
 * (default nobody) with no supplementary groups, then no-new-privileges
 * is set with procctl(2) (PROC_NO_NEW_PRIVS_CTL, FreeBSD 14) so that
 * nothing exec'd later regains any.  The BPF descriptor keeps working
 * (its permissions are checked at open) and is narrowed with Capsicum
 * rights in bpfsys-freebsd.c, as FreeBSD's tcpdump narrows its own; no
 * cap_enter, because "write FILE" opens files while zbtop runs.  Built
 * on FreeBSD only.  The change of user repeats priv.c's on purpose: only
 * one of the two files is ever built (the Makefile's BSD_ONLY and
 * LINUX_ONLY), and on Linux it sits between the PR_SET_KEEPCAPS calls,
 * so a shared helper would scatter each system's order of steps.
 */
#include <sys/types.h>
#include <sys/procctl.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "priv.h"

#define PRIV_DEFAULT_USER	"nobody"

/* keep names Linux capabilities (the --sockets view): none here. */
int
priv_drop(const char *user, uint64_t keep, char *errbuf)
{
	struct passwd	*pw;
	int		 on = PROC_NO_NEW_PRIVS_ENABLE;

	if (geteuid() != 0 && user != NULL) {
		snprintf(errbuf, ZB_ERRBUFSZ, "-Z %s: only root can change "
		    "user", user);
		return -1;
	}
	if (geteuid() == 0) {
		if (user == NULL)
			user = PRIV_DEFAULT_USER;
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
	if (procctl(P_PID, 0, PROC_NO_NEW_PRIVS_CTL, &on) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set no_new_privs: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
