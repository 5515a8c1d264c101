/*
 * Drops privileges after capture is open, on FreeBSD (priv.c is the
 * Linux version, with capabilities): root becomes the given user
 * (default nobody) with no supplementary groups, then no-new-privileges
 * is set with procctl(2) (PROC_NO_NEW_PRIVS_CTL, FreeBSD 14) so that
 * nothing exec'd later regains any.  The BPF descriptor keeps working
 * (its permissions are checked at open) and is narrowed with Capsicum
 * rights in bpfsys-freebsd.c, as FreeBSD's tcpdump narrows its own; no
 * cap_enter, because "write FILE" opens files while zbtop runs.  Built
 * on FreeBSD only (the Makefile's BSD_ONLY); the change of user itself is
 * priv-user.c's, shared with Linux.
 */
#include <sys/types.h>
#include <sys/procctl.h>

#include <errno.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cap.h"
#include "priv.h"
#include "priv-int.h"

/*
 * keep names Linux capabilities (the --sockets view).  FreeBSD has none
 * to keep, and its list (psock-bpf.c) needs root on every refresh
 * (bpf_stats_sysctl, PRIV_NET_BPF), so a non-zero keep stays root, with
 * no_new_privs set, unless -Z names a user (whose list then fails).
 * XXX a privileged child answering only that sysctl (tcpdump's privsep)
 * would let even the list run as nobody.
 */
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
	if (geteuid() == 0 && (keep == 0 || user != NULL)) {
		if (priv_user(&user, &pw, errbuf) == -1 ||
		    priv_become(pw, user, errbuf) == -1)
			return -1;
		if (pw->pw_uid != 0 && setuid(0) != -1) {
			snprintf(errbuf, ZB_ERRBUFSZ, "could regain root "
			    "after becoming %s", user);
			return -1;
		}
	}
	/* Our own pid: older kernels take id 0 as process 0, not the caller. */
	if (procctl(P_PID, getpid(), PROC_NO_NEW_PRIVS_CTL, &on) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set no_new_privs: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
