/*
 * The FreeBSD part of dropping privileges (priv.c does the user switch):
 * set no-new-privileges with procctl(2) (PROC_NO_NEW_PRIVS_CTL, FreeBSD
 * 14), so that nothing exec'd later regains any.  The BPF descriptor
 * itself is narrowed with Capsicum rights in bpfsys-freebsd.c, as
 * FreeBSD's tcpdump narrows its own; zbtop does not enter capability
 * mode (cap_enter) because "write FILE" opens files while it runs.
 * Built on FreeBSD only.
 */
#include <sys/types.h>
#include <sys/procctl.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cap.h"
#include "priv.h"

int
priv_seal(char *errbuf)
{
	int	 on = PROC_NO_NEW_PRIVS_ENABLE;

	if (procctl(P_PID, 0, PROC_NO_NEW_PRIVS_CTL, &on) == -1) {
		snprintf(errbuf, ZB_ERRBUFSZ, "cannot set no_new_privs: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
